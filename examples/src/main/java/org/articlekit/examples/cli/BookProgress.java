package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.articlekit.BindingListener;
import org.articlekit.BookBinder;
import org.jspecify.annotations.Nullable;

/**
 * Shows a book's binding on standard error: a "Reading" and then a "Writing" progress bar (on a
 * terminal only), each input that failed as one error line, and one summary line at the end.
 */
final class BookProgress implements BindingListener {

    private final Reporter rep;
    private final @Nullable PrintStream bars;
    private final Set<IOException> reported = Collections.synchronizedSet(Collections.newSetFromMap(
            new IdentityHashMap<>()));
    private @Nullable ProgressBar bar;

    /**
     * @param rep where failures go
     * @param bars where progress bars go, or {@code null} for none (not a terminal, or {@code --quiet})
     */
    BookProgress(Reporter rep, @Nullable PrintStream bars) {
        this.rep = rep;
        this.bars = bars;
    }

    @Override
    public synchronized void reading(int total) {
        start("Reading", total);
    }

    @Override
    public synchronized void inputRead(String name, int done, int total, int articles, int images) {
        step(done);
    }

    @Override
    public void inputFailed(String name, IOException failure) {
        reported.add(failure);
        rep.failure(name, failure);
        synchronized (this) {
            if (bar != null) {
                bar.step();
            }
        }
    }

    @Override
    public synchronized void writing(int chapters) {
        start("Writing", chapters);
    }

    @Override
    public synchronized void chapterWritten(int done, int total) {
        step(done);
    }

    /** @return whether this failure was already printed, as an input's */
    boolean reported(IOException failure) {
        return reported.contains(failure);
    }

    /** Closes the bars. */
    synchronized void finish() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** The summary line of a written book, such as {@code wrote notes.epub: 12 articles, 9 images, 0 warnings, 1.2 MB}. */
    static String summary(BookBinder.Result r) {
        return "wrote " + (r.output() == null ? StreamConversion.STDOUT : r.output()) + ": " + plural(r.articles(), "article") + ", " + plural(r.images(), "image")
                + ", " + plural(r.warnings(), "warning") + ", " + size(r.bytes());
    }

    private void start(String task, int total) {
        finish();
        if (bars != null && total != 1) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 0))
                    .setConsumer(new ConsoleProgressBarConsumer(bars)).setUpdateIntervalMillis(200).build();
        }
    }

    private void step(int done) {
        if (bar != null) {
            bar.stepTo(Math.max(bar.getCurrent(), done));
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
