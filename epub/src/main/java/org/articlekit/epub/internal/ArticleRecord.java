package org.articlekit.epub.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * The machine-readable record of one article that the book keeps beside its chapter: every
 * metadata field (extra values with their types and order), the resources' names, types and
 * sources, and the normalised body, so that reading the book gives back the article that went in.
 *
 * <p>Strings XML cannot hold exactly (control characters, lone surrogates, carriage returns) are
 * written as UTF-16 hex in a {@code hex} attribute; other strings as text.
 */
final class ArticleRecord {

    static final String NAMESPACE = "https://articlekit.org/ns/epub-record/1";
    static final String ROOT = "article-record";

    /** What a record says about one resource of the article. */
    record ResourceRef(String name, String mediaType, @Nullable String source) {
    }

    /** A record read back. */
    record Parsed(Metadata metadata, String bodyHtml, List<ResourceRef> resources) {
    }

    private ArticleRecord() {
    }

    // ---- writing ----------------------------------------------------------------------------

    static String write(Metadata m, String bodyHtml, List<Resource> resources) {
        StringBuilder sb = new StringBuilder(bodyHtml.length() + 1024);
        sb.append(Xml.DECLARATION).append('<').append(ROOT).append(" xmlns=\"").append(NAMESPACE)
                .append("\" version=\"1\">\n");
        m.title().ifPresent(v -> text(sb, "title", null, v));
        m.subtitle().ifPresent(v -> text(sb, "subtitle", null, v));
        m.authors().forEach(v -> text(sb, "author", null, v));
        m.published().ifPresent(d -> date(sb, "published", null, d));
        m.updated().ifPresent(d -> date(sb, "updated", null, d));
        m.language().ifPresent(v -> text(sb, "language", null, v));
        m.summary().ifPresent(v -> text(sb, "summary", null, v));
        m.tags().forEach(v -> text(sb, "tag", null, v));
        for (CategoryPath p : m.categories()) {
            sb.append("<category>");
            p.segments().forEach(s -> text(sb, "segment", null, s));
            sb.append("</category>\n");
        }
        m.cover().ifPresent(v -> text(sb, "cover", null, v));
        m.thumbnail().ifPresent(v -> text(sb, "thumbnail", null, v));
        m.canonicalUrl().ifPresent(v -> text(sb, "canonical-url", null, v.toString()));
        m.sourceUrl().ifPresent(v -> text(sb, "source-url", null, v.toString()));
        m.identifier().ifPresent(v -> text(sb, "identifier", null, v));
        m.publisher().ifPresent(v -> text(sb, "publisher", null, v));
        if (!m.extra().isEmpty()) {
            sb.append("<extra>\n");
            for (Map.Entry<String, @Nullable Object> e : m.extra().entrySet()) {
                value(sb, e.getKey(), e.getValue());
            }
            sb.append("</extra>\n");
        }
        for (Resource r : resources) {
            sb.append("<resource name=\"").append(Xml.attr(r.name())).append("\" media-type=\"")
                    .append(Xml.attr(r.mediaType())).append('"');
            r.source().ifPresent(s -> key(sb, "source", s));
            sb.append("/>\n");
        }
        text(sb, "body", null, bodyHtml);
        sb.append("</").append(ROOT).append(">\n");
        return sb.toString();
    }

    private static void value(StringBuilder sb, @Nullable String key, @Nullable Object v) {
        if (v == null) {
            open(sb, "null", key);
            sb.append("/>\n");
        } else if (v instanceof String s) {
            text(sb, "string", key, s);
        } else if (v instanceof Boolean b) {
            text(sb, "boolean", key, b.toString());
        } else if (v instanceof Long l) {
            text(sb, "long", key, l.toString());
        } else if (v instanceof Double d) {
            text(sb, "double", key, d.toString());
        } else if (v instanceof BigInteger i) {
            text(sb, "integer", key, i.toString());
        } else if (v instanceof BigDecimal d) {
            text(sb, "decimal", key, d.toString());
        } else if (v instanceof ArticleDate d) {
            date(sb, "date", key, d);
        } else if (v instanceof List<?> list) {
            open(sb, "list", key);
            sb.append(">\n");
            for (Object o : list) {
                value(sb, null, o);
            }
            sb.append("</list>\n");
        } else if (v instanceof Map<?, ?> map) {
            open(sb, "map", key);
            sb.append(">\n");
            for (Map.Entry<?, ?> e : map.entrySet()) {
                value(sb, String.valueOf(e.getKey()), e.getValue());
            }
            sb.append("</map>\n");
        } else {
            throw new IllegalArgumentException("extra value of an unsupported type: " + v.getClass().getName());
        }
    }

    private static void open(StringBuilder sb, String tag, @Nullable String key) {
        sb.append('<').append(tag);
        if (key != null) {
            key(sb, "key", key);
        }
    }

    /** An attribute holding any string: as text when XML keeps it exactly, else as {@code NAME-hex}. */
    private static void key(StringBuilder sb, String attr, String value) {
        if (exact(value)) {
            sb.append(' ').append(attr).append("=\"").append(Xml.attr(value)).append('"');
        } else {
            sb.append(' ').append(attr).append("-hex=\"").append(hex(value)).append('"');
        }
    }

