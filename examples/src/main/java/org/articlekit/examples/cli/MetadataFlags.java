package org.articlekit.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.BookBinder;
import org.articlekit.Metadata;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of {@code convert} that replace metadata, checked, and applied to an article's metadata. */
final class MetadataFlags {

    @Option(names = "--title", paramLabel = "T",
            description = "Replace the title. For a book, sets the book's title (chapters keep theirs).")
    @Nullable String title;

    @Option(names = "--author", paramLabel = "A",
            description = "Replace the authors; repeat for several. For a book, sets the book's authors.")
    List<String> authors = new ArrayList<>();

    @Option(names = "--language", paramLabel = "L",
            description = "Replace the language (a BCP 47 tag such as zh-CN or en). For a book, the book's.")
    @Nullable String language;

    @Option(names = "--cover", paramLabel = "FILE|URL",
            description = "Set the cover image reference in the metadata (embedded by the EPUB and PDF formats).")
    @Nullable String cover;

    /**
     * Normalises the language and checks the cover.
     *
     * @return the problem, as a usage message, or null when there is none
     */
    @Nullable String check() {
        if (language != null) {
            try {
                language = Metadata.normalizeLanguage(language);
            } catch (IllegalArgumentException e) {
                return "--language: " + e.getMessage();
            }
        }
        if (cover == null) {
            return null;
        }
        String scheme = "";
        try {
            URI u = new URI(cover);
            scheme = u.getScheme() == null ? "" : u.getScheme();
        } catch (URISyntaxException e) {
            // not a URI: a file path
        }
        if (!scheme.equals("http") && !scheme.equals("https") && !Files.isRegularFile(Path.of(cover))) {
            return "--cover: " + cover + " is not a file (give an image file or an http/https URL)";
        }
        return null;
    }

    /** @return the metadata with the flags given over it */
    Metadata override(Metadata m) {
        return binder().build().overlay(m);
    }

    /** @return a binder builder with the flags' title, authors, language and cover */
    BookBinder.Builder binder() {
        return BookBinder.builder().title(title).authors(authors).language(language).cover(cover);
    }
}
