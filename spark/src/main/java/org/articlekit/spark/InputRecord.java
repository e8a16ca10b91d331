package org.articlekit.spark;

import java.io.Serializable;
import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import org.articlekit.web.WebPage;
import org.jspecify.annotations.Nullable;

/**
 * One unit of work that travels between executors: a file's bytes, a page out of a web archive, or
 * what reading an input found instead (a failure, a count of skipped records).
 */
final class InputRecord implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What a record holds. */
    enum Kind {
        /** A file in a format we read: {@link #bytes} is its content. */
        FILE,
        /** An HTML page out of a web archive: {@link #bytes} is its body. */
        PAGE,
        /** A record that could not be read: {@link #error} says why. */
        FAILURE,
        /** {@link #count} records skipped (not HTML pages, names we do not read). */
        SKIPPED
    }

    final Kind kind;
    /** The input as messages name it: a path, an address, or an archive with the record's offset. */
    final String source;
    /** The stable output name (without extension). */
    final String name;
    /** Where the record sits in its input: the record's offset in an archive, else 0. */
    final long offset;
    final byte @Nullable [] bytes;
    /** For files: the file name, for format detection. */
    final @Nullable String fileName;
    /** For local files: the folder relative images are read from. */
    final @Nullable String imagesFrom;
    final @Nullable String uri;
    final @Nullable String mediaType;
    final @Nullable String charset;
    final @Nullable Long dateMillis;
    final long count;
    final @Nullable String error;

    private InputRecord(Kind kind, String source, String name, long offset, byte @Nullable [] bytes,
            @Nullable String fileName, @Nullable String imagesFrom, @Nullable String uri, @Nullable String mediaType,
            @Nullable String charset, @Nullable Long dateMillis, long count, @Nullable String error) {
        this.kind = kind;
        this.source = source;
        this.name = name;
        this.offset = offset;
        this.bytes = bytes;
        this.fileName = fileName;
        this.imagesFrom = imagesFrom;
        this.uri = uri;
        this.mediaType = mediaType;
        this.charset = charset;
        this.dateMillis = dateMillis;
        this.count = count;
        this.error = error;
    }

    static InputRecord file(String source, String fileName, @Nullable String imagesFrom, byte[] bytes) {
        return new InputRecord(Kind.FILE, source, Names.forFile(source, fileName), 0, bytes, fileName, imagesFrom,
                null, null, null, null, 0, null);
    }

    static InputRecord page(String archive, WebPage page, long offset) {
        Instant d = page.date();
        Charset cs = page.charset();
        return new InputRecord(Kind.PAGE, archive, Names.forUrl(page.uri()), offset, page.body(), null, null,
                page.uri().toString(), page.mediaType(), cs == null ? null : cs.name(),
                d == null ? null : d.toEpochMilli(), 0, null);
    }

    static InputRecord failure(String source, long offset, String error) {
        return new InputRecord(Kind.FAILURE, source, "", offset, null, null, null, null, null, null, null, 0,
                oneLine(error));
    }

    static InputRecord skipped(String source, long count) {
        return new InputRecord(Kind.SKIPPED, source, "", 0, null, null, null, null, null, null, null, count, null);
    }

    /** @return the page this record holds */
    WebPage webPage() {
        return new WebPage(URI.create(java.util.Objects.requireNonNull(uri)), mediaType,
                charset == null ? null : Charset.forName(charset),
                dateMillis == null ? null : Instant.ofEpochMilli(dateMillis), java.util.Objects.requireNonNull(bytes));
    }

    /** @return the key that places and orders this record */
    RecordKey key() {
        return new RecordKey(kind == Kind.FILE || kind == Kind.PAGE ? name : "", source, offset);
    }

    /** Makes a message one line: line breaks and tabs become spaces. */
    static String oneLine(@Nullable String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n\\t]+", " ").trim();
    }
}
