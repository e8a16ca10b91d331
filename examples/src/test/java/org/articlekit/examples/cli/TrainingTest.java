package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's training run converts the sample articles every way it means to. */
class TrainingTest {

    @Test
    void everyConversionOfTheSampleArticlesWorks(@TempDir Path work) throws IOException {
        assertThat(Training.train(Path.of("articles"), work)).isZero();
        assertThat(work.resolve("book.epub")).isNotEmptyFile();
        assertThat(work.resolve("book.pdf")).isNotEmptyFile();
        try (var files = Files.list(work.resolve("from-pdf"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".md"))).hasSize(5);
        }
    }
}
