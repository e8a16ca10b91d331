package org.articlekit.markdown.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.jspecify.annotations.Nullable;

/**
 * Which kinds of front-matter value each metadata field can take, so that a known key with a
 * value of the wrong kind (a list as {@code title}, a map as {@code tags}, a number as a date) is
 * reported rather than silently kept as an extra value. Only the kind is checked here; a value of
 * the right kind that a field still cannot hold (a relative permalink, repeated tags) stays a
 * quiet extra value, as before.
 */
final class FieldTypes {

    private FieldTypes() {
    }

    /**
     * @param field the field the key names
     * @param v the value, not null
     * @return what is wrong, such as {@code "a list, not text"}, or null when the kind fits
     */
    static @Nullable String mismatch(MetadataKeys field, Object v) {
        return switch (field) {
            case TITLE, SUBTITLE, SUMMARY, THUMBNAIL, PUBLISHER, IDENTIFIER ->
                    scalar(v) ? null : what(v) + ", not text";
            case LANGUAGE -> scalar(v) ? null : what(v) + ", not a language tag";
            case CANONICAL, SOURCE -> v instanceof String ? null : what(v) + ", not an address";
            // Jekyll's "published: false" is a flag, kept as an extra value without a warning
            case PUBLISHED -> v instanceof Boolean || date(v) ? null : what(v) + ", not a date";
            case UPDATED -> date(v) ? null : what(v) + ", not a date";
            case COVER -> scalar(v) || v instanceof Map<?, ?> m && name(m.get("image")) ? null
                    : (v instanceof Map<?, ?> ? "a map without an image" : what(v))
                            + ", not an image or a map with an image";
            case AUTHORS -> authors(v);
            case TAGS -> tags(v);
            case CATEGORIES -> categories(v);
        };
    }

    private static @Nullable String authors(Object v) {
        String wanted = ", not a name, a map with a name or a list of them";
        if (v instanceof List<?> l) {
            for (Object item : l) {
                if (!author(item)) {
                    return "a list holding " + (item instanceof Map<?, ?> ? "a map without a name" : what(item))
                            + wanted;
                }
            }
            return null;
        }
        return author(v) ? null : (v instanceof Map<?, ?> ? "a map without a name" : what(v)) + wanted;
    }

    private static boolean author(@Nullable Object v) {
        return v instanceof Map<?, ?> m ? name(m.get("name")) : v != null && scalar(v) && !(v instanceof Boolean);
    }

    private static @Nullable String tags(Object v) {
        String wanted = ", not text or a list of tags";
        if (v instanceof List<?> l) {
            for (Object item : l) {
                if (item != null && !scalar(item)) {
                    return "a list holding " + what(item) + wanted;
                }
            }
            return null;
        }
        return v instanceof String ? null : what(v) + wanted;
    }

    /** Hexo's forms: a name, a list of names (one hierarchy), a list holding lists of names (several). */
    private static @Nullable String categories(Object v) {
        String wanted = ", not a category or a list of categories";
        if (v instanceof List<?> l) {
            for (Object item : l) {
                if (item instanceof List<?> inner) {
                    for (Object segment : inner) {
                        if (segment != null && !scalar(segment)) {
                            return "a list holding " + what(segment) + " in a list" + wanted;
                        }
                    }
                } else if (item != null && !scalar(item)) {
                    return "a list holding " + what(item) + wanted;
                }
            }
            return null;
        }
        return v instanceof String ? null : what(v) + wanted;
    }

    /** A single value a text field can take: text, true or false, a date, or a finite number. */
    private static boolean scalar(Object v) {
        return v instanceof String || v instanceof Boolean || v instanceof ArticleDate
                || v instanceof Number && finite((Number) v);
    }

    private static boolean date(Object v) {
        return v instanceof ArticleDate || v instanceof String;
    }

    private static boolean name(@Nullable Object v) {
        String t = v == null || v instanceof Boolean || !scalar(v) ? null : FrontMatterValues.text(v);
        return t != null && !t.isBlank();
    }

    /** Whether a number has a finite value that a double can hold: {@code 1e999} and {@code inf} have not. */
    static boolean finite(Number n) {
        if (n instanceof Double d) {
            return Double.isFinite(d);
        }
        if (n instanceof BigDecimal b) {
            return Double.isFinite(b.doubleValue());
        }
        return n instanceof Long || n instanceof BigInteger;
    }

    private static String what(@Nullable Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        if (v instanceof Map<?, ?>) {
            return "a map";
        }
        if (v instanceof Number n) {
            return finite(n) ? "a number" : "a number too large or not finite";
        }
        if (v instanceof Boolean) {
            return "true or false";
        }
        if (v instanceof ArticleDate) {
            return "a date";
        }
        return "text";
    }
}
