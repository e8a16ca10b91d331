package org.articlekit.internal.json;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;

/**
 * JSON for JSON-LD in pages, JSON feeds and {@code info --json}, read and written with Jackson's
 * streaming parser and generator: values are {@link String}, {@link Boolean}, {@link Long},
 * {@link BigInteger}, {@link Double}, {@link BigDecimal}, {@link List}, {@link Map} (ordered) and
 * {@code null}. Nesting is capped at {@link #MAX_DEPTH}, so hostile input cannot exhaust the stack;
 * a number longer than Jackson's limit (1,000 characters) is an error, not a slow parse; a key
 * given twice keeps its first place and its last value; unescaped control characters inside
 * strings (common in hand-made JSON-LD) are accepted, as are leading zeros.
 */
public final class Json {

    /** The deepest nesting of arrays and objects accepted. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
            // our own depth check runs first and names MAX_DEPTH; this is the backstop
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 1).build())
            .build();

    private Json() {
    }

    /**
     * @param text JSON text
     * @return the value
     * @throws JsonException when the text is not JSON or nests deeper than {@link #MAX_DEPTH}
     */
    public static @Nullable Object parse(String text) throws JsonException {
        int start = 0;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            start = 1;
        }
        String body = start == 0 ? text : text.substring(start);
        JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), body);
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonException("unexpected end at character " + text.length());
            }
            Object v = value(p, t, 0, start);
            if (p.nextToken() != null) {
                throw error("unexpected text after the value", p.currentTokenLocation(), start);
            }
            return v;
        } catch (JacksonException e) {
            // a limit (number length, nesting) is reported without a place: the parser's is it
            TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            throw error(message(e), at, start);
        }
    }

    /** Jackson's message, its first line, without the name of the setting behind a limit. */
    static String message(JacksonException e) {
        String message = String.valueOf(e.getOriginalMessage());
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).replaceAll(", from `[^`]*`", "");
    }

    /** A JSON syntax error with its character offset. */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }

    private static JsonException error(String what, @Nullable TokenStreamLocation at, int shift) {
        long offset = at == null ? -1 : at.getCharOffset();
        return new JsonException(offset < 0 ? what : what + " at character " + (offset + shift));
    }

    private static @Nullable Object value(JsonParser p, JsonToken t, int depth, int shift) throws JsonException {
        switch (t) {
            case START_OBJECT -> {
                if (depth >= MAX_DEPTH) {
                    throw error("nesting deeper than " + MAX_DEPTH, p.currentTokenLocation(), shift);
                }
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n == JsonToken.PROPERTY_NAME; n = p.nextToken()) {
                    String key = p.currentName();
                    map.put(key, value(p, p.nextToken(), depth + 1, shift));
                }
                return map;
            }
            case START_ARRAY -> {
                if (depth >= MAX_DEPTH) {
                    throw error("nesting deeper than " + MAX_DEPTH, p.currentTokenLocation(), shift);
                }
                List<@Nullable Object> list = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    list.add(value(p, n, depth + 1, shift));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT, LONG -> p.getLongValue();
                    default -> integer(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return decimal(p.getString(), p, shift);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw error("unexpected " + t, p.currentTokenLocation(), shift);
        }
    }

    private static Object integer(BigInteger big) {
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** A double when it is exactly the number written, else the exact decimal. */
    private static Object decimal(String n, JsonParser p, int shift) throws JsonException {
        try {
            double d = Double.parseDouble(n);
            BigDecimal exact = new BigDecimal(n);
            return Double.isFinite(d) && new BigDecimal(Double.toString(d)).equals(exact) ? d : exact;
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("bad number", p.currentTokenLocation(), shift);
        }
    }

    /**
     * Writes a value as compact JSON. Maps are written in their order; other objects as strings.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(@Nullable Object value) {
        return write(value, null, true);
    }

    /**
     * Writes a value as indented JSON.
     *
     * @param value the value
     * @return the JSON text, two spaces per level
     */
    public static String writePretty(@Nullable Object value) {
        return writePretty(value, true);
    }

    /**
     * Writes a value as indented JSON, optionally leaving {@code < > &} as they are (for output
     * that is never embedded in HTML, such as the command line's {@code info --json}).
     *
     * @param value the value
     * @param htmlSafe whether {@code < > &} are written as JSON unicode escapes
     * @return the JSON text, two spaces per level
     */
    public static String writePretty(@Nullable Object value, boolean htmlSafe) {
        return write(value, new Indented(), htmlSafe);
    }

    private static String write(@Nullable Object value, @Nullable PrettyPrinter pretty, boolean htmlSafe) {
        StringWriter out = new StringWriter();
        ObjectWriteContext ctx = new ObjectWriteContext.Base() {
            @Override
            public CharacterEscapes getCharacterEscapes() {
                return htmlSafe ? Escapes.HTML_SAFE : Escapes.PLAIN;
            }

            @Override
            public @Nullable PrettyPrinter getPrettyPrinter() {
                return pretty;
            }
        };
        try (JsonGenerator g = FACTORY.createGenerator(ctx, out)) {
            write(g, value);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, @Nullable Object v) {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Long || v instanceof Integer) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (v instanceof BigDecimal b) {
            // as toString() writes it (1E+3 stays 1E+3), not Jackson's plain form
            g.writeNumber(b.toString());
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) {
                g.writeNumber(d.toString());
            } else {
                g.writeNull();
            }
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeName(String.valueOf(e.getKey()));
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeString(v.toString());
        }
    }

    /**
     * Two spaces a level, every member and item on its own line, {@code "key": value}, and
     * {@code {}} / {@code []} when empty (the layout the hand-written writer had).
     */
    private static final class Indented implements PrettyPrinter {
        private int level;

        private void newline(JsonGenerator g) {
            g.writeRaw('\n');
            for (int i = 0; i < level; i++) {
                g.writeRaw("  ");
            }
        }

        @Override
        public void writeRootValueSeparator(JsonGenerator g) {
            g.writeRaw(' ');
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
            newline(g);
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(',');
            newline(g);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int values) {
            level--;
            if (values > 0) {
                newline(g);
            }
            g.writeRaw(']');
        }
    }

    /**
     * JSON's escapes plus {@code \u2028} and {@code \u2029} (line ends to JavaScript), and, when
     * the text goes into an HTML {@code <script>}, {@code < > &} so {@code </script>} cannot end it.
     */
    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final Escapes HTML_SAFE = new Escapes(true);
        static final Escapes PLAIN = new Escapes(false);
        private static final SerializableString LS = new SerializedString("\\u2028");
        private static final SerializableString PS = new SerializedString("\\u2029");

        private final int[] ascii;
        private final SerializableString[] custom = new SerializableString[128];

        private Escapes(boolean html) {
            ascii = standardAsciiEscapesForJSON();
            // other controls as lowercase unicode escapes (Jackson: uppercase, b and f short), as before
            for (char c = 0; c < 0x20; c++) {
                if (c != '\n' && c != '\r' && c != '\t') {
                    ascii[c] = ESCAPE_CUSTOM;
                    custom[c] = new SerializedString(String.format("\\u%04x", (int) c));
                }
            }
            if (html) {
                for (char c : new char[] {'<', '>', '&'}) {
                    ascii[c] = ESCAPE_CUSTOM;
                    custom[c] = new SerializedString(String.format("\\u%04x", (int) c));
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            if (ch < 128) {
                return custom[ch];
            }
            return ch == '\u2028' ? LS : ch == '\u2029' ? PS : null;
        }
    }
}
