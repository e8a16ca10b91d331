package org.articlekit.markdown.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;

/**
 * Writes front-matter values as TOML: one {@code key = value} line each, lists as arrays and maps
 * as inline tables. TOML has no null, so null values are left out (the writer warns).
 */
final class TomlEmitter {

    private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    private TomlEmitter() {
    }

    static String map(Map<String, @Nullable Object> map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, @Nullable Object> e : map.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            sb.append(key(e.getKey())).append(" = ").append(value(e.getValue())).append('\n');
        }
        return sb.toString();
    }

    private static String key(String k) {
        return BARE_KEY.matcher(k).matches() ? k : basic(k);
    }

    static String value(@Nullable Object v) {
        if (v == null) {
            return "\"\"";
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : l) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(value(item));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                sb.append(sb.length() > 1 ? ", " : " ").append(key(String.valueOf(e.getKey()))).append(" = ")
                        .append(value(e.getValue()));
            }
            return sb.append(sb.length() > 1 ? " }" : "}").toString();
        }
        if (v instanceof ArticleDate d) {
            String literal = TomlFrontMatter.dateLiteral(d);
            return literal != null ? literal : basic(d.text());
        }
        if (v instanceof Boolean || v instanceof Long) {
            return v.toString();
        }
        if (v instanceof Double d) {
            return d.isNaN() ? "nan" : d.isInfinite() ? (d > 0 ? "inf" : "-inf") : d.toString();
        }
        if (v instanceof BigDecimal b) {
            // 1e999 has no TOML float (tomlj refuses it, Double gives "Infinity"): it is kept as its text
            return Double.isFinite(b.doubleValue()) ? Double.toString(b.doubleValue()) : basic(b.toString());
        }
        return basic(v.toString());
    }

    static String basic(String s) {
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
                    if (c < 0x20 || c == 0x7F) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
