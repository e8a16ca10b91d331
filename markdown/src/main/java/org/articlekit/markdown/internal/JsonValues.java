package org.articlekit.markdown.internal;

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
import tools.jackson.core.SerializableString;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * JSON front matter read and quoted with Jackson's streaming parser and generator (core's JSON
 * class is not exported). The reader keeps object members in order, refuses duplicate keys and
 * nesting deeper than a limit, and reports the character offset of a problem.
 */
final class JsonValues {

    /** A JSON syntax problem at a character offset of the parsed text. */
    static final class JsonProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int offset;

        JsonProblem(String message, int offset) {
            super(message, null, false, false);
            this.offset = offset;
        }
    }

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private final int maxDepth;
    private final Map<String, Integer> offsets;

    private JsonValues(int maxDepth, Map<String, Integer> offsets) {
        this.maxDepth = maxDepth;
        this.offsets = offsets;
    }

    /**
     * @param text one JSON value, with white space around it
     * @param maxDepth the deepest nesting of arrays and objects
     * @return the value: maps, lists, strings, longs or big integers, doubles or big decimals, booleans, null
     * @throws JsonProblem when the text is not one JSON value
     */
    static @Nullable Object parse(String text, int maxDepth) throws JsonProblem {
        return parse(text, maxDepth, new LinkedHashMap<>());
    }

    /**
     * As {@link #parse(String, int)}, also telling where each member of the outermost object starts.
     *
     * @param offsets receives, for each member name of the outermost object, the offset of its quote
     */
    static @Nullable Object parse(String text, int maxDepth, Map<String, Integer> offsets) throws JsonProblem {
        JsonValues r = new JsonValues(maxDepth, offsets);
        JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), text);
        try (p) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new JsonProblem("the JSON ends too early", text.length());
            }
            Object v = r.value(p, t, 0);
            if (p.nextToken() != null) {
                throw new JsonProblem("unexpected text after the JSON value", offset(p.currentTokenLocation()));
            }
            return v;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
            String message = String.valueOf(e.getOriginalMessage());
            int nl = message.indexOf('\n');
            message = (nl < 0 ? message : message.substring(0, nl)).replaceAll(", from `[^`]*`", "");
            throw new JsonProblem(message, offset(at));
        }
    }

    private static int offset(@Nullable TokenStreamLocation at) {
        return at == null ? 0 : (int) Math.max(0, at.getCharOffset());
    }

    private @Nullable Object value(JsonParser p, JsonToken t, int depth) throws JsonProblem {
        switch (t) {
            case START_OBJECT -> {
                if (depth >= maxDepth) {
                    throw new JsonProblem("nested deeper than " + maxDepth + " levels", offset(p.currentTokenLocation()));
                }
                Map<String, @Nullable Object> map = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n == JsonToken.PROPERTY_NAME; n = p.nextToken()) {
                    String key = p.currentName();
                    int at = offset(p.currentTokenLocation());
                    if (map.containsKey(key)) {
                        throw new JsonProblem("duplicate key '" + key + "'", at);
                    }
                    if (depth == 0) {
                        offsets.put(key, at);
                    }
                    map.put(key, value(p, p.nextToken(), depth + 1));
                }
                return map;
            }
            case START_ARRAY -> {
                if (depth >= maxDepth) {
                    throw new JsonProblem("nested deeper than " + maxDepth + " levels", offset(p.currentTokenLocation()));
                }
                List<@Nullable Object> list = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    list.add(value(p, n, depth + 1));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                String n = p.getString();
                try {
                    return t == JsonToken.VALUE_NUMBER_INT ? integer(n) : decimal(n);
                } catch (NumberFormatException e) {
                    throw new JsonProblem("not a number: " + n, offset(p.currentTokenLocation()));
                }
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
            default -> throw new JsonProblem("unexpected " + t, offset(p.currentTokenLocation()));
        }
    }

    /**
     * Where the JSON object starting at {@code from} ends, strings and nesting taken into account.
     *
     * @return the offset just past its closing brace, or -1 when it does not end before {@code limit}
     */
    static int objectEnd(String text, int from, int limit) {
        int depth = 0;
        boolean inString = false;
        int end = Math.min(text.length(), limit);
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /** An integer as a long when it fits, else a big integer. */
    static Object integer(String text) {
        BigInteger b = new BigInteger(text);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    /** A decimal as a double when the double prints as the same text, else a big decimal. */
    static Object decimal(String text) {
        double d = Double.parseDouble(text);
        if (!Double.isInfinite(d) && Double.toString(d).equals(text)) {
            return d;
        }
        int e = Math.max(text.indexOf('e'), text.indexOf('E'));
        if (e >= 0 && text.length() - e > 10) {
            // BigDecimal's scale is an int: 1e99999999999 does not fit (found by FrontMatterFuzzTest,
            // NumberFormatException); such a number is kept as its text
            return text;
        }
        return new BigDecimal(text);
    }

    /** Appends a JSON string literal; {@code <}, {@code >} and {@code &} stay as they are. */
    static void quote(String v, StringBuilder out) {
        StringWriter w = new StringWriter(v.length() + 2);
        try (JsonGenerator g = FACTORY.createGenerator(WRITE, w)) {
            g.writeString(v);
        }
        out.append(w.getBuffer());
    }

    /** Jackson's JSON escapes, and {@code \u2028} / {@code \u2029}, which end a line in JavaScript. */
    static final ObjectWriteContext WRITE = new ObjectWriteContext.Base() {
        @Override
        public CharacterEscapes getCharacterEscapes() {
            return LINE_SEPARATORS;
        }
    };

    private static final CharacterEscapes LINE_SEPARATORS = new CharacterEscapes() {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();
        private final SerializableString ls = new SerializedString("\\u2028");
        private final SerializableString ps = new SerializedString("\\u2029");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public @Nullable SerializableString getEscapeSequence(int ch) {
            return ch == '\u2028' ? ls : ch == '\u2029' ? ps : null;
        }
    };
}
