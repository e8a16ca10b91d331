package org.articlekit.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.Book;
import org.articlekit.Resources;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Element;

/**
 * Reads a PDF: ArticleKit's own PDFs exactly from their source attachment; any other PDF as
 * articles built from its metadata and text (split by the outline when it has one). Runs PDFBox
 * under {@link PdfGuard}. Never closes the input stream; never writes attachments anywhere.
 */
public final class PdfReader implements ArticleReader, BookReader {

    /** PDFBox's in-memory cache for decoded streams is capped at this many bytes per document. */
    private static final long STREAM_CACHE_BYTES = 64L << 20;

    @Override
    public Article read(InputStream in, ConversionContext ctx) throws IOException {
        QuietFontMapper.install(); // PDFBox's own font mapper scans the system fonts on first use
        Book book = readBook(in, ctx);
        if (book.articles().size() == 1) {
            return book.articles().get(0);
        }
        return merge(book);
    }

    @Override
    public Book readBook(InputStream in, ConversionContext ctx) throws IOException {
        QuietFontMapper.install(); // PDFBox's own font mapper scans the system fonts on first use
        long max = ctx.limits().maxContainerBytes();
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw ctx.error(0, "is over the input limit of " + max + " bytes", null);
        }
        PdfOptions options = ctx.options().get(PdfOptions.class, PdfOptions::defaults);
        return PdfGuard.run(ctx, () -> parse(data, options, ctx));
    }

    private static Book parse(byte[] data, PdfOptions options, ConversionContext ctx) throws IOException {
        try (PDDocument pd = Loader.loadPDF(new RandomAccessReadBuffer(data), options.password().orElse(""),
                MemoryUsageSetting.setupMainMemoryOnly(STREAM_CACHE_BYTES).streamCache)) {
            ctx.checkDeadline();
            Optional<Book> ours = SourceAttachment.read(pd, ctx);
            if (ours.isPresent()) {
                return ours.get();
            }
            return TextBook.of(pd, options, ctx);
        }
    }

    /** Several articles read as one: each article's title as a heading, then its body. */
    private static Article merge(Book book) throws ArticleFormatException {
        org.jsoup.nodes.Document doc = org.jsoup.nodes.Document.createShell("");
        Resources resources = book.resources();
        for (Article a : book.articles()) {
            a.metadata().title().ifPresent(t -> doc.body().appendElement("h1").text(t));
            for (Element child : new ArrayList<>(a.body().document().body().children())) {
                doc.body().appendChild(child);
            }
            for (var r : a.resources().all()) {
                resources = resources.with(r);
            }
        }
        return Article.builder().metadata(book.metadata()).body(Body.fromHtml(doc.body().html()))
                .resources(resources).build();
    }

    /** Converts a PDF date to its instant's ISO text with the offset it was written with. */
    static Optional<java.time.OffsetDateTime> dateOf(Calendar cal) {
        try {
            int offset = cal.getTimeZone().getOffset(cal.getTimeInMillis()) / 1000;
            return Optional.of(cal.toInstant().atOffset(java.time.ZoneOffset.ofTotalSeconds(offset)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** @return the lines of text of every page, for tests and tools */
    static List<PageText.Line> lines(PDDocument pd, ConversionContext ctx, int maxPages) throws IOException {
        return PageText.of(pd, ctx, maxPages);
    }
}
