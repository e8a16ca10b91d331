package org.articlekit.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** Runs {@link Main} in-process and keeps what it printed; plus small fixtures for the CLI tests. */
final class Cli {

    private Cli() {
    }

    /** What one run did; {@code outBytes} is standard output as bytes (for EPUB or PDF written there). */
    record Result(int status, String out, String err, byte[] outBytes) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }
    }

    static Result run(Object... args) {
        return runAs(false, args);
    }

    /** Runs with standard error taken for a terminal (progress bars) or not. */
    static Result runAs(boolean terminal, Object... args) {
        return run(terminal, InputStream.nullInputStream(), args);
    }

    /** Runs with {@code stdin} as standard input, through the public {@link Main#run(String[], InputStream, PrintStream, PrintStream)}. */
    static Result runWithInput(byte[] stdin, Object... args) {
        return run(false, new ByteArrayInputStream(stdin), args);
    }

    static Result runWithInput(String stdin, Object... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    private static Result run(boolean terminal, InputStream in, Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] strings = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = terminal ? Main.run(strings, in, o, e, true) : Main.run(strings, in, o, e);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                out.toByteArray());
    }

    /** A whole page with the given title and publication date, and a short body. */
    static String page(String title, String published, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta property=\"article:published_time\" content=\"" + published + "\"></head>"
                + "<body><article>" + body + "</article></body></html>";
    }

    static Path writePage(Path file, String title, String published) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, page(title, published, "<p>Text of " + title + ".</p>"));
    }

    /** Every regular file under a folder, as paths. */
    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
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
