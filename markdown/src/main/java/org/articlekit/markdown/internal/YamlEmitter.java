package org.articlekit.markdown.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;

/**
 * Writes front-matter values as YAML that the reader gives back with the same types: strings are
 * quoted whenever an unquoted form would read as something else (also in YAML 1.1 tools such as
 * Hexo's), numbers, booleans and dates are written bare. Top-level lists of plain values are block
 * lists; anything nested inside a list is written in flow style.
 */
final class YamlEmitter {

    private static final Pattern SIMPLE_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern YAML11_SPECIAL = Pattern.compile(
            "(?i)y|n|yes|no|on|off|true|false|null|~|[-+]?(\\.inf|\\.nan)|[-+]?[0-9._][0-9a-fx_.:eo+-]*");

    private YamlEmitter() {
    }

    static String map(Map<String, @Nullable Object> map) {
        StringBuilder sb = new StringBuilder();
        block(map, 0, sb);
        return sb.toString();
    }

    private static void block(Map<String, @Nullable Object> map, int indent, StringBuilder sb) {
        for (Map.Entry<String, @Nullable Object> e : map.entrySet()) {
            sb.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(e.getValue(), indent, sb);
        }
    }

    @SuppressWarnings("unchecked")
    private static void value(@Nullable Object v, int indent, StringBuilder sb) {
        if (v instanceof Map<?, ?> m && !m.isEmpty()) {
            sb.append('\n');
            block((Map<String, @Nullable Object>) m, indent + 2, sb);
        } else if (v instanceof List<?> l && !l.isEmpty()) {
            sb.append('\n');
            for (Object item : l) {
                sb.append(" ".repeat(indent)).append("- ").append(flow(item)).append('\n');
            }
        } else if (v == null) {
            sb.append('\n');
        } else {
            sb.append(' ').append(flow(v)).append('\n');
        }
    }

    /** A value on one line: scalars, and collections in flow style. */
    static String flow(@Nullable Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : l) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(inFlow(item));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(doubleQuoted(String.valueOf(e.getKey()))).append(": ").append(inFlow(e.getValue()));
            }
            return sb.append('}').toString();
        }
        if (v instanceof ArticleDate d) {
            return FrontMatterValues.plain(d.text()) instanceof ArticleDate && plainSafe(d.text()) ? d.text()
                    : string(d.text());
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof java.math.BigInteger) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? string(d.toString()) : d.toString();
        }
        if (v instanceof BigDecimal b) {
            return b.toString();
        }
        return string(v.toString());
    }

    private static String inFlow(@Nullable Object v) {
        if (v instanceof String s) {
            return doubleQuoted(s);
        }
        String f = flow(v);
        return f.indexOf(',') >= 0 && !(v instanceof List<?>) && !(v instanceof Map<?, ?>) ? doubleQuoted(f) : f;
    }

    static String key(String k) {
        return SIMPLE_KEY.matcher(k).matches() && !yaml11Special(k) ? k : doubleQuoted(k);
    }

    /**
     * Whether YAML 1.1 reads the plain text as something other than a string. Its words are at most five letters
     * long and its numbers start with a sign, a digit, a dot or an underscore; anything else skips the pattern.
     */
    private static boolean yaml11Special(String s) {
        if (s.length() > 5 && "-+._0123456789".indexOf(s.charAt(0)) < 0) {
            return false;
        }
        return YAML11_SPECIAL.matcher(s).matches();
    }

    static String string(String s) {
        if (plainSafe(s) && !FrontMatterValues.typedIfPlain(s) && !yaml11Special(s)) {
            return s;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(s, i)) {
                return doubleQuoted(s);
            }
        }
        return "'" + s.replace("'", "''") + "'";
    }

    private static boolean plainSafe(String s) {
        if (s.isEmpty() || !s.equals(s.strip()) || "-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0
                || s.contains(": ") || s.contains(" #") || s.endsWith(":") || s.startsWith("---")
                || s.startsWith("...")) {
            return false;
        }
        // Brackets are text in a plain scalar, but quoted they cannot look like flow collections to the reader's
        // nesting pre-check ("title: ;{{{y---{{{…" was refused as too deep; found by MarkdownWriteFuzzTest).
        if (s.indexOf('{') >= 0 || s.indexOf('[') >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (mustEscape(s, i)
                    || c == '\u00A0' || Character.isWhitespace(c) && c != ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the character at {@code i} is outside YAML's printable set (C0 and C1 controls, DEL,
     * U+FFFE/U+FFFF, a lone surrogate) or is a line break or BOM that a reader would act on, so that
     * it must be written as an escape. C1 controls were missing (found by MarkdownWriteFuzzTest: a
     * title with U+0096 was written single-quoted and the reader refused it).
     */
    private static boolean mustEscape(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return c < 0x20 || c >= 0x7F && c <= 0x9F || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || c == '\uFFFE' || c == '\uFFFF';
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (mustEscape(s, i)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
