package org.articlekit.html;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.articlekit.spi.ContentExtractor;
import org.articlekit.spi.Options;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the HTML format's reader and writer.
 *
 * <pre>{@code
 * HtmlOptions opts = HtmlOptions.builder().fragment(true).build();
 * Converter c = Converter.builder().options(FormatOptions.of(opts)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class HtmlOptions implements Options {

    private static final HtmlOptions DEFAULTS = builder().build();

    private final boolean fragment;
    private final boolean stylesheet;
    private final boolean embedImages;
    private final Charset fallbackCharset;
    private final @Nullable ContentExtractor extractor;
    private final Extraction extraction;
    private final @Nullable String css;

    /** How the reader finds the article in a whole page when no custom extractor is set. */
    public enum Extraction {
        /**
         * Scores the page's blocks by their text (characters and punctuation, so Chinese pages
         * score as well as English ones), links and class/id hints, merges related siblings and
         * cleans the winner of share bars, related lists, editor lines, disclaimers and comments.
         * A page that is not an article is reported ({@code extract.not-article}) and kept whole.
         * Each removed block is an {@code extract.removed} warning (informational: strict mode
         * does not fail on it).
         */
        MAIN_CONTENT,
        /** Takes the {@code <article>} with the most text, else {@code <main>}, else {@code <body>}. */
        SEMANTIC_ELEMENTS
    }

    private HtmlOptions(Builder b) {
        fragment = b.fragment;
        stylesheet = b.stylesheet;
        embedImages = b.embedImages;
        fallbackCharset = b.fallbackCharset;
        extractor = b.extractor;
        extraction = b.extraction;
        css = b.css;
    }

    /** @return the defaults */
    public static HtmlOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().fragment(fragment).stylesheet(stylesheet).embedImages(embedImages)
                .fallbackCharset(fallbackCharset).extractor(extractor).extraction(extraction).css(css);
    }

    /** @return whether the writer writes only the body, with no page around it; default false */
    public boolean fragment() {
        return fragment;
    }

    /** @return whether the writer puts its reading stylesheet in the page; default true */
    public boolean stylesheet() {
        return stylesheet;
    }

    /**
     * @return a stylesheet of the user's (the CLI's {@code --css FILE}) that the writer puts in the page after
     *     its reading stylesheet, so its rules win; or {@code null} (the default). Ignored for fragments.
     */
    public @Nullable String css() {
        return css;
    }

    /**
     * @return whether the writer embeds images as {@code data:} URIs (from the article's resources,
     *     or read through the resolver); default false: images keep their addresses
     */
    public boolean embedImages() {
        return embedImages;
    }

    /**
     * @return the charset the reader uses when a page has no BOM, no declaration and detection
     *     finds nothing; default UTF-8
     */
    public Charset fallbackCharset() {
        return fallbackCharset;
    }

    /**
     * @return the main-content extractor for whole pages, or {@code null} (the default) to use the
     *     built-in one that {@link #extraction()} chooses
     */
    public @Nullable ContentExtractor extractor() {
        return extractor;
    }

    /**
     * @return the built-in way of finding the article in a whole page, used when no
     *     {@link #extractor()} is set; default {@link Extraction#MAIN_CONTENT}
     */
    public Extraction extraction() {
        return extraction;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HtmlOptions h && fragment == h.fragment && stylesheet == h.stylesheet
                && embedImages == h.embedImages && fallbackCharset.equals(h.fallbackCharset)
                && Objects.equals(extractor, h.extractor) && extraction == h.extraction && Objects.equals(css, h.css);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fragment, stylesheet, embedImages, fallbackCharset, extractor, extraction, css);
    }

    @Override
    public String toString() {
        return "HtmlOptions{fragment=" + fragment + ", stylesheet=" + stylesheet + ", embedImages=" + embedImages
                + ", fallbackCharset=" + fallbackCharset + ", extractor=" + extractor + ", extraction=" + extraction
                + (css == null ? "" : ", css=" + css.length() + " chars") + "}";
    }

    /** Builds {@link HtmlOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean fragment;
        private boolean stylesheet = true;
        private boolean embedImages;
        private @Nullable String css;
        private Charset fallbackCharset = StandardCharsets.UTF_8;
        private @Nullable ContentExtractor extractor;
        private Extraction extraction = Extraction.MAIN_CONTENT;

        private Builder() {
        }

        /** @param v write only the body; default false @return this builder */
        public Builder fragment(boolean v) {
            fragment = v;
            return this;
        }

        /**
         * @param v CSS to put in written pages after the reading stylesheet, or null (the default) for none
         * @return this builder
         */
        public Builder css(@Nullable String v) {
            css = v;
            return this;
        }

        /** @param v include the reading stylesheet; default true @return this builder */
        public Builder stylesheet(boolean v) {
            stylesheet = v;
            return this;
        }

        /** @param v embed images as data URIs; default false @return this builder */
        public Builder embedImages(boolean v) {
            embedImages = v;
            return this;
        }

        /** @param v the charset of last resort; default UTF-8 @return this builder */
        public Builder fallbackCharset(Charset v) {
            fallbackCharset = Objects.requireNonNull(v, "fallbackCharset");
            return this;
        }

        /** @param v a custom main-content extractor, or null for the built-in one @return this builder */
        public Builder extractor(@Nullable ContentExtractor v) {
            extractor = v;
            return this;
        }

        /**
         * @param v the built-in way of finding the article; default {@link Extraction#MAIN_CONTENT}
         * @return this builder
         */
        public Builder extraction(Extraction v) {
            extraction = Objects.requireNonNull(v, "extraction");
            return this;
        }

        /** @return the options */
        public HtmlOptions build() {
            return new HtmlOptions(this);
        }
    }
}
