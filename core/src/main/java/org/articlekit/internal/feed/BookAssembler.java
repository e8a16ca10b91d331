package org.articlekit.internal.feed;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Book;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.internal.html.Xhtml;
import org.articlekit.spi.ConversionContext;
import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link FeedDraft} into a {@link Book}: one table of rules from feed fields to metadata,
 * the address checks, and the body clean-up, the same for XML and JSON feeds.
 */
final class BookAssembler {

    private final ConversionContext ctx;

    BookAssembler(ConversionContext ctx) {
        this.ctx = ctx;
    }

    Book assemble(FeedDraft feed) throws ArticleFormatException {
        int max = ctx.limits().maxFeedItems();
        if (feed.itemCount > max) {
            ctx.warn("feed.items", 0, "the feed has " + feed.itemCount + " items; the first " + max
                    + " were kept and " + (feed.itemCount - max) + " dropped (the limit is maxFeedItems)");
        }
        String feedTitle = feed.title;
        String language = language(feed.language, 0, "the feed");
        Metadata.Builder book = Metadata.builder().title(feedTitle).language(language).summary(feed.summary)
                .authors(feed.authors).sourceUrl(http(feed.link, feed.base, "feed.link", "the feed's link", 0));
        book.cover(image(feed.image, feed.base, "the feed", 0));
        Book.Builder out = Book.builder();
        for (FeedDraft.Item item : feed.items) {
            ctx.checkDeadline();
            out.article(article(item, feedTitle, language, feed));
        }
        return out.metadata(book.build()).build();
    }

    private Article article(FeedDraft.Item item, @Nullable String feedTitle, @Nullable String feedLanguage,
            FeedDraft feed) throws ArticleFormatException {
        String name = item.name();
        URI link = http(item.link, item.base, "feed.link", name + "'s link", item.line);
        Metadata.Builder m = Metadata.builder().title(item.title).identifier(item.identifier)
                .sourceUrl(link).canonicalUrl(link).publisher(feedTitle);
        if (item.published != null && !item.published.isBlank()) {
            m.published(ArticleDate.parse(item.published.strip()));
        }
        if (item.updated != null && !item.updated.isBlank()) {
            m.updated(ArticleDate.parse(item.updated.strip()));
        }
        m.authors(item.authors.isEmpty() ? feed.authors : item.authors);
        for (String c : item.categories) {
            if (c != null && !c.isBlank()) {
                m.category(CategoryPath.of(c.strip()));
            }
        }
        item.tags.forEach(m::tag);
        String lang = item.language == null ? null : language(item.language, item.line, name);
        m.language(lang != null ? lang : feedLanguage);
        // An xml:base the feed declares is what its relative addresses mean; without one, the item's
        // link is the page they were written for.
        URI fallback = link != null ? link : item.base;
        m.cover(image(item.image, item.xmlBase != null ? item.xmlBase : fallback, name, item.line));
        URI bodyBase = item.contentBase != null ? item.contentBase : fallback;
        BodyNormalizer normalizer = normalizer(bodyBase, name, item.line);
        boolean hasContent = item.contentHtml != null && !item.contentHtml.isBlank();
        boolean hasSummary = item.summaryHtml != null && !item.summaryHtml.isBlank();
        Body body = Body.empty();
        if (hasContent) {
            body = normalizer.normalize(item.contentHtml);
            if (hasSummary) {
                m.summary(plain(item.summaryHtml));
            }
        } else if (hasSummary) {
            body = normalizer.normalize(item.summaryHtml);
            // The mark of a summary-only item (FeedFormat.isSummaryOnly): its summary is its body's text.
            m.summary(body.isEmpty() ? null : body.text());
        }
        return Article.builder().metadata(m.build()).body(body).build();
    }

    /**
     * A normaliser whose warnings name the item and its line. In strict mode the normaliser fails
     * by itself on the first repair, so passing a warning on never throws.
     */
    private BodyNormalizer normalizer(@Nullable URI base, String name, int line) {
        return BodyNormalizer.builder().baseUri(base).limits(ctx.limits()).sourceName(ctx.sourceName().orElse(null))
                .strict(ctx.strict()).warnings(d -> {
                    try {
                        ctx.warn(d.code(), line, name + ": " + d.message());
                    } catch (ArticleFormatException e) {
                        throw new IllegalStateException("a warning failed outside strict mode", e);
                    }
                }).build();
    }

    /** Plain text of an HTML fragment, for summaries and titles. */
    static String plain(String html) {
        return Xhtml.plainText(Jsoup.parseBodyFragment(html).body());
    }

    /** A BCP 47 tag from a feed's language, such as {@code zh-cn}; a bad tag is a warning. */
    private @Nullable String language(@Nullable String raw, int line, String what) throws ArticleFormatException {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Metadata.normalizeLanguage(raw.strip());
        } catch (IllegalArgumentException e) {
            ctx.warn("feed.language", line, what + " names the language '" + raw.strip()
                    + "', which is not a BCP 47 tag; ignored");
            return null;
        }
    }

    /**
     * An absolute http(s) address from a feed's link, resolved against the base when relative; any
     * other scheme is ignored with a warning.
     */
    private @Nullable URI http(@Nullable String raw, @Nullable URI base, String code, String what, int line)
            throws ArticleFormatException {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        // Spaces are common in hand-written feeds and mean %20; nothing else is repaired.
        String href = raw.strip().replace(" ", "%20");
        URI u;
        try {
            u = new URI(href);
            if (!u.isAbsolute() && base != null && base.isAbsolute()) {
                u = base.resolve(u);
            }
            u = asciiHost(u);
        } catch (URISyntaxException | IllegalArgumentException e) {
            ctx.warn(code, line, what + " '" + shorten(href) + "' is not a valid address; ignored");
            return null;
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            ctx.warn(code, line, what + " '" + shorten(href) + "' is not an http or https address; ignored");
            return null;
        }
        return u;
    }

    /** An internationalised host name ({@code 例子.中国}), which {@link URI} does not parse as a host, in ASCII. */
    private static URI asciiHost(URI u) throws URISyntaxException {
        String authority = u.getRawAuthority();
        if (u.getHost() != null || authority == null || authority.contains("@")) {
            return u;
        }
        int colon = authority.lastIndexOf(':');
        String host = colon > 0 && authority.substring(colon + 1).matches("\\d+") ? authority.substring(0, colon)
                : authority;
        String port = host.length() < authority.length() ? authority.substring(host.length()) : "";
        String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
        StringBuilder sb = new StringBuilder(u.getScheme()).append("://").append(ascii).append(port)
                .append(u.getRawPath() == null ? "" : u.getRawPath());
        if (u.getRawQuery() != null) {
            sb.append('?').append(u.getRawQuery());
        }
        if (u.getRawFragment() != null) {
            sb.append('#').append(u.getRawFragment());
        }
        return new URI(sb.toString());
    }

    private @Nullable String image(@Nullable String raw, @Nullable URI base, String what, int line)
            throws ArticleFormatException {
        URI u = http(raw, base, "feed.image", what + "'s image", line);
        return u == null ? null : u.toString();
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
