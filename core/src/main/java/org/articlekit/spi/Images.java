package org.articlekit.spi;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.articlekit.Limits;
import org.articlekit.Resource;
import org.articlekit.internal.io.ImageProbe;
import org.articlekit.internal.io.LocalFileResolver;

/**
 * Image operations writers share: a picture's declared size, and scaling large pictures down for e-books.
 *
 * <pre>{@code
 * Resource small = Images.fitWithin(resource, 2000);
 * }</pre>
 */
public final class Images {

    private Images() {
    }

    /**
     * A picture's size as its header declares it.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     */
    public record Size(int width, int height) {
    }

    /**
     * Reads a raster picture's declared width and height from its header, without decoding it
     * (PNG and JPEG headers directly, other types through an ImageIO reader).
     *
     * @param data the picture's bytes
     * @return the size, or empty when no header reader knows the format (SVG, WebP) or the header is broken
     */
    public static Optional<Size> size(byte[] data) {
        try {
            return ImageProbe.dimensions(data);
        } catch (IOException e) {
            // a broken header gives no size; the caller keeps what it had
            return Optional.empty();
        }
    }

    /**
     * Checks bytes from an untrusted place (a {@code data:} address, an archive) the way every
     * resolver checks an image, without decoding it: its magic bytes must name an image type (PNG,
     * JPEG, GIF, WebP, BMP, SVG) and its header may declare at most {@link Limits#maxPixels()}
     * pixels, so that a small file that would expand into gigabytes of pixels in a reader is refused.
     *
     * @param reference where the bytes came from, for the error
     * @param data the content
     * @param limits the pixel limit
     * @return the media type the magic bytes name
     * @throws ResourceUnavailableException naming the reference, when the bytes are not such an image
     */
    public static String check(String reference, byte[] data, Limits limits) throws ResourceUnavailableException {
        return LocalFileResolver.imageType(reference, data, limits);
    }

    /**
     * Scales a PNG or JPEG image down so that its longer side is at most {@code maxSide} pixels,
     * keeping its aspect ratio, type and source reference, within the default limits; see
     * {@link #fitWithin(Resource, int, Limits)}.
     *
     * @param image the image
     * @param maxSide the longest side allowed, in pixels; 0 or less keeps every image as it is
     * @return the image, scaled when it was larger
     * @throws ResourceUnavailableException when the image declares more pixels than the default limit
     * @throws IOException when encoding the scaled image fails
     */
    public static Resource fitWithin(Resource image, int maxSide) throws IOException {
        return fitWithin(image, maxSide, Limits.defaults());
    }

    /**
     * Scales a PNG or JPEG image down so that its longer side is at most {@code maxSide} pixels,
     * keeping its aspect ratio, type and source reference. First, whatever the image came from (a file,
     * a page, a book that was read, code), the size its header declares is checked against
     * {@link Limits#maxPixels()}, so that no image is decoded, or passed on, over that budget. Smaller
     * images, other types (GIF, which may be animated; WebP; SVG) and images the JDK cannot decode are
     * returned unchanged.
     *
     * @param image the image
     * @param maxSide the longest side allowed, in pixels; 0 or less keeps every image within the budget as it is
     * @param limits the pixel budget
     * @return the image, scaled when it was larger
     * @throws ResourceUnavailableException when the image declares more pixels than {@code limits} allow
     * @throws IOException when encoding the scaled image fails
     */
    public static Resource fitWithin(Resource image, int maxSide, Limits limits) throws IOException {
        String type = image.mediaType();
        if (!type.startsWith("image/") || type.equals("image/svg+xml")) {
            return image;
        }
        byte[] data = image.bytes();
        int width;
        int height;
        try {
            Optional<Size> size = ImageProbe.dimensions(data);
            if (size.isEmpty()) {
                return image;
            }
            width = size.get().width();
            height = size.get().height();
        } catch (IOException e) {
            // An image whose header the JDK cannot read is kept as it is (see above).
            return image;
        }
        if ((long) width * height > limits.maxPixels()) {
            throw new ResourceUnavailableException(image.source().orElse(image.name()), "declares "
                    + (long) width * height + " pixels, over the limit of " + limits.maxPixels());
        }
        if (maxSide <= 0 || !(type.equals("image/png") || type.equals("image/jpeg"))) {
            return image;
        }
        if (Math.max(width, height) <= maxSide) {
            return image;
        }
        BufferedImage source;
        try {
            source = ImageIO.read(new MemoryCacheImageInputStream(new ByteArrayInputStream(data)));
        } catch (IOException | RuntimeException e) {
            return image;
        }
        if (source == null) {
            return image;
        }
        double scale = (double) maxSide / Math.max(width, height);
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        boolean jpeg = type.equals("image/jpeg");
        BufferedImage target = new BufferedImage(w, h, jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (jpeg) {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam p = writer.getDefaultWriteParam();
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.88f);
                writer.write(null, new IIOImage(target, null, null), p);
            } finally {
                writer.dispose();
            }
        } else {
            try (ImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                ImageIO.write(target, "png", ios);
            }
        }
        return Resource.of(out.toByteArray(), type, image.source().orElse(null));
    }
}
