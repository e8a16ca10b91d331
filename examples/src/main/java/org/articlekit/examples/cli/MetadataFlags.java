package org.articlekit.examples.cli;

import java.io.IOException;
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

    @Option(names = {"-M", "--metadata"}, paramLabel = "KEY[=VALUE]",
            description = "Set a metadata field, as pandoc's -M: title, subtitle, author, date, updated, lang, "
                    + "description, tags, categories, cover, publisher, identifier, canonical, source; other keys are "
                    + "kept as extra front matter. Repeat a key for a list (-M author=A -M author=B). For a book, "
                    + "sets the book's. Wins over --metadata-file; --title, --author, --language and --cover win over "
                    + "both.")
    List<String> metadataPairs = new ArrayList<>();

    @Option(names = "--metadata-file", paramLabel = "FILE",
            description = "Read metadata fields from a YAML or JSON file (a mapping of the keys of -M; lists for "
                    + "several authors, tags or categories).")
    @Nullable Path metadataFile;

    /** What -M and --metadata-file set (by {@link #load}). */
    private Metadata given = Metadata.builder().build();

    /**
     * Normalises the language and checks the cover.
     *
     * @return the problem, as a usage message, or null when there is none
     */
    @Nullable String check() {
        try {
            Metadata fromPairs = MetadataValues.toMetadata(MetadataValues.pairs(metadataPairs), "-M");
            given = given.with(fromPairs);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        if (cover == null && given.cover().isPresent()) {
            // a cover file is embedded like --cover's: the binder checks and reads it
            cover = given.cover().get();
            given = given.toBuilder().cover(null).build();
        }
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

    /**
     * Reads --metadata-file (before {@link #check}, which adds -M over it).
     *
     * @throws IOException naming the file when it cannot be read or is not a mapping of metadata
     * @throws IllegalArgumentException naming the file and the key when a value cannot be that field
     */
    void load() throws IOException {
        if (metadataFile != null) {
            given = MetadataValues.toMetadata(MetadataValues.file(metadataFile), metadataFile.toString());
        }
    }

    /** @return the metadata with the flags given over it */
    Metadata override(Metadata m) {
        return binder().build().overlay(m);
    }

    /** @return a binder builder with the flags' title, authors, language and cover */
    BookBinder.Builder binder() {
        return BookBinder.builder().metadata(given).title(title).authors(authors).language(language).cover(cover);
    }
}
