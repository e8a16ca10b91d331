package org.articlekit.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small JSON reader and writer for JSON-LD in pages and for {@code info --json}: values are
 * {@link String}, {@link Boolean}, {@link Long}, {@link BigInteger}, {@link Double},
 * {@link BigDecimal}, {@link List}, {@link Map} (ordered) and {@code null}. Nesting is capped, so
 * hostile input cannot exhaust the stack.
 */
public final class Json {

    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private final String s;
    private int pos;

    private Json(String s) {
        this.s = s;
    }

    /**
     * @param text JSON text
     * @return the value
     * @throws JsonException when the text is not JSON or nests deeper than {@link #MAX_DEPTH}
     */
    public static @Nullable Object parse(String text) throws JsonException {
        Json p = new Json(text);
        p.skipSpace();
        Object v = p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the value");
        }
        return v;
    }

    /** A JSON syntax error with its character offset. */
    public static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;

        JsonException(String message) {
            super(message);
        }
    }

    private JsonException error(String what) {
        return new JsonException(what + " at character " + pos);
    }

    private void skipSpace() {
        while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t' || s.charAt(pos) == '\n'
                || s.charAt(pos) == '\r' || s.charAt(pos) == '\uFEFF')) {
            pos++;
        }
    }

    private @Nullable Object value(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        if (pos >= s.length()) {
            throw error("unexpected end");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private @Nullable Object literal(String word, @Nullable Object v) throws JsonException {
        if (!s.startsWith(word, pos)) {
            throw error("unexpected character");
        }
        pos += word.length();
        return v;
    }

    private Map<String, @Nullable Object> object(int depth) throws JsonException {
        pos++;
        Map<String, @Nullable Object> map = new LinkedHashMap<>();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipSpace();
            if (pos >= s.length() || s.charAt(pos) != '"') {
                throw error("expected a key");
            }
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            map.put(key, value(depth + 1));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<@Nullable Object> array(int depth) throws JsonException {
        pos++;
        List<@Nullable Object> list = new ArrayList<>();
        skipSpace();
        if (pos < s.length() && s.charAt(pos) == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value(depth + 1));
            skipSpace();
            if (pos < s.length() && s.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private void expect(char c) throws JsonException {
        if (pos >= s.length() || s.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private String string() throws JsonException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= s.length()) {
                throw error("unterminated string");
            }
            char c = s.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= s.length()) {
                throw error("unterminated escape");
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
                        throw error("short unicode escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad unicode escape");
                    }
                    pos += 4;
                }
                default -> throw error("bad escape");
            }
        }
    }

    private Object number() throws JsonException {
        int start = pos;
        while (pos < s.length() && "+-0123456789.eE".indexOf(s.charAt(pos)) >= 0) {
            pos++;
        }
        String n = s.substring(start, pos);
        if (n.isEmpty()) {
            throw error("unexpected character");
        }
        try {
            if (n.contains(".") || n.contains("e") || n.contains("E")) {
                double d = Double.parseDouble(n);
                BigDecimal exact = new BigDecimal(n);
                return Double.isFinite(d) && new BigDecimal(Double.toString(d)).equals(exact) ? d : exact;
            }
            BigInteger big = new BigInteger(n);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    /**
     * Writes a value as compact JSON. Maps are written in their order; other objects as strings.
     *
     * @param value the value
     * @return the JSON text
     */
    public static String write(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, null, true);
        return sb.toString();
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
        StringBuilder sb = new StringBuilder();
        write(sb, value, 0, "  ", htmlSafe);
        return sb.toString();
    }

    private static void write(StringBuilder sb, @Nullable Object v, int level, @Nullable String indent,
            boolean htmlSafe) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof BigInteger
                || v instanceof BigDecimal) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(Double.isFinite(d) ? d.toString() : "null");
        } else if (v instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, level + 1, indent);
                quote(sb, String.valueOf(e.getKey()), htmlSafe);
                sb.append(indent == null ? ":" : ": ");
                write(sb, e.getValue(), level + 1, indent, htmlSafe);
            }
            newline(sb, level, indent);
            sb.append('}');
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, level + 1, indent);
                write(sb, list.get(i), level + 1, indent, htmlSafe);
            }
            newline(sb, level, indent);
            sb.append(']');
        } else {
            quote(sb, v.toString(), htmlSafe);
        }
    }

    private static void newline(StringBuilder sb, int level, @Nullable String indent) {
        if (indent != null) {
            sb.append('\n');
            sb.append(String.join("", Collections.nCopies(level, indent)));
        }
    }

    private static void quote(StringBuilder sb, String s, boolean htmlSafe) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '<' -> sb.append(htmlSafe ? "\\u003c" : "<");
                case '>' -> sb.append(htmlSafe ? "\\u003e" : ">");
                case '&' -> sb.append(htmlSafe ? "\\u0026" : "&");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
