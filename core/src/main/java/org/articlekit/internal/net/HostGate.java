package org.articlekit.internal.net;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Politeness towards hosts: at most so many requests in flight in total and per host, and a least
 * time between the starts of two requests to one host. A request takes its host's permit first and
 * the global one second, so requests queued for a busy host never hold up other hosts.
 */
final class HostGate {

    /** What is released when a request is done. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore parallel;
    private final int perHost;
    private final long waitNanos;
    private final Map<String, Host> hosts = new ConcurrentHashMap<>();

    /** A host's permits and the time its next request may start. */
    private static final class Host {
        final Semaphore permits;
        long nextStart = Long.MIN_VALUE;
        boolean started;

        Host(int perHost) {
            permits = new Semaphore(perHost, true);
        }
    }

    HostGate(int maxParallel, int maxPerHost, Duration wait) {
        parallel = new Semaphore(maxParallel, true);
        perHost = maxPerHost;
        waitNanos = wait.toNanos();
    }

    /**
     * Waits until a request to the host may start.
     *
     * @param hostName the host, in any case
     * @return what to close when the request is done
     * @throws InterruptedException when interrupted while waiting
     */
    Pass enter(String hostName) throws InterruptedException {
        Host host = hosts.computeIfAbsent(hostName.toLowerCase(Locale.ROOT), h -> new Host(perHost));
        host.permits.acquire();
        try {
            parallel.acquire();
        } catch (InterruptedException e) {
            host.permits.release();
            throw e;
        }
        try {
            space(host);
        } catch (InterruptedException e) {
            parallel.release();
            host.permits.release();
            throw e;
        }
        return () -> {
            parallel.release();
            host.permits.release();
        };
    }

    /** Sleeps until the host's next start is due, then books the one after it. */
    private void space(Host host) throws InterruptedException {
        if (waitNanos <= 0) {
            return;
        }
        synchronized (host) {
            while (true) {
                long now = System.nanoTime();
                if (!host.started || now - host.nextStart >= 0) {
                    host.started = true;
                    host.nextStart = now + waitNanos;
                    return;
                }
                long left = host.nextStart - now;
                // Holding the monitor while sleeping keeps the starts of this host in order.
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
    }
}
