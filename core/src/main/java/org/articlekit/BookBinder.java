package org.articlekit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.articlekit.internal.book.BookImages;
import org.articlekit.internal.book.FeedItems;
import org.articlekit.internal.book.PostFolder;
import org.articlekit.spi.ResourceUnavailableException;
import org.articlekit.web.FullText;
import org.articlekit.web.WebClient;
import org.articlekit.web.WebOptions;
import org.articlekit.web.WebPage;
import org.articlekit.internal.io.AtomicFiles;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ChapterProgress;
import org.articlekit.spi.ResourceResolver;
import org.jspecify.annotations.Nullable;

/**
 * Binds a collection of articles (a folder, a list of files, articles in memory) into one book,
 * and writes it as EPUB or PDF.
 *
 * <pre>{@code
 * BookBinder.builder().title("Notes").build()
 *         .write(ArticleSource.of(Path.of("posts")), Path.of("notes.epub"));
 * }</pre>
 *
 * <p>What it does, by default (the command line's {@code articlekit convert DIR -o book.epub}):
 * <ul>
 *   <li>reads the inputs on up to {@link Builder#threads threads} (default: the number of processors),
 *       a bounded number ahead, each with the images it refers to, resolved relative to <em>that
 *       input's</em> folder by the converter's resolver; an image that cannot be read is a warning,
 *       and the book shows its alt text in brackets where it stood;</li>
 *   <li>keeps the first {@link Builder#imageMemory 128 MiB} of images in memory and spools the rest to a
 *       private temporary folder, deleted when the book is written;</li>
 *   <li>orders the chapters by {@link Order#DATE_THEN_NAME date, then name}; articles without a date
 *       come last;</li>
 *   <li>derives the book's metadata: the title given, else the folder's name when the source is one
 *       folder, else "Articles"; the authors given, else every chapter's authors in order; the
 *       language given, else the commonest language of the chapters; the cover given (an image file,
 *       embedded, or a URL). A single EPUB or PDF input keeps its own metadata and chapter order,
 *       with what was given put over it;</li>
 *   <li>draws a cover when the book has none and the format does (EPUB's default).</li>
 * </ul>
 *
 * <p>If an input cannot be read, the others are still read (each failure goes to the
 * {@link BindingListener}), then the binder throws the first failure and writes nothing. The output
 * is written atomically, as {@link Converter} writes.
 *
 * <p>Immutable and thread-safe when its converter's warning consumer and its listener are.
 */
public final class BookBinder {

    /** How chapters are ordered. */
    public enum Order {
        /**
         * By publication date (or the update date when there is none; articles with neither come
         * last), then by input name (the path inside the folder, or the file as named), then by
         * position inside the input.
         */
        DATE_THEN_NAME,
        /** As the inputs were given (a folder's files by their path inside it), then by position inside each. */
        AS_GIVEN
    }

    /**
     * What a written book holds.
     *
     * @param output the file written, or {@code null} when the book went to a stream
     * @param articles its chapters
     * @param images the images read with the articles (an image used twice counts twice)
     * @param warnings the warnings reported while reading and writing (not counting the
     *     {@linkplain Diagnostic#informational() informational} ones)
     * @param bytes the bytes written (the size of the file)
     */
    public record Result(@Nullable Path output, int articles, int images, int warnings, long bytes) {
    }

    private final Converter converter;
    private final Order order;
    private final int threads;
    private final long imageMemory;
    private final BindingListener listener;
    private final @Nullable String title;
    private final List<String> authors;
    private final @Nullable String language;
    private final @Nullable String cover;
    private final Metadata metadata;
    private final @Nullable WebClient web;
    private final FullText fullText;
    private final @Nullable Instant since;
    private final int maxArticles;
    /** For {@link #writePosts}: the articles the folder already holds, left out before any page is fetched. */
    private final @Nullable Predicate<Metadata> held;
    /** The client made on first use when none was given; guarded by {@code this}. */
    private @Nullable WebClient defaultWeb;

