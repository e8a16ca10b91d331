package org.articlekit.epub.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes the zip container of an EPUB so that the same entries always give the same bytes: a fixed
 * time stamp on every entry, a fixed compression level, no extra fields. Keeps a SHA-256 over every
 * entry's name, CRC-32 and size, from which the book's identifier is derived.
 */
final class DeterministicZip {

    /** The time stamp of every entry (any fixed time a zip holds without an extra field). */
    static final LocalDateTime TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

    private final ZipOutputStream zip;
    private final MessageDigest digest;
    private final Set<String> names = new HashSet<>();

    DeterministicZip(OutputStream out) {
        // ZipOutputStream writes every header field a byte at a time: unbuffered, a book of a thousand
        // chapters took some 300,000 one-byte writes, each a system call on a file.
        zip = new ZipOutputStream(new BufferedOutputStream(new NonClosing(out), 1 << 16), StandardCharsets.UTF_8);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return whether an entry of that name was written */
    boolean contains(String name) {
        return names.contains(name);
    }

    /** Writes an entry uncompressed (the {@code mimetype} entry must be). */
    void stored(String name, byte[] data) throws IOException {
        ZipEntry e = entry(name);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        e.setCrc(crc.getValue());
        write(e, data);
    }

    /** Writes a compressed entry. */
    void deflated(String name, byte[] data) throws IOException {
        ZipEntry e = entry(name);
        e.setMethod(ZipEntry.DEFLATED);
        write(e, data);
    }

    /** Writes a text entry in UTF-8, compressed. */
    void text(String name, String text) throws IOException {
        deflated(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the SHA-256 of every entry's name, CRC-32 and size so far */
    byte[] contentHash() {
        try {
            return ((MessageDigest) digest.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests cannot be copied in this JVM", e);
        }
    }

    /** Writes the central directory; the underlying stream stays open. */
    void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    private ZipEntry entry(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("two zip entries named " + name);
        }
        ZipEntry e = new ZipEntry(name);
        e.setTimeLocal(TIME);
        return e;
    }

    private void write(ZipEntry e, byte[] data) throws IOException {
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
        // The entry's CRC-32 and size stand for its content: a second pass over every image with SHA-256 cost
        // about a sixth of a large book's CPU time, and an identifier needs no more than this to differ.
        digest.update(e.getName().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        long crc = e.getCrc();
        long size = e.getSize();
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (crc >>> shift));
        }
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (size >>> shift));
        }
    }

    /** Lets the zip stream finish without closing the caller's stream. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
