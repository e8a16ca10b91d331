package org.articlekit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.articlekit.internal.warc.TestArchive;
import org.junit.jupiter.api.Test;

class WebArchiveTest {

    private final List<Diagnostic> warnings = new ArrayList<>();
    private final List<WebPage> pages = new ArrayList<>();
    private final List<Long> offsets = new ArrayList<>();

    private WebArchive.Summary read(byte[] archive) throws IOException {
        return read(archive, Limits.defaults());
    }

    private WebArchive.Summary read(byte[] archive, Limits limits) throws IOException {
        return WebArchive.pages(new ByteArrayInputStream(archive), "crawl.warc", limits, warnings::add, (p, o) -> {
            pages.add(p);
            offsets.add(o);
        });
    }

    private List<String> uris() {
        return pages.stream().map(p -> p.uri().toString()).toList();
    }

    private static final List<String> CRAWL_PAGES = List.of("https://harbour.example.org/posts/2025/first-light.html",
            "https://tea.example.org/2026/03/morning.html", "https://harbour.example.org/posts/notes.html");

    @Test
    void handsOutTheHtmlResponsesAndCountsTheRest() throws IOException {
        WebArchive.Summary s = read(TestArchive.crawl().warc());

        assertThat(s).isEqualTo(new WebArchive.Summary(8, 3, 5, 0));
        assertThat(warnings).isEmpty();
        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        WebPage tea = pages.get(1);
        assertThat(tea.mediaType()).isEqualTo("text/html");
        assertThat(tea.charset()).isEqualTo(Charset.forName("GBK"));
        assertThat(tea.date()).isEqualTo(Instant.parse("2026-03-01T10:00:02Z"));
        assertThat(new String(tea.body(), Charset.forName("GBK"))).contains("采茶的人已经背着竹篓上了山");
    }

    @Test
    void decodesChunkedTransferAndGzipContentEncoding() throws IOException {
        read(TestArchive.crawl().warc());

        String notes = new String(pages.get(2).body(), StandardCharsets.UTF_8);
        assertThat(notes).startsWith("<!DOCTYPE html>").contains("the great compost debate").endsWith("</html>\n");
    }

    @Test
    void givesEachPageTheOffsetOfItsRecord() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        read(crawl.warc());

