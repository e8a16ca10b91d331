package org.articlekit.internal.feed;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.BookReader;

/**
 * The feed format: RSS 0.9x, 1.0 and 2.0, Atom 1.0 and JSON Feed 1.0 and 1.1, read as books with an
 * article per item, in feed order. There is no writer.
 *
 * <p>Only {@code rss} and {@code atom} are claimed as extensions: {@code xml} and {@code json} name
 * too many other files for a folder scan to take them as feeds. A {@code feed.xml} or {@code feed.json}
 * named directly is found by its content, which {@link #sniff(byte[])} recognises with certainty.
 */
public final class FeedFormat implements ArticleFormat {

    static final String RSS_10 = "http://purl.org/rss/1.0/";
    static final String RSS_090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String ATOM = "http://www.w3.org/2005/Atom";

    private static final FeedReader READER = new FeedReader();
    private static final Pattern JSON_FEED_VERSION = Pattern.compile(
            "\"version\"\\s*:\\s*\"https?://(?:www\\.)?jsonfeed\\.org/version/");

    @Override
    public String id() {
        return "feed";
    }

    @Override
    public String mediaType() {
        return "application/rss+xml";
    }

    @Override
    public List<String> extensions() {
        return List.of("rss", "atom");
    }

    /**
     * Scores 90 for an XML document whose root is {@code rss}, an RDF root holding RSS 1.0 or 0.90,
     * or an Atom 1.0 {@code feed} (after a BOM, the XML declaration, comments, processing
     * instructions and a DOCTYPE, which the reader then refuses), and for a JSON object whose
     * {@code version} is a {@code jsonfeed.org/version/} address; 0 for anything else.
     */
    @Override
    public int sniff(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1);
        int i = s.startsWith("\u00ef\u00bb\u00bf") ? 3 : 0;
        i = skipSpace(s, i);
        if (i < s.length() && s.charAt(i) == '{') {
            return JSON_FEED_VERSION.matcher(s).find() ? 90 : 0;
        }
        while (i < s.length()) {
            if (s.startsWith("<?", i)) {
                i = after(s, "?>", i);
            } else if (s.startsWith("<!--", i)) {
                i = after(s, "-->", i);
            } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int bracket = s.indexOf('[', i);
                int close = s.indexOf('>', i);
                i = bracket >= 0 && bracket < close ? after(s, "]", bracket) : close < 0 ? -1 : close + 1;
                if (i > 0) {
                    i = after(s, ">", i - 1);
                }
            } else {
                break;
            }
            if (i < 0) {
                return 0;
            }
            i = skipSpace(s, i);
        }
        if (i >= s.length() || s.charAt(i) != '<') {
            return 0;
        }
        int end = i + 1;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != '>'
                && s.charAt(end) != '/') {
            end++;
        }
        String name = s.substring(i + 1, end);
        String local = name.substring(name.indexOf(':') + 1);
        int tagEnd = s.indexOf('>', end);
        String startTag = s.substring(i, tagEnd < 0 ? s.length() : tagEnd);
        if (name.equals("rss")) {
            return 90;
        }
        if (local.equals("RDF") && (startTag.contains(RSS_10) || startTag.contains(RSS_090))) {
            return 90;
        }
        if (local.equals("feed") && startTag.contains(ATOM)) {
            return 90;
        }
        return 0;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int after(String s, String token, int from) {
        int at = s.indexOf(token, from);
        return at < 0 ? -1 : at + token.length();
    }

    @Override
    public Optional<BookReader> bookReader() {
        return Optional.of(READER);
    }

    /**
     * Whether an article read from a feed has only what the feed gave as the item's summary or
     * description for a body, and no separate full content: the reader then sets the article's
     * summary to exactly the body's text, which is how this tells. An item with content and a
     * different summary is not summary-only.
     *
     * @param article an article from {@link #bookReader()}
     * @return whether its body is the item's summary
     */
    public static boolean isSummaryOnly(Article article) {
        Optional<String> summary = article.metadata().summary();
        return summary.isPresent() && !article.body().isEmpty() && summary.get().equals(article.body().text());
    }
}
