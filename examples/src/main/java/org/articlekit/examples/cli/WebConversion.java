package org.articlekit.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleSource;
import org.articlekit.Book;
import org.articlekit.BookBinder;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;

/**
 * {@code convert} of web sources: addresses (pages, feeds, web archives) and feed or archive files.
 * A folder output gets one post per article and skips what it already holds; a book output binds
 * them; a single-article output takes the one article there is.
 */
final class WebConversion {

    /** The formats whose files are read as web sources (one post per item into a folder). */
    private static final Set<String> WEB_FORMATS = Set.of("feed", "warc");

    private final ConvertCommand command;
    private final Reporter rep;
    private final FormatRegistry registry;
    private final @Nullable ArticleFormat from;

    WebConversion(ConvertCommand command, Reporter rep, FormatRegistry registry, @Nullable ArticleFormat from) {
        this.command = command;
        this.rep = rep;
        this.registry = registry;
        this.from = from;
    }

    /** @return whether {@code p} is a file whose content is a feed or a web archive */
    static boolean isFeedOrArchive(FormatRegistry registry, Path p) {
        if (!Files.isRegularFile(p)) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(p)) {
            head = in.readNBytes(8192);
        } catch (IOException e) {
            return false; // reading it later reports the problem with the file's name
        }
        Optional<ArticleFormat> f = registry.detect(p.getFileName().toString(), head);
        return f.isPresent() && WEB_FORMATS.contains(f.get().id());
    }

    /**
     * @param locations the inputs: addresses and paths
     * @param output the output file or folder, or {@code -}
     * @return the exit status
     */
    int run(List<String> locations, Path output) {
        if (locations.contains("-")) {
            throw command.usage("'-' (standard input) is converted on its own, not with addresses, feeds or archives");
        }
        ArticleSource source;
        try {
            source = ArticleSource.locations(locations).format(from == null ? null : from.id());
        } catch (IllegalArgumentException e) {
            throw command.usage(e.getMessage());
        }
        boolean toStdout = StreamConversion.isDash(output);
        String outName = output.toString();
        boolean toFolder = !toStdout && (Files.isDirectory(output) || outName.endsWith("/")
                || outName.endsWith(output.getFileSystem().getSeparator())
                || command.to != null && !output.getFileName().toString().contains("."));
        ArticleFormat target;
        if (toFolder) {
            target = command.to != null ? command.writable(registry, command.to) : registry.byId("markdown");
        } else if (toStdout) {
            if (command.to == null) {
                throw command.usage("-o - (standard output) needs the format: add --to FMT ("
                        + String.join(", ", FormatChoice.writableIds(registry)) + ")");
            }
            target = command.writable(registry, command.to);
        } else {
            target = command.fileFormat(registry, output);
        }
        if (toFolder && target.writer().isEmpty()) {
            throw command.usage("-o names a folder of posts, and " + target.id() + " holds books: write one book "
                    + "with -o FILE." + target.extensions().get(0));
        }
        command.formatFlags.warnIgnored(rep, registry, target);
        command.network.warnIgnored(rep);
        target.prepareToWrite();
        if (toFolder) {
            return posts(source, output, target);
        }
        boolean several = locations.size() > 1;
        if (target.bookWriter().isPresent()) {
            OutputStream stdout = new BufferedOutputStream(command.stdout, 1 << 16);
            int status = command.makeBook(rep, toStdout ? StreamConversion.STDOUT : outName, true,
                    b -> toStdout ? b.write(source, stdout, target.id()) : b.write(source, output, target.id()));
            return status == 0 && toStdout ? flush(stdout) : status;
        }
        return single(source, output, toStdout, target, several);
    }

    /** Writes each article as a post into the folder, skipping those already there. */
    private int posts(ArticleSource source, Path dir, ArticleFormat target) {
        BookProgress progress = new BookProgress(rep, command.progressStream(2));
        try {
            BookBinder.Posts p = command.binder(rep, progress).build().writePosts(source, dir, target.id());
            progress.finish();
            rep.run().wrote(dir.toString(), p.added());
            rep.note(plural(p.added(), "new article") + ", " + p.present() + " already present in " + dir
                    + (p.warnings() > 0 ? " (" + plural(p.warnings(), "warning") + ")" : ""));
            return 0;
        } catch (IOException | RuntimeException e) {
            progress.finish();
            if (!(e instanceof IOException io && progress.reported(io))) {
                rep.failure(dir.toString(), e);
            }
            return 1;
        }
    }

    /** One article into one file (or standard output). */
    private int single(ArticleSource source, Path output, boolean toStdout, ArticleFormat target, boolean several) {
        String name = source.urls().isEmpty() ? source.inputs().get(0).toString() : source.urls().get(0).toString();
        BookProgress progress = new BookProgress(rep, null);
        try {
            Book book = command.binder(rep, progress).build().bind(source, command.images != null);
            if (book.articles().size() != 1) {
                throw new ArticleFormatException(several ? null : name, "holds " + book.articles().size()
                        + " articles, and a " + target.id() + " document holds one; write one file per article with "
                        + "-o DIR/ --to " + target.id() + ", or one book with -o FILE.epub");
            }
            Article a = book.articles().get(0);
            a = a.withMetadata(command.metadata.override(a.metadata()));
            Converter c = command.converter(rep, name);
            if (!toStdout) {
                c.write(a, output, target.id());
                rep.run().wrote(output.toString(), 1);
                return 0;
            }
            OutputStream stdout = new BufferedOutputStream(command.stdout, 1 << 16);
            c.write(a, stdout, target.id());
            rep.run().wrote(StreamConversion.STDOUT, 1);
            return flush(stdout);
        } catch (IOException | RuntimeException e) {
            if (!(e instanceof IOException io && progress.reported(io))) {
                rep.failure(name, e);
            }
            return 1;
        }
    }

    private int flush(OutputStream stdout) {
        try {
            stdout.flush();
            return 0;
        } catch (IOException e) {
            rep.failure(StreamConversion.STDOUT, e);
            return 1;
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
