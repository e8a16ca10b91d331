package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.Metadata.SourceKey;
import org.articlekit.Metadata.SourceKey.Form;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * Writes metadata as front matter. Metadata read from front matter ({@link Metadata#sourceKeys()})
 * comes back as its source had it: each typed field under the key the source used and in the form it
 * had there (a string or a list of tags, one category or a list, a quoted or a typed date), every key
 * in the source's order, and fields the source did not have after them. Otherwise the typed fields
 * come first under the dialect's keys, then the extra values in their order. A field whose key an
 * extra value already uses is written under its next free alias, so that reading the result gives
 * the same metadata.
 */
final class FrontMatterWriter {

    private FrontMatterWriter() {
    }

    static String write(Metadata m, MarkdownOptions options, ConversionContext ctx) throws ArticleFormatException {
        Map<String, @Nullable Object> map = entries(m, options.dialect(), ctx);
        MarkdownOptions.FrontMatter syntax = syntax(m, options);
        if (syntax == MarkdownOptions.FrontMatter.TOML) {
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
        return switch (syntax) {
            case YAML -> "---\n" + YamlEmitter.map(map) + "---\n";
            case TOML -> "+++\n" + TomlEmitter.map(map) + "+++\n";
            case JSON -> JsonEmitter.object(map) + "\n";
        };
    }

    /** The options' syntax, or the source's when the options keep it and the metadata was read from front matter. */
    private static MarkdownOptions.FrontMatter syntax(Metadata m, MarkdownOptions options) {
        if (!options.keepsSourceFrontMatter() || m.sourceSyntax().isEmpty()) {
            return options.frontMatter();
        }
        return switch (m.sourceSyntax().get()) {
            case "toml" -> MarkdownOptions.FrontMatter.TOML;
            case "json" -> MarkdownOptions.FrontMatter.JSON;
            default -> MarkdownOptions.FrontMatter.YAML;
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
        Map<String, Form> forms = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (SourceKey k : m.sourceKeys()) {
            forms.putIfAbsent(k.name(), k.form());
        }
        Fields f = new Fields(m, dialect, taken, forms, ctx);
        f.put(MetadataKeys.TITLE, m.title().orElse(null));
        f.put(MetadataKeys.SUBTITLE, m.subtitle().orElse(null));
        f.put(MetadataKeys.PUBLISHED, m.published().orElse(null));
        f.put(MetadataKeys.UPDATED, m.updated().orElse(null));
        if (!m.authors().isEmpty()) {
            f.put(MetadataKeys.AUTHORS, m.authors());
        }
        if (!m.categories().isEmpty()) {
            f.put(MetadataKeys.CATEGORIES, m.categories());
        }
        if (!m.tags().isEmpty()) {
            f.put(MetadataKeys.TAGS, m.tags());
        }
        f.put(MetadataKeys.COVER, m.cover().orElse(null));
        f.put(MetadataKeys.THUMBNAIL, m.thumbnail().orElse(null));
        f.put(MetadataKeys.SUMMARY, m.summary().orElse(null));
        f.put(MetadataKeys.LANGUAGE, m.language().orElse(null));
        f.put(MetadataKeys.CANONICAL, m.canonicalUrl().map(Object::toString).orElse(null));
        f.put(MetadataKeys.SOURCE, m.sourceUrl().map(Object::toString).orElse(null));
        f.put(MetadataKeys.PUBLISHER, m.publisher().orElse(null));
        f.put(MetadataKeys.IDENTIFIER, m.identifier().orElse(null));
        f.out.putAll(m.extra());
        if (m.sourceKeys().isEmpty()) {
            return f.out;
        }
        // The source's order first; what the source did not have (a field set since) after it.
        Map<String, @Nullable Object> ordered = new LinkedHashMap<>();
        for (SourceKey k : m.sourceKeys()) {
            if (f.out.containsKey(k.name()) && !ordered.containsKey(k.name())) {
                ordered.put(k.name(), f.out.get(k.name()));
            }
        }
        f.out.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The typed fields as front-matter entries: each under its source key and in its source form when it had one. */
    private static final class Fields {
        final Map<String, @Nullable Object> out = new LinkedHashMap<>();
        private final Metadata m;
        private final Dialect dialect;
        private final Set<String> taken;
        private final Map<String, Form> forms;
        private final ConversionContext ctx;

        Fields(Metadata m, Dialect dialect, Set<String> taken, Map<String, Form> forms, ConversionContext ctx) {
            this.m = m;
            this.dialect = dialect;
            this.taken = taken;
            this.forms = forms;
            this.ctx = ctx;
        }

        void put(MetadataKeys field, @Nullable Object value) throws ArticleFormatException {
            if (value == null) {
                return;
            }
            List<String> candidates = new ArrayList<>();
            for (SourceKey k : m.sourceKeys()) {
                if (MetadataKeys.of(k.name()).orElse(null) == field) {
                    candidates.add(k.name());
                }
            }
            candidates.add(field.key(dialect));
            candidates.addAll(field.aliases);
            for (String key : candidates) {
                if (taken.contains(key)) {
                    continue;
                }
                if (field == MetadataKeys.PUBLISHED && key.toLowerCase(Locale.ROOT).equals("published")
                        && value instanceof ArticleDate d && (d.text().equals("true") || d.text().equals("false"))) {
                    continue;
                }
                out.put(key, shaped(field, key, value, forms.get(key)));
                taken.add(key);
                return;
            }
            ctx.warn("markdown.metadata", 0, "the " + field.name().toLowerCase(Locale.ROOT)
                    + " was not written: extra values use every key it could have");
        }

        /** A field's value in the form the source gave its key, or the dialect's usual form when it had none. */
        @SuppressWarnings("unchecked")
        private Object shaped(MetadataKeys field, String key, Object value, @Nullable Form form)
                throws ArticleFormatException {
            switch (field) {
                case AUTHORS -> {
                    List<String> names = (List<String>) value;
                    if (form == Form.MAP && names.size() == 1) {
                        return Map.of("name", names.get(0));
                    }
                    boolean one = names.size() == 1 && (form == null ? dialect != Dialect.HUGO : form != Form.LIST);
                    return one ? names.get(0) : names;
                }
                case CATEGORIES -> {
                    return categories((List<CategoryPath>) value, form);
                }
                case TAGS -> {
                    List<String> tags = (List<String>) value;
                    String joined = form == Form.TEXT ? joined(tags, dialect, false) : null;
                    return joined != null ? joined : tags;
                }
                case PUBLISHED, UPDATED -> {
                    return form == Form.TEXT ? ((ArticleDate) value).text() : value;
                }
                case COVER -> {
                    boolean map = form == null ? dialect == Dialect.HUGO && key.equals("cover") : form == Form.MAP;
                    return map && key.equalsIgnoreCase("cover") ? Map.of("image", value) : typed(value, form);
                }
                default -> {
                    return typed(value, form);
                }
            }
        }

        /** A text field's value typed again when the source had a number or a boolean there ({@code title: 2024}). */
        private static Object typed(Object value, @Nullable Form form) {
            if (form == Form.SCALAR && value instanceof String text) {
                Object typed = FrontMatterValues.plain(text);
                if (typed != null && !(typed instanceof String) && text.equals(FrontMatterValues.text(typed))) {
                    return typed;
                }
            }
            return value;
        }

        private Object categories(List<CategoryPath> paths, @Nullable Form form) throws ArticleFormatException {
            if (dialect != Dialect.HEXO) {
                Object terms = flatTerms(paths, dialect, ctx);
                if (form == Form.LIST && terms instanceof String one) {
                    return List.of(one);
                }
                if (form == Form.TEXT && terms instanceof List<?> l) {
                    // Jekyll splits a string at spaces; Hugo reads it as one term
                    String joined = dialect == Dialect.JEKYLL ? joined((List<String>) l, dialect, true)
                            : l.size() == 1 ? (String) l.get(0) : null;
                    return joined != null ? joined : terms;
                }
                return terms;
            }
            if (paths.size() == 1) {
                List<String> segments = paths.get(0).segments();
                return form == Form.TEXT && segments.size() == 1 ? segments.get(0) : segments;
            }
            List<Object> out = new ArrayList<>();
            for (CategoryPath p : paths) {
                out.add(p.segments());
            }
            return out;
        }
    }

    /**
     * Names as one string that the reader splits back into the same names: one name alone, or several
     * separated by spaces (Jekyll's way) or by commas (the others'), whichever reads back the same; a
     * Jekyll category string splits at spaces only ({@code spacesOnly}). Null when no string reads back the same.
     */
    private static @Nullable String joined(List<String> names, Dialect dialect, boolean spacesOnly) {
        if (names.size() == 1) {
            return names.get(0).matches("(?s).*[\\s,，、].*") ? null : names.get(0);
        }
        boolean spaces = names.stream().noneMatch(n -> n.matches("(?s).*[\\s,，、].*"));
        boolean commas = !spacesOnly && names.stream().noneMatch(n -> n.matches("(?s).*[,，、].*"));
        if (spaces && (dialect == Dialect.JEKYLL || !commas)) {
            return String.join(" ", names);
        }
        return commas ? String.join(", ", names) : null;
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
}
