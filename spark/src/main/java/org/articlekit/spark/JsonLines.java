package org.articlekit.spark;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.jspecify.annotations.Nullable;

/**
 * One article as one line of JSON, for search indexes and data sets: the fields of
 * {@code articlekit info --json} (dates as {@code {"text", "instant", "zone"}}) and the body, as
 * article HTML and as plain text.
 *
 * <p>Written with Jackson's streaming generator, the Jackson that Spark brings (core's own JSON
 * writer is internal to it, and Spark's executors have Jackson on their class path anyway).
 */
final class JsonLines {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private JsonLines() {
    }

    /**
     * @param a the article
     * @param name its output name
     * @param source the input it came from
     * @return one line of JSON, without the line break
     * @throws IOException never, in practice (the writer is in memory)
     */
    static String line(Article a, String name, String source) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            Metadata m = a.metadata();
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("file", source);
            field(g, "title", m.title().orElse(null));
            g.writeArrayFieldStart("authors");
            for (String s : m.authors()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeFieldName("published");
            date(g, m.published().orElse(null));
            g.writeFieldName("updated");
            date(g, m.updated().orElse(null));
            field(g, "language", m.language().orElse(null));
            field(g, "summary", m.summary().orElse(null));
            g.writeArrayFieldStart("tags");
            for (String s : m.tags()) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("categories");
            for (CategoryPath c : m.categories()) {
                g.writeStartArray();
                for (String s : c.segments()) {
                    g.writeString(s);
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            field(g, "cover", m.cover().orElse(null));
            field(g, "thumbnail", m.thumbnail().orElse(null));
            field(g, "source", m.sourceUrl().map(Object::toString).orElse(null));
            field(g, "identifier", m.identifier().orElse(null));
            g.writeFieldName("extra");
            value(g, m.extra());
            field(g, "subtitle", m.subtitle().orElse(null));
            field(g, "canonical", m.canonicalUrl().map(Object::toString).orElse(null));
            field(g, "publisher", m.publisher().orElse(null));
            g.writeStringField("html", a.body().html());
            g.writeStringField("text", a.body().text());
            g.writeEndObject();
        }
        return w.toString();
    }

    /** A failure as one line: {@code {"source": …, "error": …}}. */
    static String failure(String source, String error) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeStringField("error", InputRecord.oneLine(error));
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void field(JsonGenerator g, String name, @Nullable String v) throws IOException {
        if (v == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, v);
        }
    }

    private static void date(JsonGenerator g, @Nullable ArticleDate d) throws IOException {
        if (d == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("text", d.text());
        field(g, "instant", (d.hasZone() ? d.instant().map(Object::toString) : d.isoString()).orElse(null));
        g.writeBooleanField("zone", d.hasZone());
        g.writeEndObject();
    }

    /** Extra values: dates as date objects, maps and lists as JSON, numbers and booleans as such, the rest as text. */
    private static void value(JsonGenerator g, @Nullable Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof ArticleDate d) {
            date(g, d);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object x : list) {
                value(g, x);
            }
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Number n) {
            g.writeNumber(n.toString());
        } else {
            g.writeString(v.toString());
        }
    }
}
