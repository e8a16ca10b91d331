package org.articlekit.pdf.internal;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccess;
import org.apache.pdfbox.io.RandomAccessOutputStream;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadView;
import org.apache.pdfbox.io.ScratchFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
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
import org.articlekit.Limits;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * A long book typeset a batch of articles at a time, then assembled behind the title page and
 * contents. Each batch is typeset into a PDF of its own, on as many threads as there are
 * processors (at most {@link #MAX_THREADS}, fewer when the heap is small), and spooled to a
 * private temporary file (PDFBox's {@link ScratchFile}, owner-only, deleted when the assembly ends,
 * whether it succeeded or not): the layout of the batches being typeset is all the typesetter holds
 * at once. Assembly opens the spooled batches, whose page contents and images stay in their files
 * until the book is saved, moves their pages (with their links and bookmarks) into the book, writes
 * the contents with the page each article starts on, links its entries to those pages, numbers
 * the pages (not the title page) as the stylesheet would, and shares identical images between
 * batches.
 *
 * <p>Each batch has the context's time limit ({@link Limits#timeout()}) to itself, and the
 * assembly has it once for every batch: a long book takes as long as it needs, while an article
 * that makes the typesetter loop still ends at the limit.
 */
final class BookAssembly {

    /** The most batches typeset at once; each holds its layout in memory. */
    static final int MAX_THREADS = 4;

    /** The heap a batch of articles being typeset may need. */
    private static final long HEAP_PER_THREAD = 256L << 20;

    private BookAssembly() {
    }

    /** A typeset batch: its PDF in a temporary file, its page count, where its articles start and its fonts. */
    private record Part(ScratchFile spool, RandomAccess pdf, int pages, int[] starts, List<String> fonts)
            implements Closeable {
        @Override
        public void close() throws IOException {
            try {
                if (!pdf.isClosed()) {
                    pdf.close();
                }
            } finally {
                spool.close();
            }
        }
    }

    static void write(Book book, int batch, OutputStream out, ConversionContext ctx) throws IOException {
        write(book, batch, out, ctx, (Path) null);
    }

    /**
     * @param spoolIn the folder in which the private temporary folder of the spooled batches is made,
     *     or {@code null} for the system's temporary folder
     */
    static void write(Book book, int batch, OutputStream out, ConversionContext ctx, @Nullable Path spoolIn)
            throws IOException {
        Path spool = spoolIn == null ? Files.createTempDirectory("articlekit-pdf-")
                : Files.createTempDirectory(spoolIn, "articlekit-pdf-");
        try {
            writeSpooled(book, batch, out, ctx, spool.toFile());
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteSpool(spool);
            } catch (IOException d) {
                e.addSuppressed(d);
            }
            throw e;
        }
        deleteSpool(spool);
    }

    /** Deletes the spool folder and anything PDFBox left in it (it deletes its files when closed). */
    private static void deleteSpool(Path spool) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(spool)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(spool);
    }

    private static void writeSpooled(Book book, int batch, OutputStream out, ConversionContext ctx, File spool)
            throws IOException {
        PdfOptions options = ctx.options().get(PdfOptions.class, PdfOptions::defaults);
        int n = book.articles().size();
        int count = (n + batch - 1) / batch;
        int threads = threads(count);
        List<Part> made = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "articlekit-pdf-batch");
            t.setDaemon(true);
            return t;
        }) : null;
        List<PDDocument> open = new ArrayList<>();
        Throwable primary = null;
        try {
            List<Future<Part>> futures = new ArrayList<>();
            Part[] parts = new Part[count];
            for (int p = 0; p < count; p++) {
                int from = p * batch;
                int to = Math.min(n, from + batch);
                Callable<Part> task = () -> {
                    Part part = typeset(book, from, to, options, ctx, spool);
                    made.add(part);
                    return part;
                };
                if (pool != null) {
                    futures.add(pool.submit(task));
                } else {
                    parts[p] = call(task);
                    ctx.progress().chapterWritten(to, n);
                }
            }
            for (int p = 0; p < futures.size(); p++) {
                parts[p] = get(futures.get(p));
                ctx.progress().chapterWritten(Math.min(n, (p + 1) * batch), n);
            }
            // the assembly's time limit: the context's once per batch
            ConversionContext actx = ctx.toBuilder()
                    .limits(ctx.limits().toBuilder().timeout(ctx.limits().timeout().multipliedBy(count)).build())
                    .restartDeadline().build();
            assemble(book, parts, batch, out, options, actx, open, spool);
        } catch (IOException | RuntimeException | Error e) {
            primary = e;
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
                awaitQuietly(pool);
            }
            IOException failed = null;
            for (PDDocument d : open) {
                failed = closeAll(d, failed);
            }
            synchronized (made) {
                for (Part part : made) {
                    failed = closeAll(part, failed);
                }
            }
            if (failed != null) {
                if (primary == null) {
                    throw failed;
                }
                primary.addSuppressed(failed); // the failure that stopped the book is the one reported
            }
        }
    }

    /** @return how many batches to typeset at once: one per processor, as the heap allows */
    private static int threads(int batches) {
        long heap = Runtime.getRuntime().maxMemory();
        int byHeap = (int) Math.max(1, Math.min(MAX_THREADS, heap / HEAP_PER_THREAD - 1));
        return Math.max(1, Math.min(Math.min(batches, byHeap),
                Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors())));
    }

    /** Typesets articles {@code from} to {@code to} (exclusive) with a time limit of their own and spools the PDF. */
    private static Part typeset(Book book, int from, int to, PdfOptions options, ConversionContext ctx,
            File spoolDir) throws IOException {
        ConversionContext bctx = ctx.toBuilder().restartDeadline().build();
        PrintDocument print = PrintDocument.articles(book, from, to, options, bctx);
        ScratchFile spool = new ScratchFile(MemoryUsageSetting.setupTempFileOnly().setTempDir(spoolDir));
        try (PDDocument pd = new PDDocument()) {
            List<String> fonts = PdfWriter.typeset(print, pd, options, bctx).used();
            int[] starts = new int[to - from]; // page of each article within the batch, from 0
            PDDocumentOutline outline = pd.getDocumentCatalog().getDocumentOutline();
            int i = 0;
            if (outline != null) {
                for (PDOutlineItem item : outline.children()) {
                    if (i < starts.length) {
                        starts[i++] = pageIndex(pd, item);
                    }
                }
            }
            if (i != starts.length) {
                throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, null,
                        "cannot be typeset as PDF: articles " + (from + 1) + " to " + to
                                + " did not each get a bookmark", null);
            }
            RandomAccess pdf = spool.createBuffer();
            // uncompressed: it is read back at once, and objects outside object streams load one at a time
            pd.save(new RandomAccessOutputStream(pdf), CompressParameters.NO_COMPRESSION);
            return new Part(spool, pdf, pd.getNumberOfPages(), starts, fonts);
        } catch (IOException | RuntimeException | Error e) {
            closeAll(spool, null);
            throw e;
        }
    }

    private static void assemble(Book book, Part[] parts, int batch, OutputStream out, PdfOptions options,
            ConversionContext ctx, List<PDDocument> open, File spool) throws IOException {
        int n = book.articles().size();
        int[] starts = new int[n];
        int[] partPages = new int[parts.length];
        Set<String> fonts = new LinkedHashSet<>();
        for (int p = 0; p < parts.length; p++) {
            System.arraycopy(parts[p].starts(), 0, starts, p * batch, parts[p].starts().length);
            partPages[p] = parts[p].pages();
            fonts.addAll(parts[p].fonts());
        }
        try (PDDocument pd = front(book, starts, partPages, batch, options, ctx, fonts, spool)) {
            int frontPages = pd.getNumberOfPages();
            int[] pages = pageNumbers(starts, partPages, batch, frontPages);
            // in the catalog before it is filled: the document marks each object added to it, following
            // what the object refers to, and a filled outline's chain of thousands of bookmarks overflowed the stack
            PDDocumentOutline outline = new PDDocumentOutline();
            pd.getDocumentCatalog().setDocumentOutline(outline);
            for (Part part : parts) {
                ctx.checkDeadline();
                part.pdf().seek(0);
                PDDocument src = Loader.loadPDF(new Spooled(part.pdf())); // closes the buffer when closed
                open.add(src);
                for (PDPage page : src.getPages()) {
                    pd.addPage(page);
                }
                PDDocumentOutline marks = src.getDocumentCatalog().getDocumentOutline();
                if (marks != null) {
                    copy(marks, outline);
                }
            }
            pd.getDocumentCatalog().setPageMode(PageMode.USE_OUTLINES);
            linkContents(pd, frontPages, pages);
            number(pd, options, ctx);
            ctx.checkDeadline();
            SharedImages.dedupe(pd);
            PdfMetadata.apply(pd, book, options.pdfa(), ctx);
            if (options.embedSource()) {
                SourceAttachment.write(pd, book, ctx);
            }
            PdfMetadata.identify(pd, book);
            PdfWriter.reportFonts(new ArrayList<>(fonts), ctx);
            ctx.checkDeadline();
            pd.save(new PdfWriter.KeepOpen(out));
        }
    }

    /**
     * A spooled batch read back: PDFBox's temporary-file buffer does not make the views the parser
     * keeps for each stream (so that contents and images stay in the file until the book is saved),
     * and this gives them.
     */
    private record Spooled(RandomAccess in) implements RandomAccessRead {
        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public long getPosition() throws IOException {
            return in.getPosition();
        }

        @Override
        public void seek(long position) throws IOException {
            in.seek(position);
        }

        @Override
        public long length() throws IOException {
            return in.length();
        }

        @Override
        public boolean isClosed() {
            return in.isClosed();
        }

        @Override
        public boolean isEOF() throws IOException {
            return in.isEOF();
        }

        @Override
        public RandomAccessReadView createView(long startPosition, long streamLength) {
            return new RandomAccessReadView(this, startPosition, streamLength, false);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static Part call(Callable<Part> task) throws IOException {
        try {
            return task.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private static Part get(Future<Part> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while typesetting the book");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c);
        }
    }

    /** Waits for the batches being typeset to stop, so that their temporary files are closed after them. */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static @Nullable IOException closeAll(Closeable c, @Nullable IOException failed) {
        try {
            c.close();
        } catch (IOException e) {
            if (failed == null) {
                return e;
            }
            failed.addSuppressed(e);
        }
        return failed;
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
            ConversionContext ctx, Set<String> fonts, File spool) throws IOException {
        int guess = 1 + Math.max(1, book.articles().size() / 30);
        for (int attempt = 0; ; attempt++) {
            // the book's own streams (contents, page numbers, the source attachment) in a temporary file
            PDDocument pd = new PDDocument(MemoryUsageSetting.setupTempFileOnly().setTempDir(spool).streamCache);
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
