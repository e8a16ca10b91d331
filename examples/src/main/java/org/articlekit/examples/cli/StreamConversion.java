package org.articlekit.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleSource;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@code convert} with the standard streams, pandoc's convention: the input {@code -} reads standard
 * input (the format from {@code --from}, else sniffed from the bytes; relative images from the current
 * directory), and {@code -o -} writes standard output (the format from {@code --to}). Only the document
 * goes to standard output; warnings and the summary line stay on standard error.
 */
final class StreamConversion {

    /** What messages call standard input. */
    static final String STDIN = "<stdin>";

    /** What messages call standard output. */
    static final String STDOUT = "<stdout>";

    private final ConvertCommand command;
    private final Reporter rep;
    private final FormatRegistry registry;
    private final @Nullable ArticleFormat from;

    StreamConversion(ConvertCommand command, Reporter rep, FormatRegistry registry, @Nullable ArticleFormat from) {
        this.command = command;
        this.rep = rep;
        this.registry = registry;
        this.from = from;
    }

    /** Whether an input or output names a standard stream. */
    static boolean isDash(@Nullable Path p) {
        return p != null && p.toString().equals("-");
    }

    /**
     * @param inputs the inputs, at least one of them {@code -}, or any inputs when {@code output} is {@code -}
     * @param output the output file, or {@code -}
     * @return the exit status
     */
    int run(List<Path> inputs, Path output) {
        long dashes = inputs.stream().filter(StreamConversion::isDash).count();
        boolean fromStdin = dashes > 0;
        boolean toStdout = isDash(output);
        if (dashes > 1) {
            throw command.usage("'-' (standard input) may be given only once");
        }
        if (fromStdin && inputs.size() > 1) {
            throw command.usage("'-' (standard input) is converted on its own, not with other inputs; "
                    + "save it to a file to bind it with them");
        }
        boolean several = inputs.size() > 1 || !fromStdin && Files.isDirectory(inputs.get(0));
        ArticleFormat target = target(output, toStdout, several);
        command.formatFlags.warnIgnored(rep, registry, target);
        command.network.warnIgnored(rep);
        target.prepareToWrite();
        OutputStream stdout = new BufferedOutputStream(command.stdout, 1 << 16);
        String fromId = from == null ? null : from.id();
        String outName = toStdout ? STDOUT : output.toString();
        if (target.bookWriter().isPresent()) {
            int status = command.makeBook(rep, outName, several, binder -> {
                ArticleSource source = fromStdin ? ArticleSource.of(readStdin(binder(), fromId))
                        : ArticleSource.of(inputs).format(fromId);
                return toStdout ? binder.write(source, stdout, target.id()) : binder.write(source, output, target.id());
            });
            return status == 0 && toStdout ? flush(stdout) : status;
        }
        String name = fromStdin ? STDIN : inputs.get(0).toString();
        try {
            Converter c = command.converter(rep, name);
            Book book = fromStdin ? readStdin(c, fromId) : c.readBook(inputs.get(0), fromId);
            boolean concatenates = toStdout && (target.id().equals("markdown") || target.id().equals("txt"));
            if (book.articles().size() > 1 && concatenates) {
                // Several articles as one stream: each with its own front matter (or text header), one after another.
                for (int i = 0; i < book.articles().size(); i++) {
                    Article each = book.articles().get(i);
                    if (i > 0) {
                        stdout.write('\n');
                    }
                    c.write(each.withMetadata(command.metadata.override(each.metadata())), stdout, target.id());
                }
                rep.run().wrote(STDOUT, book.articles().size());
                return flush(stdout);
            }
            if (book.articles().size() != 1) {
                throw new ArticleFormatException(name, "holds " + book.articles().size() + " articles, and a "
                        + target.id() + " document holds one; write one file per article with -o DIR/ --to "
                        + target.id() + ", or one book with --to epub");
            }
            Article a = book.articles().get(0);
            a = a.withMetadata(command.metadata.override(a.metadata()));
            if (command.images == null && !a.resources().isEmpty()) {
                int n = a.resources().size();
                rep.warning(name + ": " + (n == 1 ? "the image it holds is" : "the " + n + " images it holds are")
                        + " not written, so the links point nowhere; add --images DIR to write them");
            }
            if (!toStdout) {
                c.write(a, output, target.id());
                rep.run().wrote(output.toString(), 1);
                return 0;
            }
            c.write(a, stdout, target.id());
            rep.run().wrote(STDOUT, 1);
        } catch (IOException | RuntimeException e) {
            rep.failure(name, e);
            return 1;
        }
        return flush(stdout);
    }

    /** The output format: {@code --to} for standard output, else as for a file. */
    private ArticleFormat target(Path output, boolean toStdout, boolean several) {
        if (toStdout) {
            if (command.to == null) {
                throw command.usage("-o - (standard output) needs the format: add --to FMT ("
                        + String.join(", ", FormatChoice.writableIds(registry)) + ")");
            }
            ArticleFormat target = command.writable(registry, command.to);
            if (several && target.bookWriter().isEmpty()) {
                throw command.usage("-o - writes one document, and several inputs or a folder make several "
                        + target.id() + " files: write them into a folder with -o DIR --to " + target.id()
                        + ", or bind one book to standard output with --to " + String.join(" or --to ",
                        FormatChoice.bookIds(registry)));
            }
            return target;
        }
        String outName = output.toString();
        if (Files.isDirectory(output) || outName.endsWith("/") || outName.endsWith(output.getFileSystem().getSeparator())) {
            throw command.usage("standard input makes one document: -o names the folder " + output
                    + ", but must name a file (or '-' for standard output)");
        }
        return command.fileFormat(registry, output);
    }

    /** The converter a book from standard input is read with: its images are read into it, as the binder does. */
    private Converter binder() {
        return command.converter(rep, STDIN).toBuilder().collectImages(true).imagesDir(null).build();
    }

    /** Reads standard input; relative images come from the current directory. */
    private Book readStdin(Converter c, @Nullable String fromId) throws IOException {
        InputStream in = command.stdin;
        return c.readBook(in, fromId, STDIN, Path.of("").toAbsolutePath());
    }

    /** Flushes standard output; 1 with an error line when it could not take everything (a closed pipe). */
    private int flush(OutputStream stdout) {
        try {
            stdout.flush();
        } catch (IOException e) {
            rep.failure(STDOUT, e);
            return 1;
        }
        PrintStream ps = command.stdout;
        if (ps.checkError()) {
            rep.error(STDOUT + ": could not be written (was it closed early?)");
            return 1;
        }
        return 0;
    }
}
