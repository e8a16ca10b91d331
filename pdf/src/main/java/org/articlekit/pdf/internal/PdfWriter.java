package org.articlekit.pdf.internal;

import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.FSStreamFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceType;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.BookWriter;
import org.articlekit.spi.ConversionContext;
import org.jsoup.helper.W3CDom;
import org.jspecify.annotations.Nullable;

/**
 * Typesets an article or a book with openhtmltopdf on PDFBox, then sets the document metadata
 * (Info and XMP), the language and the source attachment. The renderer gets images only from
 * memory and never reads files or the network. Does not close the output stream.
 */
public final class PdfWriter implements ArticleWriter, BookWriter {

    static {
        // openhtmltopdf logs through java.util.logging to standard error by default; a library must not
        // print, so its messages reach us only through the diagnostic consumer of each run.
        XRLog.setLoggingEnabled(false);
    }

    @Override
    public void write(Article article, OutputStream out, ConversionContext context) throws IOException {
        QuietFontMapper.install(); // PDFBox's own font mapper scans the system fonts on first use
        Book book = Book.builder().metadata(article.metadata()).article(article).build();
        render(book, true, out, context);
    }

    @Override
    public void writeBook(Book book, OutputStream out, ConversionContext context) throws IOException {
        QuietFontMapper.install(); // PDFBox's own font mapper scans the system fonts on first use
        if (book.articles().isEmpty()) {
            throw context.error(0, "the book has no articles", null);
        }
        render(book, book.articles().size() == 1, out, context);
    }

    /**
     * Books of more articles than this are typeset a batch at a time and assembled (see
     * {@link BookAssembly}), so that the layout's memory does not grow with the book. Up to this
     * size a book is typeset whole: two halves typeset at once were no faster on a loaded
     * two-core machine, and one layout shares each font subset and picture across the whole book.
     */
    static final int WHOLE = 100;

    /**
     * The articles of one batch of a long book: with two batches typeset at once, 50 kept a
     * 1,000-post book's peak memory lower and its time and file smaller than 100 did.
     */
    static final int BATCH = 50;

    private static void render(Book book, boolean single, OutputStream out, ConversionContext ctx) throws IOException {
        PdfOptions options = ctx.options().get(PdfOptions.class, PdfOptions::defaults);
        if (!single && options.bookFrontMatter() && book.articles().size() > WHOLE) {
            BookAssembly.write(book, BATCH, out, ctx);
            return;
        }
        PrintDocument print = PrintDocument.of(book, single, options, ctx);
        try (PDDocument pd = new PDDocument()) {
            typeset(print, pd, options, ctx).report(ctx);
            // the renderer makes an image object for each use of a picture; the pages then share the first
            SharedImages.dedupe(pd);
            PdfMetadata.apply(pd, book, options.pdfa(), ctx);
            if (options.embedSource()) {
                SourceAttachment.write(pd, book, ctx);
            }
            if (pd.getDocumentCatalog().getDocumentOutline() != null) {
                pd.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
            }
            PdfMetadata.identify(pd, book);
            pd.save(new KeepOpen(out));
        }
        ctx.progress().chapterWritten(book.articles().size(), book.articles().size());
    }

    /** The fonts a typeset document used, reported once the document is saved. */
    record Typeset(FontChain.FontSet fonts, List<LazyFont> lazy, @Nullable LazyFont lazyBold) {
        void report(ConversionContext ctx) throws ArticleFormatException {
            reportFonts(fonts, lazy, lazyBold, ctx);
        }

        /** @return the fonts used, as the {@code pdf.fonts} diagnostic names them */
        List<String> used() {
            return usedFonts(fonts, lazy, lazyBold);
        }
    }

