package org.articlekit.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDAction;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ConversionContext;

/**
 * A long book typeset a batch of articles at a time, each batch into a PDF of its own held
 * compressed in memory, then assembled behind the title page and contents: the layout of one
 * batch is all the typesetter holds at once. Assembly moves the batches' pages (with their
 * links and bookmarks) into the book, writes the contents with the page each article starts on,
 * links its entries to those pages, numbers the pages (not the title page) as the stylesheet
 * would, and shares identical images between batches.
 */
final class BookAssembly {

    private BookAssembly() {
    }

    static void write(Book book, int batch, OutputStream out, ConversionContext ctx) throws IOException {
        PdfOptions options = ctx.options().get(PdfOptions.class, PdfOptions::defaults);
        int n = book.articles().size();
        List<byte[]> parts = new ArrayList<>();
        int[] starts = new int[n]; // page of each article within its part, from 0
        int[] partPages = new int[(n + batch - 1) / batch];
        Set<String> fonts = new LinkedHashSet<>();
        for (int from = 0, p = 0; from < n; from += batch, p++) {
            int to = Math.min(n, from + batch);
            PrintDocument print = PrintDocument.articles(book, from, to, options, ctx);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PDDocument pd = new PDDocument()) {
                fonts.addAll(PdfWriter.typeset(print, pd, options, ctx).used());
                partPages[p] = pd.getNumberOfPages();
                PDDocumentOutline outline = pd.getDocumentCatalog().getDocumentOutline();
                int i = from;
                if (outline != null) {
                    for (PDOutlineItem item : outline.children()) {
                        if (i < to) {
                            starts[i++] = pageIndex(pd, item);
                        }
                    }
                }
                if (i != to) {
                    throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, null,
                            "cannot be typeset as PDF: articles " + (from + 1) + " to " + to
                                    + " did not each get a bookmark", null);
                }
                pd.save(bytes);
            }
            parts.add(bytes.toByteArray());
            ctx.progress().chapterWritten(to, n);
        }
        List<PDDocument> open = new ArrayList<>();
        try (PDDocument pd = front(book, starts, partPages, batch, options, ctx, fonts)) {
            int frontPages = pd.getNumberOfPages();
            int[] pages = pageNumbers(starts, partPages, batch, frontPages);
            PDDocumentOutline outline = new PDDocumentOutline();
            for (byte[] part : parts) {
                PDDocument src = Loader.loadPDF(part);
                open.add(src);
                for (PDPage page : src.getPages()) {
                    pd.addPage(page);
                }
                PDDocumentOutline marks = src.getDocumentCatalog().getDocumentOutline();
                if (marks != null) {
                    copy(marks, outline);
                }
            }
            pd.getDocumentCatalog().setDocumentOutline(outline);
            pd.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
            linkContents(pd, frontPages, pages);
            number(pd, options, ctx);
            SharedImages.dedupe(pd);
            PdfMetadata.apply(pd, book, options.pdfa(), ctx);
            if (options.embedSource()) {
                SourceAttachment.write(pd, book, ctx);
            }
            PdfMetadata.identify(pd, book);
            PdfWriter.reportFonts(new ArrayList<>(fonts), ctx);
            pd.save(new PdfWriter.KeepOpen(out));
        } finally {
            for (PDDocument d : open) {
                d.close();
            }
        }
    }

    /** The first page of each article (from 1, counting the title page), once the front has frontPages pages. */
    private static int[] pageNumbers(int[] starts, int[] partPages, int batch, int frontPages) {
        int[] pages = new int[starts.length];
        int before = frontPages;
        for (int p = 0; p < partPages.length; p++) {
            for (int i = p * batch; i < Math.min(starts.length, (p + 1) * batch); i++) {
                pages[i] = before + starts[i] + 1;
            }
            before += partPages[p];
        }
        return pages;
    }

    /**
     * Typesets the title page and contents with the true page numbers: as many pages of contents
     * as the numbers of a first try take (two tries, three if the numbers' width changed the length).
     */
    private static PDDocument front(Book book, int[] starts, int[] partPages, int batch, PdfOptions options,
            ConversionContext ctx, Set<String> fonts) throws IOException {
        int guess = 1 + Math.max(1, book.articles().size() / 30);
        for (int attempt = 0; ; attempt++) {
            PDDocument pd = new PDDocument();
            try {
                PrintDocument print = PrintDocument.front(book, pageNumbers(starts, partPages, batch, guess),
                        options, ctx);
                fonts.addAll(PdfWriter.typeset(print, pd, options, ctx).used());
            } catch (IOException | RuntimeException e) {
                pd.close();
                throw e;
            }
            if (pd.getNumberOfPages() == guess || attempt == 2) {
                return pd;
            }
            guess = pd.getNumberOfPages();
            pd.close();
        }
    }

    private static int pageIndex(PDDocument pd, PDOutlineItem item) throws IOException {
        PDDestination d = item.getDestination();
        if (d instanceof PDPageDestination pageDest && pageDest.getPage() != null) {
            int i = pd.getPages().indexOf(pageDest.getPage());
            return Math.max(0, i);
        }
        return 0;
    }

    /** Copies bookmarks (title, destination, children); the destinations' pages are the moved pages. */
    private static void copy(PDOutlineNode from, PDOutlineNode to) throws IOException {
        for (PDOutlineItem item : from.children()) {
            PDOutlineItem c = new PDOutlineItem();
            c.setTitle(item.getTitle());
            PDDestination d = item.getDestination();
            if (d != null) {
                c.setDestination(d);
            }
            to.addLast(c);
            copy(item, c);
            if (item.isNodeOpen()) {
                c.openNode();
            }
        }
    }

    /** Turns each contents entry's placeholder address into a link to its article's first page. */
    private static void linkContents(PDDocument pd, int frontPages, int[] pages) throws IOException {
        for (int i = 0; i < frontPages; i++) {
            PDPage page = pd.getPage(i);
            for (PDAnnotation a : page.getAnnotations()) {
                if (a instanceof PDAnnotationLink link) {
                    PDAction action = link.getAction();
                    if (action instanceof PDActionURI uri && uri.getURI() != null
                            && uri.getURI().startsWith(PrintDocument.CONTENTS_LINK)) {
                        int article = Integer.parseInt(uri.getURI().substring(PrintDocument.CONTENTS_LINK.length()));
                        PDPage target = pd.getPage(pages[article - 1] - 1);
                        PDPageXYZDestination dest = new PDPageXYZDestination();
                        dest.setPage(target);
                        dest.setTop((int) target.getMediaBox().getUpperRightY());
                        link.setAction(null);
                        link.setDestination(dest);
                    }
                }
            }
        }
    }

    /** Numbers every page but the title page at the foot, as the stylesheet numbers a book typeset whole. */
    private static void number(PDDocument pd, PdfOptions options, ConversionContext ctx) throws IOException {
        FontChain.FontSet fonts = FontChain.select(options, "0123456789", ctx.sourceName().orElse(null));
        PDType0Font font = PDType0Font.load(pd, fonts.regular().get(0).ttf(), true);
        float size = 8f;
        float margin = options.marginMm() * 72f / 25.4f;
        int i = -1;
        for (PDPage page : pd.getPages()) { // not getPage(i): that walks the page tree's kids again each time
            if (++i == 0) {
                continue; // the title page
            }
            String text = Integer.toString(i + 1);
            float width = font.getStringWidth(text) / 1000f * size;
            float x = page.getMediaBox().getLowerLeftX() + (page.getMediaBox().getWidth() - width) / 2;
            float y = page.getMediaBox().getLowerLeftY() + margin / 2 - size * 0.3f;
            try (PDPageContentStream cs = new PDPageContentStream(pd, page, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs.beginText();
                cs.setFont(font, size);
                cs.setNonStrokingColor(0x77 / 255f, 0x77 / 255f, 0x77 / 255f);
                cs.newLineAtOffset(x, y);
                cs.showText(text);
                cs.endText();
            }
        }
    }
}
