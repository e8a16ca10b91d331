package org.articlekit.spi;

import java.io.IOException;
import java.io.OutputStream;
import org.articlekit.Article;

/**
 * Turns an {@link Article} into the bytes of one document.
 *
 * <p>A writer never closes the stream it is given. What the format cannot express is kept in some
 * form where possible, and otherwise reported as a warning through {@link ConversionContext#warn}.
 * Implementations are thread-safe.
 */
public interface ArticleWriter {

    /**
     * Writes one article.
     *
     * @param article the article
     * @param out where the bytes go; written but not closed
     * @param context the options, limits and warning sink
     * @throws IOException when writing fails
     */
    void write(Article article, OutputStream out, ConversionContext context) throws IOException;
}
