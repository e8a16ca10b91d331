package org.articlekit.pdf;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.articlekit.spi.Options;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the PDF format's writer and reader.
 *
 * <pre>{@code
 * PdfOptions opts = PdfOptions.builder().pageSize(PdfOptions.PageSize.A5).pdfa(true)
 *         .font(PdfOptions.FontFile.parse("/fonts/SourceHanSerif.ttc#SourceHanSerifSC-Regular")).build();
 * Converter c = Converter.builder().options(FormatOptions.of(opts)).build();
 * }</pre>
 *
 * <p>Defaults: A4 pages with 20 mm margins; no font files of your own, so the text font is the
 * first of: the Noto Sans SC artifact ({@code com.helger.font:ph-fonts-noto-sans-sc}) when it is on
 * the class path, then installed TrueType system fonts; system fonts searched; plain PDF (not
 * PDF/A); the articles embedded as the ArticleKit source attachment; a title page and a table of
 * contents for books of two or more articles; no password; the reader stops after 2,000 pages.
 * Immutable and thread-safe.
 */
public final class PdfOptions implements Options {

    /** The smallest margin, in millimetres. */
    public static final int MIN_MARGIN_MM = 5;

    /** The largest margin, in millimetres. */
    public static final int MAX_MARGIN_MM = 50;

    private static final PdfOptions DEFAULTS = builder().build();

    /** Paper sizes of the writer. */
    public enum PageSize {
        /** ISO A4, 210 × 297 mm (the default). */
        A4(210, 297),
        /** ISO A5, 148 × 210 mm, a paperback page. */
        A5(148, 210),
        /** US Letter, 8.5 × 11 in. */
        LETTER(215.9, 279.4);

        private final double widthMm;
        private final double heightMm;

        PageSize(double widthMm, double heightMm) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }

        /** @return the page width in millimetres */
        public double widthMm() {
            return widthMm;
        }

        /** @return the page height in millimetres */
        public double heightMm() {
            return heightMm;
        }

