package org.articlekit.examples.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.jspecify.annotations.Nullable;

/**
 * What {@code info} tells about one article: the ordered map that {@code --json} prints, and the
 * readable text printed without it.
 */
final class ArticleSummary {

    private ArticleSummary() {
    }

    /**
     * The JSON object of one article, keys in the contract's order.
     *
     * @param article the article
     * @param file the input it came from
     * @param format the input's format id
     * @return an ordered map of JSON values
     */
    static Map<String, @Nullable Object> json(Article article, String file, String format) {
        Metadata m = article.metadata();
        Map<String, @Nullable Object> o = new LinkedHashMap<>();
        o.put("format", format);
        o.put("file", file);
        o.put("title", m.title().orElse(null));
        o.put("authors", m.authors());
        o.put("published", m.published().map(ArticleSummary::date).orElse(null));
        o.put("updated", m.updated().map(ArticleSummary::date).orElse(null));
        o.put("language", m.language().orElse(null));
        o.put("summary", m.summary().orElse(null));
        o.put("tags", m.tags());
        o.put("categories", m.categories().stream().map(CategoryPath::segments).toList());
        o.put("cover", m.cover().orElse(null));
        o.put("thumbnail", m.thumbnail().orElse(null));
        o.put("source", m.sourceUrl().map(Object::toString).orElse(null));
        o.put("identifier", m.identifier().orElse(null));
        o.put("extra", jsonValue(m.extra()));
        o.put("subtitle", m.subtitle().orElse(null));
        o.put("canonical", m.canonicalUrl().map(Object::toString).orElse(null));
        o.put("publisher", m.publisher().orElse(null));
        o.put("characters", characters(article));
        o.put("images", images(article));
        return o;
    }

    /**
     * A date as {@code {"text", "instant", "zone"}}: the instant in UTC ({@code …Z}) when the
     * input named a zone, else the ISO local date-time or day it names, or null when not understood.
     */
    static Map<String, @Nullable Object> date(ArticleDate d) {
        Map<String, @Nullable Object> o = new LinkedHashMap<>();
        o.put("text", d.text());
        Optional<String> when = d.hasZone() ? d.instant().map(Object::toString) : d.isoString();
        o.put("instant", when.orElse(null));
        o.put("zone", d.hasZone());
        return o;
    }

    /** Extra values as JSON values: dates become date objects, everything else stays. */
    private static @Nullable Object jsonValue(@Nullable Object v) {
        if (v instanceof ArticleDate d) {
            return date(d);
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> o = new LinkedHashMap<>();
            map.forEach((k, x) -> o.put(String.valueOf(k), jsonValue(x)));
            return o;
        }
        if (v instanceof List<?> list) {
            List<@Nullable Object> l = new ArrayList<>();
            list.forEach(x -> l.add(jsonValue(x)));
            return l;
        }
        return v;
    }

    /** @return the body's text length in code points */
    static long characters(Article article) {
        String text = article.body().text();
        return text.codePointCount(0, text.length());
    }

    /** @return the number of images in the body */
    static long images(Article article) {
        return article.body().isEmpty() ? 0 : article.body().document().getElementsByTag("img").size();
    }

    /**
     * The readable summary: a heading line, then one line per known field.
     *
     * @param article the article
     * @param file the input
     * @param format the input's format id
     * @return the text, ending with a line break
     */
    static String text(Article article, String file, String format) {
        Metadata m = article.metadata();
        StringBuilder sb = new StringBuilder();
        sb.append(file).append("  (").append(format).append(")\n");
        line(sb, "title", m.title().orElse("(no title)"));
        m.subtitle().ifPresent(v -> line(sb, "subtitle", v));
        if (!m.authors().isEmpty()) {
            line(sb, "authors", String.join(", ", m.authors()));
        }
        m.published().ifPresent(d -> line(sb, "published", dateText(d)));
        m.updated().ifPresent(d -> line(sb, "updated", dateText(d)));
        m.language().ifPresent(v -> line(sb, "language", v));
        m.summary().ifPresent(v -> line(sb, "summary", v));
        if (!m.tags().isEmpty()) {
            line(sb, "tags", String.join(", ", m.tags()));
        }
        if (!m.categories().isEmpty()) {
            line(sb, "categories", String.join("; ", m.categories().stream().map(CategoryPath::toString).toList()));
        }
        m.cover().ifPresent(v -> line(sb, "cover", v));
        m.thumbnail().ifPresent(v -> line(sb, "thumbnail", v));
        m.canonicalUrl().ifPresent(v -> line(sb, "canonical", v.toString()));
        m.sourceUrl().ifPresent(v -> line(sb, "source", v.toString()));
        m.identifier().ifPresent(v -> line(sb, "identifier", v));
        m.publisher().ifPresent(v -> line(sb, "publisher", v));
        if (!m.extra().isEmpty()) {
            line(sb, "extra", String.join(", ", m.extra().keySet()));
        }
        long images = images(article);
        line(sb, "body", characters(article) + " characters, " + images + (images == 1 ? " image" : " images"));
        return sb.toString();
    }

    private static String dateText(ArticleDate d) {
        if (!d.isParsed()) {
            return d.text() + "  (not understood as a date)";
        }
        if (d.hasZone()) {
            return d.text() + "  (" + d.instant().map(Object::toString).orElse("") + ")";
        }
        return d.text() + "  (" + d.isoString().orElse("") + ", no time zone)";
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(label).append(':').append(" ".repeat(Math.max(1, 12 - label.length())))
                .append(Reporter.oneLine(value)).append('\n');
    }
}
