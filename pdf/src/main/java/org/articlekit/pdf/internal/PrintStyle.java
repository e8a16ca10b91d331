package org.articlekit.pdf.internal;

import java.util.Locale;
import org.articlekit.pdf.PdfOptions;

/**
 * The print stylesheet: page size and margins, running header and page numbers (CSS paged media),
 * the book's title page and contents, and article typography with CJK-friendly line breaking.
 */
final class PrintStyle {

    /** The CSS font family names the writer registers its fonts under, in fallback order. */
    static String family(int index) {
        return "ak-font-" + index;
    }

    private PrintStyle() {
    }

    /**
     * @param options page size, margins, PDF/A
     * @param frontMatter whether the document opens with a title page (no number on it)
     * @param fonts the CSS font-family list
     * @param pageNumbers whether the pages show their numbers (false: assembly adds them)
     * @return the stylesheet
     */
    static String css(PdfOptions options, boolean frontMatter, String fonts, boolean pageNumbers) {
        PdfOptions.PageSize size = options.pageSize();
        int m = options.marginMm();
        boolean small = size == PdfOptions.PageSize.A5;
        String base = small ? "9.5pt" : "10.5pt";
        String css = """
                @page {
                  size: {W}mm {H}mm;
                  margin: {M}mm {M}mm {M}mm {M}mm;
                  @top-center { content: element(running); }
                  @bottom-center { content: {NUMBER}; font-family: {FONTS}; font-size: 8pt; color: #777; }
                }
                @page :first {
                  {FIRSTTOP}
                  {FIRSTFOOT}
                }
                html { font-family: {FONTS}; font-size: {BASE}; line-height: 1.7; color: #1a1a1a; }
                body { margin: 0; word-wrap: break-word; overflow-wrap: break-word; line-break: strict; }
                .ak-titlepage { page-break-after: always; padding-top: 70mm; text-align: center; }
                .ak-titlepage p { text-align: center; }
                .ak-running { position: running(running); font-size: 8pt; color: #777; text-align: center; }
                .ak-book-title { font-size: 2.4em; font-weight: bold; line-height: 1.3; }
                .ak-book-subtitle { font-size: 1.3em; color: #444; }
                .ak-book-authors, .ak-book-publisher { font-size: 1.1em; color: #555; margin-top: 2em; }
                .ak-toc { page-break-after: always; }
                .ak-toc.ak-toc-alone { page-break-after: auto; }
                .ak-toc-title { font-size: 1.6em; }
                .ak-toc ul { list-style: none; padding: 0; margin: 0; }
                .ak-toc li { margin: 0.35em 0; }
                .ak-toc a { color: #1a1a1a; text-decoration: none; }
                .ak-toc a::after { content: leader('.') target-counter(attr(href), page); }
                .ak-toc a.ak-toc-known::after { content: leader('.') attr(data-page); }
                .ak-new-page { page-break-before: always; }
                .ak-header { margin-bottom: 1.5em; border-bottom: 0.5pt solid #bbb; padding-bottom: 0.6em; }
                .ak-title { font-size: 1.8em; line-height: 1.3; margin: 0 0 0.3em 0; }
                .ak-subtitle { font-size: 1.2em; color: #444; margin: 0 0 0.3em 0; }
                .ak-byline, .ak-categories, .ak-tags { font-size: 0.85em; color: #666; margin: 0; }
                .ak-byline a { color: #666; }
                h1, h2, h3, h4, h5, h6 { line-height: 1.35; page-break-after: avoid; font-weight: bold; }
                .ak-body h1 { font-size: 1.5em; }
                .ak-body h2 { font-size: 1.35em; }
                .ak-body h3 { font-size: 1.2em; }
                .ak-body h4, .ak-body h5, .ak-body h6 { font-size: 1.05em; }
                p { margin: 0 0 0.75em 0; text-align: justify; }
                a { color: #1f4e9c; }
                img { max-width: 100%; height: auto; }
                figure { margin: 1em 0; text-align: center; page-break-inside: avoid; }
                figcaption { font-size: 0.85em; color: #555; }
                blockquote { margin: 1em 0; padding: 0 0 0 1em; border-left: 3pt solid #ccc; color: #444; }
                pre { white-space: pre-wrap; word-wrap: break-word; background-color: #f4f4f4; padding: 0.6em;
                      font-size: 0.85em; line-height: 1.45; }
                code, kbd, samp, pre { font-family: {FONTS}; }
                code { font-size: 0.92em; }
                table { border-collapse: collapse; margin: 1em 0; max-width: 100%; -fs-table-paginate: paginate; }
                th, td { border: 0.5pt solid #aaa; padding: 0.25em 0.5em; vertical-align: top; }
                th { background-color: #eee; }
                hr { border: none; border-top: 0.5pt solid #aaa; }
                section.footnotes { font-size: 0.85em; border-top: 0.5pt solid #bbb; margin-top: 2em; }
                .ak-alt { color: #777; }
                """;
        return css.replace("{W}", fmt(size.widthMm())).replace("{H}", fmt(size.heightMm()))
                .replace("{M}", Integer.toString(m)).replace("{BASE}", base)
                .replace("{FIRSTFOOT}", frontMatter ? "@bottom-center { content: none; }" : "")
                .replace("{NUMBER}", pageNumbers ? "counter(page)" : "none")
                // a batch's first page is not the book's: it keeps its running header
                .replace("{FIRSTTOP}", pageNumbers ? "@top-center { content: none; }" : "")
                .replace("{FONTS}", fonts);
    }

    private static String fmt(double mm) {
        return String.format(Locale.ROOT, "%.1f", mm);
    }
}
