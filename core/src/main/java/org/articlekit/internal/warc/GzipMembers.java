package org.articlekit.internal.warc;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a sequence of gzip members, as a {@code .warc.gz} holds one record per member, and
 * survives a broken one: a member that is corrupt, fails its CRC or is cut short is reported once
 * ({@link ByteSource.MemberFault}) and reading goes on at the next gzip signature. The JDK's
 * {@code GZIPInputStream} neither tells where a member starts nor recovers from a bad one.
 */
final class GzipMembers implements ByteSource {

    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private enum State { BETWEEN, INSIDE, LOST, END }

    private final InputStream in;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    /** The compressed offset of {@code buf[0]}. */
    private long base;
    private boolean eof;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private State state = State.BETWEEN;
    private long memberStart;
    private long memberBytes;

    GzipMembers(InputStream in) {
        this.in = in;
    }

    @Override
    public void release() {
        inflater.end();
    }

    @Override
    public boolean linear() {
        return false;
    }

    @Override
    public long offset() {
        return state == State.INSIDE ? memberStart : base + pos;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (true) {
            switch (state) {
                case END:
                    return -1;
                case LOST:
                    seekSignature();
                    break;
                case BETWEEN:
                    if (!ensure(1)) {
                        state = State.END;
                        break;
                    }
                    startMember();
                    break;
                default:
                    int n = inflate(b, off, len);
                    if (n != 0) {
                        return n;
                    }
            }
        }
    }

    /** Inflates into {@code b}; 0 when the member ended (and its trailer was checked). */
    private int inflate(byte[] b, int off, int len) throws IOException {
        while (true) {
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                // The next member may be among the bytes the inflater did not take.
                pos = lim - inflater.getRemaining();
                throw fault("is corrupt (" + e.getMessage() + ")", e);
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                pos = lim - inflater.getRemaining();
                endMember();
                return 0;
            }
            if (inflater.needsDictionary()) {
                throw fault("needs a preset dictionary", null);
            }
            if (inflater.needsInput()) {
                pos = lim;
                if (!ensure(1)) {
                    throw fault("is cut short", null);
                }
                inflater.setInput(buf, pos, lim - pos);
                pos = lim;
            }
        }
    }

    private void startMember() throws IOException {
        memberStart = base + pos;
        if (!ensure(10) || u8(0) != 0x1f || u8(1) != 0x8b || u8(2) != 8) {
            state = State.LOST;
            throw new MemberFault(memberStart, "holds bytes that are not a gzip member", null);
        }
        int flags = u8(3);
        pos += 10;
        try {
            if ((flags & FEXTRA) != 0) {
                need(2);
                int xlen = u8(0) | u8(1) << 8;
                pos += 2;
                skip(xlen);
            }
            if ((flags & FNAME) != 0) {
                skipZeroTerminated();
            }
            if ((flags & FCOMMENT) != 0) {
                skipZeroTerminated();
            }
            if ((flags & FHCRC) != 0) {
                skip(2);
            }
        } catch (MemberFault e) {
            state = State.LOST;
            throw e;
        }
        inflater.reset();
        crc.reset();
        memberBytes = 0;
        state = State.INSIDE;
        if (lim > pos) {
            inflater.setInput(buf, pos, lim - pos);
            pos = lim;
        }
    }

    private void endMember() throws IOException {
        if (!ensure(8)) {
            throw fault("is cut short in its trailer", null);
        }
        long expectedCrc = u32(0);
        long expectedSize = u32(4);
        pos += 8;
        if (expectedCrc != crc.getValue()) {
            throw fault("fails its CRC check", null);
        }
        if (expectedSize != (memberBytes & 0xffffffffL)) {
            throw fault("has a wrong size in its trailer", null);
        }
        state = State.BETWEEN;
    }

    /** Skips to the next gzip signature (1f 8b 08) after the current position. */
    private void seekSignature() throws IOException {
        while (true) {
            if (!ensure(3)) {
                pos = lim;
                state = State.END;
                return;
            }
            if (u8(0) == 0x1f && u8(1) == 0x8b && u8(2) == 8) {
                state = State.BETWEEN;
                return;
            }
            pos++;
        }
    }

    private MemberFault fault(String problem, Throwable cause) {
        // From the next byte on, look for the next member; at least one byte further than this one's start.
        state = State.LOST;
        if (base + pos <= memberStart) {
            pos = (int) Math.min(lim, memberStart + 1 - base);
        }
        return new MemberFault(memberStart, problem, cause);
    }

    private void need(int n) throws IOException {
        if (!ensure(n)) {
            throw new MemberFault(memberStart, "is cut short in its header", null);
        }
    }

    private void skip(int n) throws IOException {
        while (n > 0) {
            need(1);
            int k = Math.min(n, lim - pos);
            pos += k;
            n -= k;
        }
    }

    private void skipZeroTerminated() throws IOException {
        while (true) {
            need(1);
            if (buf[pos++] == 0) {
                return;
            }
        }
    }

    private int u8(int i) {
        return buf[pos + i] & 0xff;
    }

    private long u32(int i) {
        return (u8(i) | u8(i + 1) << 8 | u8(i + 2) << 16 | (long) u8(i + 3) << 24) & 0xffffffffL;
    }

    /** Makes at least {@code n} unread bytes available in {@code buf}; false at the end of the input. */
    private boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }
}
