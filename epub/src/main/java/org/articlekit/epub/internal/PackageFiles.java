package org.articlekit.epub.internal;

import java.util.List;
import javax.xml.stream.XMLStreamException;

/** The fixed files of a book and the package document, navigation document and NCX. */
final class PackageFiles {

    static final String CONTAINER = Xml.document(w -> w.start("container").attr("version", "1.0")
            .ns("urn:oasis:names:tc:opendocument:xmlns:container").nl()
            .start("rootfiles").nl()
            .empty("rootfile").attr("full-path", "EPUB/package.opf").attr("media-type", "application/oebps-package+xml")
            .nl().end().nl().end().nl());

    /** The book's stylesheet. Chinese and Japanese text gets its own line height and alignment. */
    static final String CSS = """
            @charset "UTF-8";
            body { margin: 0 1em; line-height: 1.6; }
            h1, h2, h3, h4, h5, h6 { line-height: 1.3; page-break-after: avoid; }
            p { margin: 0.6em 0; text-align: justify; }
            img { max-width: 100%; height: auto; }
            figure { margin: 1em 0; text-align: center; }
            figcaption { font-size: 0.9em; color: #555; }
            blockquote { margin: 1em 0; padding: 0 1em; border-left: 3px solid #bbb; color: #444; }
            pre { white-space: pre-wrap; word-wrap: break-word; font-size: 0.85em; padding: 0.5em; background: #f4f4f4; }
            code { font-family: monospace; }
            table { border-collapse: collapse; margin: 1em 0; }
            th, td { border: 1px solid #999; padding: 0.2em 0.5em; }
            .ak-header { margin-bottom: 1.5em; }
            .ak-header h1 { margin-bottom: 0.2em; }
            .ak-subtitle { font-size: 1.2em; color: #444; margin: 0; }
            .ak-byline, .ak-source, .ak-categories, .ak-tags { font-size: 0.85em; color: #666; margin: 0.2em 0; text-align: left; }
            .ak-source a { word-break: break-all; }
            .ak-tag { margin-right: 0.5em; }
            .ak-titlepage { text-align: center; margin-top: 20%; }
            .ak-titlepage p { text-align: center; }
            .ak-book-title { font-size: 2em; }
            .ak-cover { text-align: center; margin: 0; padding: 0; }
            .ak-cover img { max-height: 100%; }
            :lang(zh) p, :lang(ja) p { text-align: left; line-height: 1.8; text-indent: 2em; }
            :lang(zh) body, :lang(ja) body { line-break: strict; word-break: normal; }
            :lang(zh) .ak-header p, :lang(ja) .ak-header p, :lang(zh) .ak-titlepage p, :lang(ja) .ak-titlepage p { text-indent: 0; }
            """;

    /** Added to the stylesheet for vertical writing. */
    static final String VERTICAL_CSS = """
            html { writing-mode: vertical-rl; -epub-writing-mode: vertical-rl; }
            img { max-height: 100%; max-width: none; width: auto; }
            """;

    private PackageFiles() {
    }

    /** A contents entry: a chapter, or a heading in one, with the headings under it. */
    record TocEntry(String href, String label, List<TocEntry> children) {
        TocEntry(String href, String label) {
            this(href, label, List.of());
        }
    }

    /** The navigation document (EPUB 3). */
    static String nav(String bookTitle, String lang, List<TocEntry> toc, String heading) {
        return ChapterPage.page(bookTitle, lang, "nav", w -> {
            w.start("nav").attr("epub", ChapterPage.OPS_NS, "type", "toc").attr("id", "toc").nl();
            w.start("h1").text(heading).end().nl().start("ol").nl();
            entries(w, toc);
            w.end().nl().end().nl();
        });
    }

    private static void entries(Xml.Writer w, List<TocEntry> toc) throws XMLStreamException {
        for (TocEntry e : toc) {
            w.start("li").start("a").attr("href", e.href()).text(e.label()).end();
            if (!e.children().isEmpty()) {
                w.nl().start("ol").nl();
                entries(w, e.children());
                w.end().nl();
            }
            w.end().nl();
        }
    }

    /** The NCX table of contents, for EPUB 2 reading systems. */
    static String ncx(String identifier, String bookTitle, List<TocEntry> toc) {
        return Xml.document(w -> {
            w.start("ncx").ns("http://www.daisy.org/z3986/2005/ncx/").attr("version", "2005-1").nl().start("head").nl();
            w.empty("meta").attr("name", "dtb:uid").attr("content", identifier).nl();
            w.empty("meta").attr("name", "dtb:depth").attr("content", "1").nl();
            w.empty("meta").attr("name", "dtb:totalPageCount").attr("content", "0").nl();
            w.empty("meta").attr("name", "dtb:maxPageNumber").attr("content", "0").nl();
            w.end().nl().start("docTitle").start("text").text(bookTitle).end().end().nl().start("navMap").nl();
            int i = 1;
            for (TocEntry e : toc) {
                w.start("navPoint").attr("id", "np" + i).attr("playOrder", Integer.toString(i))
                        .start("navLabel").start("text").text(e.label()).end().end()
                        .empty("content").attr("src", e.href()).end().nl();
                i++;
            }
            w.end().nl().end().nl();
        });
    }
}