    private static void text(StringBuilder sb, String tag, @Nullable String key, String value) {
        open(sb, tag, key);
        if (exact(value)) {
            sb.append('>').append(Xml.escape(value)).append("</").append(tag).append(">\n");
        } else {
            sb.append(" hex=\"").append(hex(value)).append("\"/>\n");
        }
    }

    private static void date(StringBuilder sb, String tag, @Nullable String key, ArticleDate d) {
        open(sb, tag, key);
        key(sb, "text", d.text());
        d.isoString().ifPresent(iso -> key(sb, "iso", iso));
        sb.append("/>\n");
    }

    private static boolean exact(String s) {
        return s.indexOf('\r') < 0 && Xml.safe(s);
    }

    private static String hex(String s) {
        StringBuilder sb = new StringBuilder(s.length() * 4);
        HexFormat h = HexFormat.of();
        for (int i = 0; i < s.length(); i++) {
            sb.append(h.toHexDigits(s.charAt(i)));
        }
        return sb.toString();
    }

    // ---- reading ----------------------------------------------------------------------------

    /** @return whether a parsed XML document is one of our records */
    static boolean isRecord(Document doc) {
        Element root = doc.children().first();
        return root != null && root.tagName().equals(ROOT) && NAMESPACE.equals(root.attr("xmlns"));
    }

    /**
     * Reads a record.
     *
     * @throws IllegalArgumentException with what is wrong, when the record is damaged
     */
    static Parsed read(Document doc) {
        Element root = doc.children().first();
        if (root == null || !root.tagName().equals(ROOT)) {
            throw new IllegalArgumentException("not an article record");
        }
        Metadata.Builder b = Metadata.builder();
        String body = "";
        List<ResourceRef> resources = new ArrayList<>();
        for (Element e : root.children()) {
            switch (e.tagName()) {
                case "title" -> b.title(string(e));
                case "subtitle" -> b.subtitle(string(e));
                case "author" -> b.author(string(e));
                case "published" -> b.published(date(e));
                case "updated" -> b.updated(date(e));
                case "language" -> b.language(string(e));
                case "summary" -> b.summary(string(e));
                case "tag" -> b.tag(string(e));
                case "category" -> {
                    List<String> segments = new ArrayList<>();
                    for (Element s : e.children()) {
                        segments.add(string(s));
                    }
                    b.category(new CategoryPath(segments));
                }
                case "cover" -> b.cover(string(e));
                case "thumbnail" -> b.thumbnail(string(e));
                case "canonical-url" -> b.canonicalUrl(uri(string(e)));
                case "source-url" -> b.sourceUrl(uri(string(e)));
                case "identifier" -> b.identifier(string(e));
                case "publisher" -> b.publisher(string(e));
                case "extra" -> {
                    for (Element x : e.children()) {
                        b.extra(keyOf(x), value(x));
                    }
                }
                case "resource" -> resources.add(new ResourceRef(e.attr("name"), e.attr("media-type"),
                        attrString(e, "source")));
                case "body" -> body = string(e);
                default -> {
                    // a newer writer's field: ignored, as the record format allows
                }
            }
        }
        return new Parsed(b.build(), body, resources);
    }

    private static @Nullable Object value(Element e) {
        String s = e.tagName().equals("list") || e.tagName().equals("map") || e.tagName().equals("null")
                || e.tagName().equals("date") ? "" : string(e);
        return switch (e.tagName()) {
            case "null" -> null;
            case "string" -> s;
            case "boolean" -> Boolean.parseBoolean(s);
            case "long" -> Long.parseLong(s);
            case "double" -> Double.parseDouble(s);
            case "integer" -> new BigInteger(s);
            case "decimal" -> new BigDecimal(s);
            case "date" -> date(e);
            case "list" -> {
                List<@Nullable Object> list = new ArrayList<>();
                for (Element c : e.children()) {
                    list.add(value(c));
                }
                yield list;
            }
            case "map" -> {
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (Element c : e.children()) {
                    map.put(keyOf(c), value(c));
                }
                yield map;
            }
            default -> throw new IllegalArgumentException("unknown extra value type <" + e.tagName() + ">");
        };
    }

    private static String keyOf(Element e) {
        String k = attrString(e, "key");
        if (k == null) {
            throw new IllegalArgumentException("an extra value has no key");
        }
        return k;
    }

    private static ArticleDate date(Element e) {
        String text = attrString(e, "text");
        String iso = attrString(e, "iso");
        if (text == null) {
            throw new IllegalArgumentException("a date has no text");
        }
        return iso == null ? ArticleDate.parse(text) : ArticleDate.of(text, iso);
    }

    private static @Nullable String attrString(Element e, String name) {
        if (e.hasAttr(name + "-hex")) {
            return unhex(e.attr(name + "-hex"));
        }
        return e.hasAttr(name) ? e.attr(name) : null;
    }

    private static String string(Element e) {
        if (e.hasAttr("hex")) {
            return unhex(e.attr("hex"));
        }
        return e.wholeText();
    }

    private static String unhex(String h) {
        if (h.length() % 4 != 0) {
            throw new IllegalArgumentException("a hex string has a length that is not a multiple of 4");
        }
        StringBuilder sb = new StringBuilder(h.length() / 4);
        for (int i = 0; i < h.length(); i += 4) {
            sb.append((char) HexFormat.fromHexDigits(h, i, i + 4));
        }
        return sb.toString();
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + s, e);
        }
    }
}