    private BookBinder(Builder b) {
        converter = b.converter;
        order = b.order;
        threads = b.threads;
        imageMemory = b.imageMemory;
        listener = b.listener;
        title = b.title;
        authors = List.copyOf(b.authors);
        language = b.language;
        cover = b.cover;
        metadata = b.metadata;
        web = b.web;
        fullText = b.fullText;
        since = b.since;
        maxArticles = b.maxArticles;
        held = null;
    }

    /** This binder, leaving out the articles {@code held} accepts. */
    private BookBinder(BookBinder base, Predicate<Metadata> held) {
        converter = base.converter;
        order = base.order;
        threads = base.threads;
        imageMemory = base.imageMemory;
        listener = base.listener;
        title = base.title;
        authors = base.authors;
        language = base.language;
        cover = base.cover;
        metadata = base.metadata;
        web = base.web;
        fullText = base.fullText;
        since = base.since;
        maxArticles = base.maxArticles;
        this.held = held;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the source into a book, its images in memory (use {@link #write} for books whose images
     * may not fit).
     *
     * @param source the articles
     * @return the book, chapters ordered, metadata derived
     * @throws ArticleFormatException when an input is not usable (the first such input) or holds no article
     * @throws IOException when reading fails otherwise
     */
    public Book bind(ArticleSource source) throws IOException {
        return bind(source, true);
    }

    /**
     * Reads the source into a book, with or without its images.
     *
     * @param source the articles
     * @param withImages whether the articles' images are read into their resources (as for a book
     *     that embeds them) or left as the references the inputs hold (as for posts that link them)
     * @return the book, chapters ordered, metadata derived
     * @throws ArticleFormatException when an input is not usable (the first such input) or holds no article
     * @throws IOException when reading fails otherwise
     */
    public Book bind(ArticleSource source, boolean withImages) throws IOException {
        return bind(source, null, new AtomicInteger(), withImages);
    }

    /**
     * What {@link #writePosts} did.
     *
     * @param written the files written, in the order of the articles
     * @param added the articles written
     * @param present the articles skipped because the folder already holds them
     * @param warnings the warnings reported while reading and writing (not counting the
     *     {@linkplain Diagnostic#informational() informational} ones)
     */
    public record Posts(List<Path> written, int added, int present, int warnings) {

        /** Copies the list. */
        public Posts {
            written = List.copyOf(written);
        }
    }

    /**
     * Writes each article of the source into a folder of posts, one file per article, and skips
     * the articles the folder already holds, so that a daily run adds only what is new: a feed into
     * Hexo, Jekyll or Hugo posts.
     *
     * <p>An article is already there when a file of the folder (searched as a source folder is, in
     * the output format's extensions) records the same identifier (a feed item's guid) or the same
     * source address in its metadata, as Markdown front matter does. New files are named from the
     * article's date and a slug of its title ({@code 2026-12-03-西湖的秋天.md}, {@code -2} and on when
     * the name is taken) and written atomically. With the converter's
     * {@linkplain Converter.Builder#imagesDir images folder} set, each article's images are
     * downloaded into it and linked relative to the post; otherwise they stay addresses.
     *
     * <pre>{@code
     * BookBinder.Posts p = BookBinder.builder().build().writePosts(
     *         ArticleSource.urls(List.of(URI.create("https://example.org/feed.xml"))),
     *         Path.of("source/_posts"), "markdown");
     * System.out.println(p.added() + " new articles, " + p.present() + " already present");
     * }</pre>
     *
     * @param source the articles
     * @param dir the folder; made when missing
     * @param formatId the posts' format, such as {@code markdown}; it must write single articles
     * @return what was written and skipped
     * @throws IOException as for {@link #bind}, or when the folder cannot be read or a post written;
     *     nothing is written when an input cannot be read
     * @throws IllegalArgumentException when the format cannot write single articles, or the folder
     *     is inside a source folder or is a file
     */
    public Posts writePosts(ArticleSource source, Path dir, String formatId) throws IOException {
        Objects.requireNonNull(dir, "dir");
        ArticleFormat format = converter.registry().byId(Objects.requireNonNull(formatId, "formatId"));
        if (format.writer().isEmpty()) {
            throw new IllegalArgumentException("format " + format.id() + " cannot write single articles");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the output " + dir + " is a file, not a folder");
        }
        checkOutside(source, dir.resolve("post"));
        AtomicInteger warnings = new AtomicInteger();
        Converter writer = converter.toBuilder().warnings(counted(warnings, dir.toString())).build();
        PostFolder folder = PostFolder.scan(dir, format, writer);
        // What the folder holds is left out as it is read, before a feed item's page would be fetched.
        AtomicInteger skipped = new AtomicInteger();
        BookBinder reading = new BookBinder(this, m -> {
            boolean there = folder.holds(m);
            if (there) {
                skipped.incrementAndGet();
            }
            return there;
        });
        Book book = reading.bind(source, null, warnings, converter.imagesDir() != null);
        if (book.articles().isEmpty() && skipped.get() == 0) {
            throw new ArticleFormatException(firstInput(source), "holds no articles, so no post was written");
        }
        List<Path> written = new ArrayList<>();
        int present = skipped.get();
        int total = book.articles().size() + present;
        listener.writing(total);
        for (Article a : book.articles()) {
            if (folder.holds(a.metadata())) {
                present++;
            } else {
                Path file = folder.newFile(a.metadata());
                writer.write(a, file, format.id());
                written.add(file);
            }
            listener.chapterWritten(written.size() + present, total);
        }
        return new Posts(written, written.size(), present, warnings.get());
    }

    /**
     * Binds the source and writes the book in the format the output's extension names.
     *
     * @param source the articles
     * @param output the book file; written only on success
     * @return what the book holds
     * @throws IOException as for {@link #bind}, or when writing fails
     * @throws IllegalArgumentException when the output's format cannot hold a book
     */
    public Result write(ArticleSource source, Path output) throws IOException {
        return write(source, output, null);
    }

    /**
     * Binds the source and writes the book.
     *
     * @param source the articles
     * @param output the book file; written only on success
     * @param formatId the format ({@code epub}, {@code pdf}), or {@code null} for the one the extension names
     * @return what the book holds
     * @throws IOException as for {@link #bind}, or when writing fails
     * @throws IllegalArgumentException when the format cannot hold a book, or the output is an input
     *     or inside an input folder
     */
    public Result write(ArticleSource source, Path output, @Nullable String formatId) throws IOException {
        Objects.requireNonNull(output, "output");
        ArticleFormat format = bookFormat(converter.outputFormat(output, formatId));
        checkOutside(source, output);
        return write(source, format, output.toString(), output, (writer, book, progress) -> {
            long[] bytes = new long[1];
            AtomicFiles.write(output, out -> {
                CountingStream counted = new CountingStream(out);
                writer.writeBook(book, counted, format, progress, output);
                bytes[0] = counted.count;
            });
            return bytes[0];
        });
    }

    /**
     * Binds the source and writes the book to a stream, which is not closed: the same bytes as
     * {@link #write(ArticleSource, Path, String)} writes to a file. Nothing is written when an input
     * cannot be read; when writing itself fails, part of the book may have been written.
     *
     * @param source the articles
     * @param out where the book goes
     * @param formatId the format ({@code epub}, {@code pdf})
     * @return what the book holds; its {@code output} is {@code null}
     * @throws IOException as for {@link #bind}, or when writing fails
     * @throws IllegalArgumentException when the format cannot hold a book
     */
    public Result write(ArticleSource source, OutputStream out, String formatId) throws IOException {
        Objects.requireNonNull(out, "out");
        ArticleFormat format = bookFormat(converter.registry().byId(Objects.requireNonNull(formatId, "formatId")));
        return write(source, format, "<stdout>", null, (writer, book, progress) -> {
            CountingStream counted = new CountingStream(out);
            writer.writeBook(book, counted, format, progress, null);
            return counted.count;
        });
    }

    /** Writes a bound book somewhere and says how many bytes went there. */
    @FunctionalInterface
    private interface Sink {
        long write(Converter writer, Book book, ChapterProgress progress) throws IOException;
    }

    private Result write(ArticleSource source, ArticleFormat format, String name, @Nullable Path output, Sink sink)
            throws IOException {
        format.prepareToWrite();
        Path spool = Files.createTempDirectory("articlekit-images");
        try {
            AtomicInteger warnings = new AtomicInteger();
            Book book = bind(source, spool, warnings, true);
            // The articles were read with their images: the writer resolves nothing more.
            Converter writer = converter.toBuilder().resolvers(dir -> ResourceResolver.none())
                    .warnings(counted(warnings, name)).build();
            int chapters = book.articles().size();
            listener.writing(chapters);
            long bytes = sink.write(writer, book, listener::chapterWritten);
            return new Result(output, chapters, imageCount(book.articles()), warnings.get(), bytes);
        } finally {
            BookImages.deleteSpool(spool);
        }
    }

    private static ArticleFormat bookFormat(ArticleFormat format) {
        if (format.bookWriter().isEmpty()) {
            throw new IllegalArgumentException("format " + format.id() + " cannot hold a book of several articles");
        }
        return format;
    }

    /** Counts the bytes that pass to a stream. */
    private static final class CountingStream extends FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Refuses an output that is one of the inputs or lies inside a folder being scanned (a second
     * run would read the book as an article).
     */
    private static void checkOutside(ArticleSource source, Path output) throws IOException {
        Path parent = output.toAbsolutePath().normalize().getParent();
        Path where = parent != null && Files.isDirectory(parent) ? parent.toRealPath() : null;
        for (Path in : source.inputs()) {
            if (Files.isDirectory(in) && where != null && where.startsWith(in.toRealPath())) {
                throw new IllegalArgumentException("the output " + output + " is inside the input folder " + in
                        + ", which is being scanned; write it somewhere else");
            }
            if (Files.exists(output) && Files.exists(in) && Files.isSameFile(in, output)) {
                throw new IllegalArgumentException("the output " + output + " is also an input");
            }
        }
    }

    /**
     * Passes warnings on to the converter's consumer, naming {@code file} when they name none, and
     * counts those that are not informational.
     */
    private Consumer<Diagnostic> counted(AtomicInteger warnings, @Nullable String file) {
        Consumer<Diagnostic> base = converter.warnings();
        return d -> {
            if (!d.informational()) {
                warnings.incrementAndGet();
            }
            base.accept(file == null ? d : d.inFile(file));
        };
    }

    /** Articles read with their images, each image it could not read shown as its alt text, spooled past the budget. */
    private static List<Article> settle(List<Article> articles, @Nullable Path spool, AtomicLong memoryLeft)
            throws IOException {
        List<Article> settled = new ArrayList<>(articles.size());
        for (Article a : articles) {
            Article s = BookImages.settle(a);
            settled.add(spool == null ? s : BookImages.spill(s, spool, memoryLeft));
        }
        return settled;
    }

    private static int imageCount(List<Article> articles) {
        int images = 0;
        for (Article a : articles) {
            images += a.resources().size();
        }
        return images;
    }

    /** One input read: its book (one article for single-article formats). */
    private record Read(int position, String name, Book book) {
    }

    private Book bind(ArticleSource source, @Nullable Path spool, AtomicInteger warnings, boolean collect)
            throws IOException {
        Objects.requireNonNull(source, "source");
        AtomicLong memoryLeft = new AtomicLong(spool == null ? Long.MAX_VALUE : imageMemory);
        List<Read> read = new ArrayList<>();
        Optional<Iterable<Article>> given = source.articles();
        Optional<Book> givenBook = source.book();
        if (givenBook.isPresent()) {
            listener.reading(1);
            List<Article> settled = settle(givenBook.get().articles(), spool, memoryLeft);
            listener.inputRead("book", 1, 1, settled.size(), imageCount(settled));
            read.add(new Read(0, "", givenBook.get().toBuilder().articles(settled).build()));
        } else if (given.isPresent()) {
            listener.reading(-1);
            int i = 0;
            for (Article a : given.get()) {
                Article kept = spool == null ? a : BookImages.spill(a, spool, memoryLeft);
                read.add(new Read(i, "", Book.builder().metadata(a.metadata()).article(kept).build()));
                i++;
                listener.inputRead("article " + i, i, -1, 1, a.resources().size());
            }
        } else {
            List<Input> inputs = new ArrayList<>();
            for (ArticleSource.Entry e : source.files(converter.registry(), counted(warnings, null))) {
                inputs.add(new Input(e.name(), e.path().toString(), e.path(), null));
            }
            for (URI u : source.urls()) {
                inputs.add(new Input(u.toString(), u.toString(), null, u));
            }
            read = readAll(inputs, source.format().orElse(null), spool, memoryLeft, warnings, collect);
        }
        if (read.isEmpty() || read.stream().allMatch(r -> r.book().articles().isEmpty())) {
            if (held != null) {
                return Book.builder().build(); // every article is already in the folder of posts
            }
            throw new ArticleFormatException(firstInput(source), "holds no articles, so no book was made");
        }
        boolean oneBook = givenBook.isPresent() || given.isEmpty()
                && source.inputs().size() + source.urls().size() == 1 && source.folder().isEmpty();
        Book book = oneBook ? oneBook(read.get(0).book()) : collection(source, read);
        return withCover(book);
    }

    /** @return the first input or address of a source, for messages; null for articles in memory */
    private static @Nullable String firstInput(ArticleSource source) {
        return !source.inputs().isEmpty() ? source.inputs().get(0).toString()
                : !source.urls().isEmpty() ? source.urls().get(0).toString() : null;
    }

    /** A single input read as a book: its own metadata and order, with what was given over it. */
    private Book oneBook(Book book) {
        if (!overlays()) {
            return book;
        }
        Book.Builder b = book.toBuilder().metadata(overlay(book.metadata()));
        if (book.articles().size() == 1) {
            // A book of one article shows that article's title: it changes with the book's.
            b.articles(List.of(book.articles().get(0).withMetadata(overlay(book.articles().get(0).metadata()))));
        }
        return b.build();
    }

    /**
     * Puts what this binder was given (its {@link Builder#metadata metadata}, then title, authors, language and
     * cover) over some metadata, as it does over the metadata of a single EPUB or PDF input.
     *
     * @param m the metadata
     * @return the metadata with each setting that was given replacing its field
     */
    public Metadata overlay(Metadata m) {
        if (!overlays()) {
            return m;
        }
        Metadata.Builder b = m.with(metadata).toBuilder();
        if (title != null) {
            b.title(title);
        }
        if (!authors.isEmpty()) {
            b.authors(authors);
        }
        if (language != null) {
            b.language(language);
        }
        if (cover != null) {
            b.cover(cover);
        }
        return b.build();
    }

    /** @return whether any of title, authors, language, cover and other metadata was given */
    private boolean overlays() {
        return title != null || !authors.isEmpty() || language != null || cover != null || !metadata.isEmpty();
    }

    private Book collection(ArticleSource source, List<Read> read) {
        record Chapter(Article article, long date, String name, int position, int index) {
        }
        List<Chapter> chapters = new ArrayList<>();
        for (Read r : read) {
            List<Article> articles = r.book().articles();
            for (int i = 0; i < articles.size(); i++) {
                Article a = articles.get(i);
                long date = a.metadata().published().or(() -> a.metadata().updated()).map(ArticleDate::sortKey)
                        .orElse(Long.MAX_VALUE);
                chapters.add(new Chapter(a, date, r.name(), r.position(), i));
            }
        }
        Comparator<Chapter> given = Comparator.comparingInt(Chapter::position).thenComparingInt(Chapter::index);
        chapters.sort(order == Order.AS_GIVEN ? given
                : Comparator.comparingLong(Chapter::date).thenComparing(Chapter::name).thenComparing(given));
        List<Article> articles = chapters.stream().map(Chapter::article).toList();
        return Book.builder().metadata(bookMetadata(source, articles)).articles(articles).build();
    }

    /** The book's own metadata: what was given, else the folder's name, the chapters' authors and commonest language. */
    private Metadata bookMetadata(ArticleSource source, List<Article> articles) {
        Metadata.Builder b = Metadata.builder();
        Optional<Path> folderName = source.folder().map(f -> f.toAbsolutePath().normalize().getFileName());
        b.title(folderName.map(Path::toString).orElse("Articles"));
        articles.forEach(a -> a.metadata().authors().forEach(b::author));
        b.language(Book.builder().articles(articles).build().commonestLanguage().orElse(null));
        return overlay(b.build());
    }

    /** Embeds the cover file, when the cover given is a local file. */
    private Book withCover(Book book) throws IOException {
        if (cover == null || !Files.isRegularFile(Path.of(cover))) {
            return book;
        }
        Optional<Resource> image = BookImages.coverFile(Path.of(cover));
        if (image.isEmpty()) {
            throw new ArticleFormatException(cover, "is not a PNG, JPEG, GIF or WebP image, so it cannot be the cover");
        }
        return book.toBuilder().resources(book.resources().with(image.get()))
                .metadata(book.metadata().toBuilder().cover(image.get().name()).build()).build();
    }

    /**
     * Reads every file on up to {@link #threads} threads, at most twice as many ahead of the one
     * collected, reporting each to the listener; fails with the first failure once all were tried.
     */
    private List<Read> readAll(List<Input> files, @Nullable String formatId, @Nullable Path spool,
            AtomicLong memoryLeft, AtomicInteger warnings, boolean collect) throws IOException {
        int total = files.size();
        listener.reading(total);
        AtomicInteger done = new AtomicInteger();
        List<Read> read = new ArrayList<>(total);
        List<IOException> failures = new ArrayList<>();
        int n = Math.min(threads, total);
        ExecutorService pool = n <= 1 ? null : Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "articlekit-binder");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Read>> ahead = new ArrayDeque<>();
            for (int i = 0; i < total; i++) {
                try {
                    if (pool == null) {
                        read.add(readOne(files.get(i), formatId, i, total, done, spool, memoryLeft, warnings,
                                collect));
                        continue;
                    }
                    while (ahead.size() < n * 2 && i + ahead.size() < total) {
                        int p = i + ahead.size();
                        ahead.add(pool.submit(() -> readOne(files.get(p), formatId, p, total, done, spool,
                                memoryLeft, warnings, collect)));
                    }
                    read.add(await(ahead.removeFirst()));
                } catch (FailedInput f) {
                    failures.add(f.failure);
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (!failures.isEmpty()) {
            IOException first = failures.get(0);
            for (int i = 1; i < failures.size(); i++) {
                first.addSuppressed(failures.get(i));
            }
            throw first;
        }
        return read;
    }

    /** An input to read: a file (its path) or a web address (its URL). */
    private record Input(String name, String display, @Nullable Path path, @Nullable URI url) {
    }

    /**
     * Reads one input, with its images when {@code collect}; a failure is reported and carried as a
     * {@link FailedInput}.
     */
    private Read readOne(Input e, @Nullable String formatId, int position, int total, AtomicInteger done,
            @Nullable Path spool, AtomicLong memoryLeft, AtomicInteger warnings, boolean collect) {
        String display = e.display();
        Converter reader = converter.toBuilder().collectImages(collect).imagesDir(null)
                .warnings(counted(warnings, display)).build();
        try {
            Book book;
            String format;
            if (e.url() != null) {
                WebPage page = web().fetch(e.url());
                format = formatId != null ? formatId : reader.detect(page).id();
                book = reader.readBook(page, format);
            } else {
                Path path = Objects.requireNonNull(e.path());
                format = formatId != null ? formatId : reader.detect(path).id();
                book = reader.readBook(path, format);
            }
            book = webSelection(book, format, reader, display);
            List<Article> settled = collect ? settle(book.articles(), spool, memoryLeft) : book.articles();
            listener.inputRead(e.name(), done.incrementAndGet(), total, settled.size(), imageCount(settled));
            return new Read(position, e.name(), book.toBuilder().articles(settled).build());
        } catch (IOException x) {
            done.incrementAndGet();
            listener.inputFailed(e.name(), x);
            throw new FailedInput(x);
        } catch (RuntimeException x) {
            ArticleFormatException f = new ArticleFormatException(display, 0, null, "cannot be read: " + x, x);
            done.incrementAndGet();
            listener.inputFailed(e.name(), f);
            throw new FailedInput(f);
        }
    }

    /** The web client: the one given, else one with the default options, made on first use. */
    private WebClient web() {
        WebClient w = web;
        if (w != null) {
            return w;
        }
        synchronized (this) {
            if (defaultWeb == null) {
                defaultWeb = new WebClient(WebOptions.defaults());
            }
            return defaultWeb;
        }
    }

    /**
     * For a feed or a web archive: the articles since {@link Builder#since} and the newest
     * {@link Builder#maxArticles}; for a feed, each item whose text is a summary with its page's
     * full text ({@link Builder#fullText}).
     */
    private Book webSelection(Book book, String format, Converter reader, String display) throws IOException {
        Predicate<Metadata> there = held;
        if (there != null) {
            book = book.toBuilder().articles(book.articles().stream().filter(a -> !there.test(a.metadata())).toList())
                    .build();
        }
        boolean feed = format.equals("feed");
        if (!feed && !format.equals("warc")) {
            return book;
        }
        List<Article> kept = FeedItems.select(book.articles(), since, maxArticles);
        int dropped = book.articles().size() - kept.size();
        if (dropped > 0) {
            reader.warnings().accept(new Diagnostic("input.selected", kept.size() + " of "
                    + book.articles().size() + " articles kept (" + selectionRule() + ")", display, 0, null));
        }
        if (feed && fullText != FullText.NEVER) {
            kept = withFullText(kept, reader, display);
        }
        return book.toBuilder().articles(kept).build();
    }

    private String selectionRule() {
        List<String> rules = new ArrayList<>();
        if (since != null) {
            rules.add("since " + since);
        }
        if (maxArticles > 0) {
            rules.add("at most " + maxArticles + " per input");
        }
        return String.join(", ", rules);
    }

    /** Fetches the pages of the items that need them, a few at once, keeping an item whose page fails. */
    private List<Article> withFullText(List<Article> items, Converter reader, String display) throws IOException {
        List<Article> result = new ArrayList<>(items);
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (FeedItems.pageToFetch(items.get(i), fullText) != null) {
                todo.add(i);
            }
        }
        if (todo.isEmpty()) {
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, todo.size()), r -> {
            Thread t = new Thread(r, "articlekit-fulltext");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Article>> pages = new ArrayList<>();
            for (int i : todo) {
                Article item = items.get(i);
                pages.add(pool.submit(() -> fullText(item, reader, display)));
            }
            for (int k = 0; k < todo.size(); k++) {
                try {
                    result.set(todo.get(k), pages.get(k).get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while fetching the pages of " + display);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IOException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return result;
    }

    /** One item with its page's text, or as it was with a {@code feed.fulltext} warning when the page fails. */
    private Article fullText(Article item, Converter reader, String display) throws IOException {
        URI link = Objects.requireNonNull(FeedItems.pageToFetch(item, fullText));
        String what = "item '" + item.metadata().title().orElse(link.toString()) + "'";
        try {
            Article page = reader.read(web().fetch(link), "html");
            if (page.body().text().isBlank()) {
                reader.warnings().accept(new Diagnostic("feed.fulltext", what + ": the page " + link
                        + " holds no article text; the feed's text is kept", display, 0, null));
                return item;
            }
            return FeedItems.merge(item, page);
        } catch (ArticleFormatException | ResourceUnavailableException e) {
            if (converter.isStrict()) {
                throw e;
            }
            reader.warnings().accept(new Diagnostic("feed.fulltext", what + ": the page " + link
                    + " could not be read (" + e.getMessage() + "); the feed's text is kept", display, 0, null));
            return item;
        }
    }

    /** Carries a reported input failure out of a reading task. */
    private static final class FailedInput extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient IOException failure;

        FailedInput(IOException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private static Read await(Future<Read> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the book's articles");
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            throw new UncheckedIOException(new IOException(t));
        }
    }

    /** Builds a {@link BookBinder}. Not thread-safe; the binder is. */
    public static final class Builder {
        private Converter converter = ArticleKit.converter();
        private Order order = Order.DATE_THEN_NAME;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long imageMemory = BookImages.IN_MEMORY;
        private BindingListener listener = BindingListener.NONE;
        private @Nullable String title;
        private List<String> authors = List.of();
        private @Nullable String language;
        private @Nullable String cover;
        private Metadata metadata = Metadata.builder().build();
        private @Nullable WebClient web;
        private FullText fullText = FullText.AUTO;
        private @Nullable Instant since;
        private int maxArticles;

        private Builder() {
        }

        /**
         * @param v reads the inputs and writes the book: its formats, options, limits, resolvers (which
         *     images may be read, and from where), warnings and strictness; default
         *     {@link ArticleKit#converter()} (local images inside each input's folder only, warnings dropped)
         * @return this builder
         */
        public Builder converter(Converter v) {
            converter = Objects.requireNonNull(v, "converter");
            return this;
        }

        /** @param v how chapters are ordered; default {@link Order#DATE_THEN_NAME} @return this builder */
        public Builder order(Order v) {
            order = Objects.requireNonNull(v, "order");
            return this;
        }

        /** @param v the most inputs read at once; default the number of processors @return this builder */
        public Builder threads(int v) {
            if (v < 1) {
                throw new IllegalArgumentException("threads must be 1 or more, not " + v);
            }
            threads = v;
            return this;
        }

        /**
         * @param v the bytes of images {@link #write} keeps in memory before spooling the rest to a
         *     temporary folder; default 128 MiB
         * @return this builder
         */
        public Builder imageMemory(long v) {
            if (v < 0) {
                throw new IllegalArgumentException("imageMemory must be 0 or more, not " + v);
            }
            imageMemory = v;
            return this;
        }

        /** @param v hears progress; must be thread-safe; default none @return this builder */
        public Builder listener(BindingListener v) {
            listener = Objects.requireNonNull(v, "listener");
            return this;
        }

        /** @param v the book's title, or null (the default) to derive it @return this builder */
        public Builder title(@Nullable String v) {
            title = v;
            return this;
        }

        /** @param v the book's authors, or empty (the default) for the chapters' authors @return this builder */
        public Builder authors(List<String> v) {
            authors = List.copyOf(v);
            return this;
        }

        /**
         * @param v the book's language (BCP 47), or null (the default) for the chapters' commonest
         * @return this builder
         * @throws IllegalArgumentException when it is not a language tag
         */
        public Builder language(@Nullable String v) {
            language = v == null ? null : Metadata.normalizeLanguage(v);
            return this;
        }

        /**
         * @param v the cover: an image file (PNG, JPEG, GIF or WebP, embedded) or an image URL, or
         *     null (the default) for the book's own or a drawn one
         * @return this builder
         */
        public Builder cover(@Nullable String v) {
            cover = v;
            return this;
        }

        /**
         * @param v metadata to put over the book's (see {@link Metadata#with}): each field it sets replaces the
         *     derived or read one, as pandoc's {@code -M} does; {@link #title}, {@link #authors},
         *     {@link #language} and {@link #cover} win over it. Default: nothing.
         * @return this builder
         */
        public Builder metadata(Metadata v) {
            metadata = Objects.requireNonNull(v, "metadata");
            return this;
        }

        /**
         * @param v fetches the source's web addresses and the pages of feed items; default a client
         *     with {@link WebOptions#defaults()} (public addresses only), made on first use. Give one
         *     client to everything in a run: it fetches each address once.
         * @return this builder
         */
        public Builder web(@Nullable WebClient v) {
            web = v;
            return this;
        }

        /**
         * @param v when feed items' pages are fetched for their full text; default {@link FullText#AUTO}
         * @return this builder
         */
        public Builder fullText(FullText v) {
            fullText = Objects.requireNonNull(v, "fullText");
            return this;
        }

        /**
         * @param v the oldest date of a feed's or web archive's article that is kept, or null (the
         *     default) for all; articles without a date are kept
         * @return this builder
         */
        public Builder since(@Nullable Instant v) {
            since = v;
            return this;
        }

        /**
         * @param v the most articles kept from one feed or web archive (the newest), or 0 (the
         *     default) for all
         * @return this builder
         */
        public Builder maxArticles(int v) {
            if (v < 0) {
                throw new IllegalArgumentException("maxArticles must be 0 or more, not " + v);
            }
            maxArticles = v;
            return this;
        }

        /** @return the binder */
        public BookBinder build() {
            return new BookBinder(this);
        }
    }
}
