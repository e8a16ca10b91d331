package org.articlekit.internal.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes an output file so that a failure leaves no half-written regular file: a regular file (new or
 * existing) is written through a temporary sibling that is moved into place only when writing succeeded.
 * What is not a regular file is never replaced: a symbolic link is followed and its target written as
 * a regular file is; a FIFO, a device or a link to an open file ({@code /dev/stdout}) is opened and
 * written in place; a directory is refused.
 */
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

    /** Links followed before giving up, as the kernel's own limit for a path. */
    private static final int MAX_LINKS = 40;

    private static final int BUFFER = 1 << 16;

    private AtomicFiles() {
    }

    /** How a target is written. */
    private enum Mode {
        /** A regular file or nothing yet: temporary sibling, then an atomic move. */
        REPLACE,
        /** A FIFO, a device, a socket or an open file behind {@code /proc}: opened and written as it is. */
        IN_PLACE
    }

    /** Where the bytes go and how. */
    private record Destination(Path path, Mode mode) {
    }

    /**
     * This run's part of temporary names: random, so that other processes writing beside the same
     * target cannot guess them; a counter tells this run's files apart (drawing a secure random number
     * and writing it in base 36 for every file cost more than the file's own system calls).
     */
    private static final String RUN = Long.toUnsignedString(new SecureRandom().nextLong(), 36);
    private static final AtomicLong SERIAL = new AtomicLong();

    /** A temporary file beside a target, created and open for writing. */
    private record Temporary(Path path, OutputStream out) {
    }

    /**
     * Creates a fresh hidden file beside the target (never one that exists: created with
     * {@code CREATE_NEW}), with a name short enough for any target name the file system allows.
     */
    private static Temporary temporarySibling(Path target) throws IOException {
        String name = target.getFileName().toString();
        String stem = name.length() > 60 ? name.substring(0, 60) : name;
        for (int i = 0; ; i++) {
            Path tmp = target.resolveSibling("." + stem + "." + RUN + "-" + SERIAL.incrementAndGet() + ".part");
            try {
                // CREATE_NEW with default permissions: the result gets the same mode as any new file
                // (createTempFile would make it private to the owner).
                return new Temporary(tmp, Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE));
            } catch (FileAlreadyExistsException e) {
                if (i == 99) {
                    throw new IOException("cannot find a free temporary name beside " + target, e);
                }
            }
        }
    }

    /**
     * Writes {@code target}. A regular file (or a new one) is written atomically: on any failure the
     * target is untouched (absent, or its old content) and the temporary file is gone. A symbolic link
     * stays a link: the file it leads to is written (atomically when that is a regular file or does not
     * exist yet). A FIFO or a device is written in place (appending, so {@code /dev/stdout} redirected
     * with {@code >>} keeps what it held); after a failure it may have received part of the content.
     *
     * @param target the file to write
     * @param content writes the bytes
     * @throws IllegalArgumentException when the target (or the file a link leads to) is a directory
     * @throws IOException when writing or moving fails, or the links loop
     */
    public static void write(Path target, Content content) throws IOException {
        Destination d = destination(target.toAbsolutePath());
        if (d.mode() == Mode.IN_PLACE) {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(d.path(), StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), BUFFER)) {
                content.writeTo(out);
            }
            return;
        }
        replaceFile(d.path(), content);
    }

    /**
     * Writes a file atomically whatever is at its name: a symbolic link placed there is replaced,
     * never followed, so nothing in a cache folder can lead a write elsewhere. On any failure the
     * old content stays and the temporary file is gone.
     *
     * @param target the file to write
     * @param content writes the bytes
     * @throws IOException when writing or moving fails
     */
    public static void replace(Path target, Content content) throws IOException {
        replaceFile(target.toAbsolutePath(), content);
    }

    /**
     * Follows symbolic links from {@code abs} to what is to be written. A link inside {@code /proc}
     * (such as {@code /proc/self/fd/1}, where {@code /dev/stdout} leads) names an open file rather
     * than a place in a folder, so it is written in place, never renamed onto.
     */
    private static Destination destination(Path abs) throws IOException {
        Path p = abs;
        for (int links = 0; links <= MAX_LINKS; links++) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Destination(p, Mode.REPLACE);
            }
            if (a.isRegularFile()) {
                return new Destination(p, Mode.REPLACE);
            }
            if (a.isDirectory()) {
                throw new IllegalArgumentException(p.equals(abs) ? "the output " + abs + " is a directory, not a file"
                        : "the output " + abs + " leads to the directory " + p + ", not a file");
            }
            if (!a.isSymbolicLink()) {
                return new Destination(p, Mode.IN_PLACE);
            }
            Path dir = p.getParent().toRealPath();
            if (dir.startsWith(Path.of("/proc"))) {
                return new Destination(p, Mode.IN_PLACE);
            }
            p = dir.resolve(Files.readSymbolicLink(p));
        }
        throw new FileSystemException(abs.toString(), null, "too many levels of symbolic links");
    }

    /** Writes a regular file through a temporary sibling and an atomic move. */
    private static void replaceFile(Path abs, Content content) throws IOException {
        Path dir = abs.getParent();
        if (!Files.isDirectory(dir)) {
            // (creating a folder that exists costs a failed mkdir and an exception: a stat comes first)
            Files.createDirectories(dir);
        }
        Temporary temporary = temporarySibling(abs);
        Path tmp = temporary.path();
        boolean done = false;
        try {
            // Buffered: writers may write small pieces (a zip's headers go a byte at a time), and each
            // write to the file's stream is a system call.
            try (OutputStream out = new BufferedOutputStream(temporary.out(), BUFFER)) {
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
