package org.articlekit.examples.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.articlekit.Limits;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.web.WebOptions;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The flags of {@code convert} that say whether and how pages, feeds and images are downloaded. */
final class NetworkFlags {

    /** {@code --cache DIR} or {@code --no-cache}, never both. */
    static final class CacheChoice {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "Cache folder for downloads (default: the user cache folder, ~/.cache/articlekit): "
                        + "images in DIR/images, pages and feeds in DIR/pages. A second run reuses the images and "
                        + "revalidates the pages (ETag, Last-Modified).")
        @Nullable Path dir;

        @Option(names = "--no-cache", description = "Keep no downloads between runs.")
        boolean none;
    }

    @Option(names = "--offline", description = "Never use the network: images only from local files in each "
            + "input's folder, pages and feeds only from the cache, no full text for feed items. Without it, "
            + "http(s) images are downloaded when the output embeds images (EPUB, PDF): public addresses only, "
            + "10 MB each, 5 s to connect, 10 s to read, at most 5 redirects; pages and feeds: 20 MB, 10 s to "
            + "connect, 20 s to read, at most 2 at once per host.")
    boolean offline;

    @Option(names = "--allow-private-hosts", description = "Also download pages, feeds and images from loopback, "
            + "private and link-local addresses (refused by default, checked after DNS and on every redirect, so "
            + "a document cannot reach into your network).")
    boolean allowPrivateHosts;

    @ArgGroup(exclusive = true)
    @Nullable CacheChoice cache;

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "Wait at least this long between two requests to one host (default 0).")
    double waitSeconds;

    /** @return the resolvers for inputs: local files, and the web unless {@code --offline} */
    @Nullable Function<Path, ResourceResolver> resolvers() {
        if (offline) {
            return null;
        }
        RemoteImageOptions options = webOptions().imageOptions();
        return dir -> ResourceResolver.remote(ResourceResolver.localFiles(dir), options, Limits.defaults());
    }

    /** @return the resolver of the images of pages from the web: remote unless {@code --offline} */
    ResourceResolver webResolver() {
        return offline ? ResourceResolver.none()
                : ResourceResolver.remote(ResourceResolver.none(), webOptions().imageOptions(), Limits.defaults());
    }

    /** @return the policy for pages and feeds: the flags, the cache in the user's cache folder unless told otherwise */
    WebOptions webOptions() {
        return WebOptions.builder().allowPrivateHosts(allowPrivateHosts).offline(offline).cacheDir(cacheRoot())
                .waitBetweenRequests(Duration.ofMillis(Math.round(waitSeconds * 1000))).build();
    }

    /** @return a problem with the values of these flags, or null */
    @Nullable String check() {
        if (!(waitSeconds >= 0 && waitSeconds <= 3600)) {
            return "--wait must be 0 to 3600 seconds, not " + waitSeconds;
        }
        return null;
    }

    /** Warns about flags that {@code --offline} makes pointless. */
    void warnIgnored(Reporter rep) {
        if (offline && (allowPrivateHosts || cache != null && cache.none || waitSeconds > 0)) {
            rep.warning("--allow-private-hosts, --wait and --no-cache are ignored with --offline: nothing is "
                    + "downloaded");
        }
    }

    /** The cache folder: {@code --cache}, none with {@code --no-cache}, else the user's cache folder. */
    private @Nullable Path cacheRoot() {
        if (cache != null && cache.none) {
            return null;
        }
        if (cache != null && cache.dir != null) {
            return cache.dir;
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return root.resolve("articlekit");
    }
}
