package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.Limits;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.epub.EpubOptions;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceResolver;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code articlekit convert}: one file to another, several files into a folder, or several files
 * into one book. Usage problems are found before anything is read or written.
 */
@Command(name = "convert", sortOptions = false, mixinStandardHelpOptions = true,
        parameterListHeading = "%nParameters:%n", optionListHeading = "%nOptions:%n", versionProvider = Main.Version.class, usageHelpAutoWidth = true,
        description = {
            "Convert articles between formats.",
            "",
            "One INPUT and an OUTPUT file: converts that file; formats come from the content and the "
                    + "extensions (.html .htm .md .markdown .txt .epub .pdf), or from --from/--to.",
            "Several INPUTs or a folder with -o DIR --to FMT: converts each article into DIR, keeping "
                    + "base names (name-2, name-3… when two would collide).",
            "Several INPUTs or a folder with a book OUTPUT (a format that holds books, such as EPUB or "
                    + "PDF): makes one book, one chapter per article, ordered by date, then by name.",
            "A folder is searched recursively for regular files with a readable extension; symbolic "
                    + "links that lead outside it, FIFOs, devices and hidden entries are skipped."},
        footer = {
            "",
            "Examples:",
            "  articlekit convert examples/articles/balcony-tomatoes.html -o tomatoes.html",
            "  articlekit convert examples/articles -o out/ --to html",
            "  articlekit convert examples/articles -o articles.epub --title 'Notes' --author 'Me'",
            "  articlekit convert book.epub -o chapters/ --to html   (one file per article)",
            "  articlekit convert post.md -o post.html",
            "  articlekit convert page.html -o post.md --front-matter toml",
            "  articlekit convert page.html -o new.html --title 'A better title' --language en",
            "  articlekit convert -o out.html -- -odd-name.html   (after --, never options)",
            "",
            "Exit status: 0 success; 1 an input could not be converted (one line on stderr: "
                    + "'articlekit: error: FILE[:LINE]: what is wrong'); 2 a usage error.",
            "Nothing is left at OUTPUT after a failure; an existing OUTPUT file is untouched."})
final class ConvertCommand implements Callable<Integer> {

    /** Page sizes the PDF format will offer. */
    enum PageSize { A4, A5, Letter }

    /** Front-matter syntaxes of written Markdown. */
    enum FrontMatter { yaml, toml, json }

    /** {@code --cache DIR} or {@code --no-cache}, never both. */
    static final class CacheChoice {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "Folder for downloaded images (default: the user cache folder, "
                        + "~/.cache/articlekit/images). A second run reuses what is there.")
        @Nullable Path dir;

