package org.articlekit.internal.warc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Builds small web archives byte by byte for the tests: WARC/1.1 records with HTTP messages we
 * write ourselves, as one plain file or gzipped one record per member.
 */
public final class TestArchive {

    private final List<byte[]> records = new ArrayList<>();
    private int ids;

    /** @return a new, empty archive */
    public static TestArchive create() {
        return new TestArchive();
    }

    /** Adds a record as given, for broken ones. */
    public TestArchive raw(byte[] record) {
        records.add(record);
        return this;
    }

    /** Adds a record with a correct Content-Length. */
    public TestArchive record(String type, String uri, String date, String contentType, byte[] block) {
        return raw(record(type, uri, date, contentType, block, block.length));
    }

    /** @return a record whose Content-Length is {@code length}, whatever the block's size */
    public byte[] record(String type, String uri, String date, String contentType, byte[] block, long length) {
        StringBuilder h = new StringBuilder("WARC/1.1\r\n");
        h.append("WARC-Type: ").append(type).append("\r\n");
        h.append("WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-").append(String.format("%012d", ++ids))
                .append(">\r\n");
        h.append("WARC-Date: ").append(date).append("\r\n");
        if (uri != null) {
            h.append("WARC-Target-URI: ").append(uri).append("\r\n");
        }
        h.append("Content-Type: ").append(contentType).append("\r\n");
        h.append("Content-Length: ").append(length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(block);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Adds a warcinfo record. */
    public TestArchive warcinfo() {
        byte[] fields = "software: articlekit-tests\r\nformat: WARC File Format 1.1\r\n"
                .getBytes(StandardCharsets.UTF_8);
        return record("warcinfo", null, "2026-03-01T09:59:00Z", "application/warc-fields", fields);
    }

    /** Adds an HTTP request record. */
    public TestArchive request(String uri) {
        byte[] req = ("GET " + java.net.URI.create(uri).getRawPath() + " HTTP/1.1\r\nHost: "
                + java.net.URI.create(uri).getHost() + "\r\nUser-Agent: test\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        return record("request", uri, "2026-03-01T10:00:00Z", "application/http;msgtype=request", req);
    }

    /** Adds an HTTP response record. */
    public TestArchive response(String uri, String date, byte[] http) {
        return record("response", uri, date, "application/http;msgtype=response", http);
    }

    /** @return an HTTP response message */
    public static byte[] http(int status, List<String> headers, byte[] body) {
        StringBuilder h = new StringBuilder("HTTP/1.1 " + status + (status == 200 ? " OK" : " Not Found") + "\r\n");
        for (String line : headers) {
            h.append(line).append("\r\n");
        }
        h.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** @return an HTML page with a correct Content-Length, UTF-8 */
    public static byte[] htmlResponse(String html) {
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        return http(200, List.of("Content-Type: text/html; charset=utf-8", "Content-Length: " + body.length), body);
    }

    /** @return {@code data} in chunks of {@code size} bytes, chunked transfer coding */
    public static byte[] chunked(byte[] data, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += size) {
            int n = Math.min(size, data.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** @return {@code data} gzipped */
    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** @return the text in a charset */
    public static byte[] bytes(String s, Charset cs) {
        return s.getBytes(cs);
    }

    /** @return the records as one plain WARC */
    public byte[] warc() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        records.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** @return each record as its own gzip member, as a .warc.gz holds them */
    public byte[] warcGz() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] r : records) {
            out.writeBytes(gzip(r));
        }
        return out.toByteArray();
    }

    /** @return the gzip members' lengths, in order */
    public List<Integer> memberLengths() {
        return records.stream().map(r -> gzip(r).length).toList();
    }

    /** @return the records' lengths, in order */
    public List<Integer> recordLengths() {
        return records.stream().map(r -> r.length).toList();
    }

    /** The archive the tests share: warcinfo, a request, three pages, an image, a 404 and a metadata record. */
    public static TestArchive crawl() {
        String english = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>First light over the harbour</title>
                <meta property="article:published_time" content="2025-11-02T08:30:00+08:00"></head>
                <body><article><h1>First light over the harbour</h1>
                <p>The ferries start before the sun does. By six the first one has crossed twice, and the gulls
                have worked out which deck the bakery van parks on.</p>
                <p><img src="../img/dawn.png" alt="The harbour at dawn"></p>
                <p>We walked the long way round, past the fish market and the old customs house, and read the
                notice about the <a href="/about/tides">tide tables</a> that nobody updates.</p>
                <p>By eight the mist had burnt off and the water was the colour of pewter again.</p>
                </article></body></html>
                """;
        String chinese = """
                <!DOCTYPE html>
                <html><head><title>山间茶园的清晨</title></head>
                <body><article><h1>山间茶园的清晨</h1>
                <p>清晨六点，雾气还没有散去，采茶的人已经背着竹篓上了山。露水打湿了裤脚，远处传来几声鸟鸣。</p>
                <p>老师傅说，今年春天雨水多，新芽长得比往年慢一些，但味道更加清甜。我们在半山腰的小屋里喝了第一泡新茶。</p>
                <p><img src="pics/tea.jpg" alt="茶园"></p>
                <p>下山的时候，太阳终于出来了，整片茶园在阳光下闪着绿色的光。</p>
                </article></body></html>
                """;
        String notes = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Notes from the allotment</title></head>
                <body><article><h1>Notes from the allotment</h1>
                <p>The broad beans survived the frost, which nobody expected, least of all the man on plot
                nine who had already bought replacements from the garden centre.</p>
                <p>Next week: the great compost debate, and whether the shed roof will last another winter.</p>
                </article></body></html>
                """;
        byte[] gbk = chinese.getBytes(Charset.forName("GBK"));
        byte[] notesBody = chunked(gzip(notes.getBytes(StandardCharsets.UTF_8)), 100);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] missing = "<html><body><h1>Not found</h1></body></html>".getBytes(StandardCharsets.US_ASCII);
        return create().warcinfo()
                .request("https://harbour.example.org/posts/2025/first-light.html")
                .response("https://harbour.example.org/posts/2025/first-light.html", "2026-03-01T10:00:01Z",
                        htmlResponse(english))
                .response("https://tea.example.org/2026/03/morning.html", "2026-03-01T10:00:02Z",
                        http(200, List.of("Content-Type: text/html; charset=GBK", "Content-Length: " + gbk.length), gbk))
                .response("https://harbour.example.org/img/dawn.png", "2026-03-01T10:00:03Z",
                        http(200, List.of("Content-Type: image/png", "Content-Length: " + png.length), png))
                .response("https://harbour.example.org/posts/notes.html", "2026-03-01T10:00:04Z",
                        http(200, List.of("Content-Type: text/html; charset=utf-8", "Transfer-Encoding: chunked",
                                "Content-Encoding: gzip"), notesBody))
                .response("https://harbour.example.org/posts/gone.html", "2026-03-01T10:00:05Z",
                        http(404, List.of("Content-Type: text/html", "Content-Length: " + missing.length), missing))
                .record("metadata", "https://harbour.example.org/posts/notes.html", "2026-03-01T10:00:06Z",
                        "application/warc-fields", "outlink: https://harbour.example.org/\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
    }
}
