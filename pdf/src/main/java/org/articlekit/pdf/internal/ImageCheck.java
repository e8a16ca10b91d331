package org.articlekit.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads only an image's header to decide whether the renderer may decode it: a PNG, JPEG or GIF
 * whose pixel count is within the limit (an image bomb never reaches the decoder).
 */
final class ImageCheck {

    private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

    private ImageCheck() {
    }

    /**
     * @param data the image bytes
     * @param maxPixels the pixel budget
     * @return whether the image is a supported format within the budget
     */
    static boolean usable(byte[] data, long maxPixels) {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
                    return false;
                }
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                return pixels > 0 && pixels <= maxPixels;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // a header ImageIO cannot read is an unusable image; the caller warns
            return false;
        }
    }
}