        @Option(names = "--no-cache", description = "Keep no downloaded images between runs.")
        boolean none;
    }

    @Spec
    @Nullable CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Article files or folders of articles. Put them after '--' when a name starts with '-'.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "The file to write, or a folder (an existing one, a name ending in '/', or a name "
                    + "without extension when there are several inputs).")
    @Nullable Path output;

    @Option(names = "--from", paramLabel = "FMT", description = "The input format, instead of detecting it.")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "FMT", description = "The output format, instead of the OUTPUT extension; "
            + "needed when OUTPUT is a folder.")
    @Nullable String to;

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

    @Option(names = "--vertical", description = "EPUB: vertical writing (top to bottom, columns and pages right "
            + "to left), as in traditional Chinese and Japanese books.")
    boolean vertical;

    @Option(names = "--no-generated-cover", description = "EPUB: draw no cover when the book has none of its own "
            + "(by default a cover with the title, authors and dates is drawn).")
    boolean noGeneratedCover;

    @Option(names = "--font", paramLabel = "FILE[#PostScriptName]",
            description = "A TrueType font (.ttf, or a .ttc member named by its PostScript name) to typeset PDF "
                    + "output with, tried before the built-in Noto Sans SC and the system fonts; repeatable.")
    List<String> fonts = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "A4|A5|Letter",
            description = "Page size of PDF output (default A4).")
    @Nullable PageSize pageSize;

    @Option(names = "--pdfa", description = "Write PDF/A-3u (archival PDF; the source attachment is allowed there).")
    boolean pdfa;

    @Option(names = "--password", paramLabel = "P",
            description = "Password of a password-protected PDF input.")
    @Nullable String password;

    @Option(names = "--front-matter", paramLabel = "yaml|toml|json",
            description = "Front-matter syntax of written Markdown (default yaml; toml writes Hugo's +++ form, json "
                    + "a JSON object).")
    @Nullable FrontMatter frontMatter;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Copy the images of converted articles into DIR (named by content) and link them "
                    + "relative to each output file; for HTML, Markdown and text outputs. Without it, image "
                    + "addresses are kept as they are, but for an EPUB or PDF read into HTML or Markdown pages: "
                    + "its images go to images/ beside the output.")
    @Nullable Path images;

    @Option(names = "--offline", description = "Never download images: read them only from local files in each "
            + "input's folder. Without it, http(s) images are downloaded when the output embeds images (EPUB, PDF): "
            + "public addresses only, 10 MB each, 5 s to connect, 10 s to read, at most 5 redirects.")
    boolean offline;

    @Option(names = "--allow-private-hosts", description = "Also download images from loopback, private and "
            + "link-local addresses (refused by default, so a document cannot reach into your network).")
    boolean allowPrivateHosts;

    @ArgGroup(exclusive = true)
    @Nullable CacheChoice cache;

    /** Whether articles are read with their images (set once the output format is known). */
    private boolean collectImages;

    @Option(names = "--strict", description = "Treat warnings as failures: an input with anything dropped or "
            + "repaired is not converted.")
    boolean strict;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Option(names = "--jobs", paramLabel = "N",
            description = "Read or convert up to N inputs at once (default: the number of processors, "
                    + "here ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    private final PrintStream err;
    private final boolean terminal;

    ConvertCommand(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    private enum Mode { FILE, FOLDER, BOOK }

    /** What happened to one input. */
    private record Outcome(Input input, boolean ok, List<Article> articles) {
    }

    @Override
    public Integer call() throws IOException {
        Reporter rep = new Reporter(err, verbosity.quiet, verbosity.debug);
        FormatRegistry registry = FormatRegistry.defaults();
        Path out = requireNonNull(output);
        ArticleFormat fromFormat = from == null ? null : readable(registry, from);
        String lang = checkLanguage();
        checkCover();
        if (jobs < 1) {
            throw usage("--jobs must be 1 or more, not " + jobs);
        }

        boolean anyFolder = false;
        List<Path> roots = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                anyFolder = true;
                roots.add(p.toRealPath());
            }
        }
        boolean several = inputs.size() > 1 || anyFolder;
        boolean outIsFolder = Files.isDirectory(out) || out.toString().endsWith("/")
                || out.toString().endsWith(out.getFileSystem().getSeparator()) || splitsBook(registry, out);

        Mode mode;
        ArticleFormat target;
        if (outIsFolder) {
            mode = Mode.FOLDER;
            target = folderFormat(registry);
        } else if (several) {
            Optional<ArticleFormat> named = to != null ? Optional.of(writable(registry, to))
                    : registry.forFileName(out.getFileName().toString());
            if (named.isPresent() && named.get().bookWriter().isPresent()) {
                mode = Mode.BOOK;
                target = named.get();
            } else if (to != null && !out.getFileName().toString().contains(".")) {
                mode = Mode.FOLDER;
                target = named.orElseThrow();
            } else {
                throw usage(noBookMessage(registry, named.orElse(null)));
            }
        } else {
            mode = Mode.FILE;
            target = to != null ? writable(registry, to) : registry.forFileName(out.getFileName().toString())
                    .orElseThrow(() -> usage("cannot tell the output format from the name " + out.getFileName()
                            + "; add --to FMT (" + String.join(", ", writableIds(registry)) + ")"));
        }
        if (target.writer().isEmpty() && target.bookWriter().isEmpty()) {
            throw usage("ArticleKit cannot write " + target.id() + " files; it writes "
                    + String.join(", ", writableIds(registry)));
        }

        Path outReal = realish(out);
        for (Path root : roots) {
            if (outReal.startsWith(root)) {
                throw usage("the output " + out + " is inside the input folder " + root
                        + ", which is being scanned; write it somewhere else");
            }
        }
        Set<Path> inputFiles = new LinkedHashSet<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p) && Files.exists(p)) {
                inputFiles.add(realish(p));
            }
        }
        if (mode != Mode.FOLDER && inputFiles.contains(outReal)) {
            throw usage("the output " + out + " is also an input; choose another -o");
        }
        warnIgnoredFlags(rep, registry, target);
        target.prepareToWrite();
        // Books (EPUB, PDF) carry their images: read them while reading each article.
        collectImages = target.bookWriter().isPresent();

        List<Input> files = new ArrayList<>();
        boolean failed = false;
        InputScanner scanner = new InputScanner(readableExtensions(registry), rep::warning);
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                files.add(Input.named(p));
                continue;
            }
            List<Input> found;
            try {
                found = scanner.scan(p);
            } catch (IOException e) {
                rep.failure(p.toString(), e);
                failed = true;
                continue;
            }
            if (found.isEmpty()) {
                rep.error(p + ": no articles found (looked for files ending in ."
                        + String.join(", .", readableExtensions(registry)) + ")");
                failed = true;
            }
            files.addAll(found);
        }
        if (files.isEmpty()) {
            return 1;
        }
        if (images == null && embeddedImagesNeedFiles(files, fromFormat, target)) {
            // An EPUB's or PDF's images have no file of their own: written one article per page, the pages would
            // link to images that are nowhere. They go beside the output unless --images names a folder.
            Path base = mode == Mode.FOLDER ? out : out.toAbsolutePath().getParent();
            images = base.resolve("images");
        }
        String fromId = fromFormat == null ? null : fromFormat.id();
        int result = switch (mode) {
            case FILE -> convertFile(rep, files.get(0), fromId, out, target);
            case FOLDER -> convertIntoFolder(rep, files, inputFiles, fromId, out, target);
            case BOOK -> makeBook(rep, files, roots, fromId, out, target);
        };
        return failed ? 1 : result;
    }

    /**
     * Whether the output links images by address (Markdown, HTML) while an input is a book that holds its images
     * inside (EPUB, PDF), so that without an images folder the links would point nowhere.
     */
    private static boolean embeddedImagesNeedFiles(List<Input> files, @Nullable ArticleFormat fromFormat,
            ArticleFormat target) {
        if (!target.id().equals("markdown") && !target.id().equals("html")) {
            return false;
        }
        if (fromFormat != null) {
            return fromFormat.id().equals("epub") || fromFormat.id().equals("pdf");
        }
        for (Input in : files) {
            String name = in.path().getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".epub") || name.endsWith(".pdf")) {
                return true;
            }
        }
        return false;
    }

    private int convertFile(Reporter rep, Input in, @Nullable String fromId, Path out, ArticleFormat target) {
        Converter c = converter(rep, in.display());
        try {
            if (target.writer().isEmpty()) {
                Book book = c.readBook(in.path(), fromId);
                List<Article> settled = new ArrayList<>();
                for (Article a : book.articles()) {
                    settled.add(BookImages.settle(a));
                }
                // The images were read with the articles, next to the input (or from the web).
                Converter w = writer(rep, in.display());
                w.writeBook(withCover(book.toBuilder().articles(settled).metadata(override(book.metadata())).build()),
                        out, target.id());
            } else {
                Article a = c.read(in.path(), fromId);
                if (collectImages) {
                    a = BookImages.settle(a);
                }
                c.write(a.withMetadata(override(a.metadata())), out, target.id());
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            rep.failure(in.display(), e);
            return 1;
        }
    }

    private int convertIntoFolder(Reporter rep, List<Input> files, Set<Path> inputFiles, @Nullable String fromId,
            Path dir, ArticleFormat target) throws IOException {
        String ext = target.extensions().get(0);
        OutputNames names = new OutputNames();
        Map<Input, Path> planned = new HashMap<>();
        for (Input in : files) {
            Path t = dir.resolve(names.reserve(OutputNames.baseName(in.path().getFileName().toString()), ext));
            Path tReal = realish(t);
            if (inputFiles.contains(tReal)) {
                throw usage("the output " + t + " would overwrite the input " + in.display()
                        + "; choose another -o folder");
            }
            planned.put(in, t);
        }
        List<Path> created = missingFolders(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            rep.failure(dir.toString(), e);
            return 1;
        }
        List<Outcome> outcomes = Jobs.run(files, jobs, progressStream(files.size()), "Converting", in -> {
            Converter c = converter(rep, in.display());
            List<Path> written = new ArrayList<>();
            try {
                Book book = c.readBook(in.path(), fromId);
                List<Article> articles = book.articles();
                if (articles.isEmpty()) {
                    throw new ArticleFormatException(in.display(), "holds no articles");
                }
                for (int i = 0; i < articles.size(); i++) {
                    Path t = articles.size() == 1 ? planned.get(in) : dir.resolve(names.reserve(
                            OutputNames.baseName(in.path().getFileName().toString()) + String.format("-%02d", i + 1),
                            ext));
                    Article a = articles.get(i);
                    c.write(a.withMetadata(override(a.metadata())), t, target.id());
                    written.add(t);
                }
                return new Outcome(in, true, List.of());
            } catch (IOException | RuntimeException e) {
                rep.failure(in.display(), e);
                for (Path w : written) {
                    deleteQuietly(w);
                }
                return new Outcome(in, false, List.of());
            }
        });
        boolean anyOk = outcomes.stream().anyMatch(Outcome::ok);
        if (!anyOk) {
            for (int i = created.size() - 1; i >= 0; i--) {
                deleteQuietly(created.get(i));
            }
        }
        return outcomes.stream().allMatch(Outcome::ok) ? 0 : 1;
    }

    private int makeBook(Reporter rep, List<Input> files, List<Path> roots, @Nullable String fromId, Path out,
            ArticleFormat target) {
        Path spool;
        try {
            spool = Files.createTempDirectory("articlekit-images");
        } catch (IOException e) {
            rep.failure(out.toString(), e);
            return 1;
        }
        try {
            return makeBook(rep, files, roots, fromId, out, target, spool);
        } finally {
            BookImages.deleteSpool(spool);
        }
    }

    /**
     * Reads every input, keeping the images past the first {@link BookImages#IN_MEMORY} bytes in
     * {@code spool} rather than in memory, then writes the book.
     */
    private int makeBook(Reporter rep, List<Input> files, List<Path> roots, @Nullable String fromId, Path out,
            ArticleFormat target, Path spool) {
        AtomicLong memoryLeft = new AtomicLong(BookImages.IN_MEMORY);
        List<Outcome> outcomes = Jobs.run(files, jobs, progressStream(files.size()), "Reading", in -> {
            try {
                List<Article> read = converter(rep, in.display()).readBook(in.path(), fromId).articles();
                List<Article> settled = new ArrayList<>(read.size());
                for (Article a : read) {
                    settled.add(BookImages.spill(BookImages.settle(a), spool, memoryLeft));
                }
                return new Outcome(in, true, settled);
            } catch (IOException | RuntimeException e) {
                rep.failure(in.display(), e);
                return new Outcome(in, false, List.of());
            }
        });
        if (!outcomes.stream().allMatch(Outcome::ok)) {
            return 1;
        }
        record Chapter(Article article, long date, String name, int index) {
        }
        List<Chapter> chapters = new ArrayList<>();
        for (Outcome o : outcomes) {
            for (int i = 0; i < o.articles().size(); i++) {
                Article a = o.articles().get(i);
                long date = a.metadata().published().or(() -> a.metadata().updated()).map(ArticleDate::sortKey)
                        .orElse(Long.MAX_VALUE);
                chapters.add(new Chapter(a, date, o.input().name(), i));
            }
        }
        if (chapters.isEmpty()) {
            rep.error(out + ": no articles found, so no book was written");
            return 1;
        }
        chapters.sort(Comparator.comparingLong(Chapter::date).thenComparing(Chapter::name)
                .thenComparingInt(Chapter::index));
        List<Article> articles = chapters.stream().map(Chapter::article).toList();
        try {
            Book book = withCover(Book.builder().metadata(bookMetadata(articles, roots)).articles(articles).build());
            writer(rep, out.toString()).writeBook(book, out, target.id());
            return 0;
        } catch (IOException | RuntimeException e) {
            rep.failure(out.toString(), e);
            return 1;
        }
    }

    /** The book's own metadata: the flags, else the folder's name, the chapters' authors and commonest language. */
    private Metadata bookMetadata(List<Article> articles, List<Path> roots) {
        Metadata.Builder b = Metadata.builder();
        b.title(title != null ? title : roots.size() == 1 && inputs.size() == 1 && roots.get(0).getFileName() != null
                ? roots.get(0).getFileName().toString() : "Articles");
        if (!authors.isEmpty()) {
            b.authors(authors);
        } else {
            articles.forEach(a -> a.metadata().authors().forEach(b::author));
        }
        if (language != null) {
            b.language(language);
        } else {
            Map<String, Integer> counts = new HashMap<>();
            String best = null;
            for (Article a : articles) {
                String l = a.metadata().language().orElse(null);
                if (l != null) {
                    int n = counts.merge(l, 1, Integer::sum);
                    if (best == null || n > counts.get(best)) {
                        best = l;
                    }
                }
            }
            b.language(best);
        }
        b.cover(cover);
        return b.build();
    }

    private Metadata override(Metadata m) {
        if (title == null && authors.isEmpty() && language == null && cover == null) {
            return m;
        }
        Metadata.Builder b = m.toBuilder();
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

    private Converter converter(Reporter rep, String file) {
        Converter.Builder b = Converter.builder().strict(strict).collectImages(collectImages).imagesDir(images)
                .options(formatOptions())
                .warnings(d -> rep.diagnostic(d, file));
        if (!offline) {
            RemoteImageOptions options = remoteImageOptions();
            b.resolvers(dir -> ResourceResolver.remote(ResourceResolver.localFiles(dir), options, Limits.defaults()));
        }
        return b.build();
    }

    /** Remote image settings from the flags; the cache goes to the user's cache folder unless told otherwise. */
    private RemoteImageOptions remoteImageOptions() {
        Path cacheDir;
        if (cache != null && cache.none) {
            cacheDir = null;
        } else if (cache != null && cache.dir != null) {
            cacheDir = cache.dir;
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            cacheDir = root.resolve("articlekit").resolve("images");
        }
        return RemoteImageOptions.builder().allowPrivateHosts(allowPrivateHosts).cacheDir(cacheDir).build();
    }

    /** The PDF flags as {@link PdfOptions}; defaults for the rest. */
    PdfOptions pdfOptions() {
        PdfOptions.Builder b = PdfOptions.builder().pdfa(pdfa).password(password);
        if (pageSize != null) {
            b.pageSize(switch (pageSize) {
                case A4 -> PdfOptions.PageSize.A4;
                case A5 -> PdfOptions.PageSize.A5;
                case Letter -> PdfOptions.PageSize.LETTER;
            });
        }
        for (String f : fonts) {
            b.font(PdfOptions.FontFile.parse(f));
        }
        return b.build();
    }

    /**
     * A converter for writing a book: the format options from the flags; no resolver, since the
     * articles were read with their images.
     */
    private Converter writer(Reporter rep, String file) {
        return Converter.builder().strict(strict).warnings(d -> rep.diagnostic(d, file))
                .options(formatOptions()).resolvers(dir -> ResourceResolver.none()).build();
    }

    /** The options of every format, from the flags. */
    private FormatOptions formatOptions() {
        EpubOptions epub = EpubOptions.builder().verticalWriting(vertical).generateCover(!noGeneratedCover).build();
        MarkdownOptions.Builder markdown = MarkdownOptions.builder();
        if (frontMatter != null) {
            markdown.frontMatter(switch (frontMatter) {
                case yaml -> MarkdownOptions.FrontMatter.YAML;
                case toml -> MarkdownOptions.FrontMatter.TOML;
                case json -> MarkdownOptions.FrontMatter.JSON;
            });
        }
        return FormatOptions.of(epub, pdfOptions(), markdown.build());
    }

    /** Embeds the {@code --cover} file in the book, when it is a local image. */
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

    private @Nullable PrintStream progressStream(int count) {
        return terminal && count > 1 && !verbosity.quiet ? err : null;
    }

    private ArticleFormat folderFormat(FormatRegistry registry) {
        if (to != null) {
            return writable(registry, to);
        }
        if (inputs.size() == 1 && !Files.isDirectory(inputs.get(0))) {
            Optional<ArticleFormat> in = registry.forFileName(inputs.get(0).getFileName().toString());
            Optional<ArticleFormat> markdown = registry.find("markdown");
            if (in.isPresent() && in.get().bookReader().isPresent() && markdown.isPresent()) {
                return markdown.get();
            }
        }
        throw usage("-o names a folder: say which format to write there with --to FMT ("
                + String.join(", ", writableIds(registry)) + ")");
    }

    /**
     * Whether one book input (EPUB, PDF) and an output without extension mean "split the book into
     * that folder" ({@code -o dir/} arrives here as {@code dir}: the trailing slash is gone).
     */
    private boolean splitsBook(FormatRegistry registry, Path out) {
        if (inputs.size() != 1 || Files.isDirectory(inputs.get(0)) || out.getFileName() == null
                || out.getFileName().toString().contains(".")) {
            return false;
        }
        Optional<ArticleFormat> in = from != null ? registry.find(from)
                : registry.forFileName(inputs.get(0).getFileName().toString());
        return in.isPresent() && in.get().bookReader().isPresent();
    }

    private String noBookMessage(FormatRegistry registry, @Nullable ArticleFormat named) {
        List<String> bookIds = registry.formats().stream().filter(f -> f.bookWriter().isPresent())
                .map(ArticleFormat::id).toList();
        String can = bookIds.isEmpty() ? "no format in this build can hold a book yet"
                : "formats that can: " + String.join(", ", bookIds);
        if (named == null) {
            return "several inputs need a book file (" + can + ") or a folder with --to FMT; cannot tell the format "
                    + "of " + output;
        }
        return "several inputs make one book, but the " + named.id() + " format cannot hold one (" + can
                + "); to convert each input into a folder use -o DIR --to " + named.id();
    }

    private void warnIgnoredFlags(Reporter rep, FormatRegistry registry, ArticleFormat target) {
        List<String> pdf = new ArrayList<>();
        boolean pdfOut = target.id().equals("pdf");
        if (!fonts.isEmpty() && !pdfOut) {
            pdf.add("--font");
        }
        if (pageSize != null && !pdfOut) {
            pdf.add("--page-size");
        }
        if (pdfa && !pdfOut) {
            pdf.add("--pdfa");
        }
        List<String> markdown = new ArrayList<>();
        if (frontMatter != null && !target.id().equals("markdown")) {
            rep.warning("--front-matter is ignored: it only affects markdown output");
        }
        for (String flag : pdf) {
            rep.warning(ignored(flag, "pdf", registry, target));
        }
        if (!target.id().equals("epub")) {
            for (String flag : vertical && noGeneratedCover ? List.of("--vertical", "--no-generated-cover")
                    : vertical ? List.of("--vertical") : noGeneratedCover ? List.of("--no-generated-cover") : List.<String>of()) {
                rep.warning(ignored(flag, "epub", registry, target));
            }
        }
        for (String flag : markdown) {
            rep.warning(ignored(flag, "markdown", registry, target));
        }
        if (offline && (allowPrivateHosts || cache != null)) {
            rep.warning("--allow-private-hosts, --cache and --no-cache are ignored with --offline: nothing is "
                    + "downloaded");
        }
    }

    private static String ignored(String flag, String owner, FormatRegistry registry, ArticleFormat target) {
        if (registry.find(owner).isEmpty()) {
            return flag + " is ignored: it is used by the " + owner + " format, which is not in this build yet";
        }
        if (!target.id().equals(owner)) {
            return flag + " is ignored: it only affects " + owner + " output";
        }
        return flag + " is ignored: this command line does not pass it to the " + owner + " format yet";
    }

    private @Nullable String checkLanguage() {
        if (language == null) {
            return null;
        }
        try {
            language = Metadata.normalizeLanguage(language);
            return language;
        } catch (IllegalArgumentException e) {
            throw usage("--language: " + e.getMessage());
        }
    }

    private void checkCover() {
        if (cover == null) {
            return;
        }
        String scheme = "";
        try {
            URI u = new URI(cover);
            scheme = u.getScheme() == null ? "" : u.getScheme();
        } catch (java.net.URISyntaxException e) {
            // not a URI: a file path
        }
        if (!scheme.equals("http") && !scheme.equals("https") && !Files.isRegularFile(Path.of(cover))) {
            throw usage("--cover: " + cover + " is not a file (give an image file or an http/https URL)");
        }
    }

    private ArticleFormat readable(FormatRegistry registry, String id) {
        ArticleFormat f = registry.find(id).orElseThrow(() -> usage("--from: unknown format '" + id
                + "'; known formats: " + String.join(", ", registry.ids())));
        if (f.reader().isEmpty() && f.bookReader().isEmpty()) {
            throw usage("--from: ArticleKit cannot read " + f.id() + " files");
        }
        return f;
    }

    private ArticleFormat writable(FormatRegistry registry, String id) {
        ArticleFormat f = registry.find(id).orElseThrow(() -> usage("--to: unknown format '" + id
                + "'; known formats: " + String.join(", ", registry.ids())));
        if (f.writer().isEmpty() && f.bookWriter().isEmpty()) {
            throw usage("--to: ArticleKit cannot write " + f.id() + " files");
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

    /** The extensions of every readable format, in registry order. */
    static List<String> readableExtensions(FormatRegistry registry) {
        return registry.formats().stream().filter(f -> f.reader().isPresent() || f.bookReader().isPresent())
                .flatMap(f -> f.extensions().stream()).distinct().toList();
    }

    /**
     * The real path of a file that may not exist yet: its nearest existing ancestor resolved
     * through links, joined with the rest.
     */
    static Path realish(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            if (existing.getFileName() != null) {
                rest.add(0, existing.getFileName());
            }
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        Path real;
        try {
            real = existing.toRealPath();
        } catch (IOException e) {
            real = existing;
        }
        for (Path r : rest) {
            real = real.resolve(r);
        }
        return real;
    }

    /** The folders {@link Files#createDirectories} would create for {@code dir}, outermost first. */
    private static List<Path> missingFolders(Path dir) {
        List<Path> missing = new ArrayList<>();
        Path p = dir.toAbsolutePath().normalize();
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            missing.add(0, p);
            p = p.getParent();
        }
        return missing;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: the file or folder stays; the failure was already reported
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(requireNonNull(spec).commandLine(), message);
    }

    private static <T> T requireNonNull(@Nullable T v) {
        if (v == null) {
            throw new IllegalStateException("not set by picocli");
        }
        return v;
    }
}
