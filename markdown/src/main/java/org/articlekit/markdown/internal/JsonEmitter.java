package org.articlekit.markdown.internal;

import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;

/** Writes front-matter values as a pretty-printed JSON object, as Hugo reads it. */
final class JsonEmitter {

    private JsonEmitter() {
    }

    static String object(Map<String, @Nullable Object> map) {
        StringBuilder sb = new StringBuilder();
        value(map, 0, sb);
        return sb.toString();
    }

    private static void value(@Nullable Object v, int indent, StringBuilder sb) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append("{\n");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append("  ".repeat(indent + 1));
                JsonValues.quote(String.valueOf(e.getKey()), sb);
                sb.append(": ");
                value(e.getValue(), indent + 1, sb);
                sb.append(++i < m.size() ? ",\n" : "\n");
            }
            sb.append("  ".repeat(indent)).append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                value(l.get(i), indent + 1, sb);
            }
            sb.append(']');
        } else if (v instanceof ArticleDate d) {
            JsonValues.quote(d.text(), sb);
        } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
            JsonValues.quote(d.toString(), sb);
        } else if (v instanceof Number || v instanceof Boolean) {
            sb.append(v);
        } else {
            JsonValues.quote(v.toString(), sb);
        }
    }
}
