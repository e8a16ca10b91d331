package org.articlekit.examples.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the values {@code info --json} prints as indented JSON, two spaces a level. The command
 * line has its own writer because the library's JSON code is internal to core; the output is the
 * contract {@code info --help} describes, and {@code InfoCommandTest} pins it.
 *
 * <p>Values: null, {@link Boolean}, {@link Integer}, {@link Long}, {@link BigInteger}, {@link BigDecimal},
 * {@link Double} (not finite: null), {@link Map} (in its order; keys as strings), {@link List}; any
 * other object is written as the string of its {@code toString()}. {@code < > &} are written as they
 * are: the output is never embedded in HTML.
 */
final class PrettyJson {

    private static final String INDENT = "  ";

    private PrettyJson() {
    }

    /**
     * @param value the value
     * @return its JSON text, without a final line break
     */
    static String write(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, 0);
        return sb.toString();
    }

    /**
     * @param value the value
     * @return its JSON text on one line (no line break inside or after it), for JSON-lines logs
     */
    static String line(@Nullable Object value) {
        StringBuilder sb = new StringBuilder();
        value(sb, value, ONE_LINE);
        return sb.toString();
    }

    /** The level that means "no line breaks": it stays negative however deep the value nests. */
    private static final int ONE_LINE = Integer.MIN_VALUE / 2;

    private static void value(StringBuilder sb, @Nullable Object v, int level) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof BigInteger
                || v instanceof BigDecimal) {
            sb.append(v);
        } else if (v instanceof Double d) {
            sb.append(Double.isFinite(d) ? d.toString() : "null");
        } else if (v instanceof Map<?, ?> map) {
            object(sb, map, level);
        } else if (v instanceof List<?> list) {
            array(sb, list, level);
        } else {
            string(sb, v.toString());
        }
    }

    private static void object(StringBuilder sb, Map<?, ?> map, int level) {
        if (map.isEmpty()) {
            sb.append("{}");
            return;
        }
        sb.append('{');
        String sep = "";
        for (Map.Entry<?, ?> e : map.entrySet()) {
            sb.append(sep);
            sep = ",";
            newline(sb, level + 1);
            string(sb, String.valueOf(e.getKey()));
            sb.append(level < 0 ? ":" : ": ");
            value(sb, e.getValue(), level + 1);
        }
        newline(sb, level);
        sb.append('}');
    }

    private static void array(StringBuilder sb, List<?> list, int level) {
        if (list.isEmpty()) {
            sb.append("[]");
            return;
        }
        sb.append('[');
        String sep = "";
        for (Object item : list) {
            sb.append(sep);
            sep = ",";
            newline(sb, level + 1);
            value(sb, item, level + 1);
        }
        newline(sb, level);
        sb.append(']');
    }

    private static void newline(StringBuilder sb, int level) {
        if (level < 0) {
            return;
        }
        sb.append('\n').append(INDENT.repeat(level));
    }

    /** A JSON string: quote, backslash, controls and the two line separators JavaScript rejects are escaped. */
    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\u2028' -> sb.append("\\u2028");
                case '\u2029' -> sb.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