        List<Integer> lengths = crawl.recordLengths();
        long english = lengths.get(0) + lengths.get(1);
        long tea = english + lengths.get(2);
        long notes = tea + lengths.get(3) + lengths.get(4);
        assertThat(offsets).containsExactly(english, tea, notes);
    }

    @Test
    void readsAnArchiveGzippedPerRecordTheSameWithMemberOffsets() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        read(crawl.warc());
        List<WebPage> plain = List.copyOf(pages);
        pages.clear();
        offsets.clear();

        WebArchive.Summary s = read(crawl.warcGz());

        assertThat(s).isEqualTo(new WebArchive.Summary(8, 3, 5, 0));
        assertThat(pages).isEqualTo(plain);
        List<Integer> members = crawl.memberLengths();
        long english = members.get(0) + members.get(1);
        assertThat(offsets.get(0)).isEqualTo(english);
        assertThat(offsets.get(1)).isEqualTo(english + members.get(2));
    }

    @Test
    void readsAWholeFileGzippedAsOneMember() throws IOException {
        read(TestArchive.gzip(TestArchive.crawl().warc()));

        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        assertThat(offsets).containsOnly(0L);
    }

    /** The crawl with one more page, whose record says it is {@code delta} bytes longer than it is. */
    private static TestArchive withLyingRecord(long delta) {
        TestArchive a = TestArchive.create().response(CRAWL_PAGES.get(0), "2026-03-01T10:00:01Z",
                TestArchive.htmlResponse("<html><body><p>first</p></body></html>"));
        byte[] liar = TestArchive.htmlResponse("<html><body><p>the liar has a long body, long enough to be cut"
                + " short by a Content-Length that is too small</p></body></html>");
        a.raw(a.record("response", "https://liar.example.org/", "2026-03-01T10:00:02Z",
                "application/http;msgtype=response", liar, liar.length + delta));
        return a.response(CRAWL_PAGES.get(1), "2026-03-01T10:00:03Z",
                TestArchive.htmlResponse("<html><body><p>third</p></body></html>"))
                .response(CRAWL_PAGES.get(2), "2026-03-01T10:00:04Z",
                        TestArchive.htmlResponse("<html><body><p>fourth</p></body></html>"));
    }

    @Test
    void aContentLengthTooLongIsOneWarningAndTheNextRecordsStillRead() throws IOException {
        TestArchive a = withLyingRecord(120);
        WebArchive.Summary s = read(a.warc());

        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        assertThat(s.broken()).isEqualTo(1);
        assertThat(warnings).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("warc.record");
            assertThat(d.file()).isEqualTo("crawl.warc");
            assertThat(d.message()).startsWith("record 2 at offset " + a.recordLengths().get(0) + ": ")
                    .contains("Content-Length");
        });
    }

    @Test
    void aContentLengthTooShortIsOneWarningAndTheNextRecordsStillRead() throws IOException {
        WebArchive.Summary s = read(withLyingRecord(-40).warc());

        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        assertThat(s).isEqualTo(new WebArchive.Summary(4, 3, 0, 1));
        assertThat(warnings).extracting(Diagnostic::code).containsExactly("warc.record");
    }

    @Test
    void aLyingContentLengthInAGzippedArchiveIsOneWarningToo() throws IOException {
        read(withLyingRecord(120).warcGz());
        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        assertThat(warnings).hasSize(1);

        pages.clear();
        warnings.clear();
        read(withLyingRecord(-40).warcGz());
        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aTruncatedArchiveKeepsTheEarlierPages() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        byte[] warc = crawl.warc();
        int cut = crawl.recordLengths().subList(0, 5).stream().mapToInt(Integer::intValue).sum() + 200;

        WebArchive.Summary s = read(Arrays.copyOf(warc, cut));

        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES.subList(0, 2));
        assertThat(s.broken()).isEqualTo(1);
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .startsWith("record 6 at offset ").contains("cut short");
    }

    @Test
    void aTruncatedGzipMemberKeepsTheEarlierPages() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        byte[] gz = crawl.warcGz();
        int cut = crawl.memberLengths().subList(0, 5).stream().mapToInt(Integer::intValue).sum() + 60;

        read(Arrays.copyOf(gz, cut));

        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES.subList(0, 2));
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .contains("gzip member").contains("cut short");
    }

    @Test
    void aCorruptGzipMemberIsOneWarningAndTheNextMembersStillRead() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        byte[] gz = crawl.warcGz();
        int start = crawl.memberLengths().subList(0, 3).stream().mapToInt(Integer::intValue).sum();
        for (int i = start + 12; i < start + 40; i++) {
            gz[i] = (byte) 0xff;
        }

        WebArchive.Summary s = read(gz);

        assertThat(uris()).containsExactly(CRAWL_PAGES.get(0), CRAWL_PAGES.get(2));
        assertThat(s.broken()).isEqualTo(1);
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .startsWith("record 4 at offset " + start + ": its gzip member ");
    }

    @Test
    void bytesBetweenRecordsAreOneWarningAndReadingGoesOn() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        byte[] warc = crawl.warc();
        int at = crawl.recordLengths().subList(0, 3).stream().mapToInt(Integer::intValue).sum();
        byte[] junk = "this is not a record\r\nnor is this\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] spliced = new byte[warc.length + junk.length];
        System.arraycopy(warc, 0, spliced, 0, at);
        System.arraycopy(junk, 0, spliced, at, junk.length);
        System.arraycopy(warc, at, spliced, at + junk.length, warc.length - at);

        WebArchive.Summary s = read(spliced);

        assertThat(uris()).containsExactlyElementsOf(CRAWL_PAGES);
        assertThat(s).isEqualTo(new WebArchive.Summary(9, 3, 5, 1));
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .isEqualTo("record 4 at offset " + at + ": does not start with a WARC/1.0 or WARC/1.1 line");
    }

    @Test
    void badHttpInsideARecordIsOneWarningEach() throws IOException {
        byte[] notGzip = TestArchive.http(200, List.of("Content-Type: text/html", "Content-Encoding: gzip",
                "Content-Length: 20"), "<html>plain</html>!!".getBytes(StandardCharsets.US_ASCII));
        byte[] notHttp = "\u0001\u0002 this is no HTTP message\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        TestArchive a = TestArchive.create().response("https://bad.example.org/", "2026-03-01T10:00:00Z", notGzip)
                .response("https://worse.example.org/", "2026-03-01T10:00:00Z", notHttp)
                .response(CRAWL_PAGES.get(0), "2026-03-01T10:00:01Z",
                        TestArchive.htmlResponse("<html><body><p>fine</p></body></html>"));

        WebArchive.Summary s = read(a.warc());

        assertThat(uris()).containsExactly(CRAWL_PAGES.get(0));
        assertThat(s).isEqualTo(new WebArchive.Summary(3, 1, 0, 2));
        assertThat(warnings).extracting(Diagnostic::message).satisfiesExactly(
                m -> assertThat(m).startsWith("record 1 at offset 0: https://bad.example.org/: its HTTP payload"),
                m -> assertThat(m).startsWith("record 2 at offset ").contains("cannot be parsed"));
    }

    @Test
    void aPageOverTheInputLimitIsSkippedWithAWarning() throws IOException {
        String big = "<html><body>" + "<p>a paragraph of filler text</p>".repeat(200) + "</body></html>";
        TestArchive a = TestArchive.create()
                .response("https://big.example.org/", "2026-03-01T10:00:00Z", TestArchive.htmlResponse(big))
                .response(CRAWL_PAGES.get(0), "2026-03-01T10:00:01Z",
                        TestArchive.htmlResponse("<html><body><p>small</p></body></html>"));

        WebArchive.Summary s = read(a.warc(), Limits.builder().maxInputBytes(2000).build());

        assertThat(uris()).containsExactly(CRAWL_PAGES.get(0));
        assertThat(s).isEqualTo(new WebArchive.Summary(2, 1, 1, 0));
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .contains("https://big.example.org/").contains("over the input limit of 2000 bytes");
    }

    @Test
    void aGzippedPageIsCappedOnItsDecodedSize() throws IOException {
        byte[] html = ("<html><body>" + "<p>compresses very well</p>".repeat(2000) + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] gz = TestArchive.gzip(html);
        TestArchive a = TestArchive.create().response("https://bomb.example.org/", "2026-03-01T10:00:00Z",
                TestArchive.http(200, List.of("Content-Type: text/html", "Content-Encoding: gzip",
                        "Content-Length: " + gz.length), gz));

        read(a.warc(), Limits.builder().maxInputBytes(10_000).build());

        assertThat(gz.length).isLessThan(10_000);
        assertThat(pages).isEmpty();
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .contains("over the input limit");
    }

    @Test
    void aRecordTooLargeToHoldStreamsPastAndIsSkipped() throws IOException {
        byte[] huge = new byte[(1 << 20) + 5000];
        Arrays.fill(huge, (byte) 'x');
        byte[] http = TestArchive.http(200, List.of("Content-Type: text/html", "Content-Length: " + huge.length), huge);
        byte[] video = TestArchive.http(200, List.of("Content-Type: video/mp4", "Content-Length: " + huge.length),
                huge);
        TestArchive a = TestArchive.create().response("https://huge.example.org/", "2026-03-01T10:00:00Z", http)
                .response("https://huge.example.org/film.mp4", "2026-03-01T10:00:00Z", video)
                .response(CRAWL_PAGES.get(0), "2026-03-01T10:00:01Z",
                        TestArchive.htmlResponse("<html><body><p>small</p></body></html>"));

        WebArchive.Summary s = read(a.warcGz(), Limits.builder().maxInputBytes(1000).build());

        assertThat(uris()).containsExactly(CRAWL_PAGES.get(0));
        assertThat(s).isEqualTo(new WebArchive.Summary(3, 1, 2, 0));
        assertThat(warnings).singleElement().extracting(Diagnostic::message).asString()
                .contains("https://huge.example.org/").contains("over the input limit");
    }

    @Test
    void readsAnHtmlResourceRecordAndAResponseWithoutContentTypeThatLooksLikeHtml() throws IOException {
        byte[] untyped = "<!DOCTYPE html><html><body><p>untyped</p></body></html>".getBytes(StandardCharsets.UTF_8);
        TestArchive a = TestArchive.create()
                .record("resource", "https://res.example.org/page.html", "2026-03-01T10:00:00Z",
                        "text/html; charset=utf-8", "<html><body><p>resource</p></body></html>"
                                .getBytes(StandardCharsets.UTF_8))
                .response("https://untyped.example.org/", "2026-03-01T10:00:01Z",
                        TestArchive.http(200, List.of("Content-Length: " + untyped.length), untyped))
                .response("https://untyped.example.org/data", "2026-03-01T10:00:02Z",
                        TestArchive.http(200, List.of("Content-Length: 3"), "abc".getBytes(StandardCharsets.US_ASCII)));

        WebArchive.Summary s = read(a.warc());

        assertThat(uris()).containsExactly("https://res.example.org/page.html", "https://untyped.example.org/");
        assertThat(pages.get(0).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(pages.get(1).mediaType()).isNull();
        assertThat(s.skipped()).isEqualTo(1);
    }

    @Test
    void anEmptyHtmlResponseIsSkipped() throws IOException {
        WebArchive.Summary s = read(TestArchive.create().response(CRAWL_PAGES.get(0), "2026-03-01T10:00:00Z",
                TestArchive.http(200, List.of("Content-Type: text/html", "Content-Length: 0"), new byte[0])).warc());

        assertThat(pages).isEmpty();
        assertThat(s).isEqualTo(new WebArchive.Summary(1, 0, 1, 0));
        assertThat(warnings).isEmpty();
    }

    @Test
    void anUnknownCharsetLabelIsLeftOut() throws IOException {
        byte[] body = "<html><body><p>x</p></body></html>".getBytes(StandardCharsets.US_ASCII);
        read(TestArchive.create().response(CRAWL_PAGES.get(0), "2026-03-01T10:00:00Z", TestArchive.http(200,
                List.of("Content-Type: text/html; charset=no-such-charset", "Content-Length: " + body.length), body))
                .warc());

        assertThat(pages).singleElement().satisfies(p -> {
            assertThat(p.charset()).isNull();
            assertThat(p.uri()).isEqualTo(URI.create(CRAWL_PAGES.get(0)));
        });
    }

    @Test
    void theHandlersExceptionStopsTheReading() {
        assertThatThrownBy(() -> WebArchive.pages(new ByteArrayInputStream(TestArchive.crawl().warc()), "crawl.warc",
                Limits.defaults(), warnings::add, (p, o) -> {
                    throw new IOException("disk full");
                })).isInstanceOf(IOException.class).hasMessage("disk full");
    }

    @Test
    void anEmptyStreamHasNoRecords() throws IOException {
        assertThat(read(new byte[0])).isEqualTo(new WebArchive.Summary(0, 0, 0, 0));
    }
}
