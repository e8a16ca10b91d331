package org.articlekit.internal.warc;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.articlekit.Limits;
import org.articlekit.web.WebPage;

/**
 * Reads the records of a WARC or WARC.gz one at a time and hands out its HTML pages. We frame the
 * records ourselves (version line, header, {@code Content-Length}, blank-line trailer, gzip
 * members) so that a broken record can be skipped: jwarc's reader only warns about a bad trailer
 * and cannot step back over bytes it has buffered. Each well-framed record is then parsed by jwarc
 * (WARC fields, HTTP message, chunked transfer and content encodings).
 *
 * <p>Memory is bounded by one record: a block is buffered up to the input limit (plus room for its
 * HTTP header); a larger one is skipped as it streams by, keeping only its head.
 */
public final class ArchiveScanner {

    /** What the scanner reports; a listener's exception stops the scan and propagates. */
    public interface Listener {
        /**
         * @param page an HTML page
         * @param number the record's number, from 1
         * @param offset the record's offset (a plain WARC) or its gzip member's (a WARC.gz)
         */
        void page(WebPage page, long number, long offset) throws IOException;

        /**
         * @param code the warning code, {@code warc.record}
         * @param message the record's number and offset, and what is wrong with it
         */
        void warning(String code, String message) throws IOException;

        /**
         * Called before each record and each 64 KiB read, however long the search for a record; may
         * check a deadline (a gzip bomb decompresses for a long time).
         */
        default void checkpoint() throws IOException {
        }
    }

