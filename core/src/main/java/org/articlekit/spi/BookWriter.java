package org.articlekit.spi;

import java.io.IOException;
import java.io.OutputStream;
import org.articlekit.Book;

/**
 * Writes a {@link Book} (an ordered collection of articles) as one document.
 *
 * <p>Never closes the stream; implementations are thread-safe.
 */
public interface BookWriter {

    /**
     * @param book the book
     * @param out where the bytes go; written but not closed
     * @param context the options, limits and warning sink
     * @throws IOException when writing fails
     */
    void writeBook(Book book, OutputStream out, ConversionContext context) throws IOException;
}
