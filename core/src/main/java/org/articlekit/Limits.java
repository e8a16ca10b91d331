package org.articlekit;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds that keep hostile or broken input from exhausting time, memory or stack.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxInputBytes(5 << 20).maxDepth(256).build();
 * }</pre>
 *
 * <p>Defaults (see each setter): input 32 MiB, nesting depth 512, 2,000 images per article, 10 MiB
 * per resource, 200 MiB of resources per conversion, 40 megapixels per image, 60 seconds per
 * conversion, 20 MiB per feed, 10,000 items per feed. Input past a limit is rejected with an
 * {@link ArticleFormatException} that names the limit, except feed items: past the item limit the
 * first items are kept, with a warning. Immutable and thread-safe.
 */
public final class Limits {

    private static final Limits DEFAULTS = builder().build();

    private final long maxInputBytes;
    private final int maxDepth;
    private final int maxImages;
    private final long maxResourceBytes;
    private final long maxTotalResourceBytes;
    private final long maxPixels;
    private final Duration timeout;
    private final long maxFeedBytes;
    private final int maxFeedItems;

    private Limits(Builder b) {
        maxInputBytes = b.maxInputBytes;
        maxDepth = b.maxDepth;
        maxImages = b.maxImages;
        maxResourceBytes = b.maxResourceBytes;
        maxTotalResourceBytes = b.maxTotalResourceBytes;
        maxPixels = b.maxPixels;
        timeout = b.timeout;
        maxFeedBytes = b.maxFeedBytes;
        maxFeedItems = b.maxFeedItems;
    }

    /** @return the default limits */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these limits */
    public Builder toBuilder() {
        return new Builder().maxInputBytes(maxInputBytes).maxDepth(maxDepth).maxImages(maxImages)
                .maxResourceBytes(maxResourceBytes).maxTotalResourceBytes(maxTotalResourceBytes)
                .maxPixels(maxPixels).timeout(timeout).maxFeedBytes(maxFeedBytes).maxFeedItems(maxFeedItems);
    }

    /** @return the largest input file, in bytes */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** @return the deepest element nesting kept in a body */
    public int maxDepth() {
        return maxDepth;
    }

    /** @return the most images one article may refer to */
    public int maxImages() {
        return maxImages;
    }

    /** @return the largest single resource (image), in bytes */
    public long maxResourceBytes() {
        return maxResourceBytes;
    }

    /** @return the most resource bytes read in one conversion */
    public long maxTotalResourceBytes() {
        return maxTotalResourceBytes;
    }

