package org.articlekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.Metadata;

/**
 * Times the EPUB book writer in-process: generates {@code COUNT} HTML posts with
 * {@link PostGenerator}, reads them (each article's images stay references until the book is
 * written), and writes one EPUB. The command-line timing with peak memory is {@code epub-book.sh}.
 *
 * <pre>
 * java -cp … org.articlekit.benchmarks.EpubBookBenchmark DIR COUNT OUT.epub
 * </pre>
 */
public final class EpubBookBenchmark {

    private EpubBookBenchmark() {
    }

    /**
     * @param args the posts folder, the number of posts, the EPUB to write
     * @throws IOException when a post cannot be read or the book written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: EpubBookBenchmark DIR COUNT OUT.epub");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        PostGenerator.generate(dir, Integer.parseInt(args[1]), "html");
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".html")).sorted(Comparator.naturalOrder()).toList();
        }
        // One book writer resolving against the posts folder: the generated posts sit in one folder.
        Converter converter = Converter.builder().build();
        List<Article> articles = new ArrayList<>();
        for (Path p : files) {
            articles.add(converter.read(p));
        }
        long read = System.nanoTime();
        Book book = Book.builder().metadata(Metadata.builder().title("Benchmark").build()).articles(articles).build();
        Path out = Path.of(args[2]);
        Converter writer = Converter.builder().resolvers(d -> org.articlekit.spi.ResourceResolver.localFiles(dir))
                .build();
        writer.writeBook(book, out, "epub");
        long done = System.nanoTime();
        System.out.printf("%d posts: read %.2f s, wrote %.2f s, %,d bytes%n", files.size(), (read - start) / 1e9,
                (done - read) / 1e9, Files.size(out));
    }
}
