package org.articlekit.epub.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * Draws a book's cover with Java2D: a coloured ground chosen from the title, decorative bands, and
 * the title, authors and dates in the bundled Noto Sans SC, or an installed font when that one
 * lacks a character ({@link CoverFont}). Without any usable font the cover still has its ground and
 * bands, so it is never blank; a warning says what is missing.
 */
final class CoverPainter {

    private CoverPainter() {
    }

    /**
     * @param title the book's title
     * @param authors the authors line, possibly empty
     * @param dates the dates line, possibly empty
     * @param width the width in pixels
     * @param height the height in pixels
     * @param ctx for warnings
     * @return the PNG bytes
     * @throws IOException when the image cannot be encoded, or a warning fails in strict mode
     */
    static byte[] paint(String title, String authors, String dates, int width, int height, ConversionContext ctx)
            throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            float hue = (Arrays.hashCode(title.getBytes(StandardCharsets.UTF_8)) & 0xffff) / 65536f;
            Color ground = Color.getHSBColor(hue, 0.55f, 0.32f);
            Color accent = Color.getHSBColor((hue + 0.5f) % 1f, 0.45f, 0.85f);
            g.setColor(ground);
            g.fillRect(0, 0, width, height);
            g.setColor(accent);
            int margin = width / 12;
            g.fillRect(0, height * 7 / 10, width, Math.max(4, height / 60));
            g.fillRect(margin, margin, width - 2 * margin, Math.max(2, height / 300));
            g.setStroke(new BasicStroke(Math.max(2f, width / 300f)));
            g.drawRect(margin / 2, margin / 2, width - margin, height - margin);
            String problem = drawText(g, title, authors, dates, width, height, margin);
            if (problem != null) {
                ctx.warn("cover.font", 0, problem);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new ArticleFormatException(ctx.sourceName().orElse(null), "this Java runtime cannot write PNG images");
        }
        ImageWriter writer = writers.next();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam p = writer.getDefaultWriteParam();
            if (p.canWriteCompressed()) {
                // The JDK writer's default is its slowest, tightest deflate level; a flat drawing gains little from it.
                p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                p.setCompressionQuality(0.75f);
            }
            writer.write(null, new IIOImage(img, null, null), p);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Draws the text; returns what went wrong, or null. */
    private static @Nullable String drawText(Graphics2D g, String title, String authors, String dates, int width,
            int height, int margin) {
        try {
            CoverFont.Choice faces = CoverFont.pick(title + authors + dates);
            g.setColor(Color.WHITE);
            int textWidth = width - 2 * margin;
            float size = width / 11f;
            List<String> lines;
            CoverFont.Sized titleFace;
            do {
                titleFace = faces.bold().at(size, g);
                lines = wrap(title, titleFace::width, textWidth);
                size *= 0.9f;
            } while (lines.size() > 6 && size > 12);
            int y = height / 5 + titleFace.ascent();
            for (String line : lines) {
                titleFace.draw(g, line, margin, y);
                y += titleFace.lineHeight();
            }
            CoverFont.Sized small = faces.regular().at(width / 26f, g);
            int y2 = height * 7 / 10 + height / 60 + small.lineHeight() + height / 40;
            for (String line : wrap(authors, small::width, textWidth)) {
                if (y2 > height - margin) {
                    break;
                }
                small.draw(g, line, margin, y2);
                y2 += small.lineHeight();
            }
            if (!dates.isEmpty() && y2 <= height - margin) {
                small.draw(g, dates, margin, y2 + small.lineHeight() / 2);
            }
            return faces.problem();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError v && !(e instanceof InternalError)) {
                throw v;
            }
            // Java2D without any font (a bare container, no bundled font) fails with an InternalError; the
            // ground and bands remain.
            return "the generated cover has no text: it cannot be drawn on this system (" + e + ")";
        }
    }

    /** Breaks text into lines that fit, at word boundaries (between any two CJK characters). */
    static List<String> wrap(String text, ToIntFunction<String> fm, int width) {
        List<String> lines = new ArrayList<>();
        if (text.isBlank()) {
            return lines;
        }
        BreakIterator it = BreakIterator.getLineInstance(Locale.ROOT);
        it.setText(text);
        StringBuilder line = new StringBuilder();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String piece = text.substring(start, end);
            if (line.length() > 0 && fm.applyAsInt(line + piece.stripTrailing()) > width) {
                lines.add(line.toString().strip());
                line.setLength(0);
            }
            // A piece wider than the line on its own is cut by characters.
            while (fm.applyAsInt(piece.stripTrailing()) > width && piece.length() > 1) {
                int cut = piece.length() - 1;
                while (cut > 1 && fm.applyAsInt(piece.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(piece.substring(0, cut));
                piece = piece.substring(cut);
            }
            line.append(piece);
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        return lines;
    }
}
