package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the {@code ./articlekit} launcher: every kind of conversion once, in one
 * JVM, on the sample articles, so that the class-data archive the JVM writes at exit holds the
 * classes of every reader and writer (reading Markdown, typesetting PDF, reading EPUB and PDF),
 * not only those of one conversion. Not part of the command line.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A -cp articlekit-cli.jar
 * org.articlekit.examples.cli.Training ARTICLES WORKDIR}; exits 0 when every conversion worked.
 */
public final class Training {

    private Training() {
    }

    /**
     * @param args the folder of sample HTML articles and an empty folder to write into
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Training ARTICLES WORKDIR");
            System.exit(2);
        }
        int failed;
        try {
            failed = train(Path.of(args[0]), Path.of(args[1]));
        } catch (IOException e) {
            failed = 1;
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    /**
     * @param articles the folder of sample HTML articles
     * @param work an empty folder to write into
     * @return how many of the conversions failed
     * @throws IOException when the work folder cannot be written
     */
    static int train(Path articles, Path work) throws IOException {
        // an existing folder: a PDF that holds a book is then split into its articles
        Files.createDirectories(work.resolve("from-pdf"));
        String md = work.resolve("md").toString();
        String epub = work.resolve("book.epub").toString();
        String pdf = work.resolve("book.pdf").toString();
        List<String[]> runs = List.of(
                new String[] {"convert", articles.toString(), "-o", md, "--to", "markdown"},
                new String[] {"convert", md, "-o", work.resolve("html").toString(), "--to", "html"},
                new String[] {"convert", md, "-o", epub},
                new String[] {"convert", md, "-o", pdf},
                new String[] {"convert", articles.toString(), "-o", work.resolve("pages.epub").toString()},
                new String[] {"convert", epub, "-o", work.resolve("from-epub").toString(), "--to", "markdown"},
                new String[] {"convert", pdf, "-o", work.resolve("from-pdf").toString(), "--to", "markdown"},
                new String[] {"info", epub, "--json"});
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int failed = 0;
        for (String[] run : runs) {
            List<String> command = new ArrayList<>(List.of(run));
            if (run[0].equals("convert")) {
                command.addAll(List.of("--offline", "--quiet"));
            }
            if (Main.run(command.toArray(String[]::new), quiet, quiet) != 0) {
                failed++;
            }
        }
        return failed;
    }
}