        /**
         * Parses a page size name, ignoring case: {@code A4}, {@code A5} or {@code Letter}.
         *
         * @param name the name
         * @return the page size
         * @throws IllegalArgumentException naming the known sizes when the name is unknown
         */
        public static PageSize parse(String name) {
            for (PageSize p : values()) {
                if (p.name().equalsIgnoreCase(name.strip())) {
                    return p;
                }
            }
            throw new IllegalArgumentException("pageSize: unknown page size \"" + name + "\"; known: A4, A5, Letter");
        }
    }

    /**
     * A TrueType font file to embed, optionally naming one member of a TrueType collection by its
     * PostScript name.
     *
     * @param file the {@code .ttf} or {@code .ttc} file
     * @param postScriptName the member of a collection (or the font's own name, checked), or {@code null}
     */
    public record FontFile(Path file, @Nullable String postScriptName) {

        /** Checks the parts. */
        public FontFile {
            Objects.requireNonNull(file, "file");
            if (postScriptName != null && postScriptName.isBlank()) {
                postScriptName = null;
            }
        }

        /**
         * Parses the command line's {@code FILE[#PostScriptName]}.
         *
         * @param spec the file, optionally followed by {@code #} and a PostScript name
         * @return the font file
         */
        public static FontFile parse(String spec) {
            int hash = spec.lastIndexOf('#');
            if (hash > 0) {
                return new FontFile(Path.of(spec.substring(0, hash)), spec.substring(hash + 1));
            }
            return new FontFile(Path.of(spec), null);
        }

        @Override
        public String toString() {
            return postScriptName == null ? file.toString() : file + "#" + postScriptName;
        }
    }

    private final PageSize pageSize;
    private final int marginMm;
    private final List<FontFile> fonts;
    private final boolean classpathFont;
    private final boolean systemFonts;
    private final boolean pdfa;
    private final boolean embedSource;
    private final boolean bookFrontMatter;
    private final int tocDepth;
    private final @Nullable String password;
    private final int maxPages;

    private PdfOptions(Builder b) {
        pageSize = b.pageSize;
        marginMm = b.marginMm;
        fonts = List.copyOf(b.fonts);
        classpathFont = b.classpathFont;
        systemFonts = b.systemFonts;
        pdfa = b.pdfa;
        embedSource = b.embedSource;
        bookFrontMatter = b.bookFrontMatter;
        tocDepth = b.tocDepth;
        password = b.password;
        maxPages = b.maxPages;
    }

    /** @return the defaults */
    public static PdfOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings */
    public Builder toBuilder() {
        return new Builder().pageSize(pageSize).marginMm(marginMm).fonts(fonts).classpathFont(classpathFont)
                .systemFonts(systemFonts).pdfa(pdfa).embedSource(embedSource).bookFrontMatter(bookFrontMatter)
                .tocDepth(tocDepth).password(password).maxPages(maxPages);
    }

    /** @return the paper size; default A4 */
    public PageSize pageSize() {
        return pageSize;
    }

    /** @return the margin on every side, in millimetres; default 20 */
    public int marginMm() {
        return marginMm;
    }

    /** @return font files tried first, in order; default none */
    public List<FontFile> fonts() {
        return fonts;
    }

    /** @return whether the Noto Sans SC artifact is used when it is on the class path; default true */
    public boolean classpathFont() {
        return classpathFont;
    }

    /**
     * @return whether installed system fonts are searched for characters no other font covers; default
     *         true. Regular text faces are tried first, and fonts named for maths, symbols, dingbats or
     *         emoji only for characters that no text face has.
     */
    public boolean systemFonts() {
        return systemFonts;
    }

    /** @return whether the writer makes PDF/A-3u; default false */
    public boolean pdfa() {
        return pdfa;
    }

    /**
     * @return whether the writer embeds the articles as the ArticleKit source attachment, which
     *     makes reading back exact; default true
     */
    public boolean embedSource() {
        return embedSource;
    }

    /** @return whether books of two or more articles get a title page and a table of contents; default true */
    public boolean bookFrontMatter() {
        return bookFrontMatter;
    }

    /**
     * @return how deep the outline (bookmarks) goes: 1 the articles only, 2 also their top headings ({@code h1},
     *     {@code h2}), 3 also {@code h3}; default 3
     */
    public int tocDepth() {
        return tocDepth;
    }

    /** @return the password the reader opens encrypted PDFs with; default none */
    public Optional<String> password() {
        return Optional.ofNullable(password);
    }

    /** @return the most pages the reader reads before it fails; default 2,000 */
    public int maxPages() {
        return maxPages;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PdfOptions p && pageSize == p.pageSize && marginMm == p.marginMm && fonts.equals(p.fonts)
                && classpathFont == p.classpathFont && systemFonts == p.systemFonts && pdfa == p.pdfa
                && embedSource == p.embedSource && bookFrontMatter == p.bookFrontMatter && tocDepth == p.tocDepth
                && Objects.equals(password, p.password) && maxPages == p.maxPages;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pageSize, marginMm, fonts, classpathFont, systemFonts, pdfa, embedSource, bookFrontMatter,
                tocDepth, password, maxPages);
    }

    @Override
    public String toString() {
        return "PdfOptions[pageSize=" + pageSize + ", marginMm=" + marginMm + ", fonts=" + fonts + ", classpathFont="
                + classpathFont + ", systemFonts=" + systemFonts + ", pdfa=" + pdfa + ", embedSource=" + embedSource
                + ", bookFrontMatter=" + bookFrontMatter + ", tocDepth=" + tocDepth + ", password=" + (password == null ? "none" : "***")
                + ", maxPages=" + maxPages + "]";
    }

    /** Builds {@link PdfOptions}. Not thread-safe. */
    public static final class Builder {
        private PageSize pageSize = PageSize.A4;
        private int marginMm = 20;
        private final List<FontFile> fonts = new ArrayList<>();
        private boolean classpathFont = true;
        private boolean systemFonts = true;
        private boolean pdfa;
        private boolean embedSource = true;
        private boolean bookFrontMatter = true;
        private int tocDepth = 3;
        private @Nullable String password;
        private int maxPages = 2000;

        private Builder() {
        }

        /** @param v the paper size; default A4 @return this builder */
        public Builder pageSize(PageSize v) {
            pageSize = Objects.requireNonNull(v, "pageSize");
            return this;
        }

        /** @param v the margin in millimetres, {@value #MIN_MARGIN_MM} to {@value #MAX_MARGIN_MM}; default 20 @return this builder */
        public Builder marginMm(int v) {
            marginMm = v;
            return this;
        }

        /** @param v a font file tried before the others; repeatable @return this builder */
        public Builder font(FontFile v) {
            fonts.add(Objects.requireNonNull(v, "font"));
            return this;
        }

        /** @param v the font files tried first, replacing those set before @return this builder */
        public Builder fonts(List<FontFile> v) {
            Objects.requireNonNull(v, "fonts");
            fonts.clear();
            v.forEach(this::font);
            return this;
        }

        /** @param v whether to use the Noto Sans SC artifact when present; default true @return this builder */
        public Builder classpathFont(boolean v) {
            classpathFont = v;
            return this;
        }

        /** @param v whether to search installed system fonts; default true @return this builder */
        public Builder systemFonts(boolean v) {
            systemFonts = v;
            return this;
        }

        /** @param v whether to write PDF/A-3u; default false @return this builder */
        public Builder pdfa(boolean v) {
            pdfa = v;
            return this;
        }

        /** @param v whether to embed the source attachment; default true @return this builder */
        public Builder embedSource(boolean v) {
            embedSource = v;
            return this;
        }

        /** @param v whether books get a title page and contents; default true @return this builder */
        public Builder bookFrontMatter(boolean v) {
            bookFrontMatter = v;
            return this;
        }

        /**
         * @param v how deep the outline goes, 1 to 3 (see {@link PdfOptions#tocDepth()}); default 3
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

        /** @param v the password of encrypted input, or {@code null}; default none @return this builder */
        public Builder password(@Nullable String v) {
            password = v;
            return this;
        }

        /** @param v the most pages the reader reads, 1 to 1,000,000; default 2,000 @return this builder */
        public Builder maxPages(int v) {
            maxPages = v;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException naming the setting when a value is out of range
         */
        public PdfOptions build() {
            if (marginMm < MIN_MARGIN_MM || marginMm > MAX_MARGIN_MM) {
                throw new IllegalArgumentException("marginMm: " + marginMm + " is outside " + MIN_MARGIN_MM + " to "
                        + MAX_MARGIN_MM + " mm");
            }
            if (maxPages < 1 || maxPages > 1_000_000) {
                throw new IllegalArgumentException("maxPages: " + maxPages + " is outside 1 to 1000000");
            }
            return new PdfOptions(this);
        }
    }
}
