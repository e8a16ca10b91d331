package org.articlekit.internal.warc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleSource;
import org.articlekit.Book;
import org.articlekit.BookBinder;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcFormatTest {

    private static final String LIGHT = "https://harbour.example.org/posts/2025/first-light.html";
    private static final String TEA = "https://tea.example.org/2026/03/morning.html";
    private static final String NOTES = "https://harbour.example.org/posts/notes.html";

    @TempDir
    Path dir;

    private final List<Diagnostic> warnings = new ArrayList<>();
    private final FormatRegistry registry = FormatRegistry.defaults();

    private Converter converter() {
        return Converter.builder().warnings(warnings::add).build();
    }

    private Path write(String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, data);
        return p;
    }

    @Test
    void isFoundByItsOneAndTwoPartExtensions() {
        ArticleFormatAssert.named(registry, "crawl.warc.gz", "warc");
        ArticleFormatAssert.named(registry, "CRAWL.WARC.GZ", "warc");
        ArticleFormatAssert.named(registry, "dir.v2/crawl.warc", "warc");
        ArticleFormatAssert.named(registry, "dir.v2/page.html", "html");
        assertThat(registry.forFileName("x.tar.gz")).isEmpty();
        assertThat(registry.forFileName("notes.gz")).isEmpty();
        assertThat(registry.forFileName("dir.warc/gz")).isEmpty();
        assertThat(registry.find("warc.gz")).containsSame(registry.byId("warc"));
        assertThat(registry.byId("warc").mediaType()).isEqualTo("application/warc");
    }

    @Test
    void sniffsPlainAndGzippedArchivesByContent() {
        WarcFormat warc = new WarcFormat();
        TestArchive crawl = TestArchive.crawl();
        assertThat(warc.sniff(head(crawl.warc()))).isEqualTo(90);
        assertThat(warc.sniff(head(crawl.warcGz()))).isEqualTo(90);
        assertThat(warc.sniff("WARC/1.0\r\nWARC-Type: warcinfo\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(90);
        assertThat(warc.sniff("<!DOCTYPE html><html></html>".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(warc.sniff(TestArchive.gzip("<html></html>".getBytes(StandardCharsets.US_ASCII)))).isZero();
        assertThat(warc.sniff("WARC/2.0\r\n".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(warc.sniff(new byte[] {0x1f, (byte) 0x8b})).isZero();
        assertThat(warc.sniff(new byte[0])).isZero();
    }

    @Test
    void sniffsAGzippedArchiveFromAHeadCutInsideItsFirstMember() {
        byte[] noise = new byte[40_000];
        new Random(7).nextBytes(noise);
        byte[] gz = TestArchive.create().record("resource", "https://x.example.org/noise", "2026-03-01T10:00:00Z",
                "application/octet-stream", noise).warcGz();

        assertThat(gz.length).isGreaterThan(8192);
        assertThat(new WarcFormat().sniff(Arrays.copyOf(gz, 8192))).isEqualTo(90);
        assertThat(registry.detect("", head(gz))).containsSame(registry.byId("warc"));
        assertThat(registry.detect("download.bin", head(gz))).containsSame(registry.byId("warc"));
    }

    private static byte[] head(byte[] data) {
        return Arrays.copyOf(data, Math.min(8192, data.length));
    }

    @Test
    void readsEachHtmlPageAsAnArticle() throws IOException {
        Path gz = write("crawl.warc.gz", TestArchive.crawl().warcGz());

        Book book = converter().readBook(gz, null);

        assertThat(book.articles()).extracting(a -> a.metadata().sourceUrl().orElseThrow().toString())
                .containsExactly(LIGHT, TEA, NOTES);
        assertThat(book.metadata().title()).isEmpty();
        Article light = book.articles().get(0);
        assertThat(light.metadata().title()).contains("First light over the harbour");
        assertThat(light.metadata().published().flatMap(ArticleDate::instant))
                .contains(Instant.parse("2025-11-02T00:30:00Z"));
        assertThat(light.body().html()).contains("src=\"https://harbour.example.org/posts/img/dawn.png\"")
                .contains("href=\"https://harbour.example.org/about/tides\"");
        Article tea = book.articles().get(1);
        assertThat(tea.metadata().title()).contains("山间茶园的清晨");
        assertThat(tea.body().text()).contains("采茶的人已经背着竹篓上了山").contains("整片茶园在阳光下闪着绿色的光")
                .doesNotContain("\uFFFD");
        assertThat(tea.metadata().published()).contains(ArticleDate.parse("2026-03-01T10:00:02Z"));
        assertThat(tea.metadata().published().flatMap(ArticleDate::instant))
                .contains(Instant.parse("2026-03-01T10:00:02Z"));
        assertThat(tea.body().html()).contains("https://tea.example.org/2026/03/pics/tea.jpg");
        assertThat(book.articles().get(2).body().text()).contains("the great compost debate");
        assertThat(warnings).filteredOn(d -> d.code().startsWith("warc.")).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("warc.skipped");
            assertThat(d.informational()).isTrue();
            assertThat(d.file()).isEqualTo(gz.toString());
            assertThat(d.message()).contains("read 3 HTML pages of 8 records").contains("1 warcinfo")
                    .contains("1 request").contains("1 image/png response").contains("1 response with status 404")
                    .contains("1 metadata");
        });
    }

    @Test
    void aPlainArchiveGivesTheSameBook() throws IOException {
        Book gz = converter().readBook(write("crawl.warc.gz", TestArchive.crawl().warcGz()), null);
        Book plain = converter().readBook(write("crawl.warc", TestArchive.crawl().warc()), null);

        assertThat(plain).isEqualTo(gz);
    }

    @Test
    void isDetectedByContentWhateverTheName() throws IOException {
        Path odd = write("download.bin", TestArchive.crawl().warcGz());

        assertThat(converter().detect(odd).id()).isEqualTo("warc");
        assertThat(converter().readBook(odd, null).articles()).hasSize(3);
    }

    @Test
    void aFolderScanFindsTheArchiveAndNotATarball() throws IOException {
        Path gz = write("crawl.warc.gz", TestArchive.crawl().warcGz());
        write("backup.tar.gz", TestArchive.gzip("not an article".getBytes(StandardCharsets.US_ASCII)));

        List<ArticleSource.Entry> files = ArticleSource.of(dir).files(registry, warnings::add);

        assertThat(files).extracting(ArticleSource.Entry::name).containsExactly("crawl.warc.gz");
        assertThat(files.get(0).path()).isEqualTo(gz);
    }

    @Test
    void anArchiveWithoutHtmlPagesIsAClearError() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        Path p = write("images.warc", TestArchive.create().warcinfo()
                .response("https://x.example.org/a.png", "2026-03-01T10:00:00Z",
                        TestArchive.http(200, List.of("Content-Type: image/png", "Content-Length: 4"), png))
                .request("https://x.example.org/a.png").warc());

        assertThatThrownBy(() -> converter().readBook(p, null)).isInstanceOf(ArticleFormatException.class)
                .hasMessage(p + ": holds no HTML pages (3 records)");
    }

    @Test
    void aBrokenRecordIsOneWarningNamingTheArchive() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        byte[] warc = crawl.warc();
        int third = crawl.recordLengths().subList(0, 3).stream().mapToInt(Integer::intValue).sum();
        // The Chinese page's "Content-Length: " is made to lie by one digit.
        String s = new String(warc, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("Content-Length: ", third) + "Content-Length: ".length();
        warc[at] = (byte) (warc[at] == '9' ? '1' : warc[at] + 1);
        Path p = write("crawl.warc", warc);

        Book book = converter().readBook(p, null);

        assertThat(book.articles()).extracting(a -> a.metadata().sourceUrl().orElseThrow().toString())
                .containsExactly(LIGHT, NOTES);
        assertThat(warnings).filteredOn(d -> d.code().equals("warc.record")).singleElement()
                .extracting(Diagnostic::toString).asString().startsWith(p + ": record 4 at offset " + third + ": ");
    }

    @Test
    void strictModeFailsOnABrokenRecordButNotOnSkippedOnes() throws IOException {
        Path good = write("crawl.warc", TestArchive.crawl().warc());
        Converter strict = Converter.builder().strict(true).build();
        assertThat(strict.readBook(good, null).articles()).hasSize(3);

        byte[] cut = Arrays.copyOf(TestArchive.crawl().warc(), TestArchive.crawl().warc().length - 30);
        Path bad = write("cut.warc", cut);
        assertThatThrownBy(() -> strict.readBook(bad, null)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("cut.warc").hasMessageContaining("record 8");
    }

    @Test
    void aGzipBombStopsAtTheTimeLimit() throws IOException {
        Path bomb = dir.resolve("bomb.warc.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            out.write("WARC/1.1\r\nWARC-Type: resource\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 512; i++) {
                out.write(zeros);
            }
        }
        Converter c = Converter.builder().limits(Limits.builder().timeout(Duration.ofMillis(50)).build()).build();

        assertThatThrownBy(() -> c.readBook(bomb, null)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith(bomb + ": ").hasMessageContaining("longer than the limit");
    }

    @Test
    void aSinglePageArchiveReadsAsOneArticle() throws IOException {
        Path p = write("one.warc", TestArchive.create().response(LIGHT, "2026-03-01T10:00:00Z",
                TestArchive.htmlResponse("<html><head><title>Only</title></head><body><p>Just one page.</p>"
                        + "</body></html>")).warc());

        Article a = converter().read(p);

        assertThat(a.metadata().title()).contains("Only");
        assertThat(a.metadata().sourceUrl()).contains(URI.create(LIGHT));
    }

    @Test
    void aFolderWithAnArchiveBindsIntoABookAndWritesAsTextAndHtml() throws IOException {
        write("crawl.warc.gz", TestArchive.crawl().warcGz());
        Converter c = converter();

        Book book = BookBinder.builder().converter(c).order(BookBinder.Order.AS_GIVEN).build().bind(ArticleSource.of(dir));

        assertThat(book.articles()).hasSize(3);
        Article tea = book.articles().stream()
                .filter(a -> a.metadata().sourceUrl().orElseThrow().toString().equals(TEA)).findFirst().orElseThrow();
        assertThat(c.writeToString(tea, "txt")).contains("山间茶园的清晨").contains("雾气还没有散去");
        assertThat(c.writeToString(tea, "html")).contains("https://tea.example.org/2026/03/pics/tea.jpg")
                .contains(TEA);
    }
}
