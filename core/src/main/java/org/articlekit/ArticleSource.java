package org.articlekit;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.articlekit.internal.book.FolderScanner;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Where the articles of a book come from: files and folders, web addresses (pages and feeds), or
 * articles already in memory.
 *
 * <pre>{@code
 * ArticleSource posts = ArticleSource.of(Path.of("posts"));
 * ArticleSource some = ArticleSource.of(List.of(Path.of("a.md"), Path.of("b.html")));
 * ArticleSource news = ArticleSource.locations(List.of("https://example.org/feed.xml", "saved/page.html"));
 * ArticleSource built = ArticleSource.articles(myArticles);
 * ArticleSource piped = ArticleSource.of(converter.readBook(System.in, null, "<stdin>", null));
 * }</pre>
 *
 * <p>A folder is searched recursively for regular files whose extension a format of the registry
 * reads; symbolic links that lead outside it, FIFOs, devices and hidden entries (names starting
 * with a dot) are skipped, the surprising skips with an {@code input.skipped} warning. Files named
 * directly are taken as they are, whatever their extension. A {@link BookBinder} reads the files,
 * and fetches the web addresses through its {@link org.articlekit.web.WebClient}: a page is an
 * article, a feed a book of its items, a web archive a book of its pages.
 *
 * <p>Immutable and thread-safe (an {@link #articles(Iterable) articles} source is as safe as its
 * iterable; a binder iterates it once per use).
 */
public final class ArticleSource {

    /**
     * One input file of a source.
     *
     * @param path the file as it is opened: the folder as given joined with the path inside it, or
     *     the file as named
     * @param name the name chapters are ordered by and warnings use: the path inside the scanned
     *     folder, or the file as named
     */
    public record Entry(Path path, String name) {

        /** Checks the components. */
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
        }
    }

    private final List<Path> inputs;
    private final List<URI> urls;
    private final @Nullable Iterable<Article> articles;
    private final @Nullable Book book;
    private final @Nullable String formatId;

    private ArticleSource(List<Path> inputs, @Nullable Iterable<Article> articles, @Nullable Book book,
            @Nullable String formatId) {
        this(inputs, List.of(), articles, book, formatId);
    }

    private ArticleSource(List<Path> inputs, List<URI> urls, @Nullable Iterable<Article> articles,
            @Nullable Book book, @Nullable String formatId) {
        this.inputs = inputs;
        this.urls = urls;
        this.articles = articles;
        this.book = book;
        this.formatId = formatId;
    }

    /**
     * @param inputs article files and folders of articles, in any readable format
     * @return a source reading them
     * @throws IllegalArgumentException when there are none
     */
    public static ArticleSource of(Path... inputs) {
        return of(List.of(inputs));
    }

    /**
     * @param inputs article files and folders of articles, in any readable format
     * @return a source reading them
     * @throws IllegalArgumentException when there are none
     */
    public static ArticleSource of(Collection<Path> inputs) {
        List<Path> copy = List.copyOf(inputs);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("inputs: at least one file or folder is needed");
        }
        return new ArticleSource(copy, null, null, null);
    }

    /**
     * @param urls http(s) addresses of article pages, feeds (RSS, Atom, JSON Feed) or web archives
     * @return a source fetching them, in their order
     * @throws IllegalArgumentException when there are none, or one is not an absolute http(s) address
     */
    public static ArticleSource urls(Collection<URI> urls) {
        List<URI> copy = List.copyOf(urls);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("urls: at least one address is needed");
        }
        copy.forEach(ArticleSource::checkUrl);
        return new ArticleSource(List.of(), copy, null, null, null);
    }

    /**
     * Files, folders and web addresses, as a command line names them: a location starting with
     * {@code http://} or {@code https://} is an address, anything else a path.
     *
     * @param locations paths and addresses
     * @return a source reading the paths and fetching the addresses, paths first
     * @throws IllegalArgumentException when there are none, or an address is not a valid URI
     */
    public static ArticleSource locations(Collection<String> locations) {
        List<Path> paths = new ArrayList<>();
        List<URI> addresses = new ArrayList<>();
        for (String l : locations) {
            if (isUrl(l)) {
                try {
                    addresses.add(checkUrl(new URI(l.strip())));
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("not a valid address: " + l + " (" + e.getReason() + ")", e);
                }
            } else {
                paths.add(Path.of(l));
            }
        }
        if (paths.isEmpty() && addresses.isEmpty()) {
            throw new IllegalArgumentException("locations: at least one file, folder or address is needed");
        }
        return new ArticleSource(List.copyOf(paths), List.copyOf(addresses), null, null, null);
    }

    /**
     * @param location a command-line input
     * @return whether it is a web address ({@code http://} or {@code https://}, in any case)
     */
    public static boolean isUrl(String location) {
        String l = location.strip().toLowerCase(Locale.ROOT);
        return l.startsWith("http://") || l.startsWith("https://");
    }

    private static URI checkUrl(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!u.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) address: " + u);
        }
        return u;
    }

    /**
     * @param articles articles already read or built; their images are what their resources hold
     *     (nothing is resolved for them). For a stream, pass {@code stream::iterator} and bind once.
     * @return a source of those articles, in their order
     */
    public static ArticleSource articles(Iterable<Article> articles) {
        return new ArticleSource(List.of(), Objects.requireNonNull(articles, "articles"), null, null);
    }

    /**
     * A book already read, such as one read from standard input with
     * {@link Converter#readBook(java.io.InputStream, String, String, Path)}: bound as a single EPUB
     * or PDF file is, it keeps its own metadata and chapter order, with what the binder was given put
     * over them. Its images are what its articles' resources hold (nothing more is resolved); an image
     * they do not hold shows its alt text in brackets, as for files.
     *
     * @param book the book
     * @return a source of that book
     */
    public static ArticleSource of(Book book) {
        Book b = Objects.requireNonNull(book, "book");
        return new ArticleSource(List.of(), b.articles(), b, null);
    }

    /**
     * Reads every file of this source in one format instead of detecting each file's format (a
     * folder is still searched for files with a readable extension).
     *
     * @param id the format's id or extension, such as {@code markdown}, or {@code null} to detect
     * @return a source like this one that reads its files in that format
     */
    public ArticleSource format(@Nullable String id) {
        return new ArticleSource(inputs, urls, articles, book, id);
    }

    /** @return the format every file is read in, when one was named with {@link #format(String)} */
    public Optional<String> format() {
        return Optional.ofNullable(formatId);
    }

    /** @return the files and folders of this source, as given; empty for an articles source */
    public List<Path> inputs() {
        return inputs;
    }

    /** @return the web addresses of this source, as given; empty for a source of files or articles */
    public List<URI> urls() {
        return urls;
    }

    /** @return the articles of an {@link #articles(Iterable) articles} or {@link #of(Book) book} source */
    Optional<Iterable<Article>> articles() {
        return Optional.ofNullable(articles);
    }

    /** @return the book of a {@link #of(Book) book} source */
    Optional<Book> book() {
        return Optional.ofNullable(book);
    }

    /**
     * The folder this source is, when it is exactly one folder (a book bound from it is named after it).
     *
     * @return the folder
     */
    public Optional<Path> folder() {
        return urls.isEmpty() && inputs.size() == 1 && Files.isDirectory(inputs.get(0)) ? Optional.of(inputs.get(0)) : Optional.empty();
    }

    /**
     * The files to read: each file named directly, and each folder's articles ordered by their path
     * inside it.
     *
     * @param registry the formats whose extensions make a file in a folder an article
     * @param warnings receives an {@code input.skipped} warning for each surprising skip
     * @return the files, in the order of the inputs
     * @throws ArticleFormatException when a folder holds no article, naming it and the extensions looked for
     * @throws IOException when a folder cannot be read
     */
    public List<Entry> files(FormatRegistry registry, Consumer<Diagnostic> warnings) throws IOException {
        List<String> extensions = registry.formats().stream()
                .filter(f -> f.reader().isPresent() || f.bookReader().isPresent())
                .flatMap(f -> f.extensions().stream()).distinct().toList();
        FolderScanner scanner = new FolderScanner(extensions, warnings);
        List<Entry> files = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                files.add(new Entry(p, p.toString()));
                continue;
            }
            List<Entry> found = scanner.scan(p);
            if (found.isEmpty()) {
                throw new ArticleFormatException(p.toString(), "no articles found (looked for files ending in ."
                        + String.join(", .", extensions) + ")");
            }
            files.addAll(found);
        }
        return List.copyOf(files);
    }

    @Override
    public String toString() {
        return book != null ? "ArticleSource[book]" : articles != null ? "ArticleSource[articles]"
                : urls.isEmpty() ? "ArticleSource" + inputs : "ArticleSource" + inputs + urls;
    }
}
