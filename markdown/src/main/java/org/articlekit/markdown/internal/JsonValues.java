package org.articlekit.markdown.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON reader and writer for front matter (core's JSON class is not exported). The reader
 * keeps object members in order, refuses duplicate keys and nesting deeper than a limit, and
 * reports the character offset of a problem.
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

    private final String s;
    private final int maxDepth;
    private int pos;

    private final Map<String, Integer> offsets;

    private JsonValues(String s, int maxDepth, Map<String, Integer> offsets) {
        this.s = s;
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
        JsonValues p = new JsonValues(text, maxDepth, offsets);
        p.space();
        Object v = p.value(0);
        p.space();
        if (p.pos < text.length()) {
            throw new JsonProblem("unexpected text after the JSON value", p.pos);
        }
        return v;
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

    private @Nullable Object value(int depth) throws JsonProblem {
        if (pos >= s.length()) {
            throw new JsonProblem("the JSON ends too early", pos);
        }
        char c = s.charAt(pos);
        if (c == '{' || c == '[') {
            if (depth >= maxDepth) {
                throw new JsonProblem("nested deeper than " + maxDepth + " levels", pos);
            }
            return c == '{' ? object(depth + 1) : array(depth + 1);
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        if (c == '-' || c >= '0' && c <= '9') {
            return number();
        }
        throw new JsonProblem("unexpected character '" + c + "'", pos);
    }

    private Map<String, @Nullable Object> object(int depth) throws JsonProblem {
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        pos++;
        space();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            space();
            if (peek() != '"') {
                throw new JsonProblem("expected a quoted member name", pos);
            }
            int at = pos;
            String key = string();
            if (map.containsKey(key)) {
                throw new JsonProblem("duplicate key '" + key + "'", at);
            }
            if (depth == 1) {
                offsets.put(key, at);
            }
            space();
            expect(':');
            space();
            map.put(key, value(depth));
            space();
            char c = peek();
            pos++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw new JsonProblem("expected ',' or '}'", pos - 1);
            }
        }
    }

    private List<@Nullable Object> array(int depth) throws JsonProblem {
        List<@Nullable Object> list = new ArrayList<>();
        pos++;
        space();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            space();
            list.add(value(depth));
            space();
            char c = peek();
            pos++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw new JsonProblem("expected ',' or ']'", pos - 1);
            }
        }
    }

    private String string() throws JsonProblem {
        int start = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                if (pos >= s.length()) {
                    break;
                }
                char e = s.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> sb.append(e);
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new JsonProblem("a \\u escape is cut short", pos);
                        }
                        try {
                            sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw new JsonProblem("a \\u escape is not hexadecimal", pos);
                        }
                        pos += 4;
                    }
                    default -> throw new JsonProblem("unknown escape \\" + e, pos - 1);
                }
            } else if (c < 0x20) {
                throw new JsonProblem("a control character inside a string", pos - 1);
            } else {
                sb.append(c);
            }
        }
        throw new JsonProblem("a string is never closed", start);
    }

    private Object number() throws JsonProblem {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        boolean fraction = false;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c >= '0' && c <= '9') {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                fraction = true;
                pos++;
            } else {
                break;
            }
        }
        String text = s.substring(start, pos);
        try {
            return fraction ? decimal(text) : integer(text);
        } catch (NumberFormatException e) {
            throw new JsonProblem("not a number: " + text, start);
        }
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

    private char peek() throws JsonProblem {
        if (pos >= s.length()) {
            throw new JsonProblem("the JSON ends too early", pos);
        }
        return s.charAt(pos);
    }

    private void expect(char c) throws JsonProblem {
        if (peek() != c) {
            throw new JsonProblem("expected '" + c + "'", pos);
        }
        pos++;
    }

    private void space() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                || s.charAt(pos) == '\r')) {
            pos++;
        }
    }

    /** Appends a JSON string literal; {@code <}, {@code >} and {@code &} stay as they are. */
    static void quote(String v, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
