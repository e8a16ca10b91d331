package org.articlekit.internal.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * Writes and recognises the metadata header at the top of a text file (the format is described on
 * {@link TextWriter}), so that text → article → text keeps the metadata.
 */
final class MetadataHeader {

    /** A title longer than this many code points is taken for body text. */
    static final int MAX_TITLE_LENGTH = 150;

    private static final Pattern KEY_LINE = Pattern.compile("([\\p{L}][\\p{L}\\p{N} _.-]{0,39}):(?:[ \\t](.*))?");
    private static final Pattern UNDERLINE = Pattern.compile("\\s*(={3,}|-{3,})\\s*");
    private static final Pattern DATE_WITH_MEANING = Pattern.compile("(.+?) \\((\\d{4}-\\d{2}-\\d{2}[^()]*)\\)");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\s*[,，、;；]\\s*");

    /** The keys the reader knows, lower case, with the field each one sets. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("title", "title"), Map.entry("subtitle", "subtitle"),
            Map.entry("author", "author"), Map.entry("authors", "authors"), Map.entry("by", "author"),
            Map.entry("published", "published"), Map.entry("date", "published"),
            Map.entry("updated", "updated"), Map.entry("modified", "updated"),
            Map.entry("language", "language"), Map.entry("lang", "language"),
            Map.entry("categories", "categories"), Map.entry("category", "category"),
            Map.entry("tags", "tags"), Map.entry("tag", "tag"), Map.entry("keywords", "tags"),
            Map.entry("summary", "summary"), Map.entry("description", "summary"),
            Map.entry("source", "source"), Map.entry("url", "source"), Map.entry("canonical", "canonical"),
            Map.entry("publisher", "publisher"), Map.entry("site", "publisher"),
            Map.entry("identifier", "identifier"), Map.entry("id", "identifier"),
            Map.entry("cover", "cover"), Map.entry("thumbnail", "thumbnail"));

    private MetadataHeader() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * @param m the metadata
     * @param ctx for the warning about extra values the header cannot hold
     * @return the header lines joined with LF, without a trailing newline; empty when there is
     *     nothing to write
     * @throws ArticleFormatException in strict mode, when an extra value is left out
     */
    static String write(Metadata m, ConversionContext ctx) throws ArticleFormatException {
        List<String> lines = new ArrayList<>();
        m.title().ifPresent(t -> {
            String title = oneLine(t);
            lines.add(title);
            lines.add("=".repeat(Math.max(3, CjkText.width(title))));
        });
        m.subtitle().ifPresent(v -> lines.add("Subtitle: " + oneLine(v)));
        for (String a : m.authors()) {
            lines.add("Author: " + oneLine(a));
        }
        m.published().ifPresent(d -> lines.add("Published: " + date(d)));
        m.updated().ifPresent(d -> lines.add("Updated: " + date(d)));
        m.language().ifPresent(v -> lines.add("Language: " + v));
        if (!m.categories().isEmpty()) {
            List<String> paths = m.categories().stream().map(c -> oneLine(c.toString())).toList();
            if (paths.stream().anyMatch(p -> LIST_SEPARATOR.matcher(p).find())) {
                paths.forEach(p -> lines.add("Category: " + p));
            } else {
                lines.add("Categories: " + String.join("; ", paths));
            }
        }
        if (!m.tags().isEmpty()) {
            List<String> tags = m.tags().stream().map(MetadataHeader::oneLine).toList();
            if (tags.stream().anyMatch(t -> LIST_SEPARATOR.matcher(t).find())) {
                tags.forEach(t -> lines.add("Tag: " + t));
            } else {
                lines.add("Tags: " + String.join(", ", tags));
            }
        }
        m.summary().ifPresent(v -> lines.add("Summary: " + oneLine(v)));
        m.sourceUrl().ifPresent(v -> lines.add("Source: " + v));
        m.canonicalUrl().ifPresent(v -> lines.add("Canonical: " + v));
        m.publisher().ifPresent(v -> lines.add("Publisher: " + oneLine(v)));
        m.identifier().ifPresent(v -> lines.add("Identifier: " + oneLine(v)));
        m.cover().ifPresent(v -> lines.add("Cover: " + oneLine(v)));
        m.thumbnail().ifPresent(v -> lines.add("Thumbnail: " + oneLine(v)));
        List<String> lost = new ArrayList<>();
        // without an underlined title, the reader only accepts known keys (see isHeader)
        boolean recognisable = m.title().isPresent();
        for (Map.Entry<String, @Nullable Object> e : m.extra().entrySet()) {
            String value = scalar(e.getValue());
            String key = e.getKey();
            if (recognisable && value != null && !value.isBlank() && KEY_LINE.matcher(key + ": x").matches()
                    && !FIELDS.containsKey(key.toLowerCase(Locale.ROOT))) {
                lines.add(key + ": " + oneLine(value));
            } else {
                lost.add(key);
            }
        }
        if (!lost.isEmpty()) {
            ctx.warn("text.metadata", 0, "the text header cannot hold the extra values " + lost
                    + "; they were left out");
        }
        return String.join("\n", lines);
    }

