package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.articlekit.Article;
import org.articlekit.ArticleSource;
import org.articlekit.BindingListener;
import org.articlekit.BookBinder;
import org.articlekit.Converter;
import org.articlekit.Limits;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.web.WebClient;
import org.jspecify.annotations.Nullable;
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
                    + "links that lead outside it, FIFOs, devices and hidden entries are skipped.",
            "An http(s) address is fetched (public addresses only unless --allow-private-hosts): a page is an "
                    + "article, a feed (RSS, Atom, JSON Feed) a book of its items, a web archive (WARC, WARC.gz) a book "
                    + "of its HTML pages; feed and archive files likewise. Into a folder they give one post per article "
                    + "(named DATE-SLUG) and skip the articles the folder already holds.",
            "'-' as the only INPUT reads standard input (format from --from, else from the bytes; images "
                    + "relative to the current directory); -o - writes standard output (format from --to), "
                    + "a book too. A file named '-' is ./-"},
        footer = {
            "",
            "Examples:",
            "  articlekit convert examples/articles/balcony-tomatoes.html -o tomatoes.html",
            "  articlekit convert examples/articles -o out/ --to html",
            "  articlekit convert examples/articles -o articles.epub --title 'Notes' --author 'Me'",
            "  articlekit convert book.epub -o chapters/ --to html   (one file per article)",
            "  articlekit convert post.md -o post.html",
            "  cat post.md | articlekit convert - --from markdown -o - --to html",
            "  articlekit convert page.html -o post.md --front-matter toml",
            "  articlekit convert page.html -o new.html --title 'A better title' --language en",
            "  articlekit convert -o out.html -- -odd-name.html   (after --, never options)",
            "  articlekit convert https://example.org/feed.xml -o week.epub --since 7d",
            "  articlekit convert https://example.org/atom.xml -o source/_posts/ --to markdown   (daily: adds new items)",
            "  articlekit convert --input-list urls.txt -o reading.epub --wait 1",
            "  articlekit convert crawl.warc.gz -o pages/ --to markdown",
            "",
            "Exit status: 0 success; 1 an input could not be converted (one line on stderr: "
                    + "'articlekit: error: FILE[:LINE]: what is wrong'); 2 a usage error.",
            "Nothing is left at OUTPUT after a failure; an existing OUTPUT file is untouched. A symbolic "
                    + "link is written through (it stays a link); a FIFO or device is written in place."})
final class ConvertCommand implements Callable<Integer> {

