package org.articlekit.examples.cli;

import java.util.List;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;

/** Finds the formats the command line's {@code --from} and {@code --to} name, and lists what a build reads and writes. */
final class FormatChoice {

    private FormatChoice() {
    }

    /** @return the readable format {@code id} names @throws IllegalArgumentException naming the known ones */
    static ArticleFormat readable(FormatRegistry registry, String id) {
        ArticleFormat f = registry.find(id).orElseThrow(() -> new IllegalArgumentException("--from: unknown format '"
                + id + "'; known formats: " + String.join(", ", registry.ids())));
        if (f.reader().isEmpty() && f.bookReader().isEmpty()) {
            throw new IllegalArgumentException("--from: ArticleKit cannot read " + f.id() + " files");
        }
        return f;
    }

    /** @return the writable format {@code id} names @throws IllegalArgumentException naming the known ones */
    static ArticleFormat writable(FormatRegistry registry, String id) {
        ArticleFormat f = registry.find(id).orElseThrow(() -> new IllegalArgumentException("--to: unknown format '"
                + id + "'; known formats: " + String.join(", ", registry.ids())));
        if (f.writer().isEmpty() && f.bookWriter().isEmpty()) {
            throw new IllegalArgumentException("--to: ArticleKit cannot write " + f.id() + " files");
        }
        return f;
    }

    static List<String> writableIds(FormatRegistry registry) {
        return registry.formats().stream().filter(f -> f.writer().isPresent() || f.bookWriter().isPresent())
                .map(ArticleFormat::id).sorted().toList();
    }

    static List<String> readableIds(FormatRegistry registry) {
        return registry.formats().stream().filter(f -> f.reader().isPresent() || f.bookReader().isPresent())
                .map(ArticleFormat::id).sorted().toList();
    }

    /** @return the ids of the formats that hold books (EPUB, PDF), in registry order */
    static List<String> bookIds(FormatRegistry registry) {
        return registry.formats().stream().filter(f -> f.bookWriter().isPresent()).map(ArticleFormat::id).toList();
    }

    /** The message for several inputs whose output cannot be a book. */
    static String noBook(FormatRegistry registry, @Nullable ArticleFormat named, Object output) {
        List<String> bookIds = bookIds(registry);
        String can = bookIds.isEmpty() ? "no format in this build can hold a book yet"
                : "formats that can: " + String.join(", ", bookIds);
        if (named == null) {
            return "several inputs need a book file (" + can + ") or a folder with --to FMT; cannot tell the format "
                    + "of " + output;
        }
        return "several inputs make one book, but the " + named.id() + " format cannot hold one (" + can
                + "); to convert each input into a folder use -o DIR --to " + named.id();
    }
}
