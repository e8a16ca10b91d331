package org.articlekit.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.articlekit.spi.RemoteImageOptions;
import org.jspecify.annotations.Nullable;

/**
 * Settings of a {@link WebClient}: which addresses it may reach, its limits, how politely it treats
 * a host, and its cache.
 *
 * <pre>{@code
 * WebOptions opts = WebOptions.builder().cacheDir(Path.of("cache")).waitBetweenRequests(Duration.ofSeconds(1)).build();
 * WebPage page = new WebClient(opts).fetch(URI.create("https://example.org/feed.xml"));
 * }</pre>
 *
 * <p>Defaults: private, loopback and link-local hosts refused; online; connect timeout 10 s, read
 * timeout 20 s (and 60 s, three times it, for the whole answer); at most 20 MiB of decoded body; at
 * most 5 redirects; at most 8 requests at once and 2 per host; no wait between requests to one
 * host; 2 retries after HTTP 429 or 503, waiting as {@code Retry-After} asks up to 60 s; no cache;
 * a {@code User-Agent} naming ArticleKit.
 *
 * <p>Immutable and thread-safe. Bad values fail in {@link Builder#build()} with a message naming the
 * setting and the value.
 */
public final class WebOptions {

    private static final WebOptions DEFAULTS = builder().build();

    private final boolean allowPrivateHosts;
    private final boolean offline;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxBytes;
    private final int maxRedirects;
    private final int maxParallel;
    private final int maxPerHost;
    private final Duration wait;
    private final Duration maxRetryWait;
    private final int retries;
    private final @Nullable Path cacheDir;
    private final String userAgent;

    private WebOptions(Builder b) {
        allowPrivateHosts = b.allowPrivateHosts;
        offline = b.offline;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        maxBytes = b.maxBytes;
        maxRedirects = b.maxRedirects;
        maxParallel = b.maxParallel;
        maxPerHost = b.maxPerHost;
        wait = b.wait;
        maxRetryWait = b.maxRetryWait;
        retries = b.retries;
        cacheDir = b.cacheDir;
        userAgent = b.userAgent;
    }

