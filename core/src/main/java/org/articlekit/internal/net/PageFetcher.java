package org.articlekit.internal.net;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.articlekit.spi.ResourceUnavailableException;
import org.articlekit.web.WebOptions;
import org.articlekit.web.WebPage;
import org.jspecify.annotations.Nullable;

/**
 * What {@link org.articlekit.web.WebClient} does, kept here beside {@link SafeHttp} so tests can give
 * it an address policy: one fetch per URL, the offline rule, the cache and its revalidation,
 * politeness per host, and retries after HTTP 429 and 503.
 */
public final class PageFetcher {

    /** What pages ask for: documents and feeds first, anything else last. */
    static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
            + "application/feed+json,application/json;q=0.9,*/*;q=0.8";

    private static final Duration DEFAULT_RETRY_WAIT = Duration.ofSeconds(1);

    private final WebOptions options;
    private final SafeHttp http;
    private final HostGate gate;
    private final @Nullable PageCache cache;
    private final OncePerKey<WebPage> fetches = new OncePerKey<>();

    /**
     * @param options the settings
     */
    public PageFetcher(WebOptions options) {
        this(options, new SafeHttp.AddressPolicy(options.allowPrivateHosts()));
    }

    /** With a given address policy; tests use it to tell two loopback addresses apart. */
    PageFetcher(WebOptions options, SafeHttp.AddressPolicy policy) {
        this.options = options;
        this.http = new SafeHttp(new SafeHttp.Settings(options.connectTimeout(), options.readTimeout(),
                options.maxBytes(), options.maxRedirects(), options.userAgent()), policy);
        this.gate = new HostGate(options.maxParallel(), options.maxPerHost(), options.waitBetweenRequests());
        this.cache = options.cacheDir().map(d -> new PageCache(d.resolve("pages"), options.maxBytes())).orElse(null);
    }

    /**
     * Fetches a page once: a second call for the same URL (without its fragment), at the same time
     * or later, gets the first call's page or failure.
     *
     * @param uri the address
     * @return the page
     * @throws IOException a {@link ResourceUnavailableException} naming the URL and the reason
     */
    public WebPage fetch(URI uri) throws IOException {
        String url = key(uri);
        return fetches.get(url, url, () -> fetchOnce(url));
    }

    /** The URL a page is known by: the address without its fragment, which is never sent. */
    private static String key(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri.toString();
        }
        String s = uri.toString();
        return s.substring(0, s.length() - uri.getRawFragment().length() - 1);
    }

    private WebPage fetchOnce(String url) throws IOException, InterruptedException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ResourceUnavailableException(url, "is not a valid address");
        }
        Optional<PageCache.Entry> cached = cache == null ? Optional.empty() : cache.read(url);
        if (options.offline()) {
            return cached.map(PageCache.Entry::page)
                    .orElseThrow(() -> new ResourceUnavailableException(url, "is not fetched: offline"));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", ACCEPT);
        headers.put("Accept-Encoding", "gzip, deflate");
        cached.ifPresent(c -> {
            if (c.etag() != null) {
                headers.put("If-None-Match", c.etag());
            }
            if (c.lastModified() != null) {
                headers.put("If-Modified-Since", c.lastModified());
            }
        });
        HttpResponse r = exchangeWithRetries(url, uri, headers);
        if (r.status() == 304 && cached.isPresent()) {
            return cached.get().page();
        }
        if (r.status() != 200) {
            throw new ResourceUnavailableException(url, "answered HTTP " + r.status());
        }
        WebPage page = page(r, Instant.now());
        if (cache != null) {
            store(url, r, page);
        }
        return page;
    }

    private void store(String url, HttpResponse r, WebPage page) throws ResourceUnavailableException {
        String etag = r.header("etag").filter(SafeHttp::printable).orElse(null);
        String lastModified = r.header("last-modified").filter(SafeHttp::printable).orElse(null);
        try {
            cache.write(new PageCache.Entry(url, page, etag, lastModified));
        } catch (IOException e) {
            ResourceUnavailableException failed = new ResourceUnavailableException(url,
                    "could not be stored in the cache: " + e.getMessage());
            failed.initCause(e);
            throw failed;
        }
    }

    private HttpResponse exchangeWithRetries(String url, URI uri, Map<String, String> headers)
            throws ResourceUnavailableException, InterruptedException {
        String host = uri.getHost() == null ? "" : uri.getHost();
        for (int attempt = 0;; attempt++) {
            HttpResponse r;
            try (HostGate.Pass pass = gate.enter(host)) {
                r = http.get(url, uri, headers);
            }
            if ((r.status() != 429 && r.status() != 503) || attempt >= options.retries()) {
                return r;
            }
            Duration wait = retryAfter(r.header("retry-after").orElse(null), Instant.now());
            if (wait.compareTo(options.maxRetryWait()) > 0) {
                throw new ResourceUnavailableException(url, "answered HTTP " + r.status() + " and asked to retry after "
                        + seconds(wait) + ", longer than the limit of " + seconds(options.maxRetryWait()));
            }
            Thread.sleep(wait.toMillis());
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    /**
     * How long a {@code Retry-After} value asks to wait: a number of seconds or an HTTP date; 1 s when
     * the header is missing or unreadable.
     *
     * @param value the header value, or null
     * @param now the current time, for a date
     * @return the wait, never negative
     */
    static Duration retryAfter(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return DEFAULT_RETRY_WAIT;
        }
        String v = value.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L); // more digits than a long: forever
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return DEFAULT_RETRY_WAIT; // neither form: as if there were none
        }
    }

    /** The page of a 200 answer: its final address, media type and charset from Content-Type, the time. */
    private static WebPage page(HttpResponse r, Instant date) {
        String mediaType = null;
        Charset charset = null;
        Optional<String> contentType = r.header("content-type");
        if (contentType.isPresent()) {
            String[] parts = contentType.get().split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            mediaType = type.isEmpty() ? null : type;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                int eq = p.indexOf('=');
                if (eq > 0 && p.substring(0, eq).strip().equalsIgnoreCase("charset")) {
                    charset = charset(p.substring(eq + 1).strip());
                }
            }
        }
        return new WebPage(r.uri(), mediaType, charset, date, r.body());
    }

    /** @return the charset a label names, or null for an unknown or malformed label */
    static @Nullable Charset charset(String label) {
        String name = label;
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1);
        }
        name = name.strip();
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return null; // unknown or illegal label: the decoder looks at the page itself
        }
    }

    @Override
    public String toString() {
        return "PageFetcher[" + options + "]";
    }
}
