package org.articlekit.spi;

import java.io.IOException;
import org.articlekit.internal.extract.MainContentExtractor;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds the article inside a whole web page: the part that is the story, without navigation,
 * share buttons or lists of related links.
 *
 * <p>The HTML reader calls it for whole pages; the built-in ones are chosen with
 * {@link org.articlekit.html.HtmlOptions.Extraction} (by default, scoring of the page's blocks).
 * Implementations are thread-safe and must not change {@code page}.
 */
@FunctionalInterface
public interface ContentExtractor {

    /**
     * @param page the parsed page; do not modify it
     * @param context the conversion context (for warnings and the deadline)
     * @return the element holding the main content (a detached copy or an element of {@code page})
     * @throws IOException when the deadline passes or the page has no content at all
     */
    Element extract(Document page, ConversionContext context) throws IOException;

    /**
     * The built-in extractor the HTML reader uses by default
     * ({@link org.articlekit.html.HtmlOptions.Extraction#MAIN_CONTENT}), for measuring or wrapping it.
     *
     * @return the shared, thread-safe instance
     */
    static ContentExtractor mainContent() {
        return MainContentExtractor.INSTANCE;
    }
}
