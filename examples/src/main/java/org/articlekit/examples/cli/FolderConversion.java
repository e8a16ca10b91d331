package org.articlekit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleSource;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.jspecify.annotations.Nullable;

/**
 * {@code convert} with {@code -o DIR}: each input into a file of its own in the folder, base names
 * kept (a book input gives one file per article), on up to {@code --jobs} threads.
 */
final class FolderConversion {

    private final ConvertCommand command;
    private final Reporter rep;
    private final @Nullable String fromId;
    private final ArticleFormat target;

    FolderConversion(ConvertCommand command, Reporter rep, @Nullable String fromId, ArticleFormat target) {
        this.command = command;
        this.rep = rep;
        this.fromId = fromId;
        this.target = target;
    }

    /**
     * @param files the inputs
     * @param inputFiles the real paths of the inputs named directly, which no output may overwrite
     * @param dir the folder
     * @return the exit status: 0 when every input was converted
     */
    int run(List<ArticleSource.Entry> files, Set<Path> inputFiles, Path dir) {
        String ext = target.extensions().get(0);
        OutputNames names = new OutputNames();
        Map<ArticleSource.Entry, Path> planned = new HashMap<>();
        for (ArticleSource.Entry in : files) {
            Path t = dir.resolve(names.reserve(OutputNames.baseName(in.path().getFileName().toString()), ext));
            if (Files.isDirectory(t)) {
                throw command.usage("the output " + t + " is a directory, not a file; move it away or choose "
                        + "another -o folder");
            }
            if (inputFiles.contains(OutputNames.realish(t))) {
                throw command.usage("the output " + t + " would overwrite the input " + in.path()
                        + "; choose another -o folder");
            }
            planned.put(in, t);
        }
        List<Path> created = OutputNames.missingFolders(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            rep.failure(dir.toString(), e);
            return 1;
        }
        List<Boolean> outcomes = Jobs.run(files, command.jobs, command.progressStream(files.size()), "Converting",
                in -> convert(in, planned.get(in), names, dir, ext));
        if (!outcomes.contains(true)) {
            for (int i = created.size() - 1; i >= 0; i--) {
                OutputNames.deleteQuietly(created.get(i));
            }
        }
        return outcomes.contains(false) ? 1 : 0;
    }

    private boolean convert(ArticleSource.Entry in, Path planned, OutputNames names, Path dir, String ext) {
        String file = in.path().toString();
        List<Path> written = new ArrayList<>();
        try {
            Converter c = command.converter(rep, file);
            Book book = c.readBook(in.path(), fromId);
            List<Article> articles = book.articles();
            if (articles.isEmpty()) {
                throw new ArticleFormatException(file, "holds no articles");
            }
            for (int i = 0; i < articles.size(); i++) {
                Path t = articles.size() == 1 ? planned : dir.resolve(names.reserve(
                        OutputNames.baseName(in.path().getFileName().toString()) + String.format("-%02d", i + 1), ext));
                Article a = articles.get(i);
                c.write(a.withMetadata(command.metadata.override(a.metadata())), t, target.id());
                written.add(t);
            }
            written.forEach(t -> rep.run().wrote(t.toString(), 1));
            return true;
        } catch (IOException | RuntimeException e) {
            rep.failure(file, e);
            written.forEach(OutputNames::deleteQuietly);
            return false;
        }
    }

    /**
     * Whether the output links images by address (Markdown, HTML) while an input is a book that holds its images
     * inside (EPUB, PDF), so that without an images folder the links would point nowhere.
     */
    static boolean embeddedImagesNeedFiles(List<ArticleSource.Entry> files, @Nullable ArticleFormat from,
            ArticleFormat target) {
        if (!target.id().equals("markdown") && !target.id().equals("html")) {
            return false;
        }
        if (from != null) {
            return from.id().equals("epub") || from.id().equals("pdf");
        }
        return files.stream().map(f -> f.path().getFileName().toString().toLowerCase(Locale.ROOT))
                .anyMatch(n -> n.endsWith(".epub") || n.endsWith(".pdf"));
    }
}
