package org.articlekit.examples.cli;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * Writes what {@code info --json}, {@code convert --json} and {@code --log} print, with Jackson's
 * generator: indented two spaces a level, every member and item on its own line,
 * {@code "key": value}, and {@code {}} / {@code []} when empty; or all on one line for JSON-lines
 * logs. Jackson escapes the string characters JSON requires; {@code < > &} stay as they are, since
 * the output is never embedded in HTML.
 *
 * <p>Values: null, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigInteger}, {@link BigDecimal}
 * (as its {@code toString()}), {@link Double} (not finite: null), {@link Map} (in its order; keys as
 * strings), {@link List}; any other object is written as the string of its {@code toString()}.
 */
final class PrettyJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The layout of {@link #write}; copied per document, since a pretty printer keeps the nesting level. */
    private static final DefaultPrettyPrinter INDENTED = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEntrySpacing(Separators.Spacing.NONE)
                    .withObjectEmptySeparator("")
                    .withArrayElementSpacing(Separators.Spacing.NONE)
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private PrettyJson() {
    }

    /**
     * @param value the value
     * @return its JSON text, indented, without a final line break
     */
    static String write(@Nullable Object value) {
        return write(value, INDENTED.createInstance());
    }

    /**
     * @param value the value
     * @return its JSON text on one line (no line break inside or after it), for JSON-lines logs
     */
    static String line(@Nullable Object value) {
        return write(value, null);
    }

    private static String write(@Nullable Object value, @Nullable PrettyPrinter pretty) {
        StringWriter out = new StringWriter();
        ObjectWriteContext ctx = new ObjectWriteContext.Base() {
            @Override
            public @Nullable PrettyPrinter getPrettyPrinter() {
                return pretty;
            }
        };
        try (JsonGenerator g = FACTORY.createGenerator(ctx, out)) {
            value(g, value);
        }
        return out.toString();
    }

    private static void value(JsonGenerator g, @Nullable Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            g.writeNumber(b.toString());
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) {
                value(g, item);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }
}
