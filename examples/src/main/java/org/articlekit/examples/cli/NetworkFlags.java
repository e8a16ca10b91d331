package org.articlekit.examples.cli;

import java.nio.file.Path;
import java.util.function.Function;
import org.articlekit.Limits;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceResolver;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The flags of {@code convert} that say whether and how images are downloaded. */
final class NetworkFlags {

    /** {@code --cache DIR} or {@code --no-cache}, never both. */
    static final class CacheChoice {
        @Option(names = "--cache", paramLabel = "DIR",
                description = "Folder for downloaded images (default: the user cache folder, "
                        + "~/.cache/articlekit/images). A second run reuses what is there.")
        @Nullable Path dir;

        @Option(names = "--no-cache", description = "Keep no downloaded images between runs.")
        boolean none;
    }

    @Option(names = "--offline", description = "Never download images: read them only from local files in each "
            + "input's folder. Without it, http(s) images are downloaded when the output embeds images (EPUB, PDF): "
            + "public addresses only, 10 MB each, 5 s to connect, 10 s to read, at most 5 redirects.")
    boolean offline;

    @Option(names = "--allow-private-hosts", description = "Also download images from loopback, private and "
            + "link-local addresses (refused by default, so a document cannot reach into your network).")
    boolean allowPrivateHosts;

    @ArgGroup(exclusive = true)
    @Nullable CacheChoice cache;

    /** @return the resolvers for inputs: local files, and the web unless {@code --offline} */
    @Nullable Function<Path, ResourceResolver> resolvers() {
        if (offline) {
            return null;
        }
        RemoteImageOptions options = remoteImageOptions();
        return dir -> ResourceResolver.remote(ResourceResolver.localFiles(dir), options, Limits.defaults());
    }

    /** Warns about flags that {@code --offline} makes pointless. */
    void warnIgnored(Reporter rep) {
        if (offline && (allowPrivateHosts || cache != null)) {
            rep.warning("--allow-private-hosts, --cache and --no-cache are ignored with --offline: nothing is "
                    + "downloaded");
        }
    }

    /** Remote image settings from the flags; the cache goes to the user's cache folder unless told otherwise. */
    private RemoteImageOptions remoteImageOptions() {
        Path cacheDir;
        if (cache != null && cache.none) {
            cacheDir = null;
        } else if (cache != null && cache.dir != null) {
            cacheDir = cache.dir;
        } else {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path root = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            cacheDir = root.resolve("articlekit").resolve("images");
        }
        return RemoteImageOptions.builder().allowPrivateHosts(allowPrivateHosts).cacheDir(cacheDir).build();
    }
}
