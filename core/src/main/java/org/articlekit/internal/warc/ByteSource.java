package org.articlekit.internal.warc;

import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed bytes of an archive, with the offset a record found at the current point would
 * be indexed under: its byte offset in a plain WARC, its gzip member's offset in a {@code .warc.gz}.
 */
interface ByteSource {

    /**
     * @param b where the bytes go
     * @param off the first index
     * @param len the most bytes
     * @return the bytes read, or -1 at the end
     * @throws MemberFault when a gzip member is corrupt or truncated; the next read goes on at the next member
     * @throws IOException when reading fails
     */
    int read(byte[] b, int off, int len) throws IOException;

    /** @return the index offset of the next byte */
    long offset();

    /** @return whether offsets grow byte by byte (a plain WARC) rather than member by member */
    boolean linear();

    /** Frees what decompression holds (native memory); the underlying stream is not closed. */
    default void release() {
    }

    /** A plain WARC. */
    static ByteSource plain(InputStream in) {
        return new ByteSource() {
            private long position;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = in.read(b, off, len);
                if (n > 0) {
                    position += n;
                }
                return n;
            }

            @Override
            public long offset() {
                return position;
            }

            @Override
            public boolean linear() {
                return true;
            }
        };
    }

    /** A gzip member that cannot be decompressed; reading goes on at the next member. */
    final class MemberFault extends IOException {
        private static final long serialVersionUID = 1L;

        private final long memberOffset;

        MemberFault(long memberOffset, String problem, Throwable cause) {
            super(problem, cause);
            this.memberOffset = memberOffset;
        }

        /** @return the compressed offset of the member */
        long memberOffset() {
            return memberOffset;
        }
    }
}
