package org.articlekit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.articlekit.internal.io.AtomicFiles;
import org.articlekit.internal.io.ImageCollector;
import org.articlekit.internal.io.ImageExporter;
import org.articlekit.internal.io.LocalFileResolver;
import org.articlekit.internal.text.LanguageGuess;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.BookWriter;
import org.articlekit.spi.ChapterProgress;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.web.WebPage;
import org.jspecify.annotations.Nullable;

/**
 * Reads, writes and converts articles and books, picking formats by content and file name.
 *
 * <pre>{@code
 * Converter converter = Converter.builder().warnings(w -> log.warn(w.toString())).build();
 * converter.convert(Path.of("page.html"), Path.of("page.txt"));
 * Article a = converter.read(Path.of("page.html"));
 * }</pre>
 *
 * <p>Defaults: {@link FormatRegistry#defaults()}, no format options, {@link Limits#defaults()},
 * images from local files inside the input's folder only ({@link ResourceResolver#localFiles}),
 * warnings dropped, not strict, the UTC system clock.
 *
 * <p>Files are written atomically: the output appears only when the conversion succeeded, and a
 * file already at the output path is untouched on failure. Only a regular file is replaced: a
 * symbolic link is written through to the file it leads to (the link stays), a FIFO or a device is
 * written in place, and a directory is refused with an {@link IllegalArgumentException}. Streams
 * ({@link #readBook(InputStream, String, String, Path)}, {@link #write(Article, OutputStream, String)},
 * {@link #writeBook(Book, OutputStream, String)}) are read or written but not closed. Every problem
 * with the input is an {@link ArticleFormatException} naming the file.
 *
 * <p>Immutable and thread-safe (when the warning consumer is): one converter can serve many threads.
 */
public final class Converter {

    private static final int SNIFF_BYTES = 8192;

    private final FormatRegistry registry;
    private final FormatOptions options;
    private final Limits limits;
    private final Consumer<Diagnostic> warnings;
    private final boolean strict;
    private final Clock clock;
    private final Function<Path, ResourceResolver> resolvers;
    private final ResourceResolver webResolver;
    private final boolean collectImages;
    private final @Nullable Path imagesDir;
    private final @Nullable Path resourceRoot;

    private Converter(Builder b) {
        collectImages = b.collectImages || b.imagesDir != null;
        imagesDir = b.imagesDir;
        resourceRoot = b.resourceRoot;
        registry = b.registry;
        options = b.options;
        limits = b.limits;
        warnings = b.warnings;
        strict = b.strict;
        clock = b.clock;
        resolvers = b.resolvers;
        webResolver = b.webResolver;
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this converter's settings, to make a converter that differs in some */
    public Builder toBuilder() {
        return new Builder().registry(registry).options(options).limits(limits).warnings(warnings).strict(strict)
                .clock(clock).resolvers(resolvers).webResolver(webResolver).collectImages(collectImages).imagesDir(imagesDir)
                .resourceRoot(resourceRoot);
    }

    /** @return where this converter's warnings go */
    /** @return the folder images of written articles go to, when set */
    @Nullable Path imagesDir() {
        return imagesDir;
    }

    /** @return whether warnings are failures */
    boolean isStrict() {
        return strict;
    }

    Consumer<Diagnostic> warnings() {
        return warnings;
    }

    /** @return the registry this converter uses */
    public FormatRegistry registry() {
        return registry;
    }

    /**
     * A context for reading or writing {@code file}, with this converter's settings.
     *
     * @param file the file, or {@code null} for streams
     * @return the context
     */
    public ConversionContext context(@Nullable Path file) {
        ConversionContext.Builder b = ConversionContext.builder().options(options).limits(limits)
                .warnings(warnings).strict(strict).clock(clock);
        if (file != null) {
            b.sourceName(file.toString());
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                b.resolver(siteRooted(resolvers.apply(dir)));
            }
        }
        return b.build();
    }

    /** The resolver with site-root references read from the resource root, when one is set. */
    private ResourceResolver siteRooted(ResourceResolver r) {
        return resourceRoot == null ? r : LocalFileResolver.siteRooted(r, resourceRoot, limits);
    }

