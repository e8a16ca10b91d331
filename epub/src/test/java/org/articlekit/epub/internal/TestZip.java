package org.articlekit.epub.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip archives for tests, including broken ones. */
final class TestZip {

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private Charset names = StandardCharsets.UTF_8;

    static TestZip epub() {
        return new TestZip().add("mimetype", "application/epub+zip");
    }

    /** A minimal valid EPUB 3 with one chapter whose body is {@code body}. */
    static TestZip minimal(String body) {
        return epub().add("META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\""
                + "OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>")
                .add("OEBPS/content.opf", opf("<item id=\"ch1\" href=\"ch1.xhtml\" media-type=\"application/xhtml+xml\"/>",
                        "<itemref idref=\"ch1\"/>"))
                .add("OEBPS/nav.xhtml", "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" "
                        + "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>nav</title></head><body>"
                        + "<nav epub:type=\"toc\"><ol><li><a href=\"ch1.xhtml\">第一章 Chapter One</a></li></ol></nav>"
                        + "</body></html>")
                .add("OEBPS/ch1.xhtml", xhtml(body));
    }

    static String opf(String items, String itemrefs) {
        return "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\" "
                + "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                + "<dc:identifier id=\"id\">urn:test:1</dc:identifier><dc:title>Test book</dc:title>"
                + "<dc:language>zh-CN</dc:language><dc:creator>作者</dc:creator></metadata><manifest>"
                + "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
                + items + "</manifest><spine>" + itemrefs + "</spine></package>";
    }

    static String xhtml(String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"zh-CN\">"
                + "<head><title>t</title></head><body>" + body + "</body></html>";
    }

    TestZip add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestZip add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    TestZip remove(String name) {
        entries.remove(name);
        return this;
    }

    TestZip nameCharset(Charset cs) {
        names = cs;
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry ze = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(e.getValue().length);
                    ze.setCrc(crc.getValue());
                }
                zip.putNextEntry(ze);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
