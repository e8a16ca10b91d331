package org.articlekit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.epub.EpubOptions;
import org.articlekit.html.HtmlOptions;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The flags of {@code convert} that set one format's options, and the options they make. */
final class FormatFlags {

    /** Page sizes the PDF format offers. */
    enum PageSize { A4, A5, Letter }

    /** Front-matter syntaxes of written Markdown. */
    enum FrontMatter { yaml, toml, json }

    @Option(names = "--vertical", description = "EPUB: vertical writing (top to bottom, columns and pages right "
            + "to left), as in traditional Chinese and Japanese books.")
    boolean vertical;

    @Option(names = "--no-generated-cover", description = "EPUB: draw no cover when the book has none of its own "
            + "(by default a cover with the title, authors and dates is drawn).")
    boolean noGeneratedCover;

    @Option(names = "--font", paramLabel = "FILE[#PostScriptName]",
            description = "A TrueType font (.ttf, or a .ttc member named by its PostScript name) to typeset PDF "
                    + "output with, tried before the built-in Noto Sans SC and the system fonts; repeatable.")
    List<String> fonts = new ArrayList<>();

    @Option(names = "--page-size", paramLabel = "A4|A5|Letter",
            description = "Page size of PDF output (default A4).")
    @Nullable PageSize pageSize;

    @Option(names = "--pdfa", description = "Write PDF/A-3u (archival PDF; the source attachment is allowed there).")
    boolean pdfa;

    @Option(names = "--password", paramLabel = "P",
            description = "Password of a password-protected PDF input.")
    @Nullable String password;

    @Option(names = "--front-matter", paramLabel = "yaml|toml|json",
            description = "Front-matter syntax of written Markdown (default: a post's own syntax, else yaml; toml "
                    + "writes Hugo's +++ form, json a JSON object).")
    @Nullable FrontMatter frontMatter;

    @Option(names = "--css", paramLabel = "FILE",
            description = "HTML and EPUB: a stylesheet (UTF-8, at most 1 MiB) put in every page or chapter after the "
                    + "built-in one, so its rules win.")
    @Nullable Path css;

    @Option(names = "--toc-depth", paramLabel = "N",
            description = "PDF: how deep the bookmarks go (1 the articles, 2 also their headings, 3 also subheadings; "
                    + "default 3). EPUB: how deep the table of contents goes (1 the chapters, the default; 2 and 3 add "
                    + "their headings).")
    @Nullable Integer tocDepth;

    /** The stylesheet --css names, read by {@link #load}. */
    private @Nullable String cssText;

    /**
     * Reads the files the flags name (--css).
     *
     * @throws IOException naming the file when it cannot be read, is too large or is not UTF-8
     */
    void load() throws IOException {
        if (tocDepth != null && (tocDepth < 1 || tocDepth > 3)) {
            throw new IllegalArgumentException("--toc-depth must be 1, 2 or 3, not " + tocDepth);
        }
        if (css != null) {
            cssText = MetadataValues.utf8(css, "stylesheet");
        }
    }

    /** The PDF flags as {@link PdfOptions}; defaults for the rest. */
    PdfOptions pdfOptions() {
        PdfOptions.Builder b = PdfOptions.builder().pdfa(pdfa).password(password);
        if (tocDepth != null) {
            b.tocDepth(tocDepth);
        }
        if (pageSize != null) {
            b.pageSize(switch (pageSize) {
                case A4 -> PdfOptions.PageSize.A4;
                case A5 -> PdfOptions.PageSize.A5;
                case Letter -> PdfOptions.PageSize.LETTER;
            });
        }
        for (String f : fonts) {
            b.font(PdfOptions.FontFile.parse(f));
        }
        return b.build();
    }

    /** The options of every format, from the flags. */
    FormatOptions formatOptions() {
        EpubOptions.Builder epubBuilder = EpubOptions.builder().verticalWriting(vertical).generateCover(!noGeneratedCover)
                .css(cssText);
        if (tocDepth != null) {
            epubBuilder.tocDepth(tocDepth);
        }
        EpubOptions epub = epubBuilder.build();
        MarkdownOptions.Builder markdown = MarkdownOptions.builder();
        if (frontMatter != null) {
            markdown.frontMatter(switch (frontMatter) {
                case yaml -> MarkdownOptions.FrontMatter.YAML;
                case toml -> MarkdownOptions.FrontMatter.TOML;
                case json -> MarkdownOptions.FrontMatter.JSON;
            });
        }
        HtmlOptions html = HtmlOptions.builder().css(cssText).build();
        return FormatOptions.of(html, epub, pdfOptions(), markdown.build());
    }

    /** Warns about each flag given that the output format does not use. */
    void warnIgnored(Reporter rep, FormatRegistry registry, ArticleFormat target) {
        List<String> pdf = new ArrayList<>();
        if (!fonts.isEmpty()) {
            pdf.add("--font");
        }
        if (pageSize != null) {
            pdf.add("--page-size");
        }
        if (pdfa) {
            pdf.add("--pdfa");
        }
        List<String> epub = new ArrayList<>();
        if (vertical) {
            epub.add("--vertical");
        }
        if (noGeneratedCover) {
            epub.add("--no-generated-cover");
        }
        if (tocDepth != null && !target.id().equals("pdf") && !target.id().equals("epub")) {
            rep.warning("--toc-depth is ignored: it only affects pdf and epub output");
        }
        if (css != null && !target.id().equals("html") && !target.id().equals("epub")) {
            rep.warning("--css is ignored: it only affects html and epub output");
        }
        if (frontMatter != null && !target.id().equals("markdown")) {
            rep.warning("--front-matter is ignored: it only affects markdown output");
        }
        if (!target.id().equals("pdf")) {
            pdf.forEach(flag -> rep.warning(ignored(flag, "pdf", registry)));
        }
        if (!target.id().equals("epub")) {
            epub.forEach(flag -> rep.warning(ignored(flag, "epub", registry)));
        }
    }

    private static String ignored(String flag, String owner, FormatRegistry registry) {
        if (registry.find(owner).isEmpty()) {
            return flag + " is ignored: it is used by the " + owner + " format, which is not in this build yet";
        }
        return flag + " is ignored: it only affects " + owner + " output";
    }
}
