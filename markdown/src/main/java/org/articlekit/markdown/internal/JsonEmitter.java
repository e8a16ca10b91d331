package org.articlekit.markdown.internal;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes front-matter values as a pretty-printed JSON object, as Hugo reads it, with Jackson's
 * generator: members one a line, two spaces a level, {@code "key": value}, lists on one line.
 */
final class JsonEmitter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonEmitter() {
    }

    static String object(Map<String, @Nullable Object> map) {
        StringWriter out = new StringWriter();
        ObjectWriteContext ctx = new ObjectWriteContext.Base() {
            @Override
            public tools.jackson.core.io.CharacterEscapes getCharacterEscapes() {
                return JsonValues.WRITE.getCharacterEscapes();
            }

            @Override
            public PrettyPrinter getPrettyPrinter() {
                return new Layout();
            }
        };
        try (JsonGenerator g = FACTORY.createGenerator(ctx, out)) {
            value(map, g);
        }
        return out.toString();
    }

    private static void value(@Nullable Object v, JsonGenerator g) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                value(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                value(o, g);
            }
            g.writeEndArray();
        } else if (v instanceof ArticleDate d) {
            g.writeString(d.text());
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            g.writeString(d.toString());
        } else if (v instanceof Number) {
            // as the number prints (1E+3, 0.1), not Jackson's plain form
            g.writeNumber(v.toString());
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeString(v.toString());
        }
    }

    /** Objects indented one member a line; arrays on one line, items after {@code ", "}. */
    private static final class Layout implements PrettyPrinter {
        private int level;

        private void newline(JsonGenerator g) {
            g.writeRaw('\n');
            for (int i = 0; i < level; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            g.writeRaw('\n');
        }

        @Override
        public void writeStartObject(JsonGenerator g) {
            g.writeRaw('{');
            level++;
        }

        @Override
        public void beforeObjectEntries(JsonGenerator g) {
            newline(g);
        }

        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndObject(JsonGenerator g, int entries) {
            level--;
            if (entries > 0) {
                newline(g);
            }
            g.writeRaw('}');
        }

        @Override
        public void writeStartArray(JsonGenerator g) {
            g.writeRaw('[');
            level++;
        }

        @Override
        public void beforeArrayValues(JsonGenerator g) {
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            level--;
            g.writeRaw(']');
        }
    }
}
