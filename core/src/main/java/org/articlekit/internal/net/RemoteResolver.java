package org.articlekit.internal.net;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.Limits;
import org.articlekit.Resource;
import org.articlekit.internal.io.AtomicFiles;
import org.articlekit.internal.io.LocalFileResolver;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.spi.ResourceUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Resolves http(s) references by downloading them through {@link SafeHttp}, with a download cache,
 * one download per URL, limits on parallel downloads, and a fallback to the URL inside a proxy
 * address; everything else goes to the local resolver it wraps.
 */
public final class RemoteResolver implements ResourceResolver {

    private static final Pattern INNER_URL = Pattern.compile("[?&=](https?(?::|%3A)(?://|%2F%2F).+)$",
            Pattern.CASE_INSENSITIVE);

    private final ResourceResolver local;
    private final RemoteImageOptions options;
    private final Limits limits;
    private final SafeHttp http;
    private final Semaphore parallel;
    private final Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
    private final OncePerKey<Resource> downloads = new OncePerKey<>();

    /**
     * @param local what resolves references that are not http(s)
     * @param options the download settings
     * @param limits the image limits (pixel budget)
     */
    public RemoteResolver(ResourceResolver local, RemoteImageOptions options, Limits limits) {
        this.local = local;
        this.options = options;
        this.limits = limits;
        this.http = new SafeHttp(options);
        this.parallel = new Semaphore(options.maxParallel());
    }

    @Override
    public Resource resolve(String reference) throws IOException {
        String ref = reference.strip();
        if (ref.startsWith("//")) {
            ref = "https:" + ref;
        }
        String lower = ref.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return local.resolve(reference);
        }
        String url = ref;
        try {
            return downloads.get(url, reference, () -> fetchWithFallback(reference, url));
        } catch (RuntimeException e) {
            throw new ResourceUnavailableException(reference, "could not be downloaded: " + e);
        }
    }

    private Resource fetchWithFallback(String reference, String url) throws IOException {
        try {
            return fetch(reference, url);
        } catch (ResourceUnavailableException first) {
            Optional<String> inner = innerUrl(url);
            if (inner.isPresent()) {
                try {
                    return fetch(reference, inner.get());
                } catch (ResourceUnavailableException second) {
                    throw new ResourceUnavailableException(reference, first.reason() + "; the address inside it "
                            + second.reason());
                }
            }
            throw first;
        }
    }

    /**
     * The address a proxy URL carries in its query, such as {@code https://proxy/?http://host/a.jpg}.
     *
     * @param url the proxy URL
     * @return the inner address, when there is one
     */
    static Optional<String> innerUrl(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        Matcher m = INNER_URL.matcher(url.substring(q));
        if (!m.find()) {
            return Optional.empty();
        }
        String inner = m.group(1);
        if (inner.toLowerCase(Locale.ROOT).contains("%3a")) {
            inner = URLDecoder.decode(inner, StandardCharsets.UTF_8);
        }
        return Optional.of(inner);
    }

    private Resource fetch(String reference, String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ResourceUnavailableException(reference, "is not a valid address");
        }
        Path cached = cachePath(url);
        if (cached != null && Files.isRegularFile(cached)) {
            return LocalFileResolver.checkedImage(reference, Files.readAllBytes(cached), limits);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        Semaphore hostLimit = perHost.computeIfAbsent(host, h -> new Semaphore(options.maxPerHost()));
        byte[] data;
        try {
            parallel.acquire();
            try {
                hostLimit.acquire();
                try {
                    data = http.get(reference, uri);
                } finally {
                    hostLimit.release();
                }
            } finally {
                parallel.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceUnavailableException(reference, "was interrupted");
        }
        Resource resource = LocalFileResolver.checkedImage(reference, data, limits);
        if (cached != null) {
            store(cached, data);
        }
        return resource;
    }

    private @Nullable Path cachePath(String url) {
        Optional<Path> dir = options.cacheDir();
        if (dir.isEmpty()) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(digest);
            return dir.get().resolve(hex.substring(0, 2)).resolve(hex);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Writes a cache entry through a temporary file, so concurrent runs never see half an entry. */
    private static void store(Path target, byte[] data) throws IOException {
        AtomicFiles.replace(target, out -> out.write(data));
    }

    @Override
    public String toString() {
        return "RemoteResolver[" + options + ", then " + local + "]";
    }
}
