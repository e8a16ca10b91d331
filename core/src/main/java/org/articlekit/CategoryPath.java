package org.articlekit;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One category as a path from the broadest to the narrowest name, such as {@code 新媒体 / ZAKER}.
 *
 * <p>A Hexo {@code categories} list is one path; a list of lists is several paths. A flat category
 * is a path of one segment.
 *
 * <pre>{@code
 * CategoryPath p = CategoryPath.of("Tech", "Java");
 * p.segments();   // [Tech, Java]
 * p.toString();   // "Tech / Java"
 * }</pre>
 *
 * @param segments the names, broadest first; never empty, no blank names
 */
public record CategoryPath(List<String> segments) {

    /**
     * Checks and copies the segments.
     *
     * @throws IllegalArgumentException when there is no segment or a segment is blank
     */
    public CategoryPath {
        Objects.requireNonNull(segments, "segments");
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a category path needs at least one segment");
        }
        for (String s : segments) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("a category path segment is blank: " + segments);
            }
        }
    }

    /**
     * A path from its segments.
     *
     * @param segments the names, broadest first
     * @return the path
     */
    public static CategoryPath of(String... segments) {
        return new CategoryPath(Arrays.asList(segments));
    }

    /**
     * Parses the form written by {@link #toString()}: segments separated by {@code " / "}, or by
     * {@code /} or {@code >} with or without spaces.
     *
     * @param text the path text
     * @return the path
     */
    public static CategoryPath parse(String text) {
        Objects.requireNonNull(text, "text");
        return new CategoryPath(Arrays.stream(text.split("\\s*[/>]\\s*")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList());
    }

    /** @return the narrowest name */
    public String leaf() {
        return segments.get(segments.size() - 1);
    }

    @Override
    public String toString() {
        return String.join(" / ", segments);
    }
}
