package org.articlekit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A file that belongs to an article, usually an image, named by a hash of its content.
 *
 * <pre>{@code
 * Resource r = Resource.of(pngBytes, "image/png", "https://example.org/a.png");
 * r.name();   // "images/5e1c...9a.png"
 * }</pre>
 *
 * <p>The name is {@code images/} (or {@code files/} for other media types) followed by the first 32
 * hex digits of the content's SHA-256 and an extension for the media type, so the same content
 * always gets the same name. Immutable and thread-safe: {@link #bytes()} returns a copy.
 */
public final class Resource {

    private final String name;
    private final String mediaType;
    private final byte[] data;
    private final @Nullable String source;

    private Resource(String name, String mediaType, byte[] data, @Nullable String source) {
        this.name = name;
        this.mediaType = mediaType;
        this.data = data;
        this.source = source;
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
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
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

    /** @return a copy of the content */
    public byte[] bytes() {
        return data.clone();
    }

    /** @return the content's length in bytes */
    public int size() {
        return data.length;
    }

    /** @return the reference this content was read from, when known */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource r && name.equals(r.name) && mediaType.equals(r.mediaType)
                && Arrays.equals(data, r.data) && Objects.equals(source, r.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mediaType, source);
    }

    @Override
    public String toString() {
        return name + " (" + mediaType + ", " + data.length + " bytes"
                + (source == null ? "" : ", from " + source) + ")";
    }
}
