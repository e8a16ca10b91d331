package org.articlekit.internal.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/** Writes a file through a temporary sibling that is moved into place only when writing succeeded. */
public final class AtomicFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out the temporary file's stream
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {
    }

    /** A fresh hidden name beside the target, short enough for any target name the file system allows. */
    private static Path temporarySibling(Path target) throws IOException {
        String name = target.getFileName().toString();
        String stem = name.length() > 60 ? name.substring(0, 60) : name;
        for (int i = 0; i < 100; i++) {
            Path tmp = target.resolveSibling("." + stem + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".part");
            if (!Files.exists(tmp, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return tmp;
            }
        }
        throw new IOException("cannot find a free temporary name beside " + target);
    }

    /**
     * Writes {@code target} atomically: on any failure the target is untouched (absent, or its old
     * content) and the temporary file is gone.
     *
     * @param target the file to write
     * @param content writes the bytes
     * @throws IOException when writing or moving fails
     */
    public static void write(Path target, Content content) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = temporarySibling(abs);
        boolean done = false;
        try {
            // CREATE_NEW with default permissions: the result gets the same mode as any new file
            // (createTempFile would make it private to the owner).
            // Buffered: writers may write small pieces (a zip's headers go a byte at a time), and each
            // write to the file's stream is a system call.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