    /** @return the defaults */
    public static WebOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().allowPrivateHosts(allowPrivateHosts).offline(offline).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).maxBytes(maxBytes).maxRedirects(maxRedirects).maxParallel(maxParallel)
                .maxPerHost(maxPerHost).waitBetweenRequests(wait).maxRetryWait(maxRetryWait).retries(retries)
                .cacheDir(cacheDir).userAgent(userAgent);
    }

    /**
     * @return whether loopback, private, link-local and unique-local addresses may be fetched (checked
     *     after DNS and on every redirect); default false
     */
    public boolean allowPrivateHosts() {
        return allowPrivateHosts;
    }

    /**
     * @return whether nothing goes to the network; default false. When true a page in the cache is
     *     served as stored, without asking the server whether it changed, and every other page is
     *     refused with the reason "is not fetched: offline"
     */
    public boolean offline() {
        return offline;
    }

    /** @return the connect timeout; default 10 s */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * @return the longest wait for bytes while reading; default 20 s. The whole answer, headers and
     *     body, gets three times it, so a server that trickles bytes is cut off too
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the largest body in bytes, counted after undoing gzip or deflate; default 20 MiB */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return the most redirects followed for one fetch; default 5 */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** @return the most requests in flight at once, over all hosts; default 8 */
    public int maxParallel() {
        return maxParallel;
    }

    /** @return the most requests in flight at once to one host (by the requested address's host); default 2 */
    public int maxPerHost() {
        return maxPerHost;
    }

    /**
     * The least time between the starts of two requests to one host (the command line's {@code --wait}).
     * Named so because {@code wait()} is {@link Object#wait()}.
     *
     * @return the wait; default zero
     */
    public Duration waitBetweenRequests() {
        return wait;
    }

    /**
     * @return the longest {@code Retry-After} honoured; default 60 s. A server asking for a longer
     *     wait fails the fetch with a reason naming the wait
     */
    public Duration maxRetryWait() {
        return maxRetryWait;
    }

    /**
     * @return how many times a fetch is retried after HTTP 429 or 503; default 2. Each retry waits as
     *     the {@code Retry-After} header asks (seconds or an HTTP date), or 1 s without it
     */
    public int retries() {
        return retries;
    }

    /**
     * @return the cache folder, when caching is on; default none. Pages are kept under its
     *     {@code pages} folder, one file per URL, and revalidated with {@code If-None-Match} and
     *     {@code If-Modified-Since}; images (see {@link #imageOptions()}) under its {@code images} folder
     */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** @return the {@code User-Agent} sent */
    public String userAgent() {
        return userAgent;
    }

    /**
     * The same policy for the images of fetched pages, for
     * {@link org.articlekit.spi.ResourceResolver#remote}: the same private-host rule, user agent,
     * connect and read timeouts and per-host limit, and the cache folder's {@code images} folder;
     * the image defaults for everything else (such as the 10 MiB size limit).
     *
     * @return the image options
     */
    public RemoteImageOptions imageOptions() {
        return RemoteImageOptions.builder().allowPrivateHosts(allowPrivateHosts).userAgent(userAgent)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).maxPerHost(maxPerHost)
                .cacheDir(cacheDir == null ? null : cacheDir.resolve("images")).build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebOptions w && allowPrivateHosts == w.allowPrivateHosts && offline == w.offline
                && connectTimeout.equals(w.connectTimeout) && readTimeout.equals(w.readTimeout)
                && maxBytes == w.maxBytes && maxRedirects == w.maxRedirects && maxParallel == w.maxParallel
                && maxPerHost == w.maxPerHost && wait.equals(w.wait) && maxRetryWait.equals(w.maxRetryWait)
                && retries == w.retries && Objects.equals(cacheDir, w.cacheDir) && userAgent.equals(w.userAgent);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowPrivateHosts, offline, connectTimeout, readTimeout, maxBytes, maxRedirects,
                maxParallel, maxPerHost, wait, maxRetryWait, retries, cacheDir, userAgent);
    }

    @Override
    public String toString() {
        return "WebOptions{allowPrivateHosts=" + allowPrivateHosts + ", offline=" + offline + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + ", maxBytes=" + maxBytes + ", maxRedirects="
                + maxRedirects + ", maxParallel=" + maxParallel + ", maxPerHost=" + maxPerHost
                + ", waitBetweenRequests=" + wait + ", maxRetryWait=" + maxRetryWait + ", retries=" + retries
                + ", cacheDir=" + cacheDir + "}";
    }

    /** Builds {@link WebOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean allowPrivateHosts;
        private boolean offline;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);
        private long maxBytes = 20L << 20;
        private int maxRedirects = 5;
        private int maxParallel = 8;
        private int maxPerHost = 2;
        private Duration wait = Duration.ZERO;
        private Duration maxRetryWait = Duration.ofSeconds(60);
        private int retries = 2;
        private @Nullable Path cacheDir;
        private String userAgent = "ArticleKit/0.1 (+https://github.com/articlekit/articlekit)";

        private Builder() {
        }

        /** @param v allow loopback and private addresses; default false @return this builder */
        public Builder allowPrivateHosts(boolean v) {
            allowPrivateHosts = v;
            return this;
        }

        /** @param v send nothing to the network, serve the cache only; default false @return this builder */
        public Builder offline(boolean v) {
            offline = v;
            return this;
        }

        /** @param v connect timeout, positive; default 10 s @return this builder */
        public Builder connectTimeout(Duration v) {
            connectTimeout = Objects.requireNonNull(v, "connectTimeout");
            return this;
        }

        /** @param v read timeout, positive; default 20 s @return this builder */
        public Builder readTimeout(Duration v) {
            readTimeout = Objects.requireNonNull(v, "readTimeout");
            return this;
        }

        /** @param v largest decoded body in bytes, positive; default 20 MiB @return this builder */
        public Builder maxBytes(long v) {
            maxBytes = v;
            return this;
        }

        /** @param v most redirects, 0 to 20; default 5 @return this builder */
        public Builder maxRedirects(int v) {
            maxRedirects = v;
            return this;
        }

        /** @param v most requests at once, at least 1; default 8 @return this builder */
        public Builder maxParallel(int v) {
            maxParallel = v;
            return this;
        }

        /** @param v most requests at once per host, at least 1; default 2 @return this builder */
        public Builder maxPerHost(int v) {
            maxPerHost = v;
            return this;
        }

        /** @param v least time between request starts to one host, not negative; default zero @return this builder */
        public Builder waitBetweenRequests(Duration v) {
            wait = Objects.requireNonNull(v, "waitBetweenRequests");
            return this;
        }

        /** @param v longest Retry-After honoured, not negative; default 60 s @return this builder */
        public Builder maxRetryWait(Duration v) {
            maxRetryWait = Objects.requireNonNull(v, "maxRetryWait");
            return this;
        }

        /** @param v retries after HTTP 429 or 503, 0 to 10; default 2 @return this builder */
        public Builder retries(int v) {
            retries = v;
            return this;
        }

        /** @param v the cache folder, or null for no cache; default none @return this builder */
        public Builder cacheDir(@Nullable Path v) {
            cacheDir = v;
            return this;
        }

        /** @param v the User-Agent header, printable ASCII @return this builder */
        public Builder userAgent(String v) {
            userAgent = Objects.requireNonNull(v, "userAgent");
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming the setting and the value when one is out of range
         */
        public WebOptions build() {
            positive("connectTimeout", connectTimeout);
            positive("readTimeout", readTimeout);
            if (readTimeout.compareTo(Duration.ofDays(1)) > 0 || connectTimeout.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("connectTimeout and readTimeout must be at most a day: "
                        + connectTimeout + ", " + readTimeout);
            }
            if (maxBytes <= 0 || maxBytes > Integer.MAX_VALUE - 64) {
                throw new IllegalArgumentException("maxBytes must be positive and below 2 GiB: " + maxBytes);
            }
            if (maxRedirects < 0 || maxRedirects > 20) {
                throw new IllegalArgumentException("maxRedirects must be 0 to 20: " + maxRedirects);
            }
            if (maxParallel < 1) {
                throw new IllegalArgumentException("maxParallel must be at least 1: " + maxParallel);
            }
            if (maxPerHost < 1) {
                throw new IllegalArgumentException("maxPerHost must be at least 1: " + maxPerHost);
            }
            if (wait.isNegative()) {
                throw new IllegalArgumentException("waitBetweenRequests must not be negative: " + wait);
            }
            if (maxRetryWait.isNegative()) {
                throw new IllegalArgumentException("maxRetryWait must not be negative: " + maxRetryWait);
            }
            if (retries < 0 || retries > 10) {
                throw new IllegalArgumentException("retries must be 0 to 10: " + retries);
            }
            if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
                throw new IllegalArgumentException("userAgent must be printable ASCII: " + userAgent);
            }
            return new WebOptions(this);
        }

        private static void positive(String name, Duration d) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
        }
    }
}
