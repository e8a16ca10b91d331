package org.articlekit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.articlekit.internal.io.AtomicFiles;
import org.articlekit.internal.io.Blake2b;
import org.jspecify.annotations.Nullable;

/**
 * A file that belongs to an article, usually an image, named by a hash of its content.
 *
 * <pre>{@code
 * Resource r = Resource.of(pngBytes, "image/png", "https://example.org/a.png");
 * r.name();   // "images/5e1c...9a.png"
 * }</pre>
 *
 * <p>The name is {@code images/} (or {@code files/} for other media types) followed by the 32 hex
 * digits of the content's 128-bit BLAKE2b hash and an extension for the media type, so the same
 * content always gets the same name. Immutable and thread-safe: {@link #bytes()} returns a copy.
 *
 * <p>A resource normally holds its content in memory. {@link #spill(Path)} gives one that keeps it
 * in a file instead and reads it on each {@link #bytes()} call, for collections too large to keep
 * every image in memory (a book of thousands of articles).
 */
public final class Resource {

    private final String name;
    private final String mediaType;
    private final byte @Nullable [] data;
    private final @Nullable Path file;
    private final int size;
    private final @Nullable String source;

    private Resource(String name, String mediaType, byte[] data, @Nullable String source) {
        this.name = name;
        this.mediaType = mediaType;
        this.data = data;
        this.file = null;
        this.size = data.length;
        this.source = source;
    }

    private Resource(Resource r, Path file) {
        this.name = r.name;
        this.mediaType = r.mediaType;
        this.data = null;
        this.file = file;
        this.size = r.size;
        this.source = r.source;
    }

    /**
     * Makes a resource from its content.
     *
     * @param data the content; copied
     * @param mediaType the media type, such as {@code image/png}
     * @param source where the content came from (the reference in the input), or {@code null}
     * @return the resource, named by its content
     */
    public static Resource of(byte[] data, String mediaType, @Nullable String source) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mediaType, "mediaType");
        String type = mediaType.toLowerCase(Locale.ROOT).strip();
        byte[] copy = data.clone();
        String folder = type.startsWith("image/") ? "images/" : "files/";
        return new Resource(folder + hash(copy) + extension(type), type, copy, source);
    }

    private static String hash(byte[] data) {
        return HexFormat.of().formatHex(Blake2b.digest(data, 16));
    }

    /**
     * The usual file extension of a media type.
     *
     * @param mediaType the media type
     * @return the extension with its dot, or {@code ".bin"} when unknown
     */
    public static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "image/svg+xml" -> ".svg";
            case "image/bmp" -> ".bmp";
            case "image/avif" -> ".avif";
            case "text/css" -> ".css";
            case "font/ttf" -> ".ttf";
            case "font/otf" -> ".otf";
            default -> ".bin";
        };
    }

    /** @return the content-derived name, such as {@code images/5e1c…9a.png} */
    public String name() {
        return name;
    }

    /** @return the media type */
    public String mediaType() {
        return mediaType;
    }

    /**
     * The content. A resource kept in a file (see {@link #spill(Path)}) reads it again each time.
     *
     * @return a copy of the content
     * @throws UncheckedIOException when the resource is kept in a file that can no longer be read
     */
    public byte[] bytes() {
        if (data != null) {
            return data.clone();
        }
        Path f = Objects.requireNonNull(file);
        try {
            byte[] d = Files.readAllBytes(f);
            if (d.length != size) {
                throw new IOException(f + " changed after " + name + " was stored in it");
            }
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " back from " + f, e);
        }
    }

    /** @return the content's length in bytes */
    public int size() {
        return size;
    }

    /**
     * Keeps this resource's content in a file of {@code dir} instead of in memory: writes it to
     * {@code dir/}{@link #name()} unless a file of that name and size is already there (the name is
     * derived from the content, so resources with the same content share one file), and returns a
     * resource with the same name, media type and source that reads the file when asked for its bytes.
     * The caller owns the folder and must keep it until the resource is no longer used; a private
     * temporary folder is the usual choice.
     *
     * @param dir the folder to keep the content in
     * @return the file-backed resource ({@code this} when it already is one)
     * @throws IOException when the file cannot be written
     */
    public Resource spill(Path dir) throws IOException {
        if (data == null) {
            return this;
        }
        Path f = dir.resolve(name);
        if (!(Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS) && Files.size(f) == size)) {
            byte[] d = data;
            AtomicFiles.write(f, out -> out.write(d));
        }
        return new Resource(this, f);
    }

    /** @return the reference this content was read from, when known */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public boolean equals(Object o) {
        // The name is a hash of the content, so equal names mean equal content, in memory or in a file.
        return o instanceof Resource r && name.equals(r.name) && mediaType.equals(r.mediaType) && size == r.size
                && Objects.equals(source, r.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mediaType, source);
    }

    @Override
    public String toString() {
        return name + " (" + mediaType + ", " + size + " bytes"
                + (source == null ? "" : ", from " + source) + ")";
    }
}