    @Spec
    @Nullable CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "INPUT",
            description = "Article files, folders of articles, or http(s) addresses of pages, feeds (RSS, Atom, "
                    + "JSON Feed) and web archives (WARC); feed and archive files too. Put them after '--' when a "
                    + "name starts with '-'.")
    List<String> locations = new ArrayList<>();

    /** The inputs that are paths (set by {@link #call}). */
    List<Path> inputs = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUTPUT",
            description = "The file to write, '-' for standard output, or a folder (an existing one, a name ending "
                    + "in '/', or a name without extension when there are several inputs).")
    @Nullable Path output;

    @Option(names = {"-f", "--from"}, paramLabel = "FMT", description = "The input format, instead of detecting it.")
    @Nullable String from;

    @Option(names = {"-t", "--to"}, paramLabel = "FMT", description = "The output format, instead of the OUTPUT extension; "
            + "needed when OUTPUT is a folder.")
    @Nullable String to;

    @Mixin
    MetadataFlags metadata = new MetadataFlags();

    @Mixin
    FormatFlags formatFlags = new FormatFlags();

    @Mixin
    SiteFlags site = new SiteFlags();

    @Option(names = "--images", paramLabel = "DIR",
            description = "Copy the images of converted articles into DIR (named by content) and link them "
                    + "relative to each output file; for HTML, Markdown and text outputs. Without it, image "
                    + "addresses are kept as they are, but for an EPUB or PDF read into HTML or Markdown pages: "
                    + "its images go to images/ beside the output.")
    @Nullable Path images;

    @Mixin
    NetworkFlags network = new NetworkFlags();

    @Mixin
    WebFlags web = new WebFlags();

    @Option(names = "--strict", description = "Treat warnings as failures: an input with anything dropped or "
            + "repaired is not converted.")
    boolean strict;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Option(names = "--log", paramLabel = "FILE",
            description = "Also write every warning and error to FILE, one JSON object per line (appended; written "
                    + "as the run goes, and whether or not --quiet is given).")
    @Nullable Path logFile;

    @Option(names = "--json", description = "Print one JSON summary on standard output at the end: status, exit "
            + "code, inputs, outputs with their article counts, articles, warnings and errors (with codes).")
    boolean json;

    @Option(names = "--jobs", paramLabel = "N",
            description = "Read or convert up to N inputs at once (default: the number of processors, "
                    + "here ${DEFAULT-VALUE}).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "Stop converting an input that takes longer than SECONDS (default ${DEFAULT-VALUE}): "
                    + "reading or writing one file, and for a PDF book of more than 100 articles each batch "
                    + "of 50 articles typeset, and the assembly once per batch (Limits.timeout).")
    long timeLimit = Limits.defaults().timeout().toSeconds();

    /** What {@code -} reads, and where {@code -o -} writes. */
    final InputStream stdin;
    final PrintStream stdout;
    private final PrintStream err;
    private final boolean terminal;
    private @Nullable WebClient webClient;

    ConvertCommand(InputStream stdin, PrintStream stdout, PrintStream err, boolean terminal) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        if (json && output != null && StreamConversion.isDash(output)) {
            throw usage("--json prints its summary on standard output, which -o - writes to; write to a file");
        }
        RunLog run;
        try {
            run = logFile == null ? RunLog.inMemory() : RunLog.toFile(logFile);
        } catch (IOException e) {
            new Reporter(err, false, verbosity.debug).failure(String.valueOf(logFile), e);
            return 1;
        }
        Reporter rep = new Reporter(err, verbosity.quiet, verbosity.debug, run);
        int status = 2;
        try {
            status = convert(rep);
        } finally {
            try {
                run.close();
            } catch (UncheckedIOException e) {
                rep.error(e.getMessage());
                status = Math.max(status, 1);
            }
        }
        if (json) {
            List<String> given = new ArrayList<>(locations);
            if (web.inputList != null) {
                given.add("@" + web.inputList);
            }
            stdout.println(PrettyJson.write(run.summary(status, given)));
            stdout.flush();
        }
        return status;
    }

    private int convert(Reporter rep) {
        FormatRegistry registry = FormatRegistry.defaults();
        Path out = requireNonNull(output);
        ArticleFormat fromFormat;
        try {
            fromFormat = from == null ? null : FormatChoice.readable(registry, from);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        try {
            formatFlags.load();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        } catch (IOException e) {
            rep.failure(String.valueOf(formatFlags.css), e);
            return 1;
        }
        try {
            metadata.load();
        } catch (IOException e) {
            rep.failure(String.valueOf(metadata.metadataFile), e);
            return 1;
        } catch (IllegalArgumentException e) {
            rep.error(e.getMessage());
            return 1;
        }
        String problem = metadata.check();
        if (problem != null) {
            throw usage(problem);
        }
        if (jobs < 1) {
            throw usage("--jobs must be 1 or more, not " + jobs);
        }
        if (timeLimit < 1) {
            throw usage("--time-limit must be 1 second or more, not " + timeLimit);
        }
        problem = network.check();
        if (problem == null) {
            problem = web.check();
        }
        if (problem != null) {
            throw usage(problem);
        }
        List<String> all = new ArrayList<>(locations);
        try {
            all.addAll(web.listed());
        } catch (IOException e) {
            rep.failure(String.valueOf(web.inputList), e);
            return 1;
        }
        if (all.isEmpty()) {
            throw usage("no INPUT: name files, folders or http(s) addresses, or a list of them with --input-list FILE");
        }
        inputs = all.stream().filter(l -> !ArticleSource.isUrl(l)).map(Path::of).toList();
        if (all.size() > inputs.size() || inputs.stream().anyMatch(p -> WebConversion.isFeedOrArchive(registry, p))) {
            return new WebConversion(this, rep, registry, fromFormat).run(all, out);
        }
        if (StreamConversion.isDash(out) || inputs.stream().anyMatch(StreamConversion::isDash)) {
            return new StreamConversion(this, rep, registry, fromFormat).run(inputs, out);
        }
        List<Path> roots = new ArrayList<>();
        Set<Path> inputFiles = new LinkedHashSet<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                roots.add(OutputNames.realish(p));
            } else if (Files.exists(p)) {
                inputFiles.add(OutputNames.realish(p));
            }
        }
        boolean several = inputs.size() > 1 || !roots.isEmpty();
        String outName = out.toString();
        boolean toFolder = Files.isDirectory(out) || outName.endsWith("/")
                || outName.endsWith(out.getFileSystem().getSeparator()) || splitsBook(registry, out);
        ArticleFormat target;
        boolean book = false;
        if (toFolder) {
            target = folderFormat(registry);
        } else if (several) {
            Optional<ArticleFormat> named = to != null ? Optional.of(writable(registry, to))
                    : registry.forFileName(out.getFileName().toString());
            book = named.isPresent() && named.get().bookWriter().isPresent();
            toFolder = !book && to != null && !out.getFileName().toString().contains(".");
            if (!book && !toFolder) {
                throw usage(FormatChoice.noBook(registry, named.orElse(null), out));
            }
            target = named.orElseThrow();
        } else {
            target = fileFormat(registry, out);
            // A book format writes one article as a book of one, with its images.
            book = target.bookWriter().isPresent();
        }
        Path outReal = OutputNames.realish(out);
        for (Path root : roots) {
            if (outReal.startsWith(root)) {
                throw usage("the output " + out + " is inside the input folder " + root
                        + ", which is being scanned; write it somewhere else");
            }
        }
        if (!toFolder && inputFiles.contains(outReal)) {
            throw usage("the output " + out + " is also an input; choose another -o");
        }
        formatFlags.warnIgnored(rep, registry, target);
        network.warnIgnored(rep);
        target.prepareToWrite();
        if (book) {
            ArticleSource source = ArticleSource.of(inputs).format(fromFormat == null ? null : fromFormat.id());
            return makeBook(rep, out.toString(), several, b -> b.write(source, out, target.id()));
        }
        boolean failed = false;
        List<ArticleSource.Entry> files = new ArrayList<>();
        for (Path p : inputs) {
            try {
                files.addAll(ArticleSource.of(p).files(registry, d -> rep.warning(d.toString())));
            } catch (IOException e) {
                rep.failure(p.toString(), e);
                failed = true;
            }
        }
        if (files.isEmpty()) {
            return 1;
        }
        if (images == null && FolderConversion.embeddedImagesNeedFiles(files, fromFormat, target)) {
            // An EPUB's or PDF's images have no file of their own: written one article per page, the pages would
            // link to images that are nowhere. They go beside the output unless --images names a folder.
            images = (toFolder ? out : out.toAbsolutePath().getParent()).resolve("images");
        }
        String fromId = fromFormat == null ? null : fromFormat.id();
        int result = toFolder ? new FolderConversion(this, rep, fromId, target).run(files, inputFiles, out)
                : convertFile(rep, files.get(0), fromId, out, target);
        return failed ? 1 : result;
    }

    /** Writes a book with a binder made from the flags. */
    @FunctionalInterface
    interface BookWrite {
        BookBinder.Result write(BookBinder binder) throws IOException;
    }

    /**
     * Binds the inputs into one book (or writes one input as a book) with the library's binder; a
     * book bound from several inputs ends with a summary line.
     */
    int makeBook(Reporter rep, String outName, boolean several, BookWrite write) {
        BookProgress progress = new BookProgress(rep, terminal && !verbosity.quiet ? err : null);
        BookBinder binder = binder(rep, progress).build();
        try {
            BookBinder.Result r = write.write(binder);
            progress.finish();
            rep.run().wrote(r.output() != null ? r.output().toString() : outName, r.articles());
            if (several) {
                rep.note(BookProgress.summary(r));
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            progress.finish();
            if (!(e instanceof IOException io && progress.reported(io))) {
                rep.failure(outName, e);
            }
            return 1;
        }
    }

    /** A binder with the flags' metadata, converter, threads, web client and feed selection. */
    BookBinder.Builder binder(Reporter rep, BindingListener listener) {
        return web.apply(metadata.binder().converter(converter(rep, null)).threads(jobs).listener(listener)
                .web(webClient()), network.offline);
    }

    /** The one web client of this run: each address is fetched once. */
    synchronized WebClient webClient() {
        if (webClient == null) {
            webClient = new WebClient(network.webOptions());
        }
        return webClient;
    }

    private int convertFile(Reporter rep, ArticleSource.Entry in, @Nullable String fromId, Path out,
            ArticleFormat target) {
        String file = in.path().toString();
        try {
            Converter c = converter(rep, file);
            Article a = c.read(in.path(), fromId);
            c.write(a.withMetadata(metadata.override(a.metadata())), out, target.id());
            rep.run().wrote(out.toString(), 1);
            return 0;
        } catch (IOException | RuntimeException e) {
            rep.failure(file, e);
            return 1;
        }
    }

    /** A converter with the flags' settings; its warnings name {@code file} when they name none. */
    Converter converter(Reporter rep, @Nullable String file) {
        Converter.Builder b = Converter.builder().strict(strict).imagesDir(images).options(formatFlags.formatOptions())
                .limits(Limits.builder().timeout(Duration.ofSeconds(timeLimit)).build())
                .warnings(d -> rep.diagnostic(d, file)).webResolver(network.webResolver());
        site.apply(b, formatFlags.formatOptions(), file, rep);
        Function<Path, ResourceResolver> resolvers = network.resolvers();
        if (resolvers != null) {
            b.resolvers(resolvers);
        }
        return b.build();
    }

    @Nullable PrintStream progressStream(int count) {
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
                + String.join(", ", FormatChoice.writableIds(registry)) + ")");
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

    /** The format of one output file: {@code --to}, else the one its name says. */
    ArticleFormat fileFormat(FormatRegistry registry, Path out) {
        return to != null ? writable(registry, to) : registry.forFileName(out.getFileName().toString())
                .orElseThrow(() -> usage("cannot tell the output format from the name " + out.getFileName()
                        + "; add --to FMT (" + String.join(", ", FormatChoice.writableIds(registry)) + ")"));
    }

    ArticleFormat writable(FormatRegistry registry, String id) {
        try {
            return FormatChoice.writable(registry, id);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    ParameterException usage(String message) {
        return new ParameterException(requireNonNull(spec).commandLine(), message);
    }

    private static <T> T requireNonNull(@Nullable T v) {
        if (v == null) {
            throw new IllegalStateException("not set by picocli");
        }
        return v;
    }
}
