package org.articlekit.examples.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Runs one task per input on up to {@code --jobs} threads, with a progress bar on standard error
 * when asked for. Tasks report their own failures; results come back in input order.
 */
final class Jobs {

    private Jobs() {
    }

    /**
     * @param items the inputs
     * @param threads the most threads to use; 1 runs everything on the calling thread
     * @param progress where progress goes, or {@code null} for none
     * @param task the work for one input; must not throw
     * @return the results, in the order of {@code items}
     */
    static <I, R> List<R> run(List<I> items, int threads, PrintStream progress, String taskName,
            Function<I, R> task) {
        try (ProgressBar bar = progress == null ? null : new ProgressBarBuilder().setTaskName(taskName)
                .setInitialMax(items.size()).setConsumer(new ConsoleProgressBarConsumer(progress))
                .setUpdateIntervalMillis(200).build()) {
            Function<I, R> counted = bar == null ? task : i -> {
                try {
                    return task.apply(i);
                } finally {
                    bar.step();
                }
            };
            if (threads <= 1 || items.size() <= 1) {
                List<R> out = new ArrayList<>(items.size());
                for (I i : items) {
                    out.add(counted.apply(i));
                }
                return out;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
                Thread t = new Thread(r, "articlekit-job");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<R>> futures = new ArrayList<>(items.size());
                for (I i : items) {
                    futures.add(pool.submit(() -> counted.apply(i)));
                }
                List<R> out = new ArrayList<>(items.size());
                for (Future<R> f : futures) {
                    out.add(f.get());
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
