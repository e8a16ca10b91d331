package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.articlekit.Article;
import org.articlekit.ArticleSource;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.web.WebClient;
import org.articlekit.web.WebPage;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code articlekit info}: the metadata and body statistics of articles, as text or JSON. */
@Command(name = "info", sortOptions = false, mixinStandardHelpOptions = true,
        parameterListHeading = "%nParameters:%n", optionListHeading = "%nOptions:%n", versionProvider = Main.Version.class, usageHelpAutoWidth = true,
        description = {
            "Show the metadata of articles: one entry per article of every INPUT (a folder is searched like "
                    + "convert does; a book gives one entry per chapter).",
            "",
            "--json prints {\"format\": ID of the first input, \"articles\": [{\"format\", \"file\", \"title\", "
                    + "\"authors\", \"published\", \"updated\", \"language\", \"summary\", \"tags\", \"categories\", "
                    + "\"cover\", \"thumbnail\", \"source\", \"identifier\", \"extra\", \"subtitle\", \"canonical\", "
                    + "\"publisher\", \"characters\", \"images\"}]}.",
            "Absent values are null (lists: []). Categories are arrays of path segments, broadest first.",
            "Dates are {\"text\": as written, \"instant\": …, \"zone\": true|false}: with a zone, \"instant\" is the "
                    + "UTC instant (2024-04-12T01:30:00Z); without one it is the ISO local date-time or day the text "
                    + "names (2024-04-12T09:30:00, 2024-04-12), never placed in a guessed zone; null when the text "
                    + "is not understood as a date.",
            "\"characters\" is the length of the body text in Unicode code points; \"images\" the number of "
                    + "images in the body."},
        footer = {
            "",
            "Examples:",
            "  articlekit info examples/articles/*.html",
            "  articlekit info --json examples/articles | jq '.articles[].title'",
            "",
            "Exit status: 0 success; 1 an input could not be read (its error is on stderr, the others are "
                    + "still shown); 2 a usage error."})
final class InfoCommand implements Callable<Integer> {

    @Spec
    @Nullable CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "INPUT",
            description = "Article files or folders, or http(s) addresses of pages, feeds and web archives (public "
                    + "addresses only unless --allow-private-hosts). Put them after '--' when a name starts with '-'.")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--from", paramLabel = "FMT", description = "The input format, instead of detecting it.")
    @Nullable String from;

    @Mixin
    Verbosity verbosity = new Verbosity();

    @Mixin
    NetworkFlags network = new NetworkFlags();

    private final PrintStream out;
    private final PrintStream err;

    InfoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        Reporter rep = new Reporter(err, verbosity.quiet, verbosity.debug);
        FormatRegistry registry = FormatRegistry.defaults();
        ArticleFormat fromFormat = null;
        if (from != null) {
            String id = from;
            fromFormat = registry.find(id).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--from: unknown format '" + id + "'; known formats: " + String.join(", ", registry.ids())));
        }
        String problem = network.check();
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
        boolean failed = false;
        List<Object> files = new ArrayList<>();
        WebClient web = new WebClient(network.webOptions());
        for (String location : inputs) {
            if (ArticleSource.isUrl(location)) {
                try {
                    files.add(ArticleSource.urls(List.of(new URI(location.strip()))).urls().get(0));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    rep.failure(location, new IllegalArgumentException("not a valid address: " + e.getMessage(), e));
                    failed = true;
                }
                continue;
            }
            Path p = Path.of(location);
            try {
                files.addAll(ArticleSource.of(p).files(registry, d -> rep.warning(d.toString())));
            } catch (IOException e) {
                rep.failure(p.toString(), e);
                failed = true;
            }
        }

        String firstFormat = null;
        List<Object> entries = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Object in : files) {
            String file = in instanceof ArticleSource.Entry e ? e.path().toString() : in.toString();
            Converter c = Converter.builder().warnings(d -> rep.diagnostic(d, file)).build();
            try {
                String format;
                Book book;
                if (in instanceof ArticleSource.Entry e) {
                    format = fromFormat != null ? fromFormat.id() : c.detect(e.path()).id();
                    book = c.readBook(e.path(), format);
                } else {
                    WebPage page = web.fetch((URI) in);
                    format = fromFormat != null ? fromFormat.id() : c.detect(page).id();
                    book = c.readBook(page, format);
                }
                if (firstFormat == null) {
                    firstFormat = format;
                }
                for (Article a : book.articles()) {
                    if (json) {
                        entries.add(ArticleSummary.json(a, file, format));
                    } else {
                        text.append(text.length() == 0 ? "" : "\n").append(ArticleSummary.text(a, file, format));
                    }
                }
            } catch (IOException | RuntimeException e) {
                rep.failure(file, e);
                failed = true;
            }
        }
        if (json) {
            Map<String, @Nullable Object> root = new LinkedHashMap<>();
            root.put("format", firstFormat);
            root.put("articles", entries);
            out.println(PrettyJson.write(root));
        } else {
            out.print(text);
        }
        out.flush();
        return failed ? 1 : 0;
    }
}
