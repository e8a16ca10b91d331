package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * Writes metadata as front matter: the typed fields first under the dialect's keys, then the
 * extra values in their order. A field whose key an extra value already uses is written under its
 * next free alias, so that reading the result gives the same metadata.
 */
final class FrontMatterWriter {

    private FrontMatterWriter() {
    }

    static String write(Metadata m, MarkdownOptions options, ConversionContext ctx) throws ArticleFormatException {
        Map<String, @Nullable Object> map = entries(m, options.dialect(), ctx);
        if (options.frontMatter() == MarkdownOptions.FrontMatter.TOML) {
            for (Map.Entry<String, @Nullable Object> e : map.entrySet()) {
                if (e.getValue() == null) {
                    ctx.warn("markdown.metadata", 0, "'" + e.getKey() + "' is null, which TOML cannot hold; left out");
                }
                Object big = tooBigForToml(e.getValue());
                if (big != null) {
                    ctx.warn("markdown.metadata", 0, "'" + e.getKey() + "' holds the number " + big
                            + ", which TOML cannot hold; written as text");
                }
            }
        }
        return switch (options.frontMatter()) {
            case YAML -> "---\n" + YamlEmitter.map(map) + "---\n";
            case TOML -> "+++\n" + TomlEmitter.map(map) + "+++\n";
            case JSON -> JsonEmitter.object(map) + "\n";
        };
    }

    /** The first number in a value that TOML has no number for (past 64 bits, or past a double), or null. */
    private static @Nullable Object tooBigForToml(@Nullable Object v) {
        if (v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal b && !FieldTypes.finite(b)) {
            return v;
        }
        Iterable<?> items = v instanceof List<?> l ? l : v instanceof Map<?, ?> m ? m.values() : List.of();
        for (Object item : items) {
            Object big = tooBigForToml(item);
            if (big != null) {
                return big;
            }
        }
        return null;
    }

    static Map<String, @Nullable Object> entries(Metadata m, Dialect dialect, ConversionContext ctx)
            throws ArticleFormatException {
        Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        taken.addAll(m.extra().keySet());
        Map<String, @Nullable Object> out = new LinkedHashMap<>();
        put(out, taken, MetadataKeys.TITLE, dialect, m.title().orElse(null), ctx);
        put(out, taken, MetadataKeys.SUBTITLE, dialect, m.subtitle().orElse(null), ctx);
        put(out, taken, MetadataKeys.PUBLISHED, dialect, m.published().orElse(null), ctx);
        put(out, taken, MetadataKeys.UPDATED, dialect, m.updated().orElse(null), ctx);
        if (!m.authors().isEmpty()) {
            Object authors = m.authors().size() == 1 && dialect != Dialect.HUGO ? m.authors().get(0) : m.authors();
            put(out, taken, MetadataKeys.AUTHORS, dialect, authors, ctx);
        }
        if (!m.categories().isEmpty()) {
            Object cats;
            if (dialect != Dialect.HEXO) {
                cats = flatTerms(m.categories(), dialect, ctx);
            } else if (m.categories().size() == 1) {
                cats = m.categories().get(0).segments();
            } else {
                List<Object> paths = new ArrayList<>();
                for (CategoryPath p : m.categories()) {
                    paths.add(p.segments());
                }
                cats = paths;
            }
            put(out, taken, MetadataKeys.CATEGORIES, dialect, cats, ctx);
        }
        if (!m.tags().isEmpty()) {
            put(out, taken, MetadataKeys.TAGS, dialect, m.tags(), ctx);
        }
        if (m.cover().isPresent()) {
            Object cover = m.cover().get();
            if (dialect == Dialect.HUGO && !taken.contains("cover")) {
                cover = Map.of("image", cover);
            }
            put(out, taken, MetadataKeys.COVER, dialect, cover, ctx);
        }
        put(out, taken, MetadataKeys.THUMBNAIL, dialect, m.thumbnail().orElse(null), ctx);
        put(out, taken, MetadataKeys.SUMMARY, dialect, m.summary().orElse(null), ctx);
        put(out, taken, MetadataKeys.LANGUAGE, dialect, m.language().orElse(null), ctx);
        put(out, taken, MetadataKeys.CANONICAL, dialect, m.canonicalUrl().map(Object::toString).orElse(null), ctx);
        put(out, taken, MetadataKeys.SOURCE, dialect, m.sourceUrl().map(Object::toString).orElse(null), ctx);
        put(out, taken, MetadataKeys.PUBLISHER, dialect, m.publisher().orElse(null), ctx);
        put(out, taken, MetadataKeys.IDENTIFIER, dialect, m.identifier().orElse(null), ctx);
        out.putAll(m.extra());
        return out;
    }

    /**
     * Categories as Jekyll and Hugo hold them: flat names, one string when there is one, else a
     * list. Neither engine has category paths, so a path's names become terms of their own, with a
     * warning.
     */
    private static Object flatTerms(List<CategoryPath> paths, Dialect dialect, ConversionContext ctx)
            throws ArticleFormatException {
        List<String> terms = new ArrayList<>();
        for (CategoryPath p : paths) {
            if (p.segments().size() > 1) {
                ctx.warn("markdown.metadata", 0, "the category " + String.join(" / ", p.segments()) + " is a path, which "
                        + dialect.name().charAt(0) + dialect.name().substring(1).toLowerCase(Locale.ROOT)
                        + " has no syntax for; written as " + p.segments().size() + " flat categories");
            }
            for (String s : p.segments()) {
                if (!terms.contains(s)) {
                    terms.add(s);
                }
            }
        }
        return terms.size() == 1 && dialect == Dialect.JEKYLL && !terms.get(0).matches("(?s).*\\s.*")
                ? terms.get(0) : terms;
    }

    private static void put(Map<String, @Nullable Object> out, Set<String> taken, MetadataKeys field, Dialect dialect,
            @Nullable Object value, ConversionContext ctx) throws ArticleFormatException {
        if (value == null) {
            return;
        }
        List<String> candidates = new ArrayList<>();
        candidates.add(field.key(dialect));
        candidates.addAll(field.aliases);
        for (String key : candidates) {
            if (!taken.contains(key)) {
                if (value instanceof Map<?, ?> && !key.equals("cover")) {
                    value = ((Map<?, ?>) value).get("image");
                }
                if (field == MetadataKeys.PUBLISHED && key.toLowerCase(Locale.ROOT).equals("published")
                        && value instanceof ArticleDate d && (d.text().equals("true") || d.text().equals("false"))) {
                    continue;
                }
                out.put(key, value);
                taken.add(key);
                return;
            }
        }
        ctx.warn("markdown.metadata", 0, "the " + field.name().toLowerCase(Locale.ROOT)
                + " was not written: extra values use every key it could have");
    }
}
