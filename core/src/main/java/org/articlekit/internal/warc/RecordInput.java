package org.articlekit.internal.warc;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The archive's bytes as the record framer reads them: with look-ahead, with bytes put back for a
 * rescan after a record turned out broken, and with each byte's index offset kept.
 */
final class RecordInput {

    private static final int CHUNK = 64 * 1024;

    /** Bytes not read yet; {@code base} is the offset of {@code data[0]}, or of every byte when not linear. */
    private static final class Chunk {
        final byte[] data;
        int pos;
        final int end;
        final long base;
        final boolean linear;

        Chunk(byte[] data, int pos, int end, long base, boolean linear) {
            this.data = data;
            this.pos = pos;
            this.end = end;
            this.base = base;
            this.linear = linear;
        }

        long offset() {
            return linear ? base + pos : base;
        }
    }

    /** Called before each read from the source, so that a long scan can be stopped (by a deadline). */
    @FunctionalInterface
    interface Checkpoint {
        void check() throws IOException;
    }

    private final ByteSource source;
    private final Checkpoint checkpoint;
    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();
    private boolean end;

    RecordInput(ByteSource source, Checkpoint checkpoint) {
        this.source = source;
        this.checkpoint = checkpoint;
    }

    /** @return the index offset of the next byte: a plain file's position, a gzip member's start */
    long offset() {
        for (Chunk c : chunks) {
            if (c.pos < c.end) {
                return c.offset();
            }
        }
        return source.offset();
    }

    /** @return whether offsets are byte positions */
    boolean linear() {
        return source.linear();
    }

    /** @return the next byte, or -1 at the end */
    int read() throws IOException {
        Chunk c = current();
        return c == null ? -1 : c.data[c.pos++] & 0xff;
    }

    /**
     * @param n how many bytes
     * @return up to {@code n} bytes, fewer only at the end of the input
     */
    byte[] readUpTo(long n) throws IOException {
        byte[] out = new byte[(int) Math.min(n, CHUNK)];
        int have = 0;
        while (have < n) {
            Chunk c = current();
            if (c == null) {
                break;
            }
            int k = (int) Math.min(n - have, c.end - c.pos);
            if (have + k > out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, Math.max(have + k, (long) out.length * 2)));
            }
            System.arraycopy(c.data, c.pos, out, have, k);
            c.pos += k;
            have += k;
        }
        return have == out.length ? out : Arrays.copyOf(out, have);
    }

    /**
     * Skips bytes, keeping the first ones.
     *
     * @param n how many bytes to skip
     * @param keep how many of them to return
     * @return the first {@code min(n, keep)} bytes skipped, and the count skipped in {@code skipped[0]}
     */
    byte[] skip(long n, int keep, long[] skipped) throws IOException {
        byte[] head = readUpTo(Math.min(n, keep));
        long done = head.length;
        while (done < n) {
            Chunk c = current();
            if (c == null) {
                break;
            }
            int k = (int) Math.min(n - done, c.end - c.pos);
            c.pos += k;
            done += k;
        }
        skipped[0] = done;
        return head;
    }

    /**
     * @param i how far ahead, from 0
     * @return the byte {@code i} places ahead, or -1 when the input ends first; nothing is consumed
     */
    int peek(int i) throws IOException {
        int skip = i;
        Iterator<Chunk> it = chunks.iterator();
        while (true) {
            while (it.hasNext()) {
                Chunk c = it.next();
                int left = c.end - c.pos;
                if (skip < left) {
                    return c.data[c.pos + skip] & 0xff;
                }
                skip -= left;
            }
            if (!fill()) {
                return -1;
            }
            it = chunks.iterator();
            skip = i;
        }
    }

    /** @return whether the next bytes are {@code prefix}, from {@code at} places ahead */
    boolean ahead(int at, byte[] prefix) throws IOException {
        for (int k = 0; k < prefix.length; k++) {
            if (peek(at + k) != (prefix[k] & 0xff)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Puts bytes back, to be read before everything else.
     *
     * @param data the bytes (kept, not copied)
     * @param offset the index offset of {@code data[0]}
     */
    void unread(byte[] data, long offset) {
        if (data.length > 0) {
            chunks.addFirst(new Chunk(data, 0, data.length, offset, source.linear()));
        }
    }

    private Chunk current() throws IOException {
        while (true) {
            Chunk c = chunks.peekFirst();
            if (c != null && c.pos < c.end) {
                return c;
            }
            if (c != null) {
                chunks.removeFirst();
                continue;
            }
            if (!fill()) {
                return null;
            }
        }
    }

    /** Appends the next bytes of the source; false at its end. */
    private boolean fill() throws IOException {
        if (end) {
            return false;
        }
        checkpoint.check();
        byte[] data = new byte[CHUNK];
        long before = source.offset();
        int n = source.read(data, 0, data.length);
        if (n < 0) {
            end = true;
            return false;
        }
        // A plain file's bytes start where the source was; a gzip member's are indexed by the member read.
        chunks.addLast(new Chunk(data, 0, n, source.linear() ? before : source.offset(), source.linear()));
        return true;
    }
}
