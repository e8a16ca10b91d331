package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** RELIABILITY rows 11, 12, 14 and 15: names, addresses, XML and structure of hostile EPUBs. */
class EpubReaderSafetyTest {

    private final List<Diagnostic> warnings = new ArrayList<>();

    private Book read(byte[] epub) throws IOException {
        return new EpubReader().readBook(new ByteArrayInputStream(epub), Fixtures.context(warnings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil.xhtml", "OEBPS/../../evil.xhtml", "/etc/passwd", "C:/evil.xhtml",
        "..\\evil.xhtml", "OEBPS\\..\\..\\evil.xhtml", "a\u0000b.xhtml", "bell\u0007.xhtml", "d:evil"})
    void zipSlipNamesAreRefusedNamingTheEntry(String name) {
        byte[] epub = TestZip.minimal("<p>x</p>").add(name, "boo").bytes();

        assertThatThrownBy(() -> read(epub)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("book.epub:").hasMessageMatching("(?s).*(climbs|absolute|drive|control).*");
    }

    @Test
    void entryNamesThatAreNotUtf8GiveAClearErrorNotMalformed() {
        byte[] epub = TestZip.minimal("<p>x</p>").add("OEBPS/中文.xhtml", "x").nameCharset(Charset.forName("GBK"))
                .bytes();

        assertThatThrownBy(() -> read(epub)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("not UTF-8").hasMessageNotContaining("MALFORMED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "..%2F..%2Fsecret", "/etc/passwd"})
    void manifestAddressesLeavingTheArchiveAreRefused(String href) {
        byte[] epub = TestZip.minimal("<p>x</p>").add("OEBPS/content.opf", TestZip.opf("<item id=\"ch1\" href=\""
                + "ch1.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"x\" href=\"" + href
                + "\" media-type=\"image/png\"/>", "<itemref idref=\"ch1\"/>")).bytes();

        assertThatThrownBy(() -> read(epub)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("OEBPS/content.opf").hasMessageContaining("outside the archive");
    }

    @Test
    void externalEntitiesParameterEntitiesAndLaughsAreRefusedWithoutAnyConnection() throws IOException {
        AtomicInteger hits = new AtomicInteger();
        ServerSocket tripwire = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread counter = new Thread(() -> {
            while (!tripwire.isClosed()) {
                try (Socket s = tripwire.accept()) {
                    hits.incrementAndGet();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        counter.setDaemon(true);
        counter.start();
        try {
            String url = "http://127.0.0.1:" + tripwire.getLocalPort() + "/dtd";
            List<String> doctypes = List.of(
                    "<!DOCTYPE c [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
                    "<!DOCTYPE c [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>",
                    "<!DOCTYPE c SYSTEM \"" + url + "\" [<!ENTITY a \"b\">]>",
                    "<!DOCTYPE c [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                            + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
                    "<!DOCTYPE c [<!ENTITY big \"" + "x".repeat(50_000) + "\">]>");
            for (String doctype : doctypes) {
                String container = "<?xml version=\"1.0\"?>" + doctype + "<container version=\"1.0\" xmlns=\""
                        + "urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\""
                        + "OEBPS/content.opf&xxe;&d;\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>";
                byte[] epub = TestZip.minimal("<p>x</p>").add("META-INF/container.xml", container).bytes();
                assertThatThrownBy(() -> read(epub)).as(doctype).isInstanceOf(ArticleFormatException.class)
                        .hasMessageContaining("META-INF/container.xml").hasMessageContaining("DOCTYPE");
                byte[] inChapter = TestZip.minimal("<p>x</p>").add("OEBPS/ch1.xhtml", "<?xml version=\"1.0\"?>"
                        + doctype + "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>&xxe;</p></body></html>")
                        .bytes();
                assertThatThrownBy(() -> read(inChapter)).isInstanceOf(ArticleFormatException.class)
                        .hasMessageContaining("OEBPS/ch1.xhtml");
            }
        } finally {
            tripwire.close();
        }
        assertThat(hits).hasValue(0);
    }

    @Test
    void xincludeIsNotFollowed() throws IOException {
        byte[] epub = TestZip.minimal("<p xmlns:xi=\"http://www.w3.org/2001/XInclude\">正文<xi:include "
                + "href=\"file:///etc/passwd\" parse=\"text\"/></p>").bytes();

        Book book = read(epub);

        assertThat(book.articles()).singleElement().satisfies(a -> assertThat(a.body().html())
                .contains("正文").doesNotContain("root:"));
    }

    @Test
    void aMissingMimetypeIsRecoveredWithAWarning() throws IOException {
        byte[] epub = TestZip.minimal("<p>正文</p>").remove("mimetype").bytes();

        Book book = read(epub);

        assertThat(book.articles()).hasSize(1);
        assertThat(warnings).extracting(Diagnostic::code).containsExactly("epub.mimetype");
    }

    @Test
    void aWrongMimetypeIsRecoveredWithAWarning() throws IOException {
        byte[] epub = TestZip.minimal("<p>正文</p>").add("mimetype", "application/zip").bytes();

        assertThat(read(epub).articles()).hasSize(1);
        assertThat(warnings).extracting(Diagnostic::message).singleElement().asString().contains("PKG-007");
    }

    @Test
    void structuralFaultsAreRefusedNamingTheEntry() {
        assertFails(TestZip.minimal("<p>x</p>").remove("META-INF/container.xml").bytes(), "META-INF/container.xml");
        assertFails(TestZip.minimal("<p>x</p>").remove("OEBPS/content.opf").bytes(), "OEBPS/content.opf");
        assertFails(TestZip.minimal("<p>x</p>").add("META-INF/container.xml", "<container/>").bytes(), "rootfile");
        assertFails(TestZip.minimal("<p>x</p>").add("OEBPS/content.opf", "this is not XML at all").bytes(),
                "OEBPS/content.opf");
        assertFails(TestZip.minimal("<p>x</p>").add("OEBPS/content.opf", "<package><spine/></package>").bytes(),
                "manifest");
        assertFails("not a zip".getBytes(), "not a zip archive");
        byte[] good = TestZip.minimal("<p>x</p>").bytes();
        assertFails(Arrays.copyOf(good, good.length / 2), "book.epub");
    }

    @Test
    void duplicateEntriesAreRefused() {
        byte[] epub = TestZip.minimal("<p>x</p>").add("OEBPS/ch2.xhtml", "other").bytes();
        String s = new String(epub, java.nio.charset.StandardCharsets.ISO_8859_1).replace("OEBPS/ch2.xhtml",
                "OEBPS/ch1.xhtml");
        byte[] twice = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertFails(twice, "two entries");
    }

    @Test
    void aRepeatedSpineIsReadOnceAndTheOpfInTheSpineIsSkipped() throws IOException {
        byte[] epub = TestZip.minimal("<p>正文</p>").add("OEBPS/content.opf", TestZip.opf("<item id=\"ch1\" href=\""
                + "ch1.xhtml\" media-type=\"application/xhtml+xml\"/><item id=\"opf\" href=\"content.opf\" "
                + "media-type=\"application/xhtml+xml\"/>", "<itemref idref=\"ch1\"/><itemref idref=\"ch1\"/>"
                + "<itemref idref=\"opf\"/><itemref idref=\"nothing\"/>")).bytes();

        assertThat(read(epub).articles()).hasSize(1);
        assertThat(warnings).extracting(Diagnostic::code).containsOnly("epub.spine");
    }

    @Test
    void aChapterThatEmbedsItselfIsReadOnce() throws IOException {
        byte[] epub = TestZip.minimal("<p>正文</p><iframe src=\"ch1.xhtml\"></iframe><object data=\"ch1.xhtml\">"
                + "</object><img src=\"ch1.xhtml\" alt=\"self\"/>").bytes();

        Book book = read(epub);

        assertThat(book.articles()).singleElement().satisfies(a -> {
            assertThat(a.body().html()).doesNotContain("iframe", "object", "ch1.xhtml");
            assertThat(a.resources().isEmpty()).isTrue();
        });
    }

    private void assertFails(byte[] epub, String text) {
        assertThatThrownBy(() -> read(epub)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("book.epub").hasMessageContaining(text);
    }
}
