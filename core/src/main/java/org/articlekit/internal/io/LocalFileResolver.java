package org.articlekit.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.articlekit.Limits;
import org.articlekit.Resource;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.spi.ResourceUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Reads images from local files confined to one folder: the library's default resolver. Every
 * check of the reliability contract's local-file row happens here, once.
 */
public final class LocalFileResolver implements ResourceResolver {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private final Path root;
    private final @Nullable Path siteRoot;
    private final Limits limits;

    /**
     * @param root the folder; references must stay inside it
     * @param limits size and pixel limits
     */
    public LocalFileResolver(Path root, Limits limits) {
        this(root, null, limits);
    }

    /**
     * @param root the folder of relative references; they must stay inside it
     * @param siteRoot the folder of site-root references such as {@code /images/a.jpg}, which must
     *     stay inside it, or {@code null} to refuse them
     * @param limits size and pixel limits
     */
    public LocalFileResolver(Path root, @Nullable Path siteRoot, Limits limits) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.siteRoot = siteRoot == null ? null : siteRoot.toAbsolutePath().normalize();
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * A resolver that reads site-root references ({@code /images/a.jpg}, not {@code //host/…})
     * from {@code siteRoot}, confined to it, and hands every other reference to {@code inner}.
     *
     * @param inner the resolver of the other references
     * @param siteRoot the folder site-root references are read from
     * @param limits size and pixel limits
     * @return the resolver
     */
    public static ResourceResolver siteRooted(ResourceResolver inner, Path siteRoot, Limits limits) {
        Objects.requireNonNull(inner, "inner");
        LocalFileResolver site = new LocalFileResolver(siteRoot, siteRoot, limits);
        return reference -> {
            String ref = Objects.requireNonNull(reference, "reference").strip().replace('\\', '/');
            return ref.startsWith("/") && !ref.startsWith("//") ? site.resolve(reference) : inner.resolve(reference);
        };
    }

    @Override
    public Resource resolve(String reference) throws IOException {
        Objects.requireNonNull(reference, "reference");
        String ref = reference.strip();
        int cut = indexOfAny(ref, '?', '#');
        if (cut >= 0) {
            ref = ref.substring(0, cut);
        }
        if (ref.isEmpty()) {
            throw new ResourceUnavailableException(reference, "is empty");
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(ref.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ResourceUnavailableException(reference, "is not a valid path");
        }
        if (SCHEME.matcher(decoded).find() && !decoded.matches("^[a-zA-Z]:[\\\\/].*")) {
            String scheme = decoded.substring(0, decoded.indexOf(':')).toLowerCase(Locale.ROOT);
            if (scheme.equals("http") || scheme.equals("https")) {
                throw new ResourceUnavailableException(reference, "is remote and remote images are off");
            }
            throw new ResourceUnavailableException(reference, "uses the " + scheme + ": scheme, which is not allowed");
        }
        if (decoded.indexOf('\0') >= 0) {
            throw new ResourceUnavailableException(reference, "contains a NUL character");
        }
        String path = decoded.replace('\\', '/');
        Path base = root;
        String folder = "the article folder";
        if (siteRoot != null && path.startsWith("/") && !path.startsWith("//")) {
            base = siteRoot;
            folder = "the resource root";
            path = path.substring(1);
        } else if (path.startsWith("/") || path.startsWith("//") || path.matches("^[a-zA-Z]:.*")) {
            throw new ResourceUnavailableException(reference, "is an absolute path outside the article folder");
        }
        Path candidate;
        try {
            candidate = base.resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw new ResourceUnavailableException(reference, "is not a valid path");
        }
        if (!candidate.startsWith(base)) {
            throw new ResourceUnavailableException(reference, "is outside " + folder);
        }
        Path real;
        Path realRoot;
        try {
            realRoot = base.toRealPath();
            real = candidate.toRealPath();
        } catch (NoSuchFileException e) {
            throw new ResourceUnavailableException(reference, "was not found");
        }
        if (!real.startsWith(realRoot)) {
            throw new ResourceUnavailableException(reference, "is outside " + folder + " (through a link)");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new ResourceUnavailableException(reference, "is not a regular file");
        }
        if (Files.size(real) > limits.maxResourceBytes()) {
            throw new ResourceUnavailableException(reference, "is larger than the limit of "
                    + limits.maxResourceBytes() + " bytes");
        }
        byte[] data;
        try (InputStream in = Files.newInputStream(real, LinkOption.NOFOLLOW_LINKS)) {
            data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxResourceBytes() + 1));
        }
        if (data.length > limits.maxResourceBytes()) {
            throw new ResourceUnavailableException(reference, "is larger than the limit of "
                    + limits.maxResourceBytes() + " bytes");
        }
        return checkedImage(reference, data, limits);
    }

    /**
     * Applies the image checks every resolver shares: a known image signature and a pixel budget.
     *
     * @param reference the reference, for messages
     * @param data the content
     * @param limits the pixel limit
     * @return the resource
     * @throws ResourceUnavailableException when the content is not an acceptable image
     */
    public static Resource checkedImage(String reference, byte[] data, Limits limits)
            throws ResourceUnavailableException {
        return Resource.of(data, imageType(reference, data, limits), reference);
    }

    /**
     * The checks of {@link #checkedImage} without making the resource.
     *
     * @param reference the reference, for messages
     * @param data the content
     * @param limits the pixel limit
     * @return the media type the magic bytes name
     * @throws ResourceUnavailableException when the content is not an acceptable image
     */
    public static String imageType(String reference, byte[] data, Limits limits) throws ResourceUnavailableException {
        String type = ImageProbe.mediaType(data).orElseThrow(
                () -> new ResourceUnavailableException(reference, "is not an image (unknown content)"));
        long pixels;
        try {
            pixels = ImageProbe.pixels(data).orElse(0L);
        } catch (IOException e) {
            throw new ResourceUnavailableException(reference, "is a broken image: " + e.getMessage());
        }
        if (pixels > limits.maxPixels()) {
            throw new ResourceUnavailableException(reference, "declares " + pixels + " pixels, over the limit of "
                    + limits.maxPixels());
        }
        return type;
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        if (i < 0) {
            return j;
        }
        return j < 0 ? i : Math.min(i, j);
    }

    @Override
    public String toString() {
        return "LocalFileResolver[" + root + "]";
    }
}
