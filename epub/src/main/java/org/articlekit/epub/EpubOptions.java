package org.articlekit.epub;

import org.articlekit.spi.Options;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the EPUB format's book writer.
 *
 * <pre>{@code
 * EpubOptions opts = EpubOptions.builder().verticalWriting(true).build();
 * Converter c = Converter.builder().options(FormatOptions.of(opts)).build();
 * c.writeBook(book, Path.of("book.epub"), null);
 * }</pre>
 *
 * <p>Defaults: horizontal writing, a generated cover when the book has none, a title page, a
 * generated cover of 1200 × 1800 pixels. Immutable and thread-safe.
 */
public final class EpubOptions implements Options {

    /** The smallest width or height of a generated cover, in pixels. */
    public static final int MIN_COVER_SIZE = 200;
    /** The largest width or height of a generated cover, in pixels. */
    public static final int MAX_COVER_SIZE = 4000;

    private static final EpubOptions DEFAULTS = builder().build();

    private final boolean verticalWriting;
    private final boolean generateCover;
    private final boolean titlePage;
    private final int coverWidth;
    private final int coverHeight;
    private final int maxImageSide;
    private final int tocDepth;
    private final @Nullable String css;

    private EpubOptions(Builder b) {
        verticalWriting = b.verticalWriting;
        generateCover = b.generateCover;
        titlePage = b.titlePage;
        coverWidth = b.coverWidth;
        coverHeight = b.coverHeight;
        maxImageSide = b.maxImageSide;
        tocDepth = b.tocDepth;
        css = b.css;
    }

    /** @return the defaults */
    public static EpubOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().verticalWriting(verticalWriting).generateCover(generateCover).titlePage(titlePage)
                .coverSize(coverWidth, coverHeight).maxImageSide(maxImageSide).tocDepth(tocDepth).css(css);
    }

    /**
     * @return the longest side, in pixels, of PNG and JPEG images in the book; larger ones are scaled
     *     down (e-readers gain nothing from more); 0 keeps every image as it is; default 2,000
     */
    public int maxImageSide() {
        return maxImageSide;
    }

    /**
     * @return whether text runs top to bottom, columns right to left ({@code writing-mode:
     *     vertical-rl} and a right-to-left page progression), as in traditional Chinese and Japanese
     *     books; default false
     */
    public boolean verticalWriting() {
        return verticalWriting;
    }

    /**
     * @return whether a cover image (title, authors, dates) is drawn when the book has no cover of its
     *     own and is not a single article with one; default true
     */
    public boolean generateCover() {
        return generateCover;
    }

    /** @return whether the book opens with a title page (title, authors, dates, article count); default true */
    public boolean titlePage() {
        return titlePage;
    }

    /** @return the width of a generated cover in pixels; default 1200 */
    public int coverWidth() {
        return coverWidth;
    }

    /** @return the height of a generated cover in pixels; default 1800 */
    public int coverHeight() {
        return coverHeight;
    }

    /**
     * @return how deep the table of contents (the navigation document) goes: 1 the chapters only, 2 also each
     *     chapter's top headings ({@code h1}, {@code h2}), 3 also {@code h3}; default 1. The EPUB 2 NCX lists the
     *     chapters only.
     */
    public int tocDepth() {
        return tocDepth;
    }

    /**
     * @return a stylesheet of the user's (the CLI's {@code --css FILE}) added to the book's stylesheet after the
     *     built-in rules, so that its rules win; or {@code null} (the default)
     */
    public @Nullable String css() {
        return css;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpubOptions e && verticalWriting == e.verticalWriting && generateCover == e.generateCover
                && titlePage == e.titlePage && coverWidth == e.coverWidth && coverHeight == e.coverHeight
                && maxImageSide == e.maxImageSide && tocDepth == e.tocDepth
                && java.util.Objects.equals(css, e.css);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(verticalWriting, generateCover, titlePage, coverWidth, coverHeight,
                maxImageSide, tocDepth, css);
    }

    @Override
    public String toString() {
        return "EpubOptions{verticalWriting=" + verticalWriting + ", generateCover=" + generateCover
                + ", titlePage=" + titlePage + ", cover=" + coverWidth + "x" + coverHeight + ", maxImageSide="
                + maxImageSide + ", tocDepth=" + tocDepth + (css == null ? "" : ", css=" + css.length() + " chars") + "}";
    }

    /** Builds {@link EpubOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean verticalWriting;
        private boolean generateCover = true;
        private boolean titlePage = true;
        private int coverWidth = 1200;
        private int coverHeight = 1800;
        private int maxImageSide = 2000;
        private int tocDepth = 1;
        private @Nullable String css;

        private Builder() {
        }

        /**
         * @param v CSS added to the book's stylesheet after the built-in rules, or null (the default) for none
         * @return this builder
         */
        public Builder css(@Nullable String v) {
            css = v;
            return this;
        }

        /**
         * @param v how deep the table of contents goes, 1 to 3 (see {@link EpubOptions#tocDepth()}); default 1
         * @return this builder
         * @throws IllegalArgumentException when it is not 1, 2 or 3
         */
        public Builder tocDepth(int v) {
            if (v < 1 || v > 3) {
                throw new IllegalArgumentException("the contents depth must be 1, 2 or 3, not " + v);
            }
            tocDepth = v;
            return this;
        }

        /**
         * @param v the longest image side in pixels, or 0 to keep originals; default 2,000
         * @return this builder
         */
        public Builder maxImageSide(int v) {
            maxImageSide = v;
            return this;
        }

        /** @param v vertical writing, right-to-left pages; default false @return this builder */
        public Builder verticalWriting(boolean v) {
            verticalWriting = v;
            return this;
        }

        /** @param v draw a cover when the book has none; default true @return this builder */
        public Builder generateCover(boolean v) {
            generateCover = v;
            return this;
        }

        /** @param v open the book with a title page; default true @return this builder */
        public Builder titlePage(boolean v) {
            titlePage = v;
            return this;
        }

        /**
         * @param width the generated cover's width in pixels; default 1200
         * @param height the generated cover's height in pixels; default 1800
         * @return this builder
         */
        public Builder coverSize(int width, int height) {
            coverWidth = width;
            coverHeight = height;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming {@code coverSize} when a side is outside
         *     {@value #MIN_COVER_SIZE}–{@value #MAX_COVER_SIZE} pixels, or {@code maxImageSide} when it
         *     is negative or below 64
         */
        public EpubOptions build() {
            if (maxImageSide < 0 || maxImageSide > 0 && maxImageSide < 64) {
                throw new IllegalArgumentException("maxImageSide must be 0 (keep originals) or at least 64: "
                        + maxImageSide);
            }
            if (coverWidth < MIN_COVER_SIZE || coverWidth > MAX_COVER_SIZE || coverHeight < MIN_COVER_SIZE
                    || coverHeight > MAX_COVER_SIZE) {
                throw new IllegalArgumentException("coverSize must be between " + MIN_COVER_SIZE + " and "
                        + MAX_COVER_SIZE + " pixels on each side: " + coverWidth + "x" + coverHeight);
            }
            return new EpubOptions(this);
        }
    }
}
