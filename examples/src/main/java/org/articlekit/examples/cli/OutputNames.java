package org.articlekit.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

    /**
     * The real path of a file that may not exist yet: its nearest existing ancestor resolved
     * through links, joined with the rest.
     */
    static Path realish(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            if (existing.getFileName() != null) {
                rest.add(0, existing.getFileName());
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            real = existing;
        }
        for (Path r : rest) {
            real = real.resolve(r);
        }
        return real;
    }

    /** The folders {@link Files#createDirectories} would create for {@code dir}, outermost first. */
    static List<Path> missingFolders(Path dir) {
        List<Path> missing = new ArrayList<>();
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, p);
            p = p.getParent();
        }
        return missing;
    }

    /** Deletes a file or empty folder written by a conversion that then failed, as far as possible. */
    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the file or folder stays; the failure was already reported
        }
    }
}
