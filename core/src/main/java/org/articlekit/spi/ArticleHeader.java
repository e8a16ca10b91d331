package org.articlekit.spi;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.jspecify.annotations.Nullable;

/**
 * What a writer shows above an article's body, decided once for every format: the title, the
 * subtitle, a byline (authors, date, publisher), the web address the article came from, its
 * categories and its tags. Each writer puts these in its own markup.
 *
 * <pre>{@code
 * ArticleHeader h = ArticleHeader.of(article.metadata());
 * out.append("<h1>").append(escape(h.title())).append("</h1>");
 * h.link().ifPresent(url -> ...);
 * }</pre>
 *
 * <p>The date is the publication date, or the update date when there is none, shown as
 * {@link #displayDate}. The link is the canonical URL, else the source URL, and only when it is an
 * http or https address. Immutable and thread-safe.
 */
public final class ArticleHeader {

    private final String title;
    private final @Nullable String subtitle;
    private final List<String> byline;
    private final @Nullable URI link;
    private final List<String> categories;
    private final List<String> tags;

    private ArticleHeader(Metadata m, String title) {
        this.title = title;
        subtitle = m.subtitle().orElse(null);
        List<String> parts = new ArrayList<>();
        if (!m.authors().isEmpty()) {
            parts.add(String.join(", ", m.authors()));
        }
        m.published().or(m::updated).ifPresent(d -> parts.add(displayDate(d)));
        m.publisher().ifPresent(parts::add);
        byline = List.copyOf(parts);
        link = m.canonicalUrl().or(m::sourceUrl).filter(ArticleHeader::isWebLink).orElse(null);
        categories = m.categories().stream().map(CategoryPath::toString).toList();
        tags = List.copyOf(m.tags());
    }

    /**
     * @param m the article's metadata
     * @return its header; the title is "Untitled" when it has none
     */
    public static ArticleHeader of(Metadata m) {
        return of(m, m.title().orElse("Untitled"));
    }

    /**
     * @param m the article's metadata
     * @param title the title to show (the article's, or a stand-in the writer chose)
     * @return its header
     */
    public static ArticleHeader of(Metadata m, String title) {
        return new ArticleHeader(Objects.requireNonNull(m, "m"), Objects.requireNonNull(title, "title"));
    }

    /**
     * A date for people: the day, as the input meant it (in the zone it was written in), or the
     * date's original text when it could not be parsed.
     *
     * @param d a date
     * @return for example {@code 2024-05-01}
     */
    public static String displayDate(ArticleDate d) {
        return d.dateTime().map(t -> t.toLocalDate().toString()).orElse(d.text());
    }

    /** @return the title to show */
    public String title() {
        return title;
    }

    /** @return the subtitle */
    public Optional<String> subtitle() {
        return Optional.ofNullable(subtitle);
    }

    /** @return the byline's parts, in order: the authors (joined with ", "), the date, the publisher; each when known */
    public List<String> byline() {
        return byline;
    }

    /** @return the byline's parts joined with " · ", or an empty string */
    public String bylineText() {
        return String.join(" · ", byline);
    }

    /** @return the web address to link to: the canonical URL, else the source URL (http and https only) */
    public Optional<URI> link() {
        return Optional.ofNullable(link);
    }

    /** @return the category paths, as {@code A / B} */
    public List<String> categories() {
        return categories;
    }

    /** @return the tags */
    public List<String> tags() {
        return tags;
    }

    /** @return every text the header shows, for a writer that must find fonts for it */
    public String text() {
        return title + " " + (subtitle == null ? "" : subtitle) + " " + bylineText() + " " + (link == null ? "" : link)
                + " " + String.join(" · ", categories) + " #" + String.join(" #", tags);
    }

    private static boolean isWebLink(URI u) {
        String scheme = u.getScheme();
        return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                && u.getHost() != null;
    }

    @Override
    public String toString() {
        return "ArticleHeader[" + title + "]";
    }
}
