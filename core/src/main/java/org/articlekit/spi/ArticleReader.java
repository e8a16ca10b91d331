package org.articlekit.spi;

import java.io.IOException;
import java.io.InputStream;
import org.articlekit.Article;

/**
 * Turns the bytes of one document into an {@link Article}.
 *
 * <p>A reader never closes the stream it is given and never opens files or URLs itself: it asks
 * {@link ConversionContext#resolver()}. Its body goes through {@link org.articlekit.BodyNormalizer}, so
 * it follows the article HTML profile. Implementations are thread-safe.
 */
public interface ArticleReader {

    /**
     * Reads one article.
     *
     * @param in the document's bytes; read but not closed
     * @param context the source name, base URI, options, limits and warning sink
     * @return the article
     * @throws org.articlekit.ArticleFormatException when the input is not a usable document of
     *     this format, naming the file and place
     * @throws IOException when reading the stream fails
     */
    Article read(InputStream in, ConversionContext context) throws IOException;
}
