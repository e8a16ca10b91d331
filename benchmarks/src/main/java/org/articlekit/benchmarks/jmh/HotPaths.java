package org.articlekit.benchmarks.jmh;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.benchmarks.PostGenerator;
import org.articlekit.benchmarks.PostGenerator.Post;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.BookWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH microbenchmarks of ArticleKit's hot paths, on posts made in memory by {@link PostGenerator}
 * (seed 42). Each operation handles one post, going round the first {@value #POSTS} posts (on
 * average 4.3 KB of Markdown, 5 KB of body HTML, 10.5 KB of whole page), so the time per operation
 * is the time per average post; the setup prints the average input sizes, which turn it into MB/s.
 *
 * <p>Quick settings by default (1 fork, 2 × 1 s warm-up, 3 × 1 s measured); JMH's own options
 * override them, e.g. {@code benchmarks/jmh.sh HotPaths.normalizer -f 3 -wi 5 -i 10}.
 *
 * <ul>
 *   <li>{@code frontMatter}: a post holding only its YAML front matter, read by the Markdown reader;
 *       {@code emptyPost}, the same reader on a post without front matter, is its baseline.</li>
 *   <li>{@code markdownToBody}: a whole post, front matter, CommonMark and the body normaliser.</li>
 *   <li>{@code normalizer}: {@link BodyNormalizer} on the post's body as HTML.</li>
 *   <li>{@code extractor}: a whole blog page (navigation, sidebar, footer) read by the HTML reader:
 *       decoding, metadata, main-content extraction, normalising; {@code parsePage}, jsoup alone on
 *       the same page, is its baseline.</li>
 *   <li>{@code bodyToMarkdown}: the Markdown writer on an article read beforehand.</li>
 *   <li>{@code epubSmallBook}: a {@value #BOOK}-article EPUB with its images, written to memory.</li>
 *   <li>{@code pdfOneArticle}: one article with its images typeset to PDF in memory.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HotPaths {

    static final int POSTS = 20;
    static final int BOOK = 10;

    private final PostGenerator generator = new PostGenerator(PostGenerator.DEFAULT_SEED);
    private final FormatRegistry registry = FormatRegistry.defaults();
    private ArticleReader markdownReader;
    private ArticleWriter markdownWriter;
    private ArticleReader htmlReader;
    private ArticleWriter pdfWriter;
    private BookWriter epubWriter;
    private ResourceResolver images;

    private byte[][] markdown;
    private byte[][] frontMatterOnly;
    private byte[][] bodyOnly;
    private String[] bodyHtml;
    private byte[][] pages;
    private String[] pageText;
    private Article[] articles;
    private Book book;
    private int next;

    /**
     * Makes the posts and reads the articles the writers need.
     *
     * @throws IOException when a generated post cannot be read
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        markdownReader = registry.byId("markdown").reader().orElseThrow();
        markdownWriter = registry.byId("markdown").writer().orElseThrow();
        htmlReader = registry.byId("html").reader().orElseThrow();
        pdfWriter = registry.byId("pdf").writer().orElseThrow();
        epubWriter = registry.byId("epub").bookWriter().orElseThrow();
        images = reference -> {
            byte[] data = generator.image(reference);
            if (data == null) {
                throw new ResourceUnavailableException(reference, "not a generated image");
            }
            return Resource.of(data, reference.endsWith(".png") ? "image/png" : "image/jpeg", reference);
        };
        List<Post> posts = generator.posts(POSTS);
        markdown = new byte[POSTS][];
        frontMatterOnly = new byte[POSTS][];
        bodyOnly = new byte[POSTS][];
        bodyHtml = new String[POSTS];
        pages = new byte[POSTS][];
        pageText = new String[POSTS];
        articles = new Article[POSTS];
        long mdBytes = 0;
        long htmlBytes = 0;
        long pageBytes = 0;
        for (int i = 0; i < POSTS; i++) {
            Post p = posts.get(i);
            String md = p.markdown();
            int end = md.indexOf("\n---\n", 4) + 5;
            markdown[i] = md.getBytes(StandardCharsets.UTF_8);
            frontMatterOnly[i] = (md.substring(0, end) + "\nx\n").getBytes(StandardCharsets.UTF_8);
            bodyOnly[i] = "x\n".getBytes(StandardCharsets.UTF_8);
            bodyHtml[i] = p.bodyHtml();
            pages[i] = p.page().getBytes(StandardCharsets.UTF_8);
            pageText[i] = p.page();
            articles[i] = markdownReader.read(new ByteArrayInputStream(markdown[i]), context(p.fileName("md")));
            mdBytes += markdown[i].length;
            htmlBytes += bodyHtml[i].getBytes(StandardCharsets.UTF_8).length;
            pageBytes += pages[i].length;
        }
        book = Book.builder().metadata(Metadata.builder().title("基准 Benchmark").language("zh-CN").build())
                .articles(List.of(articles).subList(0, BOOK)).build();
        System.out.printf(Locale.ROOT, "%n%d posts; average bytes per post: Markdown %d, body HTML %d, whole page %d%n",
                POSTS, mdBytes / POSTS, htmlBytes / POSTS, pageBytes / POSTS);
    }

    private ConversionContext context(String name) {
        return ConversionContext.builder().sourceName(name).resolver(images).build();
    }

    private int next() {
        int i = next;
        next = (i + 1) % POSTS;
        return i;
    }

    /**
     * @return the article
     * @throws IOException never, for generated posts
     */
    @Benchmark
    public Article frontMatter() throws IOException {
        return markdownReader.read(new ByteArrayInputStream(frontMatterOnly[next()]), context("post.md"));
    }

    /**
     * @return the article
     * @throws IOException never, for generated posts
     */
    @Benchmark
    public Article emptyPost() throws IOException {
        return markdownReader.read(new ByteArrayInputStream(bodyOnly[next()]), context("post.md"));
    }

    /**
     * @return the article
     * @throws IOException never, for generated posts
     */
    @Benchmark
    public Article markdownToBody() throws IOException {
        return markdownReader.read(new ByteArrayInputStream(markdown[next()]), context("post.md"));
    }

    /**
     * @return the body
     * @throws IOException never, for generated posts
     */
    @Benchmark
    public Body normalizer() throws IOException {
        return BodyNormalizer.builder().build().normalize(bodyHtml[next()]);
    }

    /**
     * @return the article
     * @throws IOException never, for generated posts
     */
    @Benchmark
    public Article extractor() throws IOException {
        return htmlReader.read(new ByteArrayInputStream(pages[next()]), context("post.html"));
    }

    /** @return the parsed page */
    @Benchmark
    public Document parsePage() {
        return Jsoup.parse(pageText[next()]);
    }

    /**
     * @return the Markdown
     * @throws IOException never, for generated posts
     */
    @Benchmark
    public byte[] bodyToMarkdown() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        markdownWriter.write(articles[next()], out, context("post.md"));
        return out.toByteArray();
    }

    /**
     * @return the EPUB
     * @throws IOException never, for generated posts
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] epubSmallBook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        epubWriter.writeBook(book, out, context("book.epub"));
        return out.toByteArray();
    }

    /**
     * @return the PDF
     * @throws IOException never, for generated posts
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public byte[] pdfOneArticle() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        pdfWriter.write(articles[next()], out, context("post.pdf"));
        return out.toByteArray();
    }

    /**
     * Runs the whole class with the settings above, for a quick try from an IDE.
     *
     * @param args JMH options
     * @throws Exception when JMH fails
     */
    public static void main(String[] args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        if (a.isEmpty()) {
            a.add(HotPaths.class.getName());
        }
        org.openjdk.jmh.Main.main(a.toArray(new String[0]));
    }
}
