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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
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
                description = "Folder for downloaded images (used by remote image fetching, which this build does "
                        + "not have yet; ignored with a warning).")
        @Nullable Path dir;

        @Option(names = "--no-cache", description = "Keep no downloaded images between runs (used by remote image "
                + "fetching; ignored with a warning for now).")
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

    @Option(names = "--font", paramLabel = "FILE[#PostScriptName]",
            description = "A TrueType font to embed; repeatable (used by the PDF format, not in this build yet).")
    List<String> fonts = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "A4|A5|Letter",
            description = "Page size (used by the PDF format, not in this build yet).")
    @Nullable PageSize pageSize;

    @Option(names = "--pdfa", description = "Write PDF/A-2u (used by the PDF format, not in this build yet).")
    boolean pdfa;

    @Option(names = "--password", paramLabel = "P",
            description = "Password of a protected PDF (used by the PDF format, not in this build yet).")
    @Nullable String password;

    @Option(names = "--front-matter", paramLabel = "yaml|toml|json",
            description = "Front-matter syntax of written Markdown (default yaml; toml writes Hugo's +++ form, json "
                    + "a JSON object).")
    @Nullable FrontMatter frontMatter;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Where the images of written Markdown go (used by the Markdown format, not in this build "
                    + "yet).")
    @Nullable Path images;

    @Option(names = "--offline", description = "Never download images. This build does not fetch remote images "
            + "at all yet: images are read only from local files in each input's folder.")
    boolean offline;

    @Option(names = "--allow-private-hosts", description = "Allow images from loopback and private addresses "
            + "(used by remote image fetching; ignored with a warning for now).")
    boolean allowPrivateHosts;

    @ArgGroup(exclusive = true)
    @Nullable CacheChoice cache;

    @Option(names = "--strict", description = "Treat warnings as failures: an input with anything dropped or "
            + "repaired is not converted.")
    boolean strict;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1",
            description = "Convert up to N inputs at once (default: ${DEFAULT-VALUE}).")
    int jobs;

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
                || out.toString().endsWith(out.getFileSystem().getSeparator());

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
        String fromId = fromFormat == null ? null : fromFormat.id();
        int result = switch (mode) {
            case FILE -> convertFile(rep, files.get(0), fromId, out, target);
            case FOLDER -> convertIntoFolder(rep, files, inputFiles, fromId, out, target);
            case BOOK -> makeBook(rep, files, roots, fromId, out, target);
        };
        return failed ? 1 : result;
    }

    private int convertFile(Reporter rep, Input in, @Nullable String fromId, Path out, ArticleFormat target) {
        Converter c = converter(rep, in.display());
        try {
            if (target.writer().isEmpty()) {
                Book book = c.readBook(in.path(), fromId);
                c.writeBook(book.toBuilder().metadata(override(book.metadata())).build(), out, target.id());
            } else {
                Article a = c.read(in.path(), fromId);
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
        List<Outcome> outcomes = Jobs.run(files, jobs, progressStream(files.size()), "Reading", in -> {
            try {
                return new Outcome(in, true, converter(rep, in.display()).readBook(in.path(), fromId).articles());
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
        Book book = Book.builder().metadata(bookMetadata(articles, roots)).articles(articles).build();
        try {
            converter(rep, out.toString()).writeBook(book, out, target.id());
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
        return Converter.builder().strict(strict).options(formatOptions())
                .warnings(d -> rep.warning(d.inFile(file).toString())).build();
    }

    /** The format options the flags ask for. */
    private FormatOptions formatOptions() {
        if (frontMatter == null) {
            return FormatOptions.none();
        }
        MarkdownOptions.FrontMatter syntax = switch (frontMatter) {
            case yaml -> MarkdownOptions.FrontMatter.YAML;
            case toml -> MarkdownOptions.FrontMatter.TOML;
            case json -> MarkdownOptions.FrontMatter.JSON;
        };
        return FormatOptions.of(MarkdownOptions.builder().frontMatter(syntax).build());
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
        if (!fonts.isEmpty()) {
            pdf.add("--font");
        }
        if (pageSize != null) {
            pdf.add("--page-size");
        }
        if (pdfa) {
            pdf.add("--pdfa");
        }
        if (password != null) {
            pdf.add("--password");
        }
        List<String> markdown = new ArrayList<>();
        if (frontMatter != null && !target.id().equals("markdown")) {
            rep.warning("--front-matter is ignored: it only affects markdown output");
        }
        if (images != null) {
            markdown.add("--images");
        }
        for (String flag : pdf) {
            rep.warning(ignored(flag, "pdf", registry, target));
        }
        for (String flag : markdown) {
            rep.warning(ignored(flag, "markdown", registry, target));
        }
        List<String> remote = new ArrayList<>();
        if (allowPrivateHosts) {
            remote.add("--allow-private-hosts");
        }
        if (cache != null) {
            remote.add(cache.none ? "--no-cache" : "--cache");
        }
        for (String flag : remote) {
            rep.warning(flag + " is ignored: this build does not download images; they are read only from "
                    + "local files in each input's folder");
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
