package org.articlekit.spi;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the remote image resolver ({@link ResourceResolver#remote}).
 *
 * <pre>{@code
 * RemoteImageOptions opts = RemoteImageOptions.builder().cacheDir(Path.of("cache")).build();
 * ResourceResolver r = ResourceResolver.remote(ResourceResolver.localFiles(dir), opts);
 * }</pre>
 *
 * <p>Defaults: private, loopback and link-local hosts refused; connect timeout 5 s, read timeout
 * 10 s; at most 10 MiB per image; at most 5 redirects; at most 4 downloads at once and 2 per host;
 * no cache; a {@code User-Agent} naming ArticleKit; no {@code Referer}. Immutable and thread-safe.
 */
public final class RemoteImageOptions {

    private static final RemoteImageOptions DEFAULTS = builder().build();

    private final boolean allowPrivateHosts;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final long maxBytes;
    private final int maxRedirects;
    private final int maxParallel;
    private final int maxPerHost;
    private final @Nullable Path cacheDir;
    private final String userAgent;
    private final @Nullable URI referer;

    private RemoteImageOptions(Builder b) {
        allowPrivateHosts = b.allowPrivateHosts;
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
        maxBytes = b.maxBytes;
        maxRedirects = b.maxRedirects;
        maxParallel = b.maxParallel;
        maxPerHost = b.maxPerHost;
        cacheDir = b.cacheDir;
        userAgent = b.userAgent;
        referer = b.referer;
    }

    /** @return the defaults */
    public static RemoteImageOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().allowPrivateHosts(allowPrivateHosts).connectTimeout(connectTimeout)
                .readTimeout(readTimeout).maxBytes(maxBytes).maxRedirects(maxRedirects).maxParallel(maxParallel)
                .maxPerHost(maxPerHost).cacheDir(cacheDir).userAgent(userAgent).referer(referer);
    }

    /** @return whether loopback, private, link-local and unique-local addresses may be fetched; default false */
    public boolean allowPrivateHosts() {
        return allowPrivateHosts;
    }

    /** @return the connect timeout; default 5 s */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the longest wait for bytes while reading; default 10 s */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** @return the largest image, in bytes; default 10 MiB */
    public long maxBytes() {
        return maxBytes;
    }

    /** @return the most redirects followed; default 5 */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** @return the most downloads at once; default 4 */
    public int maxParallel() {
        return maxParallel;
    }

    /** @return the most downloads at once from one host; default 2 */
    public int maxPerHost() {
        return maxPerHost;
    }

    /** @return the download cache folder, when caching is on; default none */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }

    /** @return the {@code User-Agent} sent */
    public String userAgent() {
        return userAgent;
    }

    /** @return the {@code Referer} sent (usually the article's source URL); default none */
    public Optional<URI> referer() {
        return Optional.ofNullable(referer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteImageOptions r && allowPrivateHosts == r.allowPrivateHosts
                && connectTimeout.equals(r.connectTimeout) && readTimeout.equals(r.readTimeout)
                && maxBytes == r.maxBytes && maxRedirects == r.maxRedirects && maxParallel == r.maxParallel
                && maxPerHost == r.maxPerHost && Objects.equals(cacheDir, r.cacheDir)
                && userAgent.equals(r.userAgent) && Objects.equals(referer, r.referer);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowPrivateHosts, connectTimeout, readTimeout, maxBytes, maxRedirects, maxParallel,
                maxPerHost, cacheDir, userAgent, referer);
    }

    @Override
    public String toString() {
        return "RemoteImageOptions{allowPrivateHosts=" + allowPrivateHosts + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", maxBytes=" + maxBytes + ", maxRedirects=" + maxRedirects
                + ", maxParallel=" + maxParallel + ", maxPerHost=" + maxPerHost + ", cacheDir=" + cacheDir + "}";
    }

    /** Builds {@link RemoteImageOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean allowPrivateHosts;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(10);
        private long maxBytes = 10L << 20;
        private int maxRedirects = 5;
        private int maxParallel = 4;
        private int maxPerHost = 2;
        private @Nullable Path cacheDir;
        private String userAgent = "ArticleKit/0.1 (+https://github.com/articlekit/articlekit)";
        private @Nullable URI referer;

        private Builder() {
        }

        /** @param v allow loopback and private addresses; default false @return this builder */
        public Builder allowPrivateHosts(boolean v) {
            allowPrivateHosts = v;
            return this;
        }

        /** @param v connect timeout; default 5 s @return this builder */
        public Builder connectTimeout(Duration v) {
            connectTimeout = Objects.requireNonNull(v, "connectTimeout");
            return this;
        }

        /** @param v read timeout; default 10 s @return this builder */
        public Builder readTimeout(Duration v) {
            readTimeout = Objects.requireNonNull(v, "readTimeout");
            return this;
        }

        /** @param v largest image in bytes; default 10 MiB @return this builder */
        public Builder maxBytes(long v) {
            maxBytes = v;
            return this;
        }

        /** @param v most redirects; default 5 @return this builder */
        public Builder maxRedirects(int v) {
            maxRedirects = v;
            return this;
        }

        /** @param v most downloads at once; default 4 @return this builder */
        public Builder maxParallel(int v) {
            maxParallel = v;
            return this;
        }

        /** @param v most downloads at once per host; default 2 @return this builder */
        public Builder maxPerHost(int v) {
            maxPerHost = v;
            return this;
        }

        /** @param v the cache folder, or null for no cache @return this builder */
        public Builder cacheDir(@Nullable Path v) {
            cacheDir = v;
            return this;
        }

        /** @param v the User-Agent header @return this builder */
        public Builder userAgent(String v) {
            userAgent = Objects.requireNonNull(v, "userAgent");
            return this;
        }

        /** @param v the Referer header, or null @return this builder */
        public Builder referer(@Nullable URI v) {
            referer = v;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming a setting whose value is out of range
         */
        public RemoteImageOptions build() {
            if (connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
            }
            if (readTimeout.isNegative() || readTimeout.isZero()) {
                throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
            }
            if (maxBytes <= 0) {
                throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
            }
            if (maxRedirects < 0 || maxRedirects > 20) {
                throw new IllegalArgumentException("maxRedirects must be 0 to 20: " + maxRedirects);
            }
            if (maxParallel < 1 || maxPerHost < 1) {
                throw new IllegalArgumentException("maxParallel and maxPerHost must be at least 1: "
                        + maxParallel + ", " + maxPerHost);
            }
            if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7E)) {
                throw new IllegalArgumentException("userAgent must be printable ASCII: " + userAgent);
            }
            return new RemoteImageOptions(this);
        }
    }
}
