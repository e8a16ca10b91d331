package org.articlekit.text;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.articlekit.spi.Options;

/**
 * Settings of the plain-text format's reader and writer.
 *
 * <pre>{@code
 * TextOptions opts = TextOptions.builder().lineWidth(72).metadataHeader(false).build();
 * Converter c = Converter.builder().options(FormatOptions.of(opts)).build();
 * }</pre>
 *
 * <p>Defaults: the reader takes the title from the first line, the writer writes a metadata
 * header and does not wrap lines, and undetectable bytes are read as UTF-8. Immutable and
 * thread-safe.
 */
public final class TextOptions implements Options {

    /** The narrowest line width the writer wraps to, in columns. */
    public static final int MIN_LINE_WIDTH = 20;

    /** The widest line width the writer wraps to, in columns. */
    public static final int MAX_LINE_WIDTH = 10_000;

    private static final TextOptions DEFAULTS = builder().build();

    private final boolean titleFromFirstLine;
    private final boolean metadataHeader;
    private final int lineWidth;
    private final Charset fallbackCharset;
    private final boolean removeBoilerplate;

    private TextOptions(Builder b) {
        titleFromFirstLine = b.titleFromFirstLine;
        metadataHeader = b.metadataHeader;
        lineWidth = b.lineWidth;
        fallbackCharset = b.fallbackCharset;
        removeBoilerplate = b.removeBoilerplate;
    }

    /** @return the defaults */
    public static TextOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        return new Builder().titleFromFirstLine(titleFromFirstLine).metadataHeader(metadataHeader)
                .lineWidth(lineWidth).fallbackCharset(fallbackCharset).removeBoilerplate(removeBoilerplate);
    }

    /**
     * Whether the reader takes the first non-blank line as the title (unless it is longer than 150
     * characters, which makes it body text). A title underlined with {@code =} by ArticleKit's
     * own header is recognised either way, since it is marked as one.
     *
     * @return default true; false makes the first line body text
     */
    public boolean titleFromFirstLine() {
        return titleFromFirstLine;
    }

    /**
     * Whether the writer puts the title, an underline and a short header (authors, dates, tags,
     * source…) before the body. The reader always recognises such a header.
     *
     * @return default true; false writes the body only
     */
    public boolean metadataHeader() {
        return metadataHeader;
    }

    /**
     * The column at which the writer wraps paragraphs; Chinese, Japanese and Korean characters
     * count as two columns, and Latin words are never broken (a longer word overflows).
     *
     * @return 0 for no wrapping (one line per paragraph), the default; else from
     *     {@value #MIN_LINE_WIDTH} to {@value #MAX_LINE_WIDTH}
     */
    public int lineWidth() {
        return lineWidth;
    }

    /**
     * The charset the reader uses for bytes that have no byte-order mark, are not valid UTF-8 and
     * whose charset detection finds nothing that decodes them.
     *
     * @return default UTF-8
     */
    public Charset fallbackCharset() {
        return fallbackCharset;
    }

    /**
     * Whether the reader removes what a web page adds around an article whose text was copied or
     * scraped: breadcrumb lines before the title ({@code 首页 > 正文}), share counters
     * ({@code 0} / {@code 分享至}), platform disclaimers ({@code 特别声明…}, {@code 声明：个人原创…},
     * {@code Notice: The content above…}) and everything from a "相关推荐 / 热点推荐 / Related"
     * heading on when a list of short lines follows it. Each removal is an informational
     * {@code extract.removed} warning. Every rule needs a whole line of boilerplate, so ordinary
     * text reads the same either way.
     *
     * @return default true
     */
    public boolean removeBoilerplate() {
        return removeBoilerplate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextOptions t && titleFromFirstLine == t.titleFromFirstLine
                && metadataHeader == t.metadataHeader && lineWidth == t.lineWidth
                && fallbackCharset.equals(t.fallbackCharset) && removeBoilerplate == t.removeBoilerplate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(titleFromFirstLine, metadataHeader, lineWidth, fallbackCharset, removeBoilerplate);
    }

    @Override
    public String toString() {
        return "TextOptions{titleFromFirstLine=" + titleFromFirstLine + ", metadataHeader=" + metadataHeader
                + ", lineWidth=" + lineWidth + ", fallbackCharset=" + fallbackCharset + ", removeBoilerplate="
                + removeBoilerplate + "}";
    }

    /** Builds {@link TextOptions}. Not thread-safe. */
    public static final class Builder {
        private boolean titleFromFirstLine = true;
        private boolean metadataHeader = true;
        private int lineWidth;
        private Charset fallbackCharset = StandardCharsets.UTF_8;
        private boolean removeBoilerplate = true;

        private Builder() {
        }

        /** @param v take the title from the first line; default true @return this builder */
        public Builder titleFromFirstLine(boolean v) {
            titleFromFirstLine = v;
            return this;
        }

        /** @param v write the title and metadata header; default true @return this builder */
        public Builder metadataHeader(boolean v) {
            metadataHeader = v;
            return this;
        }

        /**
         * @param v the wrapping column: 0 (the default) for none, else {@value #MIN_LINE_WIDTH} to
         *     {@value #MAX_LINE_WIDTH}; checked by {@link #build()}
         * @return this builder
         */
        public Builder lineWidth(int v) {
            lineWidth = v;
            return this;
        }

        /** @param v the charset of last resort; default UTF-8 @return this builder */
        public Builder fallbackCharset(Charset v) {
            fallbackCharset = Objects.requireNonNull(v, "fallbackCharset");
            return this;
        }

        /** @param v remove scraped-page boilerplate; default true @return this builder */
        public Builder removeBoilerplate(boolean v) {
            removeBoilerplate = v;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException when a setting is out of range, naming it and its value
         */
        public TextOptions build() {
            if (lineWidth != 0 && (lineWidth < MIN_LINE_WIDTH || lineWidth > MAX_LINE_WIDTH)) {
                throw new IllegalArgumentException("lineWidth must be 0 (no wrapping) or from " + MIN_LINE_WIDTH
                        + " to " + MAX_LINE_WIDTH + ", not " + lineWidth);
            }
            return new TextOptions(this);
        }
    }
}
