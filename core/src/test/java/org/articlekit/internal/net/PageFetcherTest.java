package org.articlekit.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.articlekit.spi.ResourceUnavailableException;
import org.articlekit.web.WebOptions;
import org.articlekit.web.WebPage;
import org.junit.jupiter.api.Test;

/** The page fetcher's address checks on redirects, and the parsing it relies on; loopback addresses only. */
class PageFetcherTest {

    private static HttpServer server(String address, AtomicInteger count, String location) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 10);
        s.createContext("/", ex -> {
            count.incrementAndGet();
            try (ex) {
                answer(ex, location);
            }
        });
        s.start();
        return s;
    }

    private static void answer(HttpExchange ex, String location) throws IOException {
        if (ex.getRequestURI().getPath().equals("/hop") && location != null) {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(302, -1);
            return;
        }
        byte[] body = "<p>inside</p>".getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    @Test
    void aRedirectFromAnAllowedHostToARefusedOneIsRefusedAndNeverReachesIt() throws IOException {
        // Two loopback addresses stand for a public host (127.0.0.1) and an internal one (127.0.0.2).
        AtomicInteger internal = new AtomicInteger();
        AtomicInteger outside = new AtomicInteger();
        HttpServer inside = server("127.0.0.2", internal, null);
        String secret = "http://127.0.0.2:" + inside.getAddress().getPort() + "/secret";
        HttpServer front = server("127.0.0.1", outside, secret);
        try {
            SafeHttp.AddressPolicy onlyFirst = new SafeHttp.AddressPolicy(true) {
                @Override
                boolean allows(InetAddress a) {
                    return a.getHostAddress().equals("127.0.0.1");
                }
            };
            PageFetcher fetcher = new PageFetcher(WebOptions.builder().allowPrivateHosts(true).build(), onlyFirst);
            String start = "http://127.0.0.1:" + front.getAddress().getPort();

            assertThatThrownBy(() -> fetcher.fetch(URI.create(start + "/hop")))
                    .isInstanceOf(ResourceUnavailableException.class)
                    .hasMessage(start + "/hop: points at a private or local address (127.0.0.2), which is refused");
            WebPage direct = fetcher.fetch(URI.create(start + "/page"));

            assertThat(direct.body()).isEqualTo("<p>inside</p>".getBytes(StandardCharsets.UTF_8));
            assertThat(outside).hasValue(2);
            assertThat(internal).hasValue(0);
        } finally {
            front.stop(0);
            inside.stop(0);
        }
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        Instant now = Instant.parse("2026-12-03T20:00:00Z");
        assertThat(PageFetcher.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
        assertThat(PageFetcher.retryAfter("Thu, 03 Dec 2026 20:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(PageFetcher.retryAfter("Thu, 03 Dec 2026 19:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(PageFetcher.retryAfter(null, now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PageFetcher.retryAfter("soon", now)).isEqualTo(Duration.ofSeconds(1));
        assertThat(PageFetcher.retryAfter("99999999999999999999999", now)).isGreaterThan(Duration.ofDays(365));
    }

    @Test
    void readsTheCharsetLabelOfAContentType() {
        assertThat(PageFetcher.charset("\"GB18030\"")).isEqualTo(java.nio.charset.Charset.forName("GB18030"));
        assertThat(PageFetcher.charset("utf-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(PageFetcher.charset("no such thing")).isNull();
        assertThat(PageFetcher.charset("")).isNull();
    }

    @Test
    void refusesAnUnknownOrBrokenContentEncoding() throws IOException {
        assertThatThrownBy(() -> ContentDecoding.decode("u", "br", new byte[] {1, 2}, 100))
                .isInstanceOf(ResourceUnavailableException.class).hasMessage("u: is sent in the content encoding br,"
                        + " which is not supported");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write("some words to compress".getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = b.toByteArray();
        byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> ContentDecoding.decode("u", "gzip", half, 100))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("broken gzip body");
        assertThat(ContentDecoding.decode("u", "identity, gzip", whole, 100))
                .isEqualTo("some words to compress".getBytes(StandardCharsets.UTF_8));
    }
}
