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
import javax.xml.stream.XMLStreamException;
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
        return Xml.document(w -> {
            w.start(ROOT).ns(NAMESPACE).attr("version", "1").nl();
            if (m.title().isPresent()) {
                text(w, "title", null, m.title().get());
            }
            if (m.subtitle().isPresent()) {
                text(w, "subtitle", null, m.subtitle().get());
            }
            for (String v : m.authors()) {
                text(w, "author", null, v);
            }
            if (m.published().isPresent()) {
                date(w, "published", null, m.published().get());
            }
            if (m.updated().isPresent()) {
                date(w, "updated", null, m.updated().get());
            }
            if (m.language().isPresent()) {
                text(w, "language", null, m.language().get());
            }
            if (m.summary().isPresent()) {
                text(w, "summary", null, m.summary().get());
            }
            for (String v : m.tags()) {
                text(w, "tag", null, v);
            }
            for (CategoryPath p : m.categories()) {
                w.start("category");
                for (String segment : p.segments()) {
                    text(w, "segment", null, segment);
                }
                w.end().nl();
            }
            if (m.cover().isPresent()) {
                text(w, "cover", null, m.cover().get());
            }
            if (m.thumbnail().isPresent()) {
                text(w, "thumbnail", null, m.thumbnail().get());
            }
            if (m.canonicalUrl().isPresent()) {
                text(w, "canonical-url", null, m.canonicalUrl().get().toString());
            }
            if (m.sourceUrl().isPresent()) {
                text(w, "source-url", null, m.sourceUrl().get().toString());
            }
            if (m.identifier().isPresent()) {
                text(w, "identifier", null, m.identifier().get());
            }
            if (m.publisher().isPresent()) {
                text(w, "publisher", null, m.publisher().get());
            }
            if (!m.extra().isEmpty()) {
                w.start("extra").nl();
                for (Map.Entry<String, @Nullable Object> e : m.extra().entrySet()) {
                    value(w, e.getKey(), e.getValue());
                }
                w.end().nl();
            }
            for (Resource r : resources) {
                w.empty("resource");
                w.attr("name", r.name()).attr("media-type", r.mediaType());
                if (r.source().isPresent()) {
                    key(w, "source", r.source().get());
                }
                w.nl();
            }
            text(w, "body", null, bodyHtml);
            w.end().nl();
        });
    }

    private static void value(Xml.Writer w, @Nullable String key, @Nullable Object v) throws XMLStreamException {
        if (v == null) {
            open(w.empty("null"), key).nl();
        } else if (v instanceof String s) {
            text(w, "string", key, s);
        } else if (v instanceof Boolean b) {
            text(w, "boolean", key, b.toString());
        } else if (v instanceof Long l) {
            text(w, "long", key, l.toString());
        } else if (v instanceof Double d) {
            text(w, "double", key, d.toString());
        } else if (v instanceof BigInteger i) {
            text(w, "integer", key, i.toString());
        } else if (v instanceof BigDecimal d) {
            text(w, "decimal", key, d.toString());
        } else if (v instanceof ArticleDate d) {
            date(w, "date", key, d);
        } else if (v instanceof List<?> list) {
            open(w.start("list"), key).nl();
            for (Object o : list) {
                value(w, null, o);
            }
            w.end().nl();
        } else if (v instanceof Map<?, ?> map) {
            open(w.start("map"), key).nl();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                value(w, String.valueOf(e.getKey()), e.getValue());
            }
            w.end().nl();
        } else {
            throw new IllegalArgumentException("extra value of an unsupported type: " + v.getClass().getName());
        }
    }

    /** The {@code key} attribute of a value inside {@code extra}, when it has one. */
    private static Xml.Writer open(Xml.Writer w, @Nullable String key) throws XMLStreamException {
        if (key != null) {
            key(w, "key", key);
        }
        return w;
    }

    /**
     * An attribute holding any string: as it is when XML keeps it exactly (an attribute value's
     * tabs and line breaks would come back as spaces), else as {@code NAME-hex}.
     */
    private static void key(Xml.Writer w, String attr, String value) throws XMLStreamException {
        if (exact(value) && value.indexOf('\t') < 0 && value.indexOf('\n') < 0) {
            w.attr(attr, value);
        } else {
            w.attr(attr + "-hex", hex(value));
        }
    }

    private static void text(Xml.Writer w, String tag, @Nullable String key, String value) throws XMLStreamException {
        if (exact(value)) {
            open(w.start(tag), key).text(value).end().nl();
        } else {
            open(w.empty(tag), key).attr("hex", hex(value)).nl();
        }
    }

    private static void date(Xml.Writer w, String tag, @Nullable String key, ArticleDate d) throws XMLStreamException {
        open(w.empty(tag), key);
        key(w, "text", d.text());
        if (d.isoString().isPresent()) {
            key(w, "iso", d.isoString().get());
        }
        w.nl();
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
