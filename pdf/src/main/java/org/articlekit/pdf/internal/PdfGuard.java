package org.articlekit.pdf.internal;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;

/**
 * Runs PDFBox on untrusted input in a worker thread with a bounded stack and the context's time
 * limit, and turns whatever goes wrong into an {@link ArticleFormatException}: parser loops end at
 * the deadline, deep recursion ends in a caught stack overflow, and no raw PDFBox exception escapes.
 */
final class PdfGuard {

    /** The worker's stack: deep enough for real files, small enough that runaway recursion ends fast. */
    private static final long STACK_BYTES = 16L << 20;

    private PdfGuard() {
    }

    static <T> T run(ConversionContext ctx, Callable<T> task) throws IOException {
        FutureTask<T> future = new FutureTask<>(task);
        Thread worker = new Thread(null, future, "articlekit-pdf-reader", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        String name = ctx.sourceName().orElse(null);
        long seconds = ctx.limits().timeout().toSeconds();
        try {
            return future.get(ctx.limits().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            future.cancel(true);
            throw new ArticleFormatException(name, 0, null, "reading the PDF took longer than the limit of " + seconds
                    + " s", e);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new ArticleFormatException(name, 0, null, "reading the PDF was interrupted", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause(), name);
        }
    }

    private static ArticleFormatException translate(Throwable t, String name) {
        if (t instanceof ArticleFormatException afe) {
            return afe;
        }
        if (t instanceof InvalidPasswordException) {
            return new ArticleFormatException(name, 0, null, "the PDF is password-protected; give its password with "
                    + "--password (PdfOptions.password)", t);
        }
        if (t instanceof StackOverflowError) {
            return new ArticleFormatException(name, 0, null, "the PDF is nested too deeply to read", null);
        }
        if (t instanceof OutOfMemoryError) {
            return new ArticleFormatException(name, 0, null, "the PDF needs more memory than is available to read", null);
        }
        if (t instanceof IOException) {
            return new ArticleFormatException(name, 0, null, "is not a readable PDF: " + t.getMessage(), t);
        }
        return new ArticleFormatException(name, 0, null, "is not a readable PDF: " + t, t);
    }
}
