package org.articlekit.pdf.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;

/**
 * Collects a PDF's text as lines with their font size, page and paragraph breaks, so that the
 * reader can rebuild paragraphs and headings. Checks the deadline and counts the pages it really
 * visits.
 */
final class PageText extends PDFTextStripper {

    /** One line of text. */
    record Line(String text, float size, int page, boolean paragraphStart) {
    }

    private final ConversionContext ctx;
    private final int maxPages;
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private float sizeSum;
    private int sizeCount;
    private boolean paragraphStart = true;
    private int pages;

    private PageText(ConversionContext ctx, int maxPages) {
        this.ctx = ctx;
        this.maxPages = maxPages;
        setSortByPosition(true);
        setShouldSeparateByBeads(true);
        setAddMoreFormatting(false);
    }

    /**
     * @param pd the document
     * @param ctx the context (deadline)
     * @param maxPages the most pages read
     * @return the lines of every page
     * @throws IOException past the deadline or the page limit, or when PDFBox fails
     */
    static List<Line> of(PDDocument pd, ConversionContext ctx, int maxPages) throws IOException {
        PageText text = new PageText(ctx, maxPages);
        text.writeText(pd, Writer.nullWriter());
        text.endLine();
        return text.lines;
    }

    @Override
    public void processPage(PDPage page) throws IOException {
        if (++pages > maxPages) {
            throw new ArticleFormatException(ctx.sourceName().orElse(null), "the PDF has more than " + maxPages
                    + " pages, the limit of PdfOptions.maxPages");
        }
        ctx.checkDeadline();
        if (Thread.currentThread().isInterrupted()) {
            throw new ArticleFormatException(ctx.sourceName().orElse(null), "reading the PDF was cancelled");
        }
        super.processPage(page);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        current.append(text);
        for (TextPosition p : positions) {
            float size = p.getFontSizeInPt();
            if (size > 0 && size < 500) {
                sizeSum += size;
                sizeCount++;
            }
        }
    }

    @Override
    protected void writeWordSeparator() {
        current.append(CjkSpacing.GAP);
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writeParagraphStart() {
        endLine();
        paragraphStart = true;
    }

    @Override
    protected void writeParagraphEnd() {
        endLine();
        paragraphStart = true;
    }

    @Override
    protected void endPage(PDPage page) throws IOException {
        endLine();
        paragraphStart = true;
        super.endPage(page);
    }

    private void endLine() {
        String t = current.toString().replaceAll("^[\\s\uE000]+|[\\s\uE000]+$", "");
        if (!t.isEmpty()) {
            lines.add(new Line(t, sizeCount == 0 ? 0 : sizeSum / sizeCount, getCurrentPageNo(), paragraphStart));
            paragraphStart = false;
        }
        current.setLength(0);
        sizeSum = 0;
        sizeCount = 0;
    }
}
