package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Optional corpus check (skipped when {@code ../shared} is absent, as in a user's clone): every
 * visible real post of {@code ../shared/corpus/posts} — Hexo, Jekyll and Hugo, half of them Chinese —
 * bound by the command line into one EPUB, which must pass epubcheck with no error or warning.
 */
class PostsCorpusBookIT {

    static final Path POSTS = Path.of("../../shared/corpus/posts");

    @TempDir
    Path dir;

    @Test
    void everyVisiblePostBindsIntoOneValidBook() throws IOException {
        assumeTrue(Files.isDirectory(POSTS), "corpus not present");
        Path book = dir.resolve("posts.epub");

        Cli.Result r = Cli.run("convert", POSTS, "-o", book, "--offline", "--title", "All posts", "--quiet");

        assertThat(r.status()).as(r.err()).isZero();
        List<String> chapters = EpubCommandTest.entries(book).stream()
                .filter(n -> n.matches("EPUB/c\\d+\\.xhtml")).toList();
        System.out.println("posts corpus book: " + chapters.size() + " chapters, " + Files.size(book) + " bytes");
        assertThat(chapters).hasSizeGreaterThanOrEqualTo(2_187);
        assertThat(EpubCommandTest.epubcheck(book)).isEmpty();
    }
}
