package org.articlekit.markdown.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;

/**
 * Front matter as read, whatever its syntax: keys in order with typed values (strings, booleans,
 * numbers, dates, lists, maps, null) and the line of the file where each key is.
 */
final class FrontMatterValues {

    /** The deepest nesting of lists and maps front matter may have. */
    static final int MAX_DEPTH = 20;

    /** The most values front matter may hold, counting each use of a YAML alias again. */
    static final int MAX_VALUES = 10_000;

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([Tt ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?[ ]?(Z|z|[+-]\\d{2}(:?\\d{2})?)?)?");

    final Map<String, @Nullable Object> values = new LinkedHashMap<>();
    final Map<String, Integer> lines = new LinkedHashMap<>();

    /** @return the line of a key, or 0 */
    int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    /**
     * The typed value of an unquoted scalar, by YAML 1.2's core rules kept reversible: booleans are
     * lower case only, integers have no leading zeros, decimals become doubles only when the double
     * prints as the same text, and ISO-8601 dates become {@link ArticleDate}s that keep their text.
     */
    static @Nullable Object plain(String text) {
        if (text.isEmpty() || text.equals("~") || text.equals("null")) {
            return null;
        }
        if (text.equals("true")) {
            return Boolean.TRUE;
        }
        if (text.equals("false")) {
            return Boolean.FALSE;
        }
        char c = text.charAt(0);
        if (c == '-' || c >= '0' && c <= '9') {
            if (INTEGER.matcher(text).matches()) {
                return JsonValues.integer(text);
            }
            if (DECIMAL.matcher(text).matches()) {
                return JsonValues.decimal(text);
            }
            if (ISO_DATE.matcher(text).matches()) {
                ArticleDate d = ArticleDate.parse(text);
                if (d.isParsed()) {
                    return d;
                }
            }
        }
        return text;
    }

    /** @return whether a string, written without quotes, would be read back as something else */
    static boolean typedIfPlain(String text) {
        Object v = plain(text);
        return !(v instanceof String) || !text.equals(v);
    }

    /** A scalar's text for a field that wants text: the source text of numbers, booleans and dates. */
    static @Nullable String text(@Nullable Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof ArticleDate d) {
            return d.text();
        }
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }
}
