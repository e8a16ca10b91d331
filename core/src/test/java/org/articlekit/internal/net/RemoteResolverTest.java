package org.articlekit.internal.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.articlekit.Limits;
import org.articlekit.Resource;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.spi.ResourceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Remote images against a server on the loopback address only; no other address is ever contacted. */
class RemoteResolverTest {

    HttpServer server;
    String base;
    final AtomicInteger requests = new AtomicInteger();
    final List<String> paths = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    byte[] png;

    @BeforeEach
    void start() throws IOException {
        BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        png = b.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        paths.add(ex.getRequestURI().getPath());
        ex.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        String path = ex.getRequestURI().getPath();
        try (ex) {
            switch (path) {
                case "/ok", "/proxied.jpg" -> send(ex, 200, png);
                case "/redirect" -> redirect(ex, "/ok");
                case "/to-file" -> redirect(ex, "file:///etc/passwd");
                case "/loop" -> redirect(ex, "/loop");
                case "/proxy" -> send(ex, 502, new byte[0]);
                case "/text" -> send(ex, 200, "root:x:0:0:not an image".getBytes(StandardCharsets.UTF_8));
                case "/missing" -> send(ex, 404, new byte[0]);
                case "/huge" -> {
                    ex.sendResponseHeaders(200, 5_000_000);
                    OutputStream out = ex.getResponseBody();
                    out.write(png);
                    byte[] chunk = new byte[65536];
                    for (int i = 0; i < 80; i++) {
                        out.write(chunk);
                    }
                }
                case "/endless" -> {
                    ex.sendResponseHeaders(200, 0);
                    OutputStream out = ex.getResponseBody();
                    byte[] chunk = new byte[65536];
                    for (int i = 0; i < 1000; i++) {
                        out.write(chunk);
                    }
                }
                case "/slow" -> {
                    ex.sendResponseHeaders(200, 0);
                    OutputStream out = ex.getResponseBody();
                    for (int i = 0; i < 200; i++) {
                        out.write(png[i % png.length]);
                        out.flush();
                        Thread.sleep(100);
                    }
                }
                default -> send(ex, 404, new byte[0]);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up, as it should on slow or huge answers
        }
    }

    private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private ResourceResolver resolver(RemoteImageOptions.Builder options) {
        return ResourceResolver.remote(ResourceResolver.none(), options.allowPrivateHosts(true).build(),
                Limits.defaults());
    }

    private ResourceResolver resolver() {
        return resolver(RemoteImageOptions.builder().readTimeout(Duration.ofMillis(500)));
    }

    @Test
    void downloadsAnImageAndTakesItsTypeFromTheBytes() throws IOException {
        Resource r = resolver().resolve(base + "/ok");
        assertThat(r.mediaType()).isEqualTo("image/png");
        assertThat(r.bytes()).isEqualTo(png);
        assertThat(r.source()).contains(base + "/ok");
    }

    @Test
    void sendsItsUserAgentAndTheArticleAsReferer() throws IOException {
        resolver(RemoteImageOptions.builder().referer(java.net.URI.create("https://news.example.org/a/1")))
                .resolve(base + "/ok");
        assertThat(lastHeaders.get("user-agent")).startsWith("ArticleKit/");
        assertThat(lastHeaders.get("referer")).isEqualTo("https://news.example.org/a/1");
    }

    @Test
    void followsRedirectsButNotToLocalFilesNorForever() throws IOException {
        assertThat(resolver().resolve(base + "/redirect").bytes()).isEqualTo(png);
        assertThatThrownBy(() -> resolver().resolve(base + "/to-file"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("file:");
        assertThatThrownBy(() -> resolver().resolve(base + "/loop"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("redirects more than 5");
    }

    @Test
    void cutsOffHugeEndlessAndSlowAnswers() {
        RemoteImageOptions.Builder small = RemoteImageOptions.builder().maxBytes(1_000_000)
                .readTimeout(Duration.ofMillis(300));
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThatThrownBy(() -> resolver(small).resolve(base + "/huge"))
                    .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("larger than");
            assertThatThrownBy(() -> resolver(small).resolve(base + "/endless"))
                    .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("larger than");
            assertThatThrownBy(() -> resolver(small).resolve(base + "/slow"))
                    .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("too long");
        });
    }

    @Test
    void refusesWhatIsNotAnImageAndMissingImages() {
        assertThatThrownBy(() -> resolver().resolve(base + "/text"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("not an image")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:x"));
        assertThatThrownBy(() -> resolver().resolve(base + "/missing"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void refusesLoopbackWithoutTheOptionAndNeverConnects() {
        ResourceResolver strict = ResourceResolver.remote(ResourceResolver.none(), RemoteImageOptions.defaults(),
                Limits.defaults());
        for (String url : List.of(base + "/ok", "http://localhost:" + server.getAddress().getPort() + "/ok",
                "http://[::1]:" + server.getAddress().getPort() + "/ok")) {
            assertThatThrownBy(() -> strict.resolve(url)).isInstanceOf(ResourceUnavailableException.class)
                    .hasMessageContaining("private or local address");
        }
        assertThat(requests).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "100.64.0.1", "::1", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
        "::127.0.0.1", "224.0.0.1", "255.255.255.255"})
    void theAddressPolicyRefusesEveryLocalOrPrivateAddress(String address) throws IOException {
        assertThat(new SafeHttp.AddressPolicy(false).allows(InetAddress.getByName(address))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "2606:4700::1111"})
    void theAddressPolicyAllowsPublicAddresses(String address) throws IOException {
        // InetAddress.getByName on a literal parses it; nothing is contacted.
        assertThat(new SafeHttp.AddressPolicy(false).allows(InetAddress.getByName(address))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/a.png", "gopher://127.0.0.1/", "http://user:pw@127.0.0.1/ok"})
    void refusesOtherSchemesAndCredentials(String url) {
        ResourceResolver r = resolver();
        assertThatThrownBy(() -> r.resolve(url)).isInstanceOf(ResourceUnavailableException.class);
        assertThat(requests).hasValue(0);
    }

    @Test
    void fallsBackToTheAddressInsideAProxyUrl() throws IOException {
        Resource r = resolver().resolve(base + "/proxy?" + base + "/proxied.jpg");
        assertThat(r.bytes()).isEqualTo(png);
        assertThat(RemoteResolver.innerUrl("https://p.example/?http%3A%2F%2Fimg.example%2Fa.jpg"))
                .contains("http://img.example/a.jpg");
    }

    @Test
    void downloadsEachUrlOnceAndServesTheCacheOnTheNextRun(@TempDir Path cache) throws IOException {
        ResourceResolver first = resolver(RemoteImageOptions.builder().cacheDir(cache));
        first.resolve(base + "/ok");
        first.resolve(base + "/ok");
        assertThat(requests).hasValue(1);
        ResourceResolver second = resolver(RemoteImageOptions.builder().cacheDir(cache));
        assertThat(second.resolve(base + "/ok").bytes()).isEqualTo(png);
        assertThat(requests).hasValue(1);
    }

    @Test
    void handsOtherReferencesToTheLocalResolver(@TempDir Path dir) throws IOException {
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("a.png").toFile());
        ResourceResolver r = ResourceResolver.remote(ResourceResolver.localFiles(dir), RemoteImageOptions.defaults(),
                Limits.defaults());
        assertThat(r.resolve("a.png").mediaType()).isEqualTo("image/png");
        assertThatThrownBy(() -> r.resolve("../etc/passwd")).isInstanceOf(ResourceUnavailableException.class);
    }

    @Test
    void aRedirectToARefusedAddressIsNotFollowedAndNeverConnects() throws IOException {
        // Two loopback addresses stand for a public host (127.0.0.1) and an internal one (127.0.0.2).
        AtomicInteger internal = new AtomicInteger();
        HttpServer inside = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        inside.createContext("/", ex -> {
            internal.incrementAndGet();
            send(ex, 200, png);
            ex.close();
        });
        inside.start();
        try {
            server.createContext("/to-inside", ex -> {
                redirect(ex, "http://127.0.0.2:" + inside.getAddress().getPort() + "/secret.png");
                ex.close();
            });
            SafeHttp.AddressPolicy onlyFirst = new SafeHttp.AddressPolicy(true) {
                @Override
                boolean allows(InetAddress a) {
                    return a.getHostAddress().equals("127.0.0.1");
                }
            };
            SafeHttp http = new SafeHttp(RemoteImageOptions.defaults(), onlyFirst);
            assertThatThrownBy(() -> http.get("x", java.net.URI.create(base + "/to-inside")))
                    .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("127.0.0.2");
            assertThat(http.get("y", java.net.URI.create(base + "/ok"))).isEqualTo(png);
            assertThat(internal).hasValue(0);
        } finally {
            inside.stop(0);
        }
    }

    /** RELIABILITY row 10: only body images are fetched; styles, fonts, frames and links never are. */
    @Test
    void onlyBodyImagesAreFetchedNeverStylesFontsFramesOrLinkedResources(@TempDir Path dir) throws IOException {
        Path page = dir.resolve("page.html");
        java.nio.file.Files.writeString(page, """
                <html><head><title>Tripwire</title>
                <link rel="stylesheet" href="BASE/link.css"><link rel="icon" href="BASE/icon.png">
                <link rel="preload" as="image" href="BASE/preload.png"><link rel="prefetch" href="BASE/prefetch">
                <style>@import url("BASE/import.css"); @font-face { font-family: x; src: url(BASE/font.woff2); }
                body { background: url(BASE/background.png) }</style>
                <meta http-equiv="refresh" content="0; url=BASE/refresh"></head>
                <body><article><h1>Tripwire</h1>
                <p style="background-image: url(BASE/inline.png)">A paragraph long enough to be the article body,
                with an <img src="BASE/ok" alt="the one image"> that is fetched.</p>
                <iframe src="BASE/frame.html"></iframe><object data="BASE/object.svg"></object>
                <embed src="BASE/embed.swf"><template><img src="BASE/template.png"></template>
                <svg><image href="BASE/svg-image.png"/><use href="BASE/use.svg#x"/></svg>
                <video poster="BASE/poster.png" src="BASE/video.mp4"></video><audio src="BASE/audio.mp3"></audio>
                </article></body></html>
                """.replace("BASE", base), StandardCharsets.UTF_8);
        org.articlekit.Converter converter = org.articlekit.Converter.builder().collectImages(true)
                .resolvers(d -> resolver()).build();

        converter.convert(page, dir.resolve("out.html"));

        assertThat(paths).as("requests to the loopback tripwire").containsExactly("/ok");
    }
}