    /**
     * The largest file of a format that holds a book with its images inside (EPUB, PDF): the input
     * limit plus the image limit of a conversion, since a book of a thousand illustrated posts is
     * mostly pictures. Text formats keep {@link #maxInputBytes()}.
     *
     * @return {@code maxInputBytes() + maxTotalResourceBytes()}, at most {@code Long.MAX_VALUE}
     */
    public long maxContainerBytes() {
        long sum = maxInputBytes + maxTotalResourceBytes;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** @return the most pixels (width × height) an image may declare */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * The longest one conversion may take: reading one input, or writing one output. A writer that
     * works through a long book in parts may give each part this limit of its own (see
     * {@link org.articlekit.spi.ConversionContext.Builder#restartDeadline()}): the PDF writer gives
     * it to each batch of 50 articles of a book of more than 100, and to the assembly once per
     * batch, so that a long book finishes while one article that makes the typesetter loop still
     * stops at the limit.
     *
     * @return the limit
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The largest feed (RSS, Atom, JSON Feed), in bytes; a bigger feed is rejected with an error that
     * names this limit.
     *
     * @return the limit
     */
    public long maxFeedBytes() {
        return maxFeedBytes;
    }

    /**
     * The most items read from one feed; the first ones are kept, the rest dropped with one
     * {@code feed.items} warning that says how many.
     *
     * @return the limit
     */
    public int maxFeedItems() {
        return maxFeedItems;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limits l && maxInputBytes == l.maxInputBytes && maxDepth == l.maxDepth
                && maxImages == l.maxImages && maxResourceBytes == l.maxResourceBytes
                && maxTotalResourceBytes == l.maxTotalResourceBytes && maxPixels == l.maxPixels
                && timeout.equals(l.timeout) && maxFeedBytes == l.maxFeedBytes && maxFeedItems == l.maxFeedItems;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxInputBytes, maxDepth, maxImages, maxResourceBytes, maxTotalResourceBytes, maxPixels,
                timeout, maxFeedBytes, maxFeedItems);
    }

    @Override
    public String toString() {
        return "Limits{maxInputBytes=" + maxInputBytes + ", maxDepth=" + maxDepth + ", maxImages=" + maxImages
                + ", maxResourceBytes=" + maxResourceBytes + ", maxTotalResourceBytes=" + maxTotalResourceBytes
                + ", maxPixels=" + maxPixels + ", timeout=" + timeout + ", maxFeedBytes=" + maxFeedBytes
                + ", maxFeedItems=" + maxFeedItems + "}";
    }

    /** Builds {@link Limits}; every value must be positive. Not thread-safe. */
    public static final class Builder {
        private long maxInputBytes = 32L << 20;
        private int maxDepth = 512;
        private int maxImages = 2_000;
        private long maxResourceBytes = 10L << 20;
        private long maxTotalResourceBytes = 200L << 20;
        private long maxPixels = 40_000_000L;
        private Duration timeout = Duration.ofSeconds(60);
        private long maxFeedBytes = 20L << 20;
        private int maxFeedItems = 10_000;

        private Builder() {
        }

        /** @param v largest input file in bytes; default 32 MiB @return this builder */
        public Builder maxInputBytes(long v) {
            maxInputBytes = v;
            return this;
        }

        /** @param v deepest element nesting; default 512 @return this builder */
        public Builder maxDepth(int v) {
            maxDepth = v;
            return this;
        }

        /** @param v most images per article; default 2,000 @return this builder */
        public Builder maxImages(int v) {
            maxImages = v;
            return this;
        }

        /** @param v largest resource in bytes; default 10 MiB @return this builder */
        public Builder maxResourceBytes(long v) {
            maxResourceBytes = v;
            return this;
        }

        /** @param v most resource bytes per conversion; default 200 MiB @return this builder */
        public Builder maxTotalResourceBytes(long v) {
            maxTotalResourceBytes = v;
            return this;
        }

        /** @param v most pixels per image; default 40,000,000 @return this builder */
        public Builder maxPixels(long v) {
            maxPixels = v;
            return this;
        }

        /**
         * @param v longest conversion (see {@link Limits#timeout()}); default 60 seconds
         * @return this builder
         */
        public Builder timeout(Duration v) {
            timeout = Objects.requireNonNull(v, "timeout");
            return this;
        }

        /** @param v largest feed in bytes; default 20 MiB @return this builder */
        public Builder maxFeedBytes(long v) {
            maxFeedBytes = v;
            return this;
        }

        /** @param v most items kept from one feed; default 10,000 @return this builder */
        public Builder maxFeedItems(int v) {
            maxFeedItems = v;
            return this;
        }

        /**
         * @return the limits
         * @throws IllegalArgumentException naming the first setting that is not positive
         */
        public Limits build() {
            positive("maxInputBytes", maxInputBytes);
            positive("maxDepth", maxDepth);
            positive("maxImages", maxImages);
            positive("maxResourceBytes", maxResourceBytes);
            positive("maxTotalResourceBytes", maxTotalResourceBytes);
            positive("maxPixels", maxPixels);
            positive("maxFeedBytes", maxFeedBytes);
            positive("maxFeedItems", maxFeedItems);
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive: " + timeout);
            }
            return new Limits(this);
        }

        private static void positive(String name, long v) {
            if (v <= 0) {
                throw new IllegalArgumentException(name + " must be positive: " + v);
            }
        }
    }
}
