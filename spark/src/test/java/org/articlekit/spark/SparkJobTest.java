package org.articlekit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.articlekit.examples.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job on a real local Spark ({@code local[2]}, loopback only, no web UI), compared with the
 * command line on the same inputs. One session serves every test.
 */
class SparkJobTest {

    private static final Path SAMPLES = Path.of("../examples/articles");
    private static final Path CORPUS = Path.of("../../shared/corpus");
    private static final Instant CRAWLED = Instant.parse("2026-11-20T06:00:00Z");

    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("articlekit-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** What one run of a command printed and returned. */
    record Run(int status, String out, String err) {
    }

    static Run job(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SparkConvert.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, InputStream.nullInputStream(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The files of a folder (not the failures file), by name. */
    static Map<String, String> files(Path folder) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.equals(ConvertJob.FAILURES)) {
                    m.put(n, Files.readString(p));
                }
            }
        }
        return m;
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ConvertJob.FAILURES)).sorted().toList();
        }
    }

    static List<String> failures(Path out) throws IOException {
        return Files.readAllLines(out.resolve(ConvertJob.FAILURES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"markdown", "html", "txt"})
    void theSampleArticlesComeOutAsTheCommandLineWritesThem(String to) throws IOException {
        Path byJob = dir.resolve("job");
        Path byCli = dir.resolve("cli");
        Run r = job("convert", "--input", SAMPLES.toString(), "--output", byJob.toString(), "--to", to);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(cli("convert", SAMPLES.toString(), "-o", byCli + "/", "--to", to, "--offline", "--quiet").status())
                .isZero();

        Map<String, String> job = new TreeMap<>();
        files(byJob).forEach((name, text) -> job.put(name.replaceFirst("-[0-9a-f]{12}(\\.[a-z]+)$", "$1"), text));
        Map<String, String> expected = files(byCli);
        assertThat(expected).hasSize(5);
        assertThat(job).isEqualTo(expected);
        assertThat(failures(byJob)).isEmpty();
        assertThat(r.err()).contains("5 converted").contains("0 failed");
    }

    /** An archive of pages (two in GB18030, one crawled twice, requests between) and one garbage record. */
    static Path crawl(Path file, int pages) throws IOException {
        try (TestWarc w = new TestWarc(file)) {
            for (int i = 0; i < pages; i++) {
                w.request(TestPages.uri(i), CRAWLED.plusSeconds(i));
                Charset cs = i % 50 == 7 ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
                w.page(TestPages.uri(i), CRAWLED.plusSeconds(i), TestPages.page(i), cs);
                if (i == pages / 2) {
                    w.garbage("https://news.example.org/broken.html", CRAWLED.plusSeconds(i));
                }
            }
            w.page(TestPages.uri(3), CRAWLED.plusSeconds(pages), TestPages.page(3).replace("</article>",
                    "<p>A later crawl.</p></article>"));
        }
        return file;
    }

    @Test
    void everyPageOfAnArchiveIsThePostTheCommandLineWritesAndTheGarbageIsAFailure() throws IOException {
        int pages = 300;
        Path warc = crawl(dir.resolve("crawl.warc.gz"), pages);
        Path byJob = dir.resolve("job");
        Path byCli = dir.resolve("cli");
        Run r = job("convert", "--input", warc.toString(), "--output", byJob.toString(), "--to", "markdown");
        assertThat(r.status()).as(r.err()).isZero();
        Run c = cli("convert", warc.toString(), "-o", byCli + "/", "--to", "markdown", "--offline");
        assertThat(c.status()).as(c.err()).isZero();

        List<String> job = new ArrayList<>(files(byJob).values());
        List<String> expected = new ArrayList<>(files(byCli).values());
        job.sort(null);
        expected.sort(null);
        assertThat(expected).hasSize(pages);
        assertThat(job).isEqualTo(expected);
        assertThat(files(byJob).keySet()).allMatch(n -> n.matches("[\\p{L}\\p{N}-]+-[0-9a-f]{12}\\.md"));
        assertThat(files(byJob)).containsKey(Names.forUrl(java.net.URI.create(TestPages.uri(0))) + ".md");

        List<String> failed = failures(byJob);
        assertThat(failed).hasSize(1);
        JsonNode f = new ObjectMapper().readTree(failed.get(0));
        assertThat(f.get("source").asText()).startsWith(warc.toString()).contains("offset");
        assertThat(f.get("error").asText()).isNotBlank().doesNotContain("\n");
        // 300 requests and the second crawl of one address are skipped
        assertThat(r.err()).contains(pages + " converted, " + (pages + 1) + " skipped, 1 failed");
    }

    @Test
    void jsonLinesHoldEveryArticleOnceWithItsMetadataAndBody() throws IOException {
        Path warc = crawl(dir.resolve("small.warc"), 12);
        Path out = dir.resolve("jsonl");
        Run r = job("convert", "--input", warc.toString(), SAMPLES.toString(), "--output", out.toString(), "--to",
                "jsonl", "--partitions", "3");
        assertThat(r.status()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String text : files(out).values()) {
            for (String line : text.split("\n")) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines).hasSize(12 + 5);
        assertThat(lines).extracting(n -> n.get("name").asText()).doesNotHaveDuplicates();
        JsonNode page0 = lines.stream().filter(n -> n.get("source").asText().equals(TestPages.uri(0))).findFirst()
                .orElseThrow();
        assertThat(page0.get("title").asText()).startsWith("第0篇");
        assertThat(page0.get("text").asText()).contains("清晨的菜市场");
        assertThat(page0.get("html").asText()).contains("<p>");
        assertThat(page0.get("published").get("instant").asText()).isEqualTo("2026-11-20T06:00:00Z");
        assertThat(failures(out)).hasSize(1);
    }

    @Test
    void aFolderOfPostsGroupedByMonthGivesOneValidEpubPerMonthInTheCommandLinesOrder() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        img.setRGB(3, 3, 0xff8800);
        ImageIO.write(img, "png", posts.resolve("dot.png").toFile());
        List<Path> october = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = i < 3 ? LocalDate.of(2026, 10, 28 - i * 5) : LocalDate.of(2026, 11, 1 + i % 2);
            Path p = posts.resolve("post-" + i + ".md");
            Files.writeString(p, TestPages.post(i, day));
            if (i < 3) {
                october.add(p);
            }
        }
        Path out = dir.resolve("books");
        Run r = job("convert", "--input", posts.toString(), "--output", out.toString(), "--book-by", "month", "--to",
                "epub");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly("2026-10.epub", "2026-11.epub");
        for (String book : List.of("2026-10.epub", "2026-11.epub")) {
            assertThat(epubcheck(out.resolve(book))).as(book).isEmpty();
        }
        assertThat(r.err()).contains("7 converted").contains("0 failed");

        // The same chapters, in the same order, as the command line's book of that month's posts.
        Path cliBook = dir.resolve("october.epub");
        List<String> args = new ArrayList<>(List.of("convert"));
        october.forEach(p -> args.add(p.toString()));
        args.addAll(List.of("-o", cliBook.toString(), "--title", "2026-10", "--offline", "--quiet"));
        assertThat(cli(args.toArray(String[]::new)).status()).isZero();
        assertThat(chapters(out.resolve("2026-10.epub"))).isEqualTo(chapters(cliBook)).hasSize(3);
    }

    @Test
    void aRecordOverTheLimitFailsAloneAndFailOnErrorSaysSo() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(Files.createDirectories(in.resolve("子 目录")).resolve("西湖 秋天.md"),
                TestPages.post(1, LocalDate.of(2026, 11, 3)));
        Files.writeString(in.resolve("_drafts.md"), TestPages.post(3, LocalDate.of(2026, 11, 3)));
        Files.writeString(in.resolve("large.md"), TestPages.post(2, LocalDate.of(2026, 11, 4)) + "x".repeat(5000));
        Path out = dir.resolve("out");
        Run r = job("convert", "--input", in.toString(), "--output", out.toString(), "--to", "html",
                "--max-input-bytes", "3000", "--fail-on-error");
        assertThat(r.status()).isEqualTo(1);
        assertThat(names(out)).singleElement().asString().matches("西湖-秋天-[0-9a-f]{12}\\.html");
        assertThat(failures(out)).singleElement().asString().contains("large.md").contains("3000");
        assertThat(job("convert", "--input", in.toString(), "--output", out.toString(), "--to", "epub").status())
                .isEqualTo(2);
    }

    @Test
    void severalHundredRealPagesComeOutAsTheCommandLineWritesThem() throws IOException {
        Path pages = CORPUS.resolve("html-pages");
        Path readability = CORPUS.resolve("readability");
        if (!Files.isDirectory(pages) || !Files.isDirectory(readability)) {
            System.err.println("SKIPPED: " + CORPUS + " is absent; the real-page archive check did not run");
        }
        assumeTrue(Files.isDirectory(pages) && Files.isDirectory(readability), "no corpus at " + CORPUS);
        List<Path> html = new ArrayList<>();
        try (Stream<Path> s = Stream.concat(Files.walk(pages), Files.walk(readability))) {
            s.filter(p -> p.getFileName().toString().endsWith(".html") && !p.getFileName().toString()
                    .startsWith("expected")).sorted().forEach(html::add);
        }
        Path warc = dir.resolve("real.warc.gz");
        try (TestWarc w = new TestWarc(warc)) {
            for (int i = 0; i < html.size(); i++) {
                String uri = "https://corpus.example.org/" + CORPUS.relativize(html.get(i)).toString().replace('\\', '/');
                w.page(uri.replace(" ", "%20"), CRAWLED.plusSeconds(i), Files.readString(html.get(i),
                        StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
                if (i == 10) {
                    w.garbage("https://corpus.example.org/garbage", CRAWLED);
                }
            }
        }
        Path byJob = dir.resolve("job");
        Path byCli = dir.resolve("cli");
        Run r = job("convert", "--input", warc.toString(), "--output", byJob.toString(), "--to", "markdown");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(cli("convert", warc.toString(), "-o", byCli + "/", "--to", "markdown", "--offline", "--quiet")
                .status()).isZero();
        List<String> job = new ArrayList<>(files(byJob).values());
        List<String> expected = new ArrayList<>(files(byCli).values());
        job.sort(null);
        expected.sort(null);
        assertThat(expected.size()).isGreaterThan(300);
        assertThat(job).isEqualTo(expected);
        assertThat(failures(byJob)).anyMatch(l -> l.contains("garbage") || l.contains("offset"));
    }

    /** The chapters' XHTML, in spine order. */
    static List<String> chapters(Path epub) throws IOException {
        Map<String, String> chapters = new TreeMap<>();
        try (InputStream in = Files.newInputStream(epub); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().matches("EPUB/c\\d+\\.xhtml")) {
                    chapters.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return new ArrayList<>(chapters.values());
    }

    static List<String> epubcheck(Path epub) {
        List<String> problems = new ArrayList<>();
        new EpubCheck(epub.toFile(), new MasterReport() {
            @Override
            public void message(Message m, EPUBLocation location, Object... args) {
                if (m.getSeverity() == Severity.WARNING || m.getSeverity() == Severity.ERROR
                        || m.getSeverity() == Severity.FATAL) {
                    problems.add(m.getID() + " " + location.getPath() + ": " + m.getMessage(args));
                }
            }

            @Override
            public void info(String resource, FeatureEnum feature, String value) {
            }

            @Override
            public int generate() {
                return 0;
            }

            @Override
            public void initialize() {
            }
        }).doValidate();
        return problems;
    }
}
