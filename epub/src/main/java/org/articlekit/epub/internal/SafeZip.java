package org.articlekit.epub.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.articlekit.ArticleFormatException;
import org.jspecify.annotations.Nullable;

/**
 * The only reader of zip archives in this module. Reads an archive held in memory entry by entry
 * (never extracting to disk, never creating links), and refuses:
 * <ul>
 *   <li>names that could leave a folder: a {@code ..} segment (with {@code \} taken as a separator
 *       too), an absolute path, a drive letter, NUL or other control characters, names that are not
 *       UTF-8;</li>
 *   <li>bombs: more than {@value #MAX_ENTRIES} entries, an entry inflating past
 *       {@value #MAX_ENTRY_BYTES} bytes, more than {@value #MAX_TOTAL_BYTES} bytes in all, or
 *       past 1 MiB a total more than 100 times the compressed bytes read (a ratio under 0.01);
 *       sizes that differ from what the archive declares;</li>
 *   <li>the same name twice, and truncated or damaged archives.</li>
 * </ul>
 * Local headers are read in order, so entries of the central directory that overlap one another
 * are never inflated more than once.
 */
final class SafeZip {

    static final int MAX_ENTRIES = 10_000;
    static final long MAX_ENTRY_BYTES = 50L << 20;
    static final long MAX_TOTAL_BYTES = 200L << 20;
    static final long RATIO_FROM = 1L << 20;
    static final int MAX_RATIO = 100;

    private final Map<String, byte[]> entries;
    private final @Nullable String firstName;

    private SafeZip(Map<String, byte[]> entries, @Nullable String firstName) {
        this.entries = entries;
        this.firstName = firstName;
    }

    /** @return the entries, in archive order (folders left out) */
    Map<String, byte[]> entries() {
        return Collections.unmodifiableMap(entries);
    }

    /** @return the name of the first entry, folders included */
    Optional<String> firstName() {
        return Optional.ofNullable(firstName);
    }

    /** @return an entry's content */
    Optional<byte[]> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    /**
     * Reads an archive.
     *
     * @param data the archive
     * @param file the file name for messages, or null
     * @return the archive's entries
     * @throws ArticleFormatException naming the entry and what is wrong
     */
    static SafeZip read(byte[] data, @Nullable String file) throws ArticleFormatException {
        Counting counted = new Counting(new ByteArrayInputStream(data));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        String first = null;
        long total = 0;
        int count = 0;
        String current = null;
        try (ZipInputStream zin = new ZipInputStream(counted, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[16384];
            while (true) {
                ZipEntry e;
                try {
                    e = zin.getNextEntry();
                } catch (IllegalArgumentException bad) {
                    throw new ArticleFormatException(file, 0, "entry " + (count + 1),
                            "the entry name is not UTF-8 (EPUB file names must be; PKG-027)", bad);
                }
                if (e == null) {
                    break;
                }
                current = e.getName();
                if (++count > MAX_ENTRIES) {
                    throw new ArticleFormatException(file, 0, null, "holds more than " + MAX_ENTRIES
                            + " entries; refused as a possible zip bomb", null);
                }
                String problem = nameProblem(current);
                if (problem != null) {
                    throw new ArticleFormatException(file, 0, printable(current), problem, null);
                }
                if (first == null) {
                    first = current;
                }
                if (e.isDirectory()) {
                    continue;
                }
                if (entries.containsKey(current)) {
                    throw new ArticleFormatException(file, 0, current, "the archive holds two entries of this name "
                            + "(OPF-060)", null);
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(
                        (int) Math.min(Math.max(e.getSize(), 256), 1 << 20));
                long size = 0;
                for (int n = zin.read(buffer); n >= 0; n = zin.read(buffer)) {
                    size += n;
                    total += n;
                    if (size > MAX_ENTRY_BYTES) {
                        throw new ArticleFormatException(file, 0, current, "inflates to more than " + MAX_ENTRY_BYTES
                                + " bytes; refused as a possible zip bomb", null);
                    }
                    if (total > MAX_TOTAL_BYTES) {
                        throw new ArticleFormatException(file, 0, current, "the archive inflates to more than "
                                + MAX_TOTAL_BYTES + " bytes; refused as a possible zip bomb", null);
                    }
                    if (total > RATIO_FROM && total > counted.count * MAX_RATIO) {
                        throw new ArticleFormatException(file, 0, current, "inflates more than " + MAX_RATIO
                                + " times; refused as a possible zip bomb", null);
                    }
                    out.write(buffer, 0, n);
                }
                entries.put(current, out.toByteArray());
            }
        } catch (ArticleFormatException e) {
            throw e;
        } catch (EOFException e) {
            throw new ArticleFormatException(file, 0, current == null ? null : printable(current),
                    "the zip archive is truncated", e);
        } catch (ZipException e) {
            throw new ArticleFormatException(file, 0, current == null ? null : printable(current),
                    "the zip archive is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ArticleFormatException(file, 0, current == null ? null : printable(current),
                    "the zip archive cannot be read: " + e.getMessage(), e);
        }
        if (count == 0) {
            throw new ArticleFormatException(file, 0, null, "is not a zip archive (an EPUB is one; PKG-004)", null);
        }
        return new SafeZip(entries, first);
    }

    /** @return why a name is refused, or null when it is safe */
    static @Nullable String nameProblem(String name) {
        if (name.isEmpty()) {
            return "an entry has an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "the entry name holds a control character (U+" + String.format("%04X", (int) c) + ")";
            }
        }
        if (name.indexOf('\uFFFD') >= 0) {
            return "the entry name is not UTF-8 (EPUB file names must be; PKG-027)";
        }
        String n = name.replace('\\', '/');
        if (n.startsWith("/")) {
            return "the entry name is an absolute path";
        }
        if (n.length() >= 2 && n.charAt(1) == ':' && Character.isLetter(n.charAt(0))) {
            return "the entry name starts with a drive letter";
        }
        for (String segment : n.split("/", -1)) {
            if (segment.equals("..")) {
                return "the entry name climbs out of the archive with '..'";
            }
        }
        return null;
    }

    private static String printable(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length() && i < 200; i++) {
            char c = name.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? "\\u" + String.format("%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    /**
     * Resolves an address found in an entry against that entry's folder, inside the archive only:
     * percent-decoded first, then {@code .} and {@code ..} segments applied.
     *
     * @param base the entry the address is in
     * @param href the address (no scheme)
     * @return the entry name, or empty when the address leaves the archive or is not a path
     */
    static Optional<String> resolve(String base, String href) {
        String h = href;
        int cut = h.indexOf('#');
        if (cut >= 0) {
            h = h.substring(0, cut);
        }
        cut = h.indexOf('?');
        if (cut >= 0) {
            h = h.substring(0, cut);
        }
        if (h.isEmpty() || h.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(h.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        decoded = decoded.replace('\\', '/');
        if (decoded.startsWith("/") || decoded.indexOf('\0') >= 0) {
            return Optional.empty();
        }
        int slash = base.lastIndexOf('/');
        String folder = slash < 0 ? "" : base.substring(0, slash + 1);
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String s : (folder + decoded).split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(s);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** Counts the compressed bytes the zip reader has taken. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
