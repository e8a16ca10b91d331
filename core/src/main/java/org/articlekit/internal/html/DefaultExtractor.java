package org.articlekit.internal.html;

import org.articlekit.spi.ContentExtractor;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The simple stand-in for main-content extraction: the {@code <article>} with the most text,
 * else {@code <main>} (or {@code [role=main]}), else {@code <body>}.
 */
public final class DefaultExtractor implements ContentExtractor {

    /** The shared instance. */
    public static final DefaultExtractor INSTANCE = new DefaultExtractor();

    private DefaultExtractor() {
    }

    @Override
    public Element extract(Document page, ConversionContext context) {
        Element best = null;
        int bestLength = -1;
        for (Element a : page.getElementsByTag("article")) {
            int length = a.text().length();
            if (length > bestLength) {
                best = a;
                bestLength = length;
            }
        }
        if (best != null) {
            return best;
        }
        Element main = page.selectFirst("main, [role=main]");
        return main != null ? main : page.body();
    }
}
