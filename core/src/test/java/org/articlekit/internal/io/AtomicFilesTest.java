package org.articlekit.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static AtomicFiles.Content text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static final AtomicFiles.Content FAILING = out -> {
        out.write("half".getBytes(StandardCharsets.UTF_8));
        throw new IOException("writer failed");
    };

    /** The names in a folder, hidden ones (temporary files) included. */
    private static Stream<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void replacesAnExistingRegularFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = Files.writeString(dir.resolve("out.txt"), "old");

        AtomicFiles.write(f, text("new"));

        assertThat(f).hasContent("new");
        assertThat(names(dir)).containsExactly("out.txt");
    }

    @Test
    void writesThroughASymbolicLinkWhichStaysALink() throws IOException {
        Path targets = Files.createDirectory(dir.resolve("targets"));
        Path target = Files.writeString(targets.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);

        AtomicFiles.write(link, text("new"));

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(target).hasContent("new");
        assertThat(names(dir)).as("no temporary file beside the link").containsExactly("link.txt", "targets");
        assertThat(names(targets)).as("no temporary file beside the target").containsExactly("real.txt");
    }

    @Test
    void followsAChainOfRelativeLinks() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Path target = Files.writeString(sub.resolve("real.txt"), "old");
        Files.createSymbolicLink(sub.resolve("second"), Path.of("real.txt"));
        Path first = Files.createSymbolicLink(dir.resolve("first"), Path.of("sub/second"));

        AtomicFiles.write(first, text("through two links"));

        assertThat(Files.isSymbolicLink(first)).isTrue();
        assertThat(Files.isSymbolicLink(sub.resolve("second"))).isTrue();
        assertThat(target).hasContent("through two links");
    }

    @Test
    void aDanglingLinkGetsTheFileItNames() throws IOException {
        Path target = dir.resolve("not-yet.txt");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);

        AtomicFiles.write(link, text("created"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("created");
    }

    @Test
    void aFailedWriteThroughALinkLeavesTheTargetUntouched() throws IOException {
        Path target = Files.writeString(dir.resolve("real.txt"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), target);

        assertThatThrownBy(() -> AtomicFiles.write(link, FAILING)).hasMessage("writer failed");

        assertThat(target).hasContent("old");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names(dir)).containsExactly("link.txt", "real.txt");
    }

    @Test
    void aFailedWriteLeavesNoNewFile() {
        Path f = dir.resolve("new.txt");

        assertThatThrownBy(() -> AtomicFiles.write(f, FAILING)).hasMessage("writer failed");

        assertThat(f).doesNotExist();
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDirectoryIsRefusedNamingIt() throws IOException {
        Path d = Files.createDirectory(dir.resolve("out.html"));

        assertThatThrownBy(() -> AtomicFiles.write(d, text("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(d.toString()).hasMessageContaining("is a directory");

        assertThat(d).isEmptyDirectory();
    }

    @Test
    void aLinkToADirectoryIsRefusedNamingBoth() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder"));
        Path link = Files.createSymbolicLink(dir.resolve("out.html"), d);

        assertThatThrownBy(() -> AtomicFiles.write(link, text("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(link.toString()).hasMessageContaining(d.toString());

        assertThat(d).isEmptyDirectory();
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void aLoopOfLinksIsAnError() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);

        assertThatThrownBy(() -> AtomicFiles.write(a, text("x"))).isInstanceOf(FileSystemException.class)
                .hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void aFifoIsWrittenInPlaceNotReplaced() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(mkfifo(fifo), "mkfifo is not available");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> AtomicFiles.write(fifo, text("piped")));

        assertThat(new String(reader.get(20, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo("piped");
        assertThat(Files.isRegularFile(fifo)).as("the FIFO was not replaced by a file").isFalse();
        assertThat(Files.isDirectory(fifo)).isFalse();
        assertThat(names(dir)).containsExactly("pipe");
    }

    /** Makes a FIFO with mkfifo; false when the system has none. */
    static boolean mkfifo(Path p) {
        try {
            return new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
