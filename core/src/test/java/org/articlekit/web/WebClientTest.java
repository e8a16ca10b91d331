package org.articlekit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.spi.ResourceUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The web client against a server on the loopback address only; no other address is ever contacted. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebClientTest {

    /** What a test's server does for one path. */
    @FunctionalInterface
    interface Route {
        void answer(HttpExchange ex) throws IOException, InterruptedException;
    }

    /** One request the server saw. */
    record Seen(String path, Map<String, String> headers, long nanos) {
    }

    HttpServer server;
    ExecutorService serverThreads;
    String base;
    final Map<String, Route> routes = new ConcurrentHashMap<>();
    final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.createContext("/", this::handle);
        serverThreads = Executors.newFixedThreadPool(16);
        server.setExecutor(serverThreads);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        Map<String, String> headers = new ConcurrentHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        seen.add(new Seen(ex.getRequestURI().getPath(), headers, System.nanoTime()));
        try (ex) {
            Route route = routes.get(ex.getRequestURI().getPath());
            if (route == null) {
                send(ex, 404, "text/plain", new byte[0]);
            } else {
                route.answer(ex);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up, as it should on slow or huge answers, or the test ended
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static Route page(String type, byte[] body) {
        return ex -> send(ex, 200, type, body);
    }

    private static Route html(String text) {
        return page("text/html; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static WebOptions.Builder loopback() {
        return WebOptions.builder().allowPrivateHosts(true).readTimeout(Duration.ofSeconds(2));
    }

    private static WebClient client(WebOptions.Builder options) {
        return new WebClient(options.build());
    }

    private WebPage fetch(String path) throws IOException {
        return client(loopback()).fetch(URI.create(base + path));
    }

    private List<Seen> seen(String path) {
        synchronized (seen) {
            return seen.stream().filter(s -> s.path().equals(path)).toList();
        }
    }

    // A short article of our own, in Chinese, long enough to be found as the page's main text.
    private static final String TITLE = "秋天的果园";
    private static final String PARAGRAPH = "今年的苹果又大又甜，村里的孩子们每天放学以后都跑到果园里帮忙，"
            + "有的提着竹篮，有的扶着梯子，一直忙到太阳落山才回家吃晚饭。";

    private static byte[] chinesePage(String meta) {
        String html = "<!DOCTYPE html><html><head>" + meta + "<title>" + TITLE + "</title></head><body><article>"
                + "<h1>" + TITLE + "</h1><p>" + PARAGRAPH + "</p><p>" + PARAGRAPH + "</p></article></body></html>";
        return html.getBytes(Charset.forName("GBK"));
    }

    @Test
    void readsAGbkPageByTheCharsetOfItsHeaderWhateverItsMetaSays() throws IOException {
        routes.put("/lying-meta", page("text/html; charset=GBK", chinesePage("<meta charset=\"utf-8\">")));
        routes.put("/no-meta", page("text/html;charset=\"gbk\"", chinesePage("")));
        for (String path : List.of("/lying-meta", "/no-meta")) {
            WebPage page = fetch(path);
            assertThat(page.mediaType()).isEqualTo("text/html");
            assertThat(page.charset()).isEqualTo(Charset.forName("GBK"));

            Article article = Converter.builder().build().read(page);

            assertThat(article.metadata().title()).contains(TITLE);
            assertThat(article.body().text()).contains(PARAGRAPH).doesNotContain("\uFFFD");
            assertThat(article.metadata().sourceUrl()).contains(URI.create(base + path));
        }
    }

    @Test
    void leavesAnUnknownCharsetLabelToTheDecoder() throws IOException {
        routes.put("/odd", page("Text/HTML; charset=no-such-charset-anywhere", "<p>x</p>".getBytes(
                StandardCharsets.US_ASCII)));
        WebPage page = fetch("/odd");
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.charset()).isNull();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(b)) {
            out.write(data);
        }
        return b.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream out = new DeflaterOutputStream(b, deflater)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        return b.toByteArray();
    }

    private static Route encoded(String encoding, byte[] body) {
        return ex -> {
            ex.getResponseHeaders().set("Content-Encoding", encoding);
            send(ex, 200, "text/html", body);
        };
    }

    @Test
    void decodesGzipAndBothFormsOfDeflate() throws IOException {
        byte[] text = ("<html><body><p>" + "compressed words ".repeat(500) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        routes.put("/gzip", encoded("gzip", gzip(text)));
        routes.put("/zlib", encoded("deflate", deflate(text, false)));
        routes.put("/raw-deflate", encoded("deflate", deflate(text, true)));

        for (String path : List.of("/gzip", "/zlib", "/raw-deflate")) {
            assertThat(fetch(path).body()).as(path).isEqualTo(text);
        }
        assertThat(seen("/gzip").get(0).headers().get("accept-encoding")).isEqualTo("gzip, deflate");
        assertThat(seen("/gzip").get(0).headers().get("accept")).startsWith("text/html,application/xhtml+xml");
    }

    @Test
    void refusesAGzipBombAtTheLimitOfDecodedBytes() throws IOException {
        byte[] bomb = gzip(new byte[16 << 20]);
        assertThat(bomb.length).isLessThan(1 << 20);
        routes.put("/bomb", encoded("gzip", bomb));

        assertThatThrownBy(() -> client(loopback().maxBytes(1 << 20)).fetch(URI.create(base + "/bomb")))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessageContaining(base + "/bomb")
                .hasMessageContaining("is larger than the limit of 1048576 bytes");
    }

    @Test
    void followsARelativeRedirectAndReportsTheFinalAddress() throws IOException {
        routes.put("/old/post", ex -> {
            ex.getResponseHeaders().set("Location", "../new/post?id=7");
            ex.sendResponseHeaders(301, -1);
        });
        routes.put("/new/post", html("<p>moved here</p>"));

        WebPage page = fetch("/old/post");

        assertThat(page.uri()).isEqualTo(URI.create(base + "/new/post?id=7"));
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>moved here</p>");
    }

    @Test
    void givesUpOnARedirectLoop() {
        routes.put("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
        });
        assertThatThrownBy(() -> fetch("/loop")).isInstanceOf(ResourceUnavailableException.class)
                .hasMessageContaining("redirects more than 5 times");
        assertThat(seen("/loop")).hasSize(6);
    }

    @Test
    void refusesAPrivateAddressByDefaultWithoutSendingARequest() {
        routes.put("/", html("<p>internal</p>"));
        WebClient strict = new WebClient(WebOptions.defaults());
        for (String url : List.of(base + "/", "http://localhost:" + server.getAddress().getPort() + "/")) {
            assertThatThrownBy(() -> strict.fetch(URI.create(url)))
                    .isInstanceOf(ResourceUnavailableException.class)
                    .hasMessageContaining("points at a private or local address")
                    .hasMessageContaining("which is refused");
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void refusesOtherSchemesAndCredentials() {
        WebClient client = client(loopback());
        for (String url : List.of("file:///etc/passwd", "ftp://127.0.0.1/", "http://user:pw@127.0.0.1:"
                + server.getAddress().getPort() + "/")) {
            assertThatThrownBy(() -> client.fetch(URI.create(url))).isInstanceOf(ResourceUnavailableException.class);
        }
        assertThat(seen).isEmpty();
    }

    @Test
    void timesOutAPageThatNeverAnswersOrOnlyTrickles() {
        routes.put("/silent", ex -> Thread.sleep(5_000));
        routes.put("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < 100; i++) {
                out.write('x');
                out.flush();
                Thread.sleep(50);
            }
        });
        WebOptions.Builder quick = loopback().readTimeout(Duration.ofMillis(300));
        for (String path : List.of("/silent", "/trickle")) {
            assertThatThrownBy(() -> client(quick).fetch(URI.create(base + path)))
                    .isInstanceOf(ResourceUnavailableException.class)
                    .hasMessageContaining(base + path).hasMessageContaining("timed out");
        }
    }

    @Test
    void namesTheUrlAndTheStatusOfAnAnswerThatIsNotOk() {
        routes.put("/gone", ex -> send(ex, 404, "text/html", "<p>no</p>".getBytes(StandardCharsets.UTF_8)));
        routes.put("/broken", ex -> send(ex, 500, "text/html", new byte[0]));
        assertThatThrownBy(() -> fetch("/gone")).isInstanceOf(ResourceUnavailableException.class)
                .hasMessage(base + "/gone: answered HTTP 404");
        assertThatThrownBy(() -> fetch("/broken")).isInstanceOf(ResourceUnavailableException.class)
                .hasMessage(base + "/broken: answered HTTP 500");
        assertThat(seen("/broken")).hasSize(1);
    }

    @Test
    void waitsAsRetryAfterAsksAndTriesAgain() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        routes.put("/busy", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "1");
                send(ex, 429, "text/plain", new byte[0]);
            } else {
                send(ex, 200, "text/html", "<p>now</p>".getBytes(StandardCharsets.UTF_8));
            }
        });

        WebPage page = fetch("/busy");

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>now</p>");
        List<Seen> requests = seen("/busy");
        assertThat(requests).hasSize(2);
        assertThat(Duration.ofNanos(requests.get(1).nanos() - requests.get(0).nanos()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void failsNamingTheWaitWhenRetryAfterIsLongerThanTheLimit() {
        routes.put("/later", ex -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            send(ex, 503, "text/plain", new byte[0]);
        });
        assertThatThrownBy(() -> client(loopback().maxRetryWait(Duration.ofSeconds(60)))
                .fetch(URI.create(base + "/later")))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessageContaining("answered HTTP 503 and asked to retry after 3600 s")
                .hasMessageContaining("limit of 60 s");
        assertThat(seen("/later")).hasSize(1);
    }

    @Test
    void givesUpAfterTheRetriesWithTheLastStatus() {
        routes.put("/always-busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "0");
            send(ex, 429, "text/plain", new byte[0]);
        });
        assertThatThrownBy(() -> client(loopback().retries(2)).fetch(URI.create(base + "/always-busy")))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("answered HTTP 429");
        assertThat(seen("/always-busy")).hasSize(3);
    }

    private List<WebPage> fetchAll(WebClient client, List<String> urls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(urls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<WebPage>> futures = new ArrayList<>();
            for (String url : urls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return client.fetch(URI.create(url));
                }));
            }
            go.countDown();
            List<WebPage> pages = new ArrayList<>();
            for (Future<WebPage> f : futures) {
                pages.add(f.get(20, TimeUnit.SECONDS));
            }
            return pages;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void neverSendsOneHostMoreThanItsShareOfRequestsAtOnce() throws Exception {
        // Counted while each request waits, and no longer once its answer starts: the client may send the
        // next request as soon as an answer has arrived, before the server's handler has returned.
        AtomicInteger waiting = new AtomicInteger();
        AtomicInteger mostWaiting = new AtomicInteger();
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            routes.put("/slow/" + i, ex -> {
                mostWaiting.accumulateAndGet(waiting.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(150);
                } finally {
                    waiting.decrementAndGet();
                }
                send(ex, 200, "text/html", "<p>slow</p>".getBytes(StandardCharsets.UTF_8));
            });
            urls.add(base + "/slow/" + i);
        }

        List<WebPage> pages = fetchAll(client(loopback()), urls);

        assertThat(pages).hasSize(6);
        assertThat(seen).hasSize(6);
        assertThat(mostWaiting.get()).isBetween(1, 2);
    }

    @Test
    void leavesTheWaitBetweenTheStartsOfRequestsToOneHost() throws Exception {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            routes.put("/spaced/" + i, html("<p>spaced</p>"));
            urls.add(base + "/spaced/" + i);
        }

        fetchAll(client(loopback().waitBetweenRequests(Duration.ofMillis(200))), urls);

        List<Long> starts;
        synchronized (seen) {
            starts = seen.stream().map(Seen::nanos).sorted().toList();
        }
        assertThat(starts).hasSize(4);
        for (int i = 1; i < starts.size(); i++) {
            // 200 ms between the client's starts; the server sees each a little later, by a varying delay.
            assertThat(Duration.ofNanos(starts.get(i) - starts.get(i - 1))).isGreaterThan(Duration.ofMillis(150));
        }
    }

    @Test
    void fetchesEachUrlOnceEvenWhenAskedConcurrentlyAndAgain() throws Exception {
        routes.put("/once", ex -> {
            Thread.sleep(100);
            send(ex, 200, "text/html", "<p>once</p>".getBytes(StandardCharsets.UTF_8));
        });
        WebClient client = client(loopback());

        List<WebPage> pages = fetchAll(client, Collections.nCopies(8, base + "/once"));
        WebPage again = client.fetch(URI.create(base + "/once#comments"));

        assertThat(pages).allSatisfy(p -> assertThat(p).isSameAs(pages.get(0)));
        assertThat(again).isSameAs(pages.get(0));
        assertThat(seen("/once")).hasSize(1);
        assertThatThrownBy(() -> client.fetch(URI.create(base + "/missing")))
                .isInstanceOf(ResourceUnavailableException.class);
        assertThatThrownBy(() -> client.fetch(URI.create(base + "/missing")))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("HTTP 404");
        assertThat(seen("/missing")).hasSize(1);
    }

    /** A page with validators that answers 304 when asked with its ETag. */
    private static Route validated(String etag, byte[] body, boolean alwaysFull) {
        return ex -> {
            ex.getResponseHeaders().set("ETag", etag);
            ex.getResponseHeaders().set("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT");
            if (!alwaysFull && etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
            } else {
                send(ex, 200, "text/html; charset=utf-8", body);
            }
        };
    }

    @Test
    void revalidatesACachedPageAndServesItWhenTheServerSaysNotModified(@TempDir Path cache) throws IOException {
        byte[] body = "<p>kept</p>".getBytes(StandardCharsets.UTF_8);
        routes.put("/kept", validated("\"v1\"", body, false));
        URI url = URI.create(base + "/kept");

        WebPage first = client(loopback().cacheDir(cache)).fetch(url);
        WebPage second = client(loopback().cacheDir(cache)).fetch(url);

        List<Seen> requests = seen("/kept");
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).headers()).doesNotContainKey("if-none-match");
        assertThat(requests.get(1).headers()).containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", "Tue, 01 Dec 2026 08:00:00 GMT");
        assertThat(second.body()).isEqualTo(body);
        assertThat(second).isEqualTo(first);
        assertThat(second.date()).isEqualTo(first.date()).isBeforeOrEqualTo(Instant.now());
        assertThat(second.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(Files.list(cache.resolve("pages"))).hasSize(1);
    }

    @Test
    void replacesTheCachedPageWhenTheServerSendsANewOne(@TempDir Path cache) throws IOException {
        URI url = URI.create(base + "/changing");
        routes.put("/changing", validated("\"a\"", "<p>first</p>".getBytes(StandardCharsets.UTF_8), false));
        client(loopback().cacheDir(cache)).fetch(url);
        routes.put("/changing", validated("\"b\"", "<p>second</p>".getBytes(StandardCharsets.UTF_8), false));

        WebPage changed = client(loopback().cacheDir(cache)).fetch(url);
        WebPage offline = client(loopback().cacheDir(cache).offline(true)).fetch(url);

        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).isEqualTo("<p>second</p>");
        assertThat(offline).isEqualTo(changed);
    }

    @Test
    void offlineServesTheCacheWithoutARequestAndRefusesTheRest(@TempDir Path cache) throws IOException {
        routes.put("/stored", validated("\"s\"", "<p>stored</p>".getBytes(StandardCharsets.UTF_8), false));
        routes.put("/never", html("<p>never</p>"));
        WebPage online = client(loopback().cacheDir(cache)).fetch(URI.create(base + "/stored"));
        seen.clear();

        WebClient offline = client(loopback().cacheDir(cache).offline(true));
        WebPage stored = offline.fetch(URI.create(base + "/stored"));

        assertThat(stored).isEqualTo(online);
        assertThatThrownBy(() -> offline.fetch(URI.create(base + "/never")))
                .isInstanceOf(ResourceUnavailableException.class)
                .hasMessage(base + "/never: is not fetched: offline");
        assertThatThrownBy(() -> client(loopback().offline(true)).fetch(URI.create(base + "/stored")))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("is not fetched: offline");
        assertThat(seen).isEmpty();
    }

    @Test
    void doesNotCacheAnAnswerThatIsNotOk(@TempDir Path cache) {
        routes.put("/oops", ex -> send(ex, 500, "text/plain", new byte[0]));
        assertThatThrownBy(() -> client(loopback().cacheDir(cache)).fetch(URI.create(base + "/oops")))
                .isInstanceOf(ResourceUnavailableException.class);
        assertThat(cache.resolve("pages")).doesNotExist();
    }

    @Test
    void twoClientsSharingACacheFolderAlwaysReadWholeEntries(@TempDir Path cache) throws Exception {
        List<String> urls = new ArrayList<>();
        Map<String, byte[]> bodies = new ConcurrentHashMap<>();
        for (int i = 0; i < 20; i++) {
            String path = "/shared/" + i;
            byte[] body = ("<p>" + ("page " + i + " ").repeat(2000) + "</p>").getBytes(StandardCharsets.UTF_8);
            bodies.put(base + path, body);
            Route full = validated("\"" + i + "\"", body, true);
            Route revalidated = validated("\"" + i + "\"", body, false);
            // Half the answers are full pages, so entries are rewritten while the other client reads them.
            routes.put(path, ex -> (ThreadLocalRandom.current().nextBoolean() ? full : revalidated).answer(ex));
            urls.add(base + path);
        }
        ExecutorService runs = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                List<Callable<List<WebPage>>> pair = List.of(
                        () -> fetchAll(client(loopback().cacheDir(cache).maxPerHost(8)), urls),
                        () -> fetchAll(client(loopback().cacheDir(cache).maxPerHost(8)), urls));
                for (Future<List<WebPage>> run : runs.invokeAll(pair)) {
                    List<WebPage> pages = run.get();
                    for (int i = 0; i < urls.size(); i++) {
                        assertThat(pages.get(i).body()).as(urls.get(i)).isEqualTo(bodies.get(urls.get(i)));
                        assertThat(pages.get(i).uri()).isEqualTo(URI.create(urls.get(i)));
                    }
                }
            }
        } finally {
            runs.shutdownNow();
        }
        assertThat(seen).hasSize(4 * 2 * 20);
        try (var files = Files.list(cache.resolve("pages"))) {
            assertThat(files.map(p -> p.getFileName().toString())).hasSize(20)
                    .allSatisfy(n -> assertThat(n).matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void ignoresATruncatedOrCorruptCacheEntryAndFetchesThePageAgain(@TempDir Path cache) throws IOException {
        byte[] body = "<p>whole again</p>".getBytes(StandardCharsets.UTF_8);
        routes.put("/fragile", validated("\"f\"", body, false));
        URI url = URI.create(base + "/fragile");
        client(loopback().cacheDir(cache)).fetch(url);
        Path entry;
        try (var files = Files.list(cache.resolve("pages"))) {
            entry = files.findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(entry);

        Files.write(entry, Arrays.copyOf(whole, whole.length / 2));
        WebPage afterTruncation = client(loopback().cacheDir(cache)).fetch(url);
        byte[] flipped = Files.readAllBytes(entry);
        flipped[flipped.length - 40] ^= 1;
        Files.write(entry, flipped);
        WebPage afterCorruption = client(loopback().cacheDir(cache)).fetch(url);
        Files.writeString(entry, "not an entry at all");
        assertThatThrownBy(() -> client(loopback().cacheDir(cache).offline(true)).fetch(url))
                .hasMessageContaining("offline");
        client(loopback().cacheDir(cache)).fetch(url);
        WebPage revalidated = client(loopback().cacheDir(cache)).fetch(url);

        assertThat(afterTruncation.body()).isEqualTo(body);
        assertThat(afterCorruption.body()).isEqualTo(body);
        assertThat(revalidated.body()).isEqualTo(body);
        List<Seen> requests = seen("/fragile");
        assertThat(requests).hasSize(5);
        assertThat(requests.get(1).headers()).doesNotContainKey("if-none-match");
        assertThat(requests.get(2).headers()).doesNotContainKey("if-none-match");
        assertThat(requests.get(3).headers()).doesNotContainKey("if-none-match");
        assertThat(requests.get(4).headers()).containsEntry("if-none-match", "\"f\"");
    }

    @Test
    void namesEntriesByTheHashOfTheUrlAndNeverWritesThroughALinkPlacedThere(@TempDir Path cache,
            @TempDir Path elsewhere) throws Exception {
        routes.put("/linked", validated("\"l\"", "<p>linked</p>".getBytes(StandardCharsets.UTF_8), false));
        String url = base + "/linked";
        Path canary = Files.writeString(elsewhere.resolve("canary.txt"), "untouched");
        Path entry = cache.resolve("pages").resolve(java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8))));
        Files.createDirectories(entry.getParent());
        Files.createSymbolicLink(entry, canary);

        WebPage page = client(loopback().cacheDir(cache)).fetch(URI.create(url));

        assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>linked</p>");
        assertThat(canary).hasContent("untouched");
        assertThat(entry).isRegularFile();
        assertThat(client(loopback().cacheDir(cache).offline(true)).fetch(URI.create(url))).isEqualTo(page);
    }
}
