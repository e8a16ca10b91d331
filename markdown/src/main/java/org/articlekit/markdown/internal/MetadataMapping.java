package org.articlekit.markdown.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.Metadata.SourceKey;
import org.articlekit.Metadata.SourceKey.Form;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * Turns front-matter values into {@link Metadata} through {@link MetadataKeys}. A key becomes a
 * field when its value has the field's shape and the field is not set yet; otherwise it is kept
 * as an extra value, in order, with its type, so that nothing is lost. Values a field cannot hold
 * entirely (an author map with an e-mail, a cover map with a caption) set the field and are also
 * kept whole as extras. A known key whose value is of the wrong kind for its field
 * ({@link FieldTypes}) is kept as an extra value too, with one {@code metadata.type} warning naming
 * the key and its line; in strict mode that warning is an error. Every key is also recorded, in
 * order and with its value's form, as {@link Metadata#sourceKeys()}, which the writer follows.
 */
final class MetadataMapping {

    private final ConversionContext ctx;
    private final @Nullable ZoneId siteZone;
    private final Dialect dialect;
    private final Metadata.Builder b = Metadata.builder();
    private final Set<MetadataKeys> set = EnumSet.noneOf(MetadataKeys.class);

    private MetadataMapping(ConversionContext ctx, Dialect dialect, @Nullable ZoneId siteZone) {
        this.ctx = ctx;
        this.dialect = dialect;
        this.siteZone = siteZone;
    }

    static Metadata map(FrontMatterValues fm, Dialect dialect, @Nullable ZoneId siteZone, ConversionContext ctx)
            throws ArticleFormatException {
        MetadataMapping m = new MetadataMapping(ctx, dialect, siteZone);
        List<SourceKey> keys = new ArrayList<>();
        for (Map.Entry<String, @Nullable Object> e : fm.values.entrySet()) {
            m.entry(e.getKey(), e.getValue(), fm.line(e.getKey()));
            keys.add(new SourceKey(e.getKey(), form(e.getValue())));
        }
        return m.b.sourceKeys(keys).build();
    }

    /** The form of a value as read: what the writer needs to write a typed field back the same way. */
    private static Form form(@Nullable Object v) {
        return v instanceof String ? Form.TEXT : v instanceof List<?> ? Form.LIST : v instanceof Map<?, ?> ? Form.MAP
                : Form.SCALAR;
    }

    private void entry(String key, @Nullable Object v, int line) throws ArticleFormatException {
        if (key.isBlank()) {
            // as YamlFrontMatter does; TOML and JSON allow "" as a key
            throw ctx.error(line, "front matter has an empty key", null);
        }
        MetadataKeys field = MetadataKeys.of(key).orElse(null);
        String wrong = field == null || v == null || v instanceof String s && s.isBlank() ? null
                : FieldTypes.mismatch(field, v);
        if (wrong != null) {
            ctx.warn("metadata.type", line, "front matter '" + key + "' is " + wrong + "; kept as an extra value");
        }
        if (field == null || wrong != null || set.contains(field) || v == null || isEmpty(v)) {
            b.extra(key, v);
            return;
        }
        boolean whole = switch (field) {
            case TITLE -> text(v, b::title);
            case SUBTITLE -> text(v, b::subtitle);
            case SUMMARY -> text(v, b::summary);
            case THUMBNAIL -> text(v, b::thumbnail);
            case PUBLISHER -> text(v, b::publisher);
            case IDENTIFIER -> text(v, b::identifier);
            case PUBLISHED -> !(v instanceof Boolean) && date(v, true);
            case UPDATED -> date(v, false);
            case AUTHORS -> authors(v);
            case TAGS -> tags(v);
            case CATEGORIES -> categories(v);
            case COVER -> cover(v, key);
            case LANGUAGE -> language(v, key, line);
            case CANONICAL -> url(v, true);
            case SOURCE -> url(v, false);
        };
        if (whole) {
            set.add(field);
        } else {
            b.extra(key, v);
        }
    }

    private static boolean isEmpty(Object v) {
        return v instanceof String s && s.isBlank() || v instanceof List<?> l && l.isEmpty()
                || v instanceof Map<?, ?> m && m.isEmpty();
    }

    private interface Setter {
        void set(String s);
    }

    private static boolean text(Object v, Setter setter) {
        String t = FrontMatterValues.text(v);
        if (t == null || t.isBlank()) {
            return false;
        }
        setter.set(t);
        return true;
    }

    private boolean date(Object v, boolean published) {
        ArticleDate d;
        if (v instanceof ArticleDate a) {
            d = a;
        } else {
            String t = FrontMatterValues.text(v);
            if (t == null) {
                return false;
            }
            d = ArticleDate.parse(t);
        }
        d = inSiteZone(d, siteZone);
        if (published) {
            b.published(d);
        } else {
            b.updated(d);
        }
        return true;
    }

