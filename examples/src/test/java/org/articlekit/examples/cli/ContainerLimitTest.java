package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A book file carries its images, so it may be as large as the input limit plus the image limit;
 * text formats keep the input limit. (A 1,000-post EPUB of 92 MB could not be read back.)
 */
class ContainerLimitTest {

    @Test
    void aBookLargerThanTheInputLimitReadsButAPageThatLargeDoesNot(@TempDir Path dir) throws IOException {
        Path epub = dir.resolve("book.epub");
        assertThat(Cli.run("convert", Path.of("articles"), "-o", epub, "--offline", "--quiet").status()).isZero();
        long size = Files.size(epub);
        Limits tight = Limits.builder().maxInputBytes(size / 4).build();
        Converter converter = Converter.builder().limits(tight).build();

        Book book = converter.readBook(epub, null);

        assertThat(book.articles()).hasSize(5);
        Path page = Files.writeString(dir.resolve("big.html"), "<p>" + "长".repeat((int) size / 4) + "</p>");
        assertThatThrownBy(() -> converter.read(page)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith(page + ": ").hasMessageContaining("over the input limit");
    }
}
