package org.articlekit.spi;

import java.io.IOException;
import java.io.InputStream;
import org.articlekit.Book;

/**
 * Turns a document that holds several articles (an EPUB, a PDF) into a {@link Book}.
 *
 * <p>Never closes the stream; implementations are thread-safe.
 */
public interface BookReader {

    /**
     * @param in the document's bytes; read but not closed
     * @param context the source name, options, limits and warning sink
     * @return the book, an article per chapter
     * @throws org.articlekit.ArticleFormatException when the input is not usable
     * @throws IOException when reading fails
     */
    Book readBook(InputStream in, ConversionContext context) throws IOException;
}
