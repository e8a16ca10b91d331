package org.articlekit.internal.net;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.articlekit.spi.ResourceUnavailableException;

/**
 * Runs a download once per key: a second call for the same key, at the same time or later, gets
 * the first call's result or failure. An interrupted download is not remembered (it says nothing
 * about the address), so a later call tries again. Thread-safe.
 *
 * @param <V> what a download gives
 */
final class OncePerKey<V> {

    /** A download. */
    @FunctionalInterface
    interface Download<V> {
        V run() throws IOException, InterruptedException;
    }

    private final Map<String, CompletableFuture<V>> results = new ConcurrentHashMap<>();

    /**
     * @param key what makes two calls the same download
     * @param reference the address as written, for the message of an interruption
     * @param download runs the first time
     * @return the first call's result
     * @throws IOException the first call's failure
     */
    V get(String key, String reference, Download<V> download) throws IOException {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = results.putIfAbsent(key, mine);
        if (existing == null) {
            try {
                mine.complete(download.run());
            } catch (InterruptedException e) {
                results.remove(key, mine);
                Thread.currentThread().interrupt();
                ResourceUnavailableException stop = new ResourceUnavailableException(reference, "was interrupted");
                mine.completeExceptionally(stop);
                throw stop;
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
            }
            existing = mine;
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceUnavailableException(reference, "was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
