package org.articlekit.internal.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.BookReader;

/** Web archives (WARC 1.0 and 1.1, plain or gzipped per record) as books of their HTML pages. */
public final class WarcFormat implements ArticleFormat {

    private static final BookReader READER = new WarcBookReader();
    private static final byte[] V10 = "WARC/1.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V11 = "WARC/1.1".getBytes(StandardCharsets.US_ASCII);

    @Override
    public String id() {
        return "warc";
    }

    @Override
    public String mediaType() {
        return "application/warc";
    }

    @Override
    public List<String> extensions() {
        return List.of("warc", "warc.gz");
    }

    @Override
    public int sniff(byte[] head) {
        byte[] start = head;
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            start = inflatedStart(head);
        }
        return versioned(start) ? 90 : 0;
    }

    @Override
    public Optional<BookReader> bookReader() {
        return Optional.of(READER);
    }

    private static boolean versioned(byte[] b) {
        return b.length >= V10.length && (Arrays.equals(b, 0, V10.length, V10, 0, V10.length)
                || Arrays.equals(b, 0, V11.length, V11, 0, V11.length));
    }

    /** The first decompressed bytes of what the head holds of a gzip stream; empty when none decompress. */
    private static byte[] inflatedStart(byte[] head) {
        GzipMembers gz = new GzipMembers(new ByteArrayInputStream(head));
        byte[] out = new byte[V10.length];
        int have = 0;
        try {
            while (have < out.length) {
                int n = gz.read(out, have, out.length - have);
                if (n < 0) {
                    break;
                }
                have += n;
            }
        } catch (IOException e) {
            // A head cut inside the first member, or not gzip after all: judge by what came out.
        } finally {
            gz.release();
        }
        return Arrays.copyOf(out, have);
    }
}