    /** A context for a stream named {@code name}, its relative images read from {@code imagesFrom} (or none). */
    private ConversionContext context(String name, @Nullable Path imagesFrom) {
        ConversionContext.Builder b = context(null).toBuilder().sourceName(name);
        if (imagesFrom != null) {
            b.resolver(siteRooted(resolvers.apply(imagesFrom.toAbsolutePath())));
        }
        return b.build();
    }

    /**
     * Reads one article, detecting the format from content and name.
     *
     * @param input the file
     * @return the article
     * @throws java.nio.file.NoSuchFileException when there is no such file
     * @throws java.nio.file.AccessDeniedException when it may not be read
     * @throws ArticleFormatException when the file is not a regular file, is too large, of no known
     *     format, or not a usable document
     * @throws IOException when reading fails otherwise
     */
    public Article read(Path input) throws IOException {
        return read(input, null);
    }

    /**
     * Reads one article in a given format, or a detected one when {@code formatId} is null.
     *
     * @param input the file
     * @param formatId the format's id or extension, or {@code null} to detect
     * @return the article
     * @throws ArticleFormatException as for {@link #read(Path)}; also when the format cannot read
     *     single articles
     * @throws IOException when reading fails otherwise
     */
    public Article read(Path input, @Nullable String formatId) throws IOException {
        byte[] data = readInput(input);
        return read(input.toString(), data, formatOf(input, data, formatId), context(input));
    }

    private Article read(String input, byte[] data, ArticleFormat format, ConversionContext ctx) throws IOException {
        Optional<ArticleReader> reader = format.reader();
        if (reader.isEmpty()) {
            Optional<BookReader> bookReader = format.bookReader();
            if (bookReader.isPresent()) {
                Book book = bookReader.get().readBook(new ByteArrayInputStream(data), ctx);
                if (book.articles().size() == 1) {
                    return withGuessedLanguage(book.articles().get(0));
                }
                throw new ArticleFormatException(input, "holds " + book.articles().size()
                        + " articles; read it as a book");
            }
            throw new ArticleFormatException(input, "ArticleKit cannot read " + format.id() + " files");
        }
        Article article = withGuessedLanguage(guard(input, () -> reader.get().read(new ByteArrayInputStream(data), ctx)));
        return collectImages ? ImageCollector.collect(article, ctx) : article;
    }

    /** The article with the language its text shows, when it declares none (books' articles too). */
    private static Article withGuessedLanguage(Article article) {
        if (article.metadata().language().isPresent()) {
            return article;
        }
        Optional<String> guessed = LanguageGuess.of(article);
        return guessed.isEmpty() ? article
                : article.withMetadata(article.metadata().toBuilder().language(guessed.get()).build());
    }

    /**
     * Reads an article from a stream. The stream is read but not closed.
     *
     * @param in the bytes
     * @param formatId the format's id or extension
     * @param sourceName the name for messages, or {@code null}
     * @return the article
     * @throws IOException when the input is not usable or reading fails
     */
    public Article read(InputStream in, String formatId, @Nullable String sourceName) throws IOException {
        ArticleFormat format = registry.byId(formatId);
        ArticleReader reader = format.reader().orElseThrow(() -> new IllegalArgumentException(
                "format " + format.id() + " cannot read single articles"));
        ConversionContext ctx = context(null).toBuilder().sourceName(sourceName).build();
        return guard(sourceName, () -> reader.read(in, ctx));
    }

    /**
     * Reads a file as a book: several articles from an EPUB or PDF, or a one-article book from any
     * other format.
     *
     * @param input the file
     * @param formatId the format, or {@code null} to detect
     * @return the book
     * @throws IOException when the input is not usable or reading fails
     */
    public Book readBook(Path input, @Nullable String formatId) throws IOException {
        byte[] data = readInput(input);
        return readBook(input.toString(), data, formatOf(input, data, formatId), context(input));
    }

