package org.articlekit.examples.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ConversionContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The visible corpora as a robustness run (issue #8, G1–G3): every file in
 * {@code ../shared/corpus/epub} (all folders), {@code ../shared/corpus/pdf},
 * {@code ../shared/corpus/readability} ({@code source.html}) and {@code ../shared/corpus/posts}
 * either converts — read, then every article written as Markdown (EPUB, PDF, HTML) or as HTML
 * (posts) — or fails with an {@link ArticleFormatException}; no other throwable and no hang (a
 * preemptive timeout per file). The readers are called directly, not through the
 * {@link Converter}, whose safety net would turn a runtime exception into a clean failure. Skipped
 * when the corpus is absent; prints the counts per corpus.
 */
@Tag("corpus")
class CorporaRobustnessTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");
    /** G1 allows 10 s per conversion; twice that, because the build shares two cores. A hang guard, not a benchmark. */
    private static final Duration PER_FILE = Duration.ofSeconds(20);

    private final Converter converter = Converter.builder().build();

    @Test
    void everyCorpusFileConvertsOrFailsCleanly() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "no corpus at " + CORPUS.toAbsolutePath());
        Map<String, int[]> counts = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        run("epub", files("epub", ".epub"), "epub", "markdown", counts, crashes);
        run("pdf", files("pdf", ".pdf"), "pdf", "markdown", counts, crashes);
        run("readability", files("readability", "source.html"), "html", "markdown", counts, crashes);
        List<Path> posts = new ArrayList<>(files("posts", ".md"));
        posts.addAll(files("posts", ".markdown"));
        run("posts", posts, "markdown", "html", counts, crashes);

        counts.forEach((corpus, c) -> System.out.println("corpus " + corpus + ": " + (c[0] + c[1]) + " files, "
                + c[0] + " converted, " + c[1] + " rejected with ArticleFormatException"));
        assertThat(crashes).as("files that neither converted nor failed cleanly").isEmpty();
        assertThat(counts.values().stream().mapToInt(c -> c[0]).sum()).as("files converted").isPositive();
    }

    private void run(String corpus, List<Path> files, String from, String to, Map<String, int[]> counts,
            List<String> crashes) {
        int[] c = counts.computeIfAbsent(corpus, k -> new int[2]);
        ArticleFormat reader = converter.registry().byId(from);
        ArticleFormat writer = converter.registry().byId(to);
        for (Path file : files) {
            try {
                boolean converted = assertTimeoutPreemptively(PER_FILE, () -> convert(file, reader, writer),
                        () -> file + " did not finish within " + PER_FILE.toSeconds() + " s");
                c[converted ? 0 : 1]++;
            } catch (Throwable t) {
                crashes.add(CORPUS.relativize(file) + ": " + t);
            }
        }
    }

    /** @return true when converted, false when refused with an {@link ArticleFormatException} */
    private boolean convert(Path file, ArticleFormat from, ArticleFormat to) throws IOException {
        ConversionContext ctx = converter.context(file);
        List<Article> articles;
        try {
            byte[] data = Files.readAllBytes(file);
            if (from.bookReader().isPresent()) {
                Book book = from.bookReader().get().readBook(new ByteArrayInputStream(data), ctx);
                articles = book.articles();
            } else {
                articles = List.of(from.reader().orElseThrow().read(new ByteArrayInputStream(data), ctx));
            }
        } catch (ArticleFormatException e) {
            assertThat(e.getMessage()).as("the error names the file").startsWith(file.toString());
            return false;
        }
        for (Article a : articles) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            to.writer().orElseThrow().write(a, out, converter.context(null));
            assertThat(out.size()).as(file.toString()).isPositive();
        }
        return true;
    }

    private static List<Path> files(String folder, String suffix) throws IOException {
        Path dir = CORPUS.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .toList();
        }
    }
}
