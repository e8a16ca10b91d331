package org.articlekit.internal.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.articlekit.spi.Images;
import org.jspecify.annotations.Nullable;

/** Tells an image's type from its magic bytes and its size from its header, without decoding pixels. */
public final class ImageProbe {

    private ImageProbe() {
    }

    /**
     * @param data the content
     * @return the image media type its first bytes name, when they name one
     */
    public static Optional<String> mediaType(byte[] data) {
        if (starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(data, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(data, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (starts(data, 'R', 'I', 'F', 'F') && data.length >= 12 && data[8] == 'W' && data[9] == 'E'
                && data[10] == 'B' && data[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(data, 'B', 'M') && data.length > 26) {
            return Optional.of("image/bmp");
        }
        String head = new String(data, 0, Math.min(data.length, 1024), StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
        if (head.stripLeading().startsWith("<svg") || (head.stripLeading().startsWith("<?xml") && head.contains("<svg"))) {
            return Optional.of("image/svg+xml");
        }
        return Optional.empty();
    }

    /**
     * Reads the declared width × height from the header of a raster image.
     *
     * @param data the content
     * @return the pixel count, or empty when no header reader knows the format (SVG, WebP)
     * @throws IOException when the header is broken
     */
    public static Optional<Long> pixels(byte[] data) throws IOException {
        return dimensions(data).map(d -> (long) d.width() * d.height());
    }

    /**
     * Reads the declared width and height from the header of a raster image: straight from the
     * {@code IHDR} chunk for PNG, through an ImageIO reader (in memory, no cache file) otherwise.
     *
     * @param data the content
     * @return the size, or empty when no header reader knows the format (SVG, WebP)
     * @throws IOException when the header is broken
     */
    public static Optional<Images.Size> dimensions(byte[] data) throws IOException {
        if (data.length >= 24 && starts(data, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)
                && data[12] == 'I' && data[13] == 'H' && data[14] == 'D' && data[15] == 'R') {
            int w = readInt(data, 16);
            int h = readInt(data, 20);
            if (w <= 0 || h <= 0) {
                throw new IOException("broken image header: PNG of " + Integer.toUnsignedString(w) + " × "
                        + Integer.toUnsignedString(h) + " pixels");
            }
            return Optional.of(new Images.Size(w, h));
        }
        Images.Size jpeg = jpegFrame(data);
        if (jpeg != null) {
            return Optional.of(jpeg);
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Images.Size(reader.getWidth(0), reader.getHeight(0)));
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            throw new IOException("broken image header: " + e, e);
        }
    }

    /**
     * The size in a JPEG's first frame header (SOF0–SOF15 but DHT, JPG and DAC), found by walking
     * the marker segments; null when the walk meets anything unusual (a height defined later by a
     * DNL marker, a cut-off segment), which the ImageIO reader then judges.
     */
    private static Images.@Nullable Size jpegFrame(byte[] d) {
        if (d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0xD8) {
            return null;
        }
        int at = 2;
        while (at + 4 <= d.length) {
            if ((d[at] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = d[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                at += 2;
                continue;
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return null;
            }
            int length = (d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF;
            if (length < 2) {
                return null;
            }
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                if (at + 9 > d.length || length < 8) {
                    return null;
                }
                int h = (d[at + 5] & 0xFF) << 8 | d[at + 6] & 0xFF;
                int w = (d[at + 7] & 0xFF) << 8 | d[at + 8] & 0xFF;
                return h > 0 && w > 0 ? new Images.Size(w, h) : null;
            }
            at += 2 + length;
        }
        return null;
    }

    private static int readInt(byte[] d, int at) {
        return (d[at] & 0xFF) << 24 | (d[at + 1] & 0xFF) << 16 | (d[at + 2] & 0xFF) << 8 | d[at + 3] & 0xFF;
    }

    private static boolean starts(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((data[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