    /**
     * Typesets a print document into a PDF document: fonts, images from memory, PDF/A when asked.
     *
     * @return the fonts, for the report
     */
    static Typeset typeset(PrintDocument print, PDDocument pd, PdfOptions options, ConversionContext ctx)
            throws IOException {
        FontChain.FontSet fonts = FontChain.select(options, print.shownText(), ctx.sourceName().orElse(null));
        List<String> families = new ArrayList<>();
        for (int i = 0; i < fonts.regular().size(); i++) {
            families.add("'" + PrintStyle.family(i) + "'");
        }
        print.style(options, String.join(", ", families));
        ctx.checkDeadline();
        List<String> problems = new ArrayList<>();
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useUnicodeLineBreaker(CjkLineBreaker.lines());
        b.useUnicodeCharacterBreaker(CjkLineBreaker.characters());
        b.usePDDocument(pd);
        b.withProducer(PdfMetadata.PRODUCER);
        List<LazyFont> lazy = new ArrayList<>();
        for (int i = 0; i < fonts.regular().size(); i++) {
            LazyFont f = new LazyFont(pd, fonts.regular().get(i).ttf());
            lazy.add(f);
            b.useFont(f, PrintStyle.family(i), 400, FontStyle.NORMAL, true);
        }
        LazyFont lazyBold = null;
        if (fonts.bold() != null) {
            lazyBold = new LazyFont(pd, fonts.bold().ttf());
            b.useFont(lazyBold, PrintStyle.family(0), 700, FontStyle.NORMAL, true);
        }
        Map<String, byte[]> images = print.images();
        String prefix = PrintDocument.SCHEME + ":";
        b.useUriResolver((base, uri) -> uri != null && (images.containsKey(uri)
                || uri.startsWith(PrintDocument.CONTENTS_LINK)) ? uri : null);
        b.useProtocolsStreamImplementation(new MemoryStreams(images), PrintDocument.SCHEME);
        b.useHttpStreamImplementation(url -> null);
        for (ExternalResourceControlPriority p : ExternalResourceControlPriority.values()) {
            b.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith(prefix)
                    && type == ExternalResourceType.IMAGE_RASTER, p);
        }
        if (options.pdfa()) {
            b.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
            b.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        }
        b.withDiagnosticConsumer(d -> {
            if (d.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(d.getFormattedMessage());
            }
        });
        b.withW3cDocument(new W3CDom().fromJsoup(print.document()), prefix + "/");
        try (PdfBoxRenderer renderer = b.buildPdfRenderer()) {
            renderer.layout();
            ctx.checkDeadline();
            renderer.createPDFWithoutClosing();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, null,
                    "cannot be typeset as PDF: " + e, e);
        }
        ctx.checkDeadline();
        for (String p : problems) {
            ctx.warn("pdf.render", 0, p);
        }
        if (options.pdfa()) {
            // PDF/A forbids image interpolation. Asking the renderer for it with image-rendering: pixelated
            // made it copy each image per use and drop the image's filter parameters (garbled pictures),
            // so the one shared image object of each picture is marked here instead.
            SharedImages.noInterpolation(pd);
        }
        return new Typeset(fonts, lazy, lazyBold);
    }

    /**
     * Reports the fonts the document embeds, and what each one sets, as an informational
     * {@code pdf.fonts} diagnostic (never a failure in strict mode).
     */
    private static void reportFonts(FontChain.FontSet fonts, List<LazyFont> lazy, @Nullable LazyFont lazyBold,
            ConversionContext ctx) throws ArticleFormatException {
        reportFonts(usedFonts(fonts, lazy, lazyBold), ctx);
    }

    /** Reports the fonts a document embeds (see the other {@code reportFonts}). */
    static void reportFonts(List<String> used, ConversionContext ctx) throws ArticleFormatException {
        ConversionContext info = ctx.strict() ? ctx.toBuilder().strict(false).build() : ctx;
        info.warn("pdf.fonts", 0, used.isEmpty() ? "the PDF embeds no font"
                : "the PDF embeds " + String.join("; ", used));
    }

    private static List<String> usedFonts(FontChain.FontSet fonts, List<LazyFont> lazy, @Nullable LazyFont lazyBold) {
        List<String> used = new ArrayList<>();
        for (int i = 0; i < lazy.size(); i++) {
            if (lazy.get(i).loaded()) {
                used.add(fonts.regular().get(i).description() + " for " + fonts.roles().get(i));
            }
        }
        if (lazyBold != null && lazyBold.loaded() && fonts.bold() != null) {
            used.add(fonts.bold().description() + " for bold text");
        }
        return used;
    }

    /** Loads a shared parsed font into a document when the renderer first uses it. */
    private static final class LazyFont extends PDFontSupplier {
        private final PDDocument doc;
        private final TrueTypeFont ttf;
        private @Nullable PDFont font;

        LazyFont(PDDocument doc, TrueTypeFont ttf) {
            super(null);
            this.doc = doc;
            this.ttf = ttf;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(doc, ttf, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }

        /** @return whether the renderer used the font, so that it is embedded */
        boolean loaded() {
            return font != null;
        }
    }

    /** Serves the {@code ak-res:} images from memory. */
    private record MemoryStreams(Map<String, byte[]> images) implements FSStreamFactory {
        @Override
        public @Nullable FSStream getUrl(String url) {
            byte[] data = images.get(url);
            if (data == null) {
                return null;
            }
            return new FSStream() {
                @Override
                public InputStream getStream() {
                    return new ByteArrayInputStream(data);
                }

                @Override
                public Reader getReader() {
                    return new InputStreamReader(getStream(), StandardCharsets.ISO_8859_1);
                }
            };
        }
    }

    /** PDFBox closes the stream it saves to; the SPI says writers never close theirs. */
    static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
