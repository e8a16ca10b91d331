package org.articlekit.examples.cli;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Hands out output file names inside one folder: the input's base name with the target
 * extension, made unique with {@code -2}, {@code -3}… when two inputs would collide (compared
 * without case, for case-insensitive file systems). Thread-safe.
 */
final class OutputNames {

    /**
     * The longest name handed out, in UTF-8 bytes: file systems allow 255, and the atomic writer's
     * temporary sibling adds about 30.
     */
    static final int MAX_NAME_BYTES = 200;

    private final Set<String> used = new HashSet<>();

    /**
     * @param fileName an input file name such as {@code post.html}
     * @return the name without its last extension, with control characters replaced; never empty
     */
    static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        StringBuilder sb = new StringBuilder();
        base.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || isBidiControl(c) ? '_' : c));
        return sb.length() == 0 ? "article" : sb.toString();
    }

    /**
     * Reserves a unique name.
     *
     * @param base the base name
     * @param extension the extension without a dot
     * @return the reserved file name
     */
    synchronized String reserve(String base, String extension) {
        for (int n = 1; ; n++) {
            String suffix = (n == 1 ? "" : "-" + n) + "." + extension;
            String name = fit(base, MAX_NAME_BYTES - suffix.getBytes(StandardCharsets.UTF_8).length) + suffix;
            if (used.add(name.toLowerCase(Locale.ROOT))) {
                return name;
            }
        }
    }

    /** Cuts {@code s} at a code point boundary so it takes at most {@code maxBytes} UTF-8 bytes. */
    static String fit(String s, int maxBytes) {
        if (s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int len = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > maxBytes) {
                break;
            }
            sb.appendCodePoint(c);
            bytes += len;
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    private static boolean isBidiControl(int c) {
        return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    }
}
