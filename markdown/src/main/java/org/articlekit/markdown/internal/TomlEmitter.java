package org.articlekit.markdown.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;
import org.tomlj.MutableTomlArray;
import org.tomlj.MutableTomlTable;
import org.tomlj.Toml;

/**
 * Writes front-matter values as TOML with tomlj's serialiser: one {@code key = value} line each, in the map's
 * order, lists as arrays and maps as inline tables (so no key moves into a later {@code [table]} section). TOML has
 * no null, so null values are left out (the writer warns). Dates keep their form: an offset date-time, a local
 * date-time or a local date, as {@link TomlFrontMatter#dateLiteral} gives it; a date TOML cannot hold is its text.
 */
final class TomlEmitter {

    private TomlEmitter() {
    }

    static String map(Map<String, @Nullable Object> map) {
        MutableTomlTable table = MutableTomlTable.create();
        for (Map.Entry<String, @Nullable Object> e : map.entrySet()) {
            if (e.getValue() != null) {
                // a list of one key: a dotted key is one key, not a path
                table.set(List.of(e.getKey()), value(e.getValue()));
            }
        }
        String toml = table.toToml();
        return toml.isEmpty() || toml.endsWith("\n") ? toml : toml + "\n";
    }

    /** A value as tomlj holds it: strings, longs, doubles, booleans, {@code java.time} values, arrays, tables. */
    private static Object value(Object v) {
        if (v instanceof List<?> l) {
            MutableTomlArray array = MutableTomlArray.createInline();
            for (Object item : l) {
                array.add(item == null ? "" : value(item));
            }
            return array;
        }
        if (v instanceof Map<?, ?> m) {
            MutableTomlTable inline = MutableTomlTable.createInline();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() != null) {
                    inline.set(List.of(String.valueOf(e.getKey())), value(e.getValue()));
                }
            }
            return inline;
        }
        if (v instanceof ArticleDate d) {
            String literal = TomlFrontMatter.dateLiteral(d);
            if (literal != null) {
                Object parsed = Toml.parse("d = " + literal).get("d");
                if (parsed != null) {
                    return parsed;
                }
            }
            return d.text();
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof Double) {
            return v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof BigDecimal b) {
            // 1e999 has no TOML float (tomlj refuses it, Double gives "Infinity"): it is kept as its text
            return Double.isFinite(b.doubleValue()) ? (Object) b.doubleValue() : b.toString();
        }
        return v.toString();
    }
}