    /**
     * @param records the records found, broken ones included
     * @param pages the HTML pages handed out
     * @param skipped the records that are not HTML pages, or are over the limit
     * @param broken the records that could not be read
     * @param skippedKinds how many records were skipped, by kind ({@code request}, {@code image/png response}…), in
     *     the order first met
     */
    public record Counts(long records, long pages, long skipped, long broken, Map<String, Long> skippedKinds) {
        /** Copies the map. */
        public Counts {
            skippedKinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skippedKinds));
        }
    }

    static final byte[] VERSION = "WARC/1.".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRAILER = {'\r', '\n', '\r', '\n'};
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADER = 256 * 1024;
    /** Room for a record's HTTP header besides its payload when deciding whether to buffer it. */
    private static final long HEADER_ROOM = 1L << 20;
    private static final int MAX_TRAILER = 16;

    private final ByteSource source;
    private final RecordInput in;
    private final Limits limits;
    private final Listener listener;
    private final RecordParser parser;
    private long records;
    private long pages;
    private long broken;
    private final Map<String, Long> skipped = new LinkedHashMap<>();
    /** Set while looking for the next good record after a broken one: faults on the way are not reported again. */
    private boolean lost;
    private ByteSource.MemberFault pendingFault;

    private ArchiveScanner(InputStream archive, Limits limits, Listener listener) throws IOException {
        InputStream buffered = archive.markSupported() ? archive : new BufferedInputStream(archive, 64 * 1024);
        buffered.mark(2);
        int b0 = buffered.read();
        int b1 = buffered.read();
        buffered.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        this.source = gzip ? new GzipMembers(buffered) : ByteSource.plain(buffered);
        this.in = new RecordInput(source, listener::checkpoint);
        this.limits = limits;
        this.listener = listener;
        this.parser = new RecordParser(limits);
    }

    /**
     * Reads an archive to its end. The stream is read but not closed.
     *
     * @param archive a WARC, or a WARC.gz (recognised by its gzip signature)
     * @param limits the limits; {@link Limits#maxInputBytes()} caps each decoded page
     * @param listener receives the pages and warnings
     * @return the counts
     * @throws IOException when reading the stream fails or the listener fails
     */
    public static Counts scan(InputStream archive, Limits limits, Listener listener) throws IOException {
        ArchiveScanner s = new ArchiveScanner(archive, limits, listener);
        try {
            s.run();
        } finally {
            s.source.release();
        }
        long skippedCount = s.skipped.values().stream().mapToLong(Long::longValue).sum();
        return new Counts(s.records, s.pages, skippedCount, s.broken, s.skipped);
    }

    private void run() throws IOException {
        while (true) {
            listener.checkpoint();
            long number = records + 1;
            long offset = in.offset();
            Framed record;
            try {
                if (pendingFault != null) {
                    ByteSource.MemberFault f = pendingFault;
                    pendingFault = null;
                    throw f;
                }
                if (!skipBlankLines()) {
                    return;
                }
                offset = in.offset();
                record = frame();
            } catch (Broken b) {
                report(number, offset, b.getMessage());
                if (b.rescan != null) {
                    in.unread(b.rescan, b.rescanOffset);
                }
                seekVersionLine();
                continue;
            } catch (ByteSource.MemberFault f) {
                report(number, f.memberOffset(), "its gzip member " + f.getMessage() + "; went on at the next member");
                continue;
            }
            lost = false;
            records++;
            handle(record, records, offset);
        }
    }

    private void report(long number, long offset, String problem) throws IOException {
        if (lost) {
            return;
        }
        lost = true;
        records++;
        broken++;
        listener.warning("warc.record", "record " + number + " at offset " + offset + ": " + problem);
    }

    private void handle(Framed record, long number, long offset) throws IOException {
        RecordParser.Outcome o = parser.parse(record);
        String where = "record " + number + " at offset " + offset;
        switch (o.kind()) {
            case PAGE:
                pages++;
                listener.page(o.page(), number, offset);
                break;
            case SKIPPED:
                skipped.merge(o.what(), 1L, Long::sum);
                break;
            case SKIPPED_WITH_WARNING:
                skipped.merge(o.what(), 1L, Long::sum);
                listener.warning("warc.record", where + ": " + o.problem());
                break;
            default:
                broken++;
                listener.warning("warc.record", where + ": " + o.problem());
        }
    }

    /** Skips the line ends between records; false at the end of the archive. */
    private boolean skipBlankLines() throws IOException {
        while (true) {
            int c = in.peek(0);
            if (c < 0) {
                return false;
            }
            if (c != '\r' && c != '\n') {
                return true;
            }
            in.read();
        }
    }

    /** Reads one record's header and block, checking that the next record (or the end) follows it. */
    private Framed frame() throws IOException, Broken {
        byte[] first = line();
        if (first == null || !startsWith(first, VERSION)) {
            throw new Broken("does not start with a WARC/1.0 or WARC/1.1 line", null, 0);
        }
        long afterFirst = in.offset();
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        while (true) {
            byte[] l = line();
            if (l == null) {
                throw new Broken("is cut short in its header", header.toByteArray(), afterFirst);
            }
            header.write(l, 0, l.length);
            header.write('\r');
            header.write('\n');
            if (header.size() > MAX_HEADER) {
                throw new Broken("has a header over " + MAX_HEADER + " bytes", header.toByteArray(), afterFirst);
            }
            if (l.length == 0) {
                break;
            }
            String s = new String(l, StandardCharsets.UTF_8);
            if ((s.startsWith(" ") || s.startsWith("\t")) && last != null) {
                fields.merge(last, " " + s.strip(), String::concat);
                continue;
            }
            int colon = s.indexOf(':');
            if (colon <= 0) {
                throw new Broken("has a malformed header line '" + excerpt(s) + "'", header.toByteArray(), afterFirst);
            }
            last = s.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            fields.putIfAbsent(last, s.substring(colon + 1).strip());
        }
        byte[] headerBytes = header.toByteArray();
        long length = contentLength(fields.get("content-length"), headerBytes, afterFirst);
        long blockOffset = in.offset();
        long cap = Math.min(limits.maxInputBytes() + HEADER_ROOM, Integer.MAX_VALUE - 16L);
        byte[] block;
        boolean whole = length <= cap;
        if (whole) {
            block = in.readUpTo(length);
            if (block.length < length) {
                throw new Broken("is cut short: its Content-Length is " + length + " but only " + block.length
                        + " bytes follow", concat(headerBytes, block), afterFirst);
            }
        } else {
            long[] done = new long[1];
            block = in.skip(length, 64 * 1024, done);
            if (done[0] < length) {
                throw new Broken("is cut short: its Content-Length is " + length + " but only " + done[0]
                        + " bytes follow", null, 0);
            }
        }
        if (!followedByRecord()) {
            throw new Broken("its Content-Length (" + length + ") is wrong: the block is not followed by a blank line"
                    + " and the next record", whole ? concat(headerBytes, block) : null, afterFirst);
        }
        return new Framed(first, headerBytes, fields, block, whole, blockOffset);
    }

    /**
     * Whether the block is followed by its trailer (a blank line), or leniently by line ends and then
     * a version line or the end of the archive; consumes the line ends.
     */
    private boolean followedByRecord() throws IOException {
        int i = 0;
        try {
            if (in.ahead(0, TRAILER)) {
                in.readUpTo(TRAILER.length);
                return true;
            }
            while (i < MAX_TRAILER && (in.peek(i) == '\r' || in.peek(i) == '\n')) {
                i++;
            }
            boolean ok = in.peek(i) < 0 || i > 0 && in.ahead(i, VERSION);
            if (ok) {
                in.readUpTo(i);
            }
            return ok;
        } catch (ByteSource.MemberFault f) {
            // The next gzip member is broken; this record ended with its own member and is whole.
            pendingFault = f;
            in.readUpTo(i);
            return true;
        }
    }

    /** Reads on to the next line that starts with {@code WARC/1.}; gzip faults on the way are passed over. */
    private void seekVersionLine() throws IOException {
        boolean lineStart = true;
        while (true) {
            try {
                if (lineStart && in.ahead(0, VERSION)) {
                    return;
                }
                int c = in.read();
                if (c < 0) {
                    return;
                }
                lineStart = c == '\n';
            } catch (ByteSource.MemberFault f) {
                lineStart = true;
            }
        }
    }

    private long contentLength(String value, byte[] header, long offset) throws Broken {
        if (value == null) {
            throw new Broken("has no Content-Length", header, offset);
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new Broken("has an invalid Content-Length '" + excerpt(value) + "'", header, offset);
    }

    /** One line without its line end; null at the end of the input before any byte. */
    private byte[] line() throws IOException, Broken {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (out.size() == 0) {
                    return null;
                }
                throw new Broken("is cut short in its header", null, 0);
            }
            if (c == '\n') {
                byte[] l = out.toByteArray();
                return l.length > 0 && l[l.length - 1] == '\r' ? java.util.Arrays.copyOf(l, l.length - 1) : l;
            }
            out.write(c);
            if (out.size() > MAX_LINE) {
                throw new Broken("has a header line over " + MAX_LINE + " bytes", null, 0);
            }
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static String excerpt(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }

    /**
     * A record framed but not yet parsed.
     *
     * @param versionLine its first line
     * @param header its header lines after the first, with the blank line
     * @param fields its header fields by lower-case name (the first of each)
     * @param block its block, or only the block's head when {@code whole} is false
     * @param whole whether {@code block} is the whole block
     * @param blockOffset where the block starts
     */
    record Framed(byte[] versionLine, byte[] header, Map<String, String> fields, byte[] block, boolean whole,
            long blockOffset) {

        /** @return the record as jwarc reads it: header, block and trailer */
        InputStream stream() {
            byte[] head = concat(concat(versionLine, "\r\n".getBytes(StandardCharsets.US_ASCII)), header);
            return new SequenceInputStream(new SequenceInputStream(new ByteArrayInputStream(head),
                    new ByteArrayInputStream(block)), new ByteArrayInputStream(new byte[] {'\r', '\n', '\r', '\n'}));
        }
    }

    /** A record that cannot be framed; {@code rescan} holds the bytes after its first line, to look for the next. */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient byte[] rescan;
        private final long rescanOffset;

        Broken(String problem, byte[] rescan, long rescanOffset) {
            super(problem, null, false, false);
            this.rescan = rescan;
            this.rescanOffset = rescanOffset;
        }
    }
}
