package org.articlekit.spark;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.articlekit.Slugs;

/**
 * Output names of the job: stable (the same input gives the same name on every run, on any number
 * of executors) and unique (two inputs never share one).
 *
 * <p>A name is a readable slug and a hash of the whole source: {@code SLUG-HASH}. For a page out of a
 * web archive or a feed item the source is its address, and the slug is made of its host and path
 * ({@code https://example.org/news/2026/west-lake.html} gives
 * {@code example-org-news-2026-west-lake-html-3f2a9c01b7de}); for a file it is the file's full path
 * or URI, and the slug its name without the extension ({@code 西湖的秋天-8c1d0e2f3a4b}). The hash is
 * the first 12 hexadecimal digits of the SHA-256 of the source's text, so a name changes only when
 * the address or path does. Slugs keep letters and digits of every script (Chinese stays Chinese),
 * lower-case Latin letters, turn every other run of characters into one hyphen and keep at most
 * {@value #MAX_SLUG} code points.
 */
final class Names {

    /** The longest slug, in code points. */
    static final int MAX_SLUG = 80;

    private Names() {
    }

    /** @return the name of the page or item at {@code uri} */
    static String forUrl(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath();
        String slug = slug(host + "/" + path);
        return (slug.isEmpty() ? "page" : slug) + "-" + hash(uri.toString());
    }

    /**
     * @param source the file's full path or URI, as the job lists it
     * @param fileName the file's name
     * @return the name of the file's article
     */
    static String forFile(String source, String fileName) {
        int dot = fileName.indexOf('.', 1);
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String slug = slug(base);
        return (slug.isEmpty() ? "article" : slug) + "-" + hash(source);
    }

    /** @return a file-name slug of {@code text} ({@link Slugs}), at most {@link #MAX_SLUG} code points */
    static String slug(String text) {
        return Slugs.of(text, MAX_SLUG);
    }

    /** @return the first 12 hexadecimal digits of the SHA-256 of {@code text} in UTF-8 */
    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
