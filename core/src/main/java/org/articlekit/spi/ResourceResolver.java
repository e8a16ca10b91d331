package org.articlekit.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.articlekit.Limits;
import org.articlekit.Resource;
import org.articlekit.internal.io.LocalFileResolver;

/**
 * The one way readers and writers reach files and URLs: turns a reference found in a document
 * (an image {@code src}, a cover path) into the bytes it names.
 *
 * <p>The library's default is {@link #none()} for in-memory conversions and
 * {@link #localFiles(Path)} (files inside the input's folder only) for file conversions; remote
 * fetching is a separate, opt-in resolver. Implementations must be thread-safe.
 *
 * <pre>{@code
 * ResourceResolver r = ResourceResolver.localFiles(Path.of("posts"));
 * Resource img = r.resolve("images/cat.png");
 * }</pre>
 */
@FunctionalInterface
public interface ResourceResolver {

    /**
     * Reads what a reference names.
     *
     * @param reference the reference as written in the document (relative path or URL)
     * @return the resource, its media type taken from its content
     * @throws ResourceUnavailableException when the reference is refused (outside the allowed
     *     root, a forbidden scheme, too large, not an image) or not found; the message says which
     * @throws IOException when reading fails otherwise
     */
    Resource resolve(String reference) throws IOException;

    /**
     * The resolver of a context that was given none. Always the same instance, so that a writer can tell
     * "nothing can be read" from a resolver that failed.
     *
     * @return a resolver that refuses everything: nothing outside the document is read
     */
    static ResourceResolver none() {
        return NoResolver.INSTANCE;
    }

    /**
     * Local files under {@code root} only, with the default limits; see
     * {@link #localFiles(Path, Limits)}.
     *
     * @param root the folder references are relative to
     * @return the resolver
     */
    static ResourceResolver localFiles(Path root) {
        return localFiles(root, Limits.defaults());
    }

    /**
     * Local files under {@code root} only. A reference is percent-decoded, resolved against the
     * root and followed through symbolic links; it is refused when it has a scheme ({@code file:},
     * {@code http:}, {@code jar:}…), is absolute, ends up outside the root, is not a regular file,
     * is larger than {@link Limits#maxResourceBytes()}, or is not an image its magic bytes name
     * (PNG, JPEG, GIF, WebP, BMP, SVG) or declares more than {@link Limits#maxPixels()} pixels.
     *
     * @param root the folder references are relative to
     * @param limits the size and pixel limits
     * @return the resolver
     */
    static ResourceResolver localFiles(Path root, Limits limits) {
        return new LocalFileResolver(root, limits);
    }

    /**
     * As {@link #localFiles(Path, Limits)}, and site-root references such as
     * {@code /images/chart.jpg} (as Jekyll, Hexo and Hugo posts write them) are read from
     * {@code resourceRoot}, with the same checks, and must stay inside it: neither {@code ..} nor
     * a symbolic link leads out.
     *
     * @param root the folder relative references are relative to
     * @param resourceRoot the folder site-root references are relative to
     * @param limits the size and pixel limits
     * @return the resolver
     */
    static ResourceResolver localFiles(Path root, Path resourceRoot, Limits limits) {
        return new LocalFileResolver(root, Objects.requireNonNull(resourceRoot, "resourceRoot"), limits);
    }

    /**
     * Downloads http(s) references (images of web articles) and hands every other reference to
     * {@code local}. Safe for references from untrusted documents: only http and https; every
     * address of the host is checked after DNS, and the connection goes to the checked address
     * (loopback, private, link-local, unique-local and mapped addresses are refused unless
     * {@link RemoteImageOptions#allowPrivateHosts()}); every redirect is checked again; timeouts,
     * a size cap and a redirect cap apply; the content must be an image by its magic bytes, within
     * {@link Limits#maxPixels()}. Each URL is downloaded once per resolver (and once per cache
     * folder, when a cache is set). When a proxy URL fails ({@code https://proxy/?http://host/a.jpg}),
     * the address inside it is tried.
     *
     * @param local the resolver for everything that is not http(s)
     * @param options download settings
     * @param limits the pixel budget
     * @return the resolver; thread-safe
     */
    static ResourceResolver remote(ResourceResolver local, RemoteImageOptions options, Limits limits) {
        return new org.articlekit.internal.net.RemoteResolver(local, options, limits);
    }
}