    /** The date's own text when it reads back as the same date, else the text and its ISO meaning. */
    private static String date(ArticleDate d) {
        String text = oneLine(d.text());
        if (ArticleDate.parse(text).equals(d) || d.isoString().isEmpty()) {
            return text;
        }
        return text + " (" + d.isoString().get() + ")";
    }

    private static @Nullable String scalar(@Nullable Object v) {
        if (v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Double
                || v instanceof BigInteger || v instanceof BigDecimal) {
            return v.toString();
        }
        if (v instanceof ArticleDate d) {
            return d.text();
        }
        return null;
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads the title and the header, if any, from the top of the text.
     *
     * @param lines the text's lines
     * @param titleFromFirstLine whether a plain first line is the title
     * @param mb receives what the header says
     * @param ctx for warnings about values that do not fit their field
     * @return the index of the first line of the body
     * @throws ArticleFormatException in strict mode, on a value that does not fit its field
     */
    static int read(List<String> lines, boolean titleFromFirstLine, Metadata.Builder mb, ConversionContext ctx)
            throws ArticleFormatException {
        int n = lines.size();
        int i = 0;
        while (i < n && lines.get(i).isBlank()) {
            i++;
        }
        if (i == n) {
            return n;
        }
        if (i + 1 < n && UNDERLINE.matcher(lines.get(i + 1)).matches()) {
            mb.title(lines.get(i).strip());
            int from = i + 2;
            int to = blockEnd(lines, from);
            if (to > from && isHeader(lines, from, to, false)) {
                apply(lines, from, to, mb, ctx);
                return to;
            }
            return from;
        }
        int to = blockEnd(lines, i);
        if (isHeader(lines, i, to, true)) {
            apply(lines, i, to, mb, ctx);
            return to;
        }
        String first = lines.get(i).strip();
        if (titleFromFirstLine && first.codePointCount(0, first.length()) <= MAX_TITLE_LENGTH) {
            mb.title(first);
            return i + 1;
        }
        return i;
    }

    private static int blockEnd(List<String> lines, int from) {
        int to = from;
        while (to < lines.size() && !lines.get(to).isBlank()) {
            to++;
        }
        return to;
    }

    /**
     * A block is a header when every line is {@code Key: value} and at least the first key is one
     * we know; with {@code allKnown} (no underlined title above it) every key must be known.
     */
    private static boolean isHeader(List<String> lines, int from, int to, boolean allKnown) {
        for (int k = from; k < to; k++) {
            Matcher m = KEY_LINE.matcher(lines.get(k).strip());
            if (!m.matches()) {
                return false;
            }
            boolean known = FIELDS.containsKey(m.group(1).toLowerCase(Locale.ROOT));
            if (!known && (allKnown || k == from)) {
                return false;
            }
        }
        return true;
    }

    private static void apply(List<String> lines, int from, int to, Metadata.Builder mb, ConversionContext ctx)
            throws ArticleFormatException {
        for (int k = from; k < to; k++) {
            Matcher m = KEY_LINE.matcher(lines.get(k).strip());
            if (!m.matches()) {
                throw new IllegalStateException("checked by isHeader");
            }
            String key = m.group(1);
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (value.isEmpty()) {
                continue;
            }
            String field = FIELDS.get(key.toLowerCase(Locale.ROOT));
            if (field == null) {
                mb.extra(key, value);
                continue;
            }
            try {
                set(field, value, mb);
            } catch (IllegalArgumentException | URISyntaxException e) {
                ctx.warn("text.metadata", k + 1, key + " \"" + value + "\" does not fit its field ("
                        + e.getMessage() + "); kept as an extra value");
                mb.extra(key, value);
            }
        }
    }

    private static void set(String field, String v, Metadata.Builder mb) throws URISyntaxException {
        switch (field) {
            case "title" -> mb.title(v);
            case "subtitle" -> mb.subtitle(v);
            case "author" -> mb.author(v);
            case "authors" -> split(v).forEach(mb::author);
            case "published" -> mb.published(date(v));
            case "updated" -> mb.updated(date(v));
            case "language" -> mb.language(v);
            case "categories" -> {
                for (String p : v.split("\\s*[;；]\\s*")) {
                    if (!p.isBlank()) {
                        mb.category(CategoryPath.parse(p));
                    }
                }
            }
            case "category" -> mb.category(CategoryPath.parse(v));
            case "tags" -> split(v).forEach(mb::tag);
            case "tag" -> mb.tag(v);
            case "summary" -> mb.summary(v);
            case "source" -> mb.sourceUrl(new URI(v));
            case "canonical" -> mb.canonicalUrl(new URI(v));
            case "publisher" -> mb.publisher(v);
            case "identifier" -> mb.identifier(v);
            case "cover" -> mb.cover(v);
            case "thumbnail" -> mb.thumbnail(v);
            default -> throw new IllegalStateException("unknown field " + field);
        }
    }

    private static List<String> split(String v) {
        return List.of(LIST_SEPARATOR.split(v));
    }

    private static ArticleDate date(String v) {
        Matcher m = DATE_WITH_MEANING.matcher(v);
        if (m.matches() && !ArticleDate.parse(v).isParsed()) {
            return ArticleDate.of(m.group(1), m.group(2));
        }
        return ArticleDate.parse(v);
    }
}
