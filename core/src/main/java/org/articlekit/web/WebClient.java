package org.articlekit.web;

import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import org.articlekit.internal.net.PageFetcher;

/**
 * Fetches pages and feeds over HTTP(S) for a {@link org.articlekit.Converter}, with the address
 * policy, limits, politeness and cache of its {@link WebOptions}.
 *
 * <pre>{@code
 * WebClient web = new WebClient(WebOptions.builder().cacheDir(Path.of("cache")).build());
 * WebPage page = web.fetch(URI.create("https://example.org/posts/1"));
 * Article article = Converter.builder().build().read(page);
 * }</pre>
 *
 * <p>What it does for every fetch:
 * <ul>
 *   <li>only {@code http} and {@code https}, never with credentials in the address; the host is
 *       resolved once, every address checked (private, loopback and link-local ones are refused
 *       unless {@link WebOptions#allowPrivateHosts()}), and the checked address is the one
 *       connected to; each redirect hop is checked the same way;</li>
 *   <li>connect and read timeouts and a deadline for the whole answer, a cap on headers, a cap on
 *       the body counted after undoing {@code gzip} or {@code deflate}, a cap on redirects;</li>
 *   <li>at most {@link WebOptions#maxParallel()} requests at once, {@link WebOptions#maxPerHost()}
 *       per host, and {@link WebOptions#waitBetweenRequests()} between the starts of requests to
 *       one host; after HTTP 429 or 503 it waits as {@code Retry-After} says and retries;</li>
 *   <li>with a {@linkplain WebOptions#cacheDir() cache folder}, a page fetched before is asked for
 *       with {@code If-None-Match}/{@code If-Modified-Since} and served from the cache on HTTP 304;
 *       {@linkplain WebOptions#offline() offline}, a cached page is served as stored and nothing
 *       else is fetched.</li>
 * </ul>
 *
 * <p>Thread-safe; make one per run. It remembers every URL it fetched: fetching a URL again, at the
 * same time from another thread or later, gives the first fetch's page (or its failure) without a
 * second request.
 */
public final class WebClient {

    private final WebOptions options;
    private final PageFetcher fetcher;

    /**
     * @param options the settings
     */
    public WebClient(WebOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.fetcher = new PageFetcher(options);
    }

    /** @return the settings */
    public WebOptions options() {
        return options;
    }

    /**
     * Fetches a page, once per URL per client: concurrent and later calls for the same URI (its
     * fragment aside) share the first result, failures too.
     *
     * @param uri an absolute http or https address
     * @return the page: its address after redirects, media type and charset from {@code Content-Type},
     *     the time it was fetched (for a page from the cache, the time it was first stored) and its
     *     decoded body
     * @throws org.articlekit.spi.ResourceUnavailableException naming the URL and why, such as
     *     "answered HTTP 404", "points at a private or local address (127.0.0.1), which is refused",
     *     "timed out", "is larger than the limit of N bytes" or "is not fetched: offline"
     * @throws IOException when the page cannot be fetched otherwise
     */
    public WebPage fetch(URI uri) throws IOException {
        return fetcher.fetch(Objects.requireNonNull(uri, "uri"));
    }

    @Override
    public String toString() {
        return "WebClient[" + options + "]";
    }
}