    /** A zone-less date placed in the site's zone, its text kept; other dates as they are. */
    static ArticleDate inSiteZone(ArticleDate d, @Nullable ZoneId zone) {
        if (zone == null || d.hasZone() || d.dateTime().isEmpty()) {
            return d;
        }
        String iso = d.dateTime().get().atZone(zone).toOffsetDateTime()
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return ArticleDate.of(d.text(), iso);
    }

    private boolean authors(Object v) {
        List<String> names = new ArrayList<>();
        boolean whole = true;
        List<?> items = v instanceof List<?> l ? l : List.of(v);
        for (Object item : items) {
            if (item instanceof Map<?, ?> m) {
                String name = FrontMatterValues.text(m.get("name"));
                if (name == null || name.isBlank()) {
                    return false;
                }
                names.add(name);
                whole &= m.size() == 1;
            } else {
                String t = FrontMatterValues.text(item);
                if (t == null || t.isBlank()) {
                    return false;
                }
                names.add(t);
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            return false;
        }
        names.forEach(b::author);
        set.add(MetadataKeys.AUTHORS);
        return whole;
    }

    private boolean tags(Object v) {
        List<String> tags = new ArrayList<>();
        if (v instanceof List<?> l) {
            for (Object item : l) {
                String t = FrontMatterValues.text(item);
                if (t == null || t.isBlank()) {
                    return false;
                }
                tags.add(t.strip());
            }
        } else {
            String t = FrontMatterValues.text(v);
            if (t == null) {
                return false;
            }
            String[] parts = t.matches("(?s).*[,，、].*") ? t.split("\\s*[,，、]\\s*") : t.strip().split("\\s+");
            for (String p : parts) {
                if (!p.isBlank()) {
                    tags.add(p.strip());
                }
            }
        }
        if (tags.isEmpty() || tags.stream().distinct().count() != tags.size()) {
            return false;
        }
        tags.forEach(b::tag);
        return true;
    }

    /**
     * Hexo's rule: a list is one hierarchy, a list holding lists is several categories. Jekyll's:
     * a string is several categories separated by spaces, a list several categories. Hugo's: a
     * list is several flat terms, a string one term.
     */
    private boolean categories(Object v) {
        List<CategoryPath> paths = new ArrayList<>();
        if (dialect != Dialect.HEXO && !(v instanceof List<?> l0 && l0.stream().anyMatch(x -> x instanceof List<?>))) {
            List<?> terms = v instanceof List<?> l ? l
                    : dialect == Dialect.JEKYLL && FrontMatterValues.text(v) != null
                    ? List.of(FrontMatterValues.text(v).strip().split("\\s+")) : List.of(v);
            for (Object term : terms) {
                CategoryPath p = path(Collections.singletonList(term));
                if (p == null) {
                    return false;
                }
                paths.add(p);
            }
        } else if (v instanceof List<?> l) {
            boolean several = l.stream().anyMatch(x -> x instanceof List<?>);
            if (several) {
                for (Object item : l) {
                    CategoryPath p = path(item instanceof List<?> inner ? inner : Collections.singletonList(item)); // may be null
                    if (p == null) {
                        return false;
                    }
                    paths.add(p);
                }
            } else {
                CategoryPath p = path(l);
                if (p == null) {
                    return false;
                }
                paths.add(p);
            }
        } else {
            CategoryPath p = path(List.of(v));
            if (p == null) {
                return false;
            }
            paths.add(p);
        }
        if (paths.stream().distinct().count() != paths.size()) {
            return false;
        }
        paths.forEach(b::category);
        return true;
    }

    private static @Nullable CategoryPath path(List<?> segments) {
        List<String> out = new ArrayList<>();
        for (Object s : segments) {
            String t = s == null ? null : FrontMatterValues.text(s);
            if (t == null || t.isBlank() || !t.equals(t.strip())) {
                return null;
            }
            out.add(t);
        }
        return out.isEmpty() ? null : new CategoryPath(out);
    }

    private boolean cover(Object v, String key) {
        if (v instanceof Map<?, ?> m) {
            String image = FrontMatterValues.text(m.get("image"));
            if (image == null || image.isBlank()) {
                return false;
            }
            b.cover(image);
            set.add(MetadataKeys.COVER);
            return m.size() == 1 && key.equalsIgnoreCase("cover");
        }
        return text(v, b::cover);
    }

    private boolean language(Object v, String key, int line) throws ArticleFormatException {
        String t = FrontMatterValues.text(v);
        if (t == null) {
            return false;
        }
        try {
            b.language(t);
            return true;
        } catch (IllegalArgumentException e) {
            ctx.warn("markdown.language", line, "front matter '" + key + ": " + t
                    + "' is not a BCP 47 language tag; kept as an extra value");
            return false;
        }
    }

    private boolean url(Object v, boolean canonical) {
        String t = FrontMatterValues.text(v);
        if (t == null) {
            return false;
        }
        try {
            URI u = new URI(t.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!u.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null
                    || !u.toString().equals(t)) {
                return false;
            }
            if (canonical) {
                b.canonicalUrl(u);
            } else {
                b.sourceUrl(u);
            }
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
