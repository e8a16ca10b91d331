package org.articlekit.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.Metadata;

/**
 * Measures the PDF writer on generated posts (see {@link PostGenerator}, html mode).
 *
 * <p>Usage: {@code PdfBenchmark book POSTS_DIR OUT.pdf} reads every post (ordered by date, then
 * name, as the CLI does) and writes one PDF book, printing the wall time; {@code PdfBenchmark warm
 * POSTS_DIR} writes the first post as a one-article PDF 30 times and prints the median of the last
 * 20 (warm) runs. Run it under {@code /usr/bin/time -v} for peak memory; see {@code pdf.sh}.
 */
public final class PdfBenchmark {

    private PdfBenchmark() {
    }

    /**
     * @param args {@code book POSTS_DIR OUT.pdf} or {@code warm POSTS_DIR}
     * @throws IOException when reading or writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PdfBenchmark book POSTS_DIR OUT.pdf | warm POSTS_DIR");
        }
        // a book of thousands of posts takes longer than the default limit of 60 s per conversion
        Converter converter = Converter.builder()
                .limits(org.articlekit.Limits.builder().timeout(java.time.Duration.ofHours(1)).build()).build();
        List<Path> posts;
        try (Stream<Path> s = Files.list(Path.of(args[1]))) {
            posts = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        long start = System.nanoTime();
        if (args[0].equals("book")) {
            List<Article> articles = new ArrayList<>();
            for (Path p : posts) {
                articles.add(converter.read(p));
            }
            articles.sort(Comparator.comparingLong((Article a) -> a.metadata().published()
                    .map(ArticleDate::sortKey).orElse(Long.MAX_VALUE)));
            long read = System.nanoTime();
            Book book = Book.builder().metadata(Metadata.builder().title("Benchmark book").language("zh-CN").build())
                    .articles(articles).build();
            converter.writeBook(book, Path.of(args[2]), "pdf");
            long end = System.nanoTime();
            System.out.printf("%d posts: read %.2f s, PDF %.2f s, total %.2f s, %d bytes%n", posts.size(),
                    (read - start) / 1e9, (end - read) / 1e9, (end - start) / 1e9, Files.size(Path.of(args[2])));
        } else {
            Article first = converter.read(posts.get(0));
            double[] ms = new double[30];
            for (int i = 0; i < ms.length; i++) {
                long t = System.nanoTime();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                converter.write(first, out, "pdf");
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] warm = Arrays.copyOfRange(ms, 10, ms.length);
            Arrays.sort(warm);
            System.out.printf("one article: first %.0f ms, warm median %.0f ms (min %.0f, max %.0f)%n", ms[0],
                    warm[warm.length / 2], warm[0], warm[warm.length - 1]);
        }
    }
}
