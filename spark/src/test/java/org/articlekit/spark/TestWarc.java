package org.articlekit.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** Writes web archives for the tests: response records of HTML pages, other records, garbage. */
final class TestWarc implements AutoCloseable {

    private final OutputStream out;
    private final boolean gzip;
    private int records;

    TestWarc(Path file) throws IOException {
        this.out = Files.newOutputStream(file);
        this.gzip = file.getFileName().toString().endsWith(".gz");
    }

    /** A 200 response with an HTML page. */
    TestWarc page(String uri, Instant date, String html) throws IOException {
        return page(uri, date, html, StandardCharsets.UTF_8);
    }

    /** A 200 response with an HTML page in a charset the HTTP header names. */
    TestWarc page(String uri, Instant date, String html, Charset charset) throws IOException {
        byte[] body = html.getBytes(charset);
        byte[] http = concat(("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=" + charset.name().toLowerCase()
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1), body);
        return record("response", uri, date, "application/http;msgtype=response", http);
    }

    /** The request before a response: not a page, so skipped. */
    TestWarc request(String uri, Instant date) throws IOException {
        byte[] http = ("GET " + java.net.URI.create(uri).getRawPath() + " HTTP/1.1\r\nHost: "
                + java.net.URI.create(uri).getHost() + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return record("request", uri, date, "application/http;msgtype=request", http);
    }

    /** A response record whose block is no HTTP message at all. */
    TestWarc garbage(String uri, Instant date) throws IOException {
        byte[] junk = new byte[300];
        for (int i = 0; i < junk.length; i++) {
            junk[i] = (byte) (i * 37 + 11);
        }
        return record("response", uri, date, "application/http;msgtype=response", junk);
    }

    private TestWarc record(String type, String uri, Instant date, String contentType, byte[] block)
            throws IOException {
        String header = "WARC/1.1\r\n"
                + "WARC-Type: " + type + "\r\n"
                + "WARC-Record-ID: <urn:uuid:" + UUID.nameUUIDFromBytes((uri + type + records).getBytes(
                        StandardCharsets.UTF_8)) + ">\r\n"
                + "WARC-Date: " + date + "\r\n"
                + "WARC-Target-URI: " + uri + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + block.length + "\r\n\r\n";
        byte[] rec = concat(concat(header.getBytes(StandardCharsets.UTF_8), block),
                "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (gzip) {
            ByteArrayOutputStream member = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(member)) {
                z.write(rec);
            }
            out.write(member.toByteArray());
        } else {
            out.write(rec);
        }
        records++;
        return this;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
