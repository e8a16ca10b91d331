package org.articlekit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.articlekit.Converter;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.FormatOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of {@code convert} about the blog site posts come from: its engine and its resource root. */
final class SiteFlags {

    /** The blog engines whose rules the Markdown format follows. */
    enum Engine { hexo, jekyll, hugo }

    @Option(names = "--dialect", paramLabel = "hexo|jekyll|hugo",
            description = "The blog engine whose rules Markdown is read and written by (categories, summaries, "
                    + "key names); by default detected from the site a post is in (_config.yml with source/_posts: "
                    + "hexo; _config.yml with dated _posts: jekyll; hugo.toml or config.toml with content/: hugo), "
                    + "else hexo.")
    @Nullable Engine dialect;

    @Option(names = "--resource-root", paramLabel = "DIR",
            description = "Read site-root image paths such as /images/chart.jpg from DIR (the site's static "
                    + "folder); they must stay inside it.")
    @Nullable Path resourceRoot;

    /**
     * Puts the flags into a converter's settings: the resource root, and the dialect given or the
     * one of the site {@code file} is in.
     *
     * @param b the converter's builder, its format options already set
     * @param options the format options from the other flags
     * @param file the input file, or null or a name that is not a file
     * @param rep where a failed detection is reported
     */
    void apply(Converter.Builder b, FormatOptions options, @Nullable String file, Reporter rep) {
        b.resourceRoot(resourceRoot);
        MarkdownOptions.Dialect d = dialect == null ? detected(file, rep).orElse(null) : switch (dialect) {
            case hexo -> MarkdownOptions.Dialect.HEXO;
            case jekyll -> MarkdownOptions.Dialect.JEKYLL;
            case hugo -> MarkdownOptions.Dialect.HUGO;
        };
        if (d != null) {
            MarkdownOptions markdown = options.get(MarkdownOptions.class, MarkdownOptions::defaults);
            b.options(options.with(markdown.toBuilder().dialect(d).build()));
        }
    }

    /**
     * The engine found for each folder of posts: detection looks only at the post's folder and
     * those above it, so the posts of one folder (a thousand of them in a book) share one look.
     */
    private final Map<Path, Optional<MarkdownOptions.Dialect>> detectedByFolder = new ConcurrentHashMap<>();

    private Optional<MarkdownOptions.Dialect> detected(@Nullable String file, Reporter rep) {
        if (file == null) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(file);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            Path folder = p.toAbsolutePath().normalize().getParent();
            Optional<MarkdownOptions.Dialect> known = folder == null ? null : detectedByFolder.get(folder);
            if (known != null) {
                return known;
            }
            Optional<MarkdownOptions.Dialect> found = MarkdownOptions.Dialect.detect(p);
            if (folder != null) {
                detectedByFolder.put(folder, found);
            }
            return found;
        } catch (InvalidPathException e) {
            return Optional.empty();
        } catch (IOException e) {
            rep.warning(file + ": the blog engine could not be detected (" + e.getMessage() + "); hexo rules used");
            return Optional.empty();
        }
    }
}
