package org.articlekit.internal.book;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleSource;
import org.articlekit.Converter;
import org.articlekit.Metadata;
import org.articlekit.Slugs;
import org.articlekit.spi.ArticleFormat;

/**
 * A folder of posts as its own state: what it already holds (by identifier and source address),
 * and names for new posts from their date and a slug of their title.
 */
public final class PostFolder {

    /** The longest slug, in code points: file names stay readable and well under file-system limits. */
    static final int MAX_SLUG = 60;

    private final Path dir;
    private final String extension;
    private final Set<String> identifiers = new HashSet<>();
    private final Set<String> addresses = new HashSet<>();
    private final Set<String> taken = new HashSet<>();

    private PostFolder(Path dir, String extension) {
        this.dir = dir;
        this.extension = extension;
    }

    /**
     * Reads what the folder holds: the metadata of every file in the format's extensions.
     *
     * @param dir the folder; made when missing
     * @param format the posts' format
     * @param reader reads the existing posts; a post it cannot read is an error, not skipped, since
     *     skipping it would write its article again
     * @return the folder
     * @throws IOException when the folder or a post cannot be read
     */
    public static PostFolder scan(Path dir, ArticleFormat format, Converter reader) throws IOException {
        PostFolder f = new PostFolder(dir, format.extensions().get(0));
        Files.createDirectories(dir);
        FolderScanner scanner = new FolderScanner(format.extensions(), d -> { });
        for (ArticleSource.Entry e : scanner.scan(dir)) {
            f.taken.add(e.path().getFileName().toString().toLowerCase(Locale.ROOT));
            Metadata m;
            try {
                m = reader.read(e.path(), format.id()).metadata();
            } catch (ArticleFormatException x) {
                throw new ArticleFormatException(e.path().toString(), 0, null,
                        "is in the output folder but cannot be read, so it is not known whether it holds an "
                                + "article of this run: " + x.getMessage(), x);
            }
            m.identifier().ifPresent(f.identifiers::add);
            m.sourceUrl().map(PostFolder::key).ifPresent(f.addresses::add);
        }
        try (var entries = Files.list(dir)) {
            entries.forEach(p -> f.taken.add(p.getFileName().toString().toLowerCase(Locale.ROOT)));
        }
        return f;
    }

    /**
     * @param m an article's metadata
     * @return whether the folder already holds that article (same identifier or source address)
     */
    public boolean holds(Metadata m) {
        return m.identifier().filter(identifiers::contains).isPresent()
                || m.sourceUrl().map(PostFolder::key).filter(addresses::contains).isPresent();
    }

    /**
     * Reserves the file for a new post and remembers its article, so that a second item with the
     * same identifier in one run is written once.
     *
     * @param m the article's metadata
     * @return a file in the folder that does not exist yet
     */
    public Path newFile(Metadata m) {
        m.identifier().ifPresent(identifiers::add);
        m.sourceUrl().map(PostFolder::key).ifPresent(addresses::add);
        String base = name(m);
        String candidate = base + "." + extension;
        for (int n = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            candidate = base + "-" + n + "." + extension;
        }
        taken.add(candidate.toLowerCase(Locale.ROOT));
        return dir.resolve(candidate);
    }

    /** {@code 2026-12-03-slug}: the publication (else update) date as written, then the title's slug. */
    static String name(Metadata m) {
        Optional<LocalDate> day = m.published().or(m::updated).flatMap(PostFolder::day);
        String slug = slug(m.title().orElse(""));
        if (slug.isEmpty()) {
            slug = "article";
        }
        return day.map(d -> d + "-").orElse("") + slug;
    }

    /** The day on the wall clock where the article was written, as its date text says. */
    private static Optional<LocalDate> day(ArticleDate d) {
        return d.dateTime().map(t -> t.toLocalDate());
    }

    /** @return the slug of a title, at most {@link #MAX_SLUG} code points */
    static String slug(String title) {
        return Slugs.of(title, MAX_SLUG);
    }

    /** Addresses compared without their fragment and a trailing slash. */
    private static String key(URI u) {
        String s = u.toString();
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
