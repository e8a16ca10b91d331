package org.articlekit.epub.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.articlekit.epub.internal.EpubCheck;
import org.articlekit.epub.internal.EpubReader;
import org.articlekit.epub.internal.EpubWriter;
import org.articlekit.spi.ConversionContext;
import org.junit.jupiter.api.Test;

/**
 * Optional checks against real EPUBs in {@code ../../shared/corpus/epub} (skipped when the folder
 * is absent): the sample books and epubcheck's valid cases are read; its invalid cases are read or
 * refused with a typed error, never a crash. The smallest samples are also written back and checked
 * with epubcheck (all of them would take minutes: epubcheck is slow on the large books).
 */
class EpubCorpusTest {

    private static final Path CORPUS = Path.of("../../shared/corpus/epub");
    private static final int WRITTEN_BACK = 3;

    private static List<Path> files(String folder) throws IOException {
        Path dir = CORPUS.resolve(folder);
        assumeTrue(Files.isDirectory(dir), "no corpus at " + dir.toAbsolutePath());
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".epub")).sorted().toList();
        }
    }

    private static Book read(Path p, List<Diagnostic> warnings) throws IOException {
        ConversionContext ctx = ConversionContext.builder().sourceName(p.getFileName().toString())
                .warnings(warnings::add).build();
        return new EpubReader().readBook(new ByteArrayInputStream(Files.readAllBytes(p)), ctx);
    }

    @Test
    void everySampleBookIsReadIntoArticlesAndTheSmallestAreWrittenBackAsValidEpubs() throws IOException {
        List<Path> samples = files("samples");
        List<Path> bySize = new ArrayList<>(samples);
        bySize.sort(java.util.Comparator.comparingLong(p -> p.toFile().length()));
        List<Path> rewrite = bySize.subList(0, Math.min(WRITTEN_BACK, bySize.size()));
        int articles = 0;
        for (Path p : samples) {
            Book book = read(p, new ArrayList<>());
            assertThat(book.articles()).as(p.toString()).isNotEmpty();
            articles += book.articles().size();
            if (!rewrite.contains(p)) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new EpubWriter().writeBook(book, out, ConversionContext.builder().build());
            assertThat(EpubCheck.problems(out.toByteArray())).as("rewritten " + p).isEmpty();
        }
        System.out.println("EPUB corpus: " + samples.size() + " sample books read, " + articles
                + " articles; the " + rewrite.size() + " smallest written back, all valid");
    }

    @Test
    void everyValidCaseIsReadAndEveryInvalidOneIsReadOrRefusedCleanly() throws IOException {
        List<Path> valid = files("epubcheck-valid");
        for (Path p : valid) {
            read(p, new ArrayList<>());
        }
        int refused = 0;
        int recovered = 0;
        List<Path> invalid = files("epubcheck-invalid");
        for (Path p : invalid) {
            try {
                read(p, new ArrayList<>());
                recovered++;
            } catch (ArticleFormatException e) {
                assertThat(e.getMessage()).as(p.toString()).startsWith(p.getFileName().toString());
                refused++;
            }
        }
        System.out.println("EPUB corpus: " + valid.size() + " valid cases read; " + invalid.size()
                + " invalid cases: " + refused + " refused with an error naming the file, " + recovered + " read");
    }
}
