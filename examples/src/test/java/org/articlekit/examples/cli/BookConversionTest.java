package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several inputs with a book output, through the test-only {@link TitleListFormat} (the real book
 * formats, EPUB and PDF, are not built yet).
 */
class BookConversionTest {

    @TempDir
    Path dir;

    @Test
    void makesOneBookOrderedByDateThenName() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Cli.writePage(posts.resolve("c.html"), "Third (no date)", "");
        Cli.writePage(posts.resolve("b.html"), "Second (same day, later name)", "2024-02-01T10:00:00+08:00");
        Cli.writePage(posts.resolve("a.html"), "First (same day, earlier name)", "2024-02-01T02:00:00Z");
        Cli.writePage(posts.resolve("z.html"), "Zeroth (earliest)", "2023-12-31");
        Path book = dir.resolve("book.titles");

        Cli.Result r = Cli.run("convert", posts, "-o", book, "--jobs", "2");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(book)).containsExactly("# posts |  | en", "Zeroth (earliest)",
                "First (same day, earlier name)", "Second (same day, later name)", "Third (no date)");
    }

    @Test
    void titleAuthorAndLanguageFlagsSetTheBooksMetadata() throws IOException {
        Path a = Cli.writePage(dir.resolve("a.html"), "A", "2024-01-01");
        Path b = Cli.writePage(dir.resolve("b.html"), "B", "2024-01-02");
        Path book = dir.resolve("out.titles");

        Cli.Result r = Cli.run("convert", a, b, "-o", book, "--title", "合集", "--author", "编者", "--language", "zh");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readAllLines(book)).containsExactly("# 合集 | 编者 | zh", "A", "B");
    }

    @Test
    void aFailingInputWritesNoBook() throws IOException {
        Path a = Cli.writePage(dir.resolve("a.html"), "A", "2024-01-01");
        Path book = dir.resolve("out.titles");

        Cli.Result r = Cli.run("convert", a, dir.resolve("missing.html"), "-o", book);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().matches("^articlekit: error: .*missing\\.html: .*");
        assertThat(book).doesNotExist();
    }

    @Test
    void aFailingWriteLeavesTheExistingBookUntouched() throws IOException {
        Path a = Cli.writePage(dir.resolve("a.html"), "A", "2024-01-01");
        Path b = Cli.writePage(dir.resolve("b.html"), "FAIL", "2024-01-02");
        Path book = Files.writeString(dir.resolve("out.titles"), "old book");

        Cli.Result r = Cli.run("convert", a, b, "-o", book);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: ").contains("FAIL");
        assertThat(book).hasContent("old book");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("a.html", "b.html",
                    "out.titles");
        }
    }

    @Test
    void aBookInsideTheScannedFolderIsRefused() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Cli.writePage(posts.resolve("a.html"), "A", "2024-01-01");

        Cli.Result r = Cli.run("convert", posts, "-o", posts.resolve("book.titles"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("inside the input folder");
        assertThat(posts.resolve("book.titles")).doesNotExist();
    }

    @Test
    void aBookShowsReadingAndWritingProgressOnATerminalOnlyAndOneSummaryLine() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        for (int i = 1; i <= 3; i++) {
            Cli.writePage(posts.resolve("p" + i + ".html"), "Post " + i, "2024-01-0" + i);
        }

        Cli.Result onTerminal = Cli.runAs(true, "convert", posts, "-o", dir.resolve("t.epub"));
        Cli.Result piped = Cli.runAs(false, "convert", posts, "-o", dir.resolve("p.epub"));
        Cli.Result quiet = Cli.runAs(true, "convert", posts, "-o", dir.resolve("q.epub"), "--quiet");

        assertThat(onTerminal.status()).as(onTerminal.err()).isZero();
        assertThat(onTerminal.err()).contains("Reading", "Writing", "3/3");
        assertThat(onTerminal.errLines()).filteredOn(l -> l.startsWith("articlekit: ")).singleElement().asString()
                .startsWith("articlekit: wrote " + dir.resolve("t.epub") + ": 3 articles, 0 images, 0 warnings, ");
        assertThat(piped.errLines()).singleElement().asString().startsWith("articlekit: wrote ");
        assertThat(quiet.err()).isEmpty();
    }

    @Test
    void fromNamesTheFormatOfTheInputsOfABook() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "---\ntitle: Front matter title\n---\n\nBody.\n");
        Path book = dir.resolve("notes.epub");

        Cli.Result r = Cli.run("convert", notes, "--from", "markdown", "-o", book);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(org.articlekit.ArticleKit.converter().readBook(book, null).articles().get(0).metadata().title())
                .contains("Front matter title");
    }
}
