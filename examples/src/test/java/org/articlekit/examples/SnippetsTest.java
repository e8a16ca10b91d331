package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleKit;
import org.articlekit.Book;
import org.articlekit.BookBinder;
import org.articlekit.examples.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the README's library examples. */
class SnippetsTest {

    private static final Path ARTICLES = Path.of("articles");
    /** The sample articles in {@code examples/articles}. */
    private static final int SAMPLES = 5;
    private static final Path TOMATOES = Path.of("articles/balcony-tomatoes.html");

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream printed = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printTitlePrintsTheTitleOfAPage() throws IOException {
        Snippets.printTitle(TOMATOES, printed);

        assertThat(printed()).isEqualTo("在阳台上种番茄的一年" + System.lineSeparator());
    }

    @Test
    void printMetadataPrintsAuthorsDateAndCategories() throws IOException {
        Snippets.printMetadata(TOMATOES, printed);

        assertThat(printed().lines()).containsExactly("by 林小禾",
                "published 2024-10-20T19:30:00+08:00 = 2024-10-20T11:30:00Z", "category 生活 / 园艺");
    }

    @Test
    void convertWithWarningsWritesTheOutputAndPrintsWhatWasDropped() throws IOException {
        Path page = Files.writeString(tmp.resolve("page.html"), "<!DOCTYPE html><html><head><title>Hi</title>"
                + "</head><body><p>Text<script>alert(1)</script></p></body></html>");
        Path out = tmp.resolve("page-out.html");

        Snippets.convertWithWarnings(page, out, printed);

        assertThat(ArticleKit.read(out).metadata().title()).contains("Hi");
        assertThat(printed()).startsWith("warning: " + page);
    }

    @Test
    void retitleChangesTheMetadataBeforeWriting() throws IOException {
        Path out = tmp.resolve("retitled.html");

        Snippets.retitle(TOMATOES, out);

        Article a = ArticleKit.read(out);
        assertThat(a.metadata().title()).contains("A new title");
        assertThat(a.metadata().published().orElseThrow().text()).isEqualTo("2024-05-01T09:00:00+08:00");
        assertThat(a.metadata().authors()).containsExactly("林小禾");
    }

    @Test
    void cleanFragmentResolvesTheLazyImageAgainstTheBase() throws IOException {
        assertThat(Snippets.cleanFragment(printed).html())
                .isEqualTo("<p><img src=\"https://example.org/posts/a.jpg\" alt=\"\" /></p>");
    }

    @Test
    void remoteImagesReadsLocalImagesIntoResourcesAndRefusesLoopback() throws IOException {
        Article a = Snippets.remoteImages(tmp.resolve("cache")).read(TOMATOES);
        assertThat(a.resources().find("images/balcony-sunrise.png")).isPresent();
        Path page = Files.writeString(tmp.resolve("p.html"), "<html><body><p>x<img src=\"http://127.0.0.1:9/a.png\">"
                + "</p></body></html>");
        Article remote = Snippets.remoteImages(tmp.resolve("cache")).read(page);
        assertThat(remote.resources().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"epub", "pdf"})
    void bindFolderWritesTheSameBytesAsTheCommandLine(String format) throws IOException {
        Path fromJava = tmp.resolve("java." + format);
        Path fromCli = tmp.resolve("cli." + format);

        Snippets.bindFolder(ARTICLES, fromJava);
        int status = Main.run(new String[] {"convert", ARTICLES.toString(), "-o", fromCli.toString(), "--quiet"},
                printed, printed);

        assertThat(status).as(printed()).isZero();
        assertThat(Files.readAllBytes(fromJava)).as("the library's book is the command line's, byte for byte")
                .isEqualTo(Files.readAllBytes(fromCli));
        Book book = ArticleKit.converter().readBook(fromJava, null);
        assertThat(book.metadata().title()).contains("articles");
        List<Long> dates = book.articles().stream()
                .map(a -> a.metadata().published().orElseThrow().sortKey()).toList();
        assertThat(dates).hasSize(SAMPLES).isSorted();
    }

    @Test
    void bindWithProgressNamesTheBookAndReportsEveryChapter() throws IOException {
        Path out = tmp.resolve("notes.epub");

        BookBinder.Result r = Snippets.bindWithProgress(ARTICLES, out, printed);

        assertThat(r.articles()).isEqualTo(SAMPLES);
        assertThat(r.bytes()).isEqualTo(Files.size(out));
        assertThat(printed()).contains("chapter 1 of " + SAMPLES, "chapter " + SAMPLES + " of " + SAMPLES)
                .doesNotContain("warning");
        assertThat(ArticleKit.converter().readBook(out, null).metadata().title()).contains("My notes");
    }
}