    /**
     * Reads a stream as a book, as {@link #readBook(Path, String)} reads a file; this is how the
     * command line reads standard input ({@code articlekit convert -}). The stream is read to its end
     * (at most {@link Limits#maxContainerBytes()} bytes, and {@link Limits#maxInputBytes()} for
     * formats that do not hold books) and not closed.
     *
     * @param in the bytes
     * @param formatId the format's id or extension, or {@code null} to detect it from the bytes
     *     (the name is not consulted)
     * @param sourceName the name that messages and warnings give the input, such as {@code <stdin>}
     * @param imagesFrom the folder that relative image references are resolved against, through this
     *     converter's {@linkplain Builder#resolvers resolvers} (the command line gives the current
     *     directory), or {@code null} to read no images from files
     * @return the book (one article for single-article formats)
     * @throws ArticleFormatException when the input is over a limit, of no known format or not usable
     * @throws IOException when reading fails otherwise
     */
    public Book readBook(InputStream in, @Nullable String formatId, String sourceName, @Nullable Path imagesFrom)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        long max = limits.maxContainerBytes();
        byte[] data;
        try {
            data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new ArticleFormatException(sourceName, 0, null, "cannot be read: " + e.getMessage(), e);
        }
        if (data.length > max) {
            throw new ArticleFormatException(sourceName, "is over the input limit of " + max + " bytes");
        }
        ArticleFormat format = formatOf(sourceName, "", data, formatId);
        return readBook(sourceName, data, format, context(sourceName, imagesFrom));
    }

    /**
     * Reads a page the web served (fetched, or out of a web archive) as one article: its format is
     * detected from its bytes, its address and media type; its charset header outranks the page's
     * own declaration; its address is the base of relative links and images, which are read
     * through this converter's {@linkplain Builder#webResolver web resolver}, and its source when
     * the page names none.
     *
     * @param page the page
     * @return the article
     * @throws ArticleFormatException naming the address when the page is not a usable article
     * @throws IOException when reading fails otherwise
     */
    public Article read(WebPage page) throws IOException {
        return read(page, null);
    }

    /**
     * @param page the page
     * @param formatId the format's id or extension, or {@code null} to detect it
     * @return the article
     * @throws ArticleFormatException as for {@link #read(WebPage)}
     * @throws IOException when reading fails otherwise
     * @see #read(WebPage)
     */
    public Article read(WebPage page, @Nullable String formatId) throws IOException {
        String name = page.uri().toString();
        byte[] data = checkedPage(page);
        Article a = read(name, data, formatOf(name, pageFileName(page), data, formatId), pageContext(page));
        return withSource(a, page);
    }

    /**
     * Reads a page the web served as a book: a feed is a book of its items, a web archive one of its
     * pages, any other page a one-article book. See {@link #read(WebPage)}.
     *
     * @param page the page
     * @param formatId the format's id or extension, or {@code null} to detect it
     * @return the book
     * @throws ArticleFormatException naming the address when the page is not usable
     * @throws IOException when reading fails otherwise
     */
    public Book readBook(WebPage page, @Nullable String formatId) throws IOException {
        String name = page.uri().toString();
        byte[] data = checkedPage(page);
        ArticleFormat format = formatOf(name, pageFileName(page), data, formatId);
        Book book = readBook(name, data, format, pageContext(page));
        if (format.bookReader().isPresent()) {
            return book;
        }
        Article a = withSource(book.articles().get(0), page);
        return book.toBuilder().articles(List.of(a)).build();
    }

    /**
     * Detects the format of a page the web served, as {@link #read(WebPage)} does.
     *
     * @param page the page
     * @return its format
     * @throws ArticleFormatException naming the address when no known format matches
     */
    public ArticleFormat detect(WebPage page) throws ArticleFormatException {
        return formatOf(page.uri().toString(), pageFileName(page), page.body(), null);
    }

    private byte[] checkedPage(WebPage page) throws ArticleFormatException {
        if (page.body().length > limits.maxContainerBytes()) {
            throw new ArticleFormatException(page.uri().toString(), "is " + page.body().length
                    + " bytes, over the input limit of " + limits.maxContainerBytes() + " bytes");
        }
        return page.body();
    }

    private ConversionContext pageContext(WebPage page) {
        return context(null).toBuilder().sourceName(page.uri().toString()).baseUri(page.uri())
                .charset(page.charset()).resolver(webResolver).build();
    }

    /** The name detection sees: the address's last segment, or one the media type implies. */
    private String pageFileName(WebPage page) {
        String path = page.uri().getPath() == null ? "" : page.uri().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (registry.forFileName(last).isPresent()) {
            return last;
        }
        String type = page.type().orElse("");
        return registry.formats().stream().filter(f -> f.mediaType().equalsIgnoreCase(type)).findFirst()
                .map(f -> "page." + f.extensions().get(0)).orElse(last);
    }

    /** The page's address as the article's source when the page names none. */
    private static Article withSource(Article a, WebPage page) {
        if (a.metadata().sourceUrl().isPresent()) {
            return a;
        }
        return a.withMetadata(a.metadata().toBuilder().sourceUrl(page.uri()).build());
    }

    private Book readBook(String input, byte[] data, ArticleFormat format, ConversionContext ctx) throws IOException {
        Optional<BookReader> bookReader = format.bookReader();
        if (bookReader.isPresent()) {
            Book book = guard(input, () -> bookReader.get().readBook(new ByteArrayInputStream(data), ctx));
            List<Article> articles = new ArrayList<>();
            for (Article a : book.articles()) {
                Article guessed = withGuessedLanguage(a);
                articles.add(collectImages ? ImageCollector.collect(guessed, ctx) : guessed);
            }
            return book.toBuilder().articles(articles).build();
        }
        Article a = read(input, data, format, ctx);
        return Book.builder().metadata(a.metadata()).article(a).build();
    }

    /**
     * Writes an article to a file, in the format its extension names, atomically.
     *
     * @param article the article
     * @param output the file
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when no format has the file's extension
     */
    public void write(Article article, Path output) throws IOException {
        write(article, output, null);
    }

    /**
     * Writes an article to a file atomically.
     *
     * @param article the article
     * @param output the file
     * @param formatId the format, or {@code null} for the one the extension names
     * @throws IOException when writing fails
     */
    public void write(Article article, Path output, @Nullable String formatId) throws IOException {
        Objects.requireNonNull(article, "article");
        write(article, output, outputFormat(output, formatId), context(output));
    }

    /** Writes atomically with a given context (its resolver and name: those of the input, when converting). */
    private void write(Article article, Path output, ArticleFormat format, ConversionContext ctx)
            throws IOException {
        Optional<ArticleWriter> writer = format.writer();
        if (writer.isPresent()) {
            Article linked = imagesDir == null ? article : ImageExporter.export(article, output, imagesDir, ctx);
            AtomicFiles.write(output, out -> writer.get().write(linked, out, ctx));
            return;
        }
        Optional<BookWriter> bookWriter = format.bookWriter();
        if (bookWriter.isPresent()) {
            Book book = Book.builder().metadata(article.metadata()).article(article).build();
            AtomicFiles.write(output, out -> bookWriter.get().writeBook(book, out, ctx));
            return;
        }
        throw new IllegalArgumentException("format " + format.id() + " cannot be written");
    }

    /**
     * Writes an article to a stream, which is not closed. A format that holds only books (EPUB, PDF)
     * writes a book of this one article, as {@link #write(Article, Path, String)} does. With an
     * {@linkplain Builder#imagesDir images folder}, the images are written there and linked relative
     * to the current directory (the stream has no folder of its own).
     *
     * @param article the article
     * @param out where the bytes go
     * @param formatId the format's id or extension
     * @throws IOException when writing fails
     */
    public void write(Article article, OutputStream out, String formatId) throws IOException {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(out, "out");
        ArticleFormat format = registry.byId(formatId);
        ConversionContext ctx = context(null);
        Optional<ArticleWriter> writer = format.writer();
        if (writer.isPresent()) {
            Article linked = imagesDir == null ? article
                    : ImageExporter.exportFrom(article, Path.of("").toAbsolutePath(), imagesDir, ctx);
            writer.get().write(linked, out, ctx);
            return;
        }
        Optional<BookWriter> bookWriter = format.bookWriter();
        if (bookWriter.isPresent()) {
            bookWriter.get().writeBook(Book.builder().metadata(article.metadata()).article(article).build(), out, ctx);
            return;
        }
        throw new IllegalArgumentException("format " + format.id() + " cannot be written");
    }

    /**
     * Writes an article as a string (for text formats).
     *
     * @param article the article
     * @param formatId the format's id or extension
     * @return the document, decoded as UTF-8
     * @throws IOException when writing fails
     */
    public String writeToString(Article article, String formatId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(article, out, formatId);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Writes a book to a file atomically, in a format that holds books (EPUB, PDF).
     *
     * @param book the book
     * @param output the file
     * @param formatId the format, or {@code null} for the one the extension names
     * @throws IOException when writing fails
     * @throws IllegalArgumentException when the format cannot hold books
     */
    public void writeBook(Book book, Path output, @Nullable String formatId) throws IOException {
        Objects.requireNonNull(book, "book");
        ArticleFormat format = outputFormat(output, formatId);
        writeBook(book, output, format, ChapterProgress.NONE);
    }

    /**
     * Writes a book to a stream, which is not closed, in a format that holds books (EPUB, PDF): the
     * same bytes as {@link #writeBook(Book, Path, String)} writes to a file.
     *
     * @param book the book
     * @param out where the bytes go
     * @param formatId the format's id or extension
     * @throws IOException when writing fails; part of the book may have been written by then
     * @throws IllegalArgumentException when the format cannot hold books
     */
    public void writeBook(Book book, OutputStream out, String formatId) throws IOException {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(out, "out");
        writeBook(book, out, registry.byId(formatId), ChapterProgress.NONE, null);
    }

    /** Writes a book atomically in a format that holds books, reporting its chapters to {@code progress}. */
    void writeBook(Book book, Path output, ArticleFormat format, ChapterProgress progress) throws IOException {
        bookWriter(format);
        AtomicFiles.write(output, out -> writeBook(book, out, format, progress, output));
    }

    /** Writes a book to a stream; {@code output} names the file it goes to, if any, for the context. */
    void writeBook(Book book, OutputStream out, ArticleFormat format, ChapterProgress progress, @Nullable Path output)
            throws IOException {
        ConversionContext ctx = context(output).toBuilder().progress(progress).build();
        bookWriter(format).writeBook(book, out, ctx);
    }

    private static BookWriter bookWriter(ArticleFormat format) {
        return format.bookWriter().orElseThrow(() -> new IllegalArgumentException(
                "format " + format.id() + " cannot hold a book of several articles"));
    }

    /**
     * Converts one file to another; formats come from content and extensions. A folder of articles
     * becomes one book ({@link BookBinder}'s defaults, with this converter).
     *
     * @param input the input file, or a folder of articles when the output is a book (EPUB, PDF)
     * @param output the output file; written only on success
     * @throws IOException when the input is not usable or writing fails
     */
    public void convert(Path input, Path output) throws IOException {
        convert(input, null, output, null);
    }

    /**
     * Binds several inputs (files or folders of articles) into one book, as {@link BookBinder} does
     * with this converter and its defaults: chapters ordered by date, then name; the book's metadata
     * derived from them; images read relative to each input.
     *
     * @param inputs the article files and folders
     * @param output the book file (EPUB or PDF, by its extension); written only on success
     * @throws IOException when an input is not usable or writing fails
     * @throws IllegalArgumentException when the output's format cannot hold a book
     */
    public void convert(Collection<Path> inputs, Path output) throws IOException {
        BookBinder.builder().converter(this).build().write(ArticleSource.of(inputs), output);
    }

    /**
     * Converts one file to another.
     *
     * @param input the input file
     * @param fromFormat the input format, or {@code null} to detect
     * @param output the output file; written only on success
     * @param toFormat the output format, or {@code null} for the one the extension names
     * @throws IOException when the input is not usable or writing fails
     */
    public void convert(Path input, @Nullable String fromFormat, Path output, @Nullable String toFormat)
            throws IOException {
        if (Files.isDirectory(input)) {
            ArticleFormat book = outputFormat(output, toFormat);
            if (book.bookWriter().isEmpty()) {
                throw new IllegalArgumentException(input + " is a folder: its articles make one book, so the output "
                        + "must be a book format (" + String.join(", ", registry.formats().stream()
                                .filter(f -> f.bookWriter().isPresent()).map(ArticleFormat::id).toList())
                        + "), not " + book.id());
            }
            BookBinder.builder().converter(this).build().write(ArticleSource.of(input).format(fromFormat), output,
                    toFormat);
            return;
        }
        if (sameFile(input, output)) {
            throw new IllegalArgumentException("the output " + output + " is the input file");
        }
        ArticleFormat target = outputFormat(output, toFormat);
        target.prepareToWrite();
        // The writer resolves images relative to the input and names the input in its warnings.
        ConversionContext ctx = context(input);
        if (target.writer().isEmpty() && target.bookWriter().isPresent()) {
            Book book = readBook(input, fromFormat);
            AtomicFiles.write(output, out -> target.bookWriter().get().writeBook(book, out, ctx));
            return;
        }
        write(read(input, fromFormat), output, target, ctx);
    }

    /**
     * The format a file is in.
     *
     * @param input the file
     * @return the format, from content and name
     * @throws IOException when the file cannot be read or has no known format
     */
    public ArticleFormat detect(Path input) throws IOException {
        return formatOf(input, readInput(input), null);
    }

    /** The output format a file name (or a format id, when given) names. */
    ArticleFormat outputFormat(Path output, @Nullable String formatId) {
        if (formatId != null) {
            return registry.byId(formatId);
        }
        return registry.forFileName(output.getFileName().toString()).orElseThrow(() -> new IllegalArgumentException(
                "cannot tell the output format from the name " + output.getFileName() + "; known formats: "
                        + String.join(", ", registry.ids())));
    }

    /** Applies the input limit to formats that do not hold books; books may use the container limit. */
    private void checkSize(String input, byte[] data, ArticleFormat format) throws ArticleFormatException {
        if (format.bookReader().isEmpty() && data.length > limits.maxInputBytes()) {
            throw new ArticleFormatException(input, "is " + data.length + " bytes, over the input limit of "
                    + limits.maxInputBytes() + " bytes");
        }
    }

    private ArticleFormat formatOf(Path input, byte[] data, @Nullable String formatId) throws ArticleFormatException {
        return formatOf(input.toString(), input.getFileName() == null ? "" : input.getFileName().toString(), data,
                formatId);
    }

    /** The format of {@code data}, named {@code input} in messages and {@code name} for detection. */
    private ArticleFormat formatOf(String input, String name, byte[] data, @Nullable String formatId)
            throws ArticleFormatException {
        if (formatId != null) {
            ArticleFormat named = registry.byId(formatId);
            checkSize(input, data, named);
            return named;
        }
        byte[] head = Arrays.copyOf(data, Math.min(data.length, SNIFF_BYTES));
        Optional<ArticleFormat> byName = registry.forFileName(name);
        Optional<ArticleFormat> found = registry.detect(name, head);
        if (found.isEmpty()) {
            throw new ArticleFormatException(input, "cannot tell the format; name one with --from ("
                    + String.join(", ", registry.ids()) + ")");
        }
        checkSize(input, data, found.get());
        if (byName.isPresent() && found.get() != byName.get()) {
            Diagnostic d = new Diagnostic("format.mismatch", "the content is " + found.get().id()
                    + " although the name says " + byName.get().id() + "; reading it as " + found.get().id(),
                    input, 0, null);
            if (strict) {
                throw new ArticleFormatException(input, d.message() + " (strict mode)");
            }
            warnings.accept(d);
        }
        return found.get();
    }

    /**
     * Reads a whole input file, refusing what is not a regular file or is over the size limit.
     *
     * @param input the file
     * @return its bytes
     * @throws NoSuchFileException when there is no such file
     * @throws AccessDeniedException when it may not be read
     * @throws ArticleFormatException naming the file and the problem when it is not a regular file, is too large
     *     or cannot be read
     */
    byte[] readInput(Path input) throws IOException {
        Objects.requireNonNull(input, "input");
        String name = input.toString();
        try {
            if (!Files.exists(input)) {
                throw new NoSuchFileException(name, null, "no such file");
            }
            if (Files.isDirectory(input)) {
                throw new ArticleFormatException(name, "is a directory, not a file");
            }
            if (!Files.isRegularFile(input)) {
                throw new ArticleFormatException(name, "is not a regular file");
            }
            // Books (EPUB, PDF) carry their images and may be as large as the container limit; formatOf applies the
            // input limit to every other format once the format is known.
            long max = limits.maxContainerBytes();
            long size = Files.size(input);
            if (size > max) {
                throw new ArticleFormatException(name, "is " + size + " bytes, over the input limit of " + max
                        + " bytes");
            }
            try (InputStream in = Files.newInputStream(input)) {
                byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
                if (data.length > max) {
                    throw new ArticleFormatException(name, "is over the input limit of " + max + " bytes");
                }
                return data;
            }
        } catch (NoSuchFileException | AccessDeniedException | ArticleFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ArticleFormatException(name, 0, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    @FunctionalInterface
    private interface Action<T> {
        T run() throws IOException;
    }

    /** Names the file in reader failures and turns a reader's unexpected runtime failure into a typed one. */
    private static <T> T guard(@Nullable String name, Action<T> action) throws IOException {
        try {
            return action.run();
        } catch (ArticleFormatException e) {
            throw name == null ? e : e.inFile(name);
        } catch (RuntimeException e) {
            throw new ArticleFormatException(name, 0, null, "cannot be read: " + e, e);
        }
    }

    /** Builds a {@link Converter}. Not thread-safe; the converter is. */
    public static final class Builder {
        private FormatRegistry registry = FormatRegistry.defaults();
        private FormatOptions options = FormatOptions.none();
        private Limits limits = Limits.defaults();
        private Consumer<Diagnostic> warnings = d -> { };
        private boolean strict;
        private Clock clock = Clock.systemUTC();
        private Function<Path, ResourceResolver> resolvers;
        private ResourceResolver webResolver = ResourceResolver.none();
        private boolean collectImages;
        private @Nullable Path imagesDir;
        private @Nullable Path resourceRoot;

        private Builder() {
            resolvers = dir -> ResourceResolver.localFiles(dir, limits);
        }

        /** @param v the formats to use; default {@link FormatRegistry#defaults()} @return this builder */
        public Builder registry(FormatRegistry v) {
            registry = Objects.requireNonNull(v, "registry");
            return this;
        }

        /** @param v options for the formats, such as {@code HtmlOptions} @return this builder */
        public Builder options(FormatOptions v) {
            options = Objects.requireNonNull(v, "options");
            return this;
        }

        /** @param v the limits; default {@link Limits#defaults()} @return this builder */
        public Builder limits(Limits v) {
            limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        /** @param v receives every warning; must be thread-safe if the converter is shared @return this builder */
        public Builder warnings(Consumer<Diagnostic> v) {
            warnings = Objects.requireNonNull(v, "warnings");
            return this;
        }

        /** @param v whether warnings are failures; default false @return this builder */
        public Builder strict(boolean v) {
            strict = v;
            return this;
        }

        /** @param v the clock for time stamps; default the UTC system clock @return this builder */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /**
         * @param v makes the resolver for an input in a given folder; default local files inside that folder
         * @return this builder
         */
        public Builder resolvers(Function<Path, ResourceResolver> v) {
            resolvers = Objects.requireNonNull(v, "resolvers");
            return this;
        }

        /**
         * @param v the resolver of the images of pages read from the web ({@link #read(WebPage)}):
         *     their references are absolute, made so against the page's address; default none
         *     (images stay addresses). The command line gives a remote resolver with its network flags.
         * @return this builder
         */
        public Builder webResolver(ResourceResolver v) {
            webResolver = Objects.requireNonNull(v, "webResolver");
            return this;
        }

        /**
         * @param v whether reading a file also reads the images it refers to (body images, cover,
         *     thumbnail) into the article's {@link Resources}, through the input's resolver, so that
         *     writers which embed images find them; images that cannot be read are
         *     {@code image.unresolved} warnings. Default false: images stay references.
         * @return this builder
         */
        public Builder collectImages(boolean v) {
            collectImages = v;
            return this;
        }

        /**
         * @param v a folder for the images of converted articles, or null (the default) to keep image
         *     addresses as they are. When set, reading a file reads its images (as
         *     {@link #collectImages(boolean)} does), and writing an article to a file of a single-article
         *     format (Markdown, HTML, text) writes its images into this folder, named by content, and
         *     links them relative to the output file.
         * @return this builder
         */
        public Builder imagesDir(@Nullable Path v) {
            imagesDir = v;
            return this;
        }

        /**
         * @param v the folder that site-root references of local inputs ({@code /images/chart.jpg},
         *     as Jekyll, Hexo and Hugo posts write them) are read from, or null (the default) to
         *     refuse them as outside the article's folder. Such references stay inside this folder:
         *     neither {@code ..} nor a symbolic link leads out. Applies over whatever
         *     {@link #resolvers(Function)} gives; other references go to that resolver.
         * @return this builder
         */
        public Builder resourceRoot(@Nullable Path v) {
            resourceRoot = v == null ? null : v.toAbsolutePath().normalize();
            return this;
        }

        /** @return the converter */
        public Converter build() {
            return new Converter(this);
        }
    }
}
