package org.articlekit.internal.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.articlekit.internal.io.AtomicFiles;
import org.articlekit.web.WebPage;
import org.jspecify.annotations.Nullable;

/**
 * The page cache: one file per requested URL, named by the SHA-256 of the URL, holding what a
 * later run needs to serve the page or revalidate it. An entry is written to a temporary file in
 * the same folder and moved into place, so a reader (another thread or another run sharing the
 * folder) sees the old entry or the new one, never half of one. An entry carries its URL and a
 * SHA-256 of its content; one that is truncated, altered, of another format version or for another
 * URL counts as absent, and the next successful fetch replaces it.
 */
final class PageCache {

    private static final byte[] MAGIC = "ArticleKit page cache 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    private static final int MAX_TEXT_BYTES = 64 * 1024;

    /**
     * One stored page.
     *
     * @param url the requested URL (the key)
     * @param page the page as served, with the time it was fetched
     * @param etag the {@code ETag} sent with it, or null
     * @param lastModified the {@code Last-Modified} sent with it, or null
     */
    record Entry(String url, WebPage page, @Nullable String etag, @Nullable String lastModified) {
    }

    private final Path dir;
    private final long maxBytes;

    /**
     * @param dir the folder of page entries
     * @param maxBytes the largest body; a bigger entry is not read
     */
    PageCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    /** @return the file of a URL's entry */
    Path path(String url) {
        return dir.resolve(HexFormat.of().formatHex(sha256(url.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Reads a URL's entry. Deliberately forgiving: an entry that is missing, unreadable, truncated,
     * corrupt or too large is reported as absent, because the cache only saves a request and the page
     * is fetched again (and the entry rewritten) instead.
     *
     * @param url the requested URL
     * @return the entry, when a sound one is stored
     */
    Optional<Entry> read(String url) {
        Path file = path(url);
        byte[] data;
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(file) > maxBytes + MAX_TEXT_BYTES * 6L + MAGIC.length + DIGEST_BYTES + 64) {
                return Optional.empty();
            }
            data = Files.readAllBytes(file);
        } catch (IOException e) {
            return Optional.empty(); // unreadable: the page is fetched again
        }
        return decode(url, data);
    }

    private Optional<Entry> decode(String url, byte[] data) {
        if (data.length < MAGIC.length + DIGEST_BYTES
                || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        int contentEnd = data.length - DIGEST_BYTES;
        byte[] digest = sha256(Arrays.copyOf(data, contentEnd));
        if (!MessageDigest.isEqual(digest, Arrays.copyOfRange(data, contentEnd, data.length))) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, MAGIC.length,
                contentEnd - MAGIC.length))) {
            String storedUrl = text(in);
            String finalUri = text(in);
            String mediaType = text(in);
            String charsetName = text(in);
            String etag = text(in);
            String lastModified = text(in);
            long seconds = in.readLong();
            int nanos = in.readInt();
            int length = in.readInt();
            if (!url.equals(storedUrl) || finalUri == null || length < 0 || length > maxBytes
                    || length != in.available()) {
                return Optional.empty();
            }
            byte[] body = in.readNBytes(length);
            WebPage page = new WebPage(new URI(finalUri), mediaType, charset(charsetName),
                    Instant.ofEpochSecond(seconds, nanos), body);
            return Optional.of(new Entry(url, page, etag, lastModified));
        } catch (IOException | URISyntaxException | DateTimeException e) {
            return Optional.empty(); // a sound digest over an unsound entry: treated as absent like any other
        }
    }

    /**
     * Stores an entry, replacing any earlier one atomically.
     *
     * @param entry the entry
     * @throws IOException when the folder or the file cannot be written
     */
    void write(Entry entry) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(entry.page().body().length + 512);
        buffer.write(MAGIC);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            WebPage p = entry.page();
            text(out, entry.url());
            text(out, p.uri().toString());
            text(out, p.mediaType());
            text(out, p.charset() == null ? null : p.charset().name());
            text(out, entry.etag());
            text(out, entry.lastModified());
            Instant date = p.date() == null ? Instant.EPOCH : p.date();
            out.writeLong(date.getEpochSecond());
            out.writeInt(date.getNano());
            out.writeInt(p.body().length);
            out.write(p.body());
        }
        byte[] content = buffer.toByteArray();
        byte[] digest = sha256(content);
        // Replaced, never written through: nothing placed in the cache folder may lead a write elsewhere.
        AtomicFiles.replace(path(entry.url()), out -> {
            out.write(content);
            out.write(digest);
        });
    }

    private static void text(DataOutputStream out, @Nullable String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static @Nullable String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > MAX_TEXT_BYTES || n > in.available()) {
            throw new IOException("broken text field");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static @Nullable Charset charset(@Nullable String name) {
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null; // a charset this JVM lacks: the decoder falls back to the page itself
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
