package org.articlekit.examples;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Draws the images of the sample articles in {@code examples/articles/images} with Java2D, so the
 * project ships pictures it made itself. Run once and commit the PNGs:
 *
 * <pre>{@code
 * java -cp examples/target/classes org.articlekit.examples.SampleImages examples/articles/images
 * }</pre>
 *
 * <p>The drawings use no randomness, flat colours and few labels (Latin letters and digits only, so
 * no CJK font is needed) to keep every file small.
 */
public final class SampleImages {

    private static final int W = 640;
    private static final int H = 360;
    private static final Color INK = new Color(0x33, 0x3a, 0x44);
    private static final Color GRID = new Color(0xdd, 0xe1, 0xe6);

    private SampleImages() {
    }

    /**
     * @param args the output folder (default {@code examples/articles/images})
     * @throws IOException when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "examples/articles/images");
        Files.createDirectories(dir);
        write(dir, "tomato-harvest.png", tomatoHarvest());
        write(dir, "balcony-sunrise.png", balconySunrise());
        write(dir, "cli-pipeline.png", cliPipeline());
        write(dir, "commute-minutes.png", commuteMinutes());
        write(dir, "route-map.png", routeMap());
        write(dir, "cloud-shapes.png", cloudShapes());
        write(dir, "cloud-heights.png", cloudHeights());
        write(dir, "chore-wheel.png", choreWheel());
    }

    private static void write(Path dir, String name, BufferedImage img) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(img, "png", file.toFile());
        System.out.println(file + " " + Files.size(file) + " bytes");
    }

    private static Graphics2D canvas(BufferedImage img, Color background) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(background);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    private static BufferedImage image() {
        return new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    }

    /** Bar chart: grams of tomatoes picked per month, May to October. */
    static BufferedImage tomatoHarvest() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, Color.WHITE);
        String[] months = {"May", "Jun", "Jul", "Aug", "Sep", "Oct"};
        int[] grams = {0, 420, 1850, 2630, 1410, 360};
        int left = 70;
        int bottom = 310;
        int top = 40;
        double scale = (bottom - top) / 3000.0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int v = 0; v <= 3000; v += 500) {
            int y = bottom - (int) Math.round(v * scale);
            g.setColor(GRID);
            g.drawLine(left, y, W - 30, y);
            g.setColor(INK);
            g.drawString(String.valueOf(v), left - 48, y + 5);
        }
        int slot = (W - 30 - left) / months.length;
        for (int i = 0; i < months.length; i++) {
            int h = (int) Math.round(grams[i] * scale);
            int x = left + i * slot + slot / 4;
            g.setColor(new Color(0xd9, 0x48, 0x3b));
            g.fill(new RoundRectangle2D.Double(x, bottom - h, slot / 2.0, h, 8, 8));
            g.setColor(INK);
            g.drawString(months[i], x + slot / 4 - 14, bottom + 22);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString("g / month", left, 26);
        g.dispose();
        return img;
    }

    /** A sunrise over three planters, in bands of colour. */
    static BufferedImage balconySunrise() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, Color.WHITE);
        Color[] sky = {new Color(0x2c, 0x3e, 0x6b), new Color(0x5b, 0x5f, 0x97), new Color(0xb0, 0x6a, 0x8e),
            new Color(0xef, 0x8a, 0x6f), new Color(0xf9, 0xc0, 0x7a), new Color(0xfc, 0xe3, 0xa6)};
        int band = 250 / sky.length;
        for (int i = 0; i < sky.length; i++) {
            g.setColor(sky[i]);
            g.fillRect(0, i * band, W, band + 1);
        }
        g.setColor(new Color(0xff, 0xd9, 0x66));
        g.fill(new Ellipse2D.Double(400, 170, 120, 120));
        g.setColor(new Color(0x8a, 0x8f, 0x99));
        g.fillRect(0, 250, W, 110);
        g.setColor(new Color(0x6d, 0x72, 0x7c));
        for (int x = 0; x < W; x += 40) {
            g.fillRect(x, 250, 6, 110);
        }
        for (int i = 0; i < 3; i++) {
            int x = 60 + i * 190;
            g.setColor(new Color(0x9c, 0x5b, 0x36));
            g.fill(new RoundRectangle2D.Double(x, 275, 150, 60, 10, 10));
            g.setColor(new Color(0x3f, 0x8f, 0x4a));
            g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int s = 0; s < 3; s++) {
                int sx = x + 30 + s * 45;
                g.drawLine(sx, 275, sx, 175 + s * 12);
                g.fill(new Ellipse2D.Double(sx - 18, 200 + s * 10, 18, 10));
                g.fill(new Ellipse2D.Double(sx, 185 + s * 10, 18, 10));
                g.setColor(new Color(0xd9, 0x48, 0x3b));
                g.fill(new Ellipse2D.Double(sx - 8, 225 + s * 6, 16, 16));
                g.setColor(new Color(0x3f, 0x8f, 0x4a));
            }
        }
        g.dispose();
        return img;
    }

    /** Boxes and arrows: arguments, reading, the article, writing. */
    static BufferedImage cliPipeline() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, new Color(0xf6, 0xf7, 0xf9));
        String[] steps = {"args", "read", "Article", "write", "status"};
        Color[] fills = {new Color(0xe3, 0xec, 0xfa), new Color(0xd6, 0xf0, 0xe0), new Color(0xfd, 0xe8, 0xc8),
            new Color(0xd6, 0xf0, 0xe0), new Color(0xf3, 0xdc, 0xe4)};
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
        int boxW = 96;
        int gap = (W - 40 - steps.length * boxW) / (steps.length - 1);
        for (int i = 0; i < steps.length; i++) {
            int x = 20 + i * (boxW + gap);
            g.setColor(fills[i]);
            g.fill(new RoundRectangle2D.Double(x, 140, boxW, 80, 16, 16));
            g.setColor(INK);
            g.setStroke(new BasicStroke(2));
            g.draw(new RoundRectangle2D.Double(x, 140, boxW, 80, 16, 16));
            int tw = g.getFontMetrics().stringWidth(steps[i]);
            g.drawString(steps[i], x + (boxW - tw) / 2, 186);
            if (i < steps.length - 1) {
                int ax = x + boxW + 4;
                int bx = x + boxW + gap - 4;
                g.drawLine(ax, 180, bx, 180);
                Path2D head = new Path2D.Double();
                head.moveTo(bx, 180);
                head.lineTo(bx - 9, 174);
                head.lineTo(bx - 9, 186);
                head.closePath();
                g.fill(head);
            }
        }
        g.setColor(new Color(0xc0, 0x39, 0x2b));
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1, new float[] {6, 6}, 0));
        g.drawLine(20 + 1 * (boxW + gap) + boxW / 2, 220, 20 + 1 * (boxW + gap) + boxW / 2, 290);
        g.drawLine(20 + 1 * (boxW + gap) + boxW / 2, 290, 20 + 4 * (boxW + gap) + boxW / 2, 290);
        g.drawLine(20 + 4 * (boxW + gap) + boxW / 2, 290, 20 + 4 * (boxW + gap) + boxW / 2, 224);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 14));
        g.drawString("stderr: articlekit: error: FILE:LINE: ...", 150, 318);
        g.dispose();
        return img;
    }

    /** Line chart: minutes door to door on 20 working days, bus against bike. */
    static BufferedImage commuteMinutes() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, Color.WHITE);
        int[] bus = {42, 39, 47, 41, 38, 44, 52, 40, 39, 41, 37, 45, 43, 40, 38, 49, 41, 39, 36, 40};
        int[] bike = {33, 34, 32, 35, 33, 31, 34, 33, 36, 32, 33, 34, 32, 31, 33, 35, 32, 33, 34, 32};
        int left = 60;
        int right = W - 30;
        int top = 40;
        int bottom = 310;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int v = 20; v <= 60; v += 10) {
            int y = bottom - (v - 20) * (bottom - top) / 40;
            g.setColor(GRID);
            g.drawLine(left, y, right, y);
            g.setColor(INK);
            g.drawString(String.valueOf(v), left - 30, y + 5);
        }
        g.drawString("min", 20, 26);
        g.drawString("day 1", left - 10, bottom + 24);
        g.drawString("day 20", right - 40, bottom + 24);
        plot(g, bus, new Color(0x1f, 0x77, 0xb4), left, right, top, bottom);
        plot(g, bike, new Color(0x2c, 0xa0, 0x2c), left, right, top, bottom);
        g.setColor(new Color(0x1f, 0x77, 0xb4));
        g.fillRect(400, 18, 14, 14);
        g.setColor(new Color(0x2c, 0xa0, 0x2c));
        g.fillRect(500, 18, 14, 14);
        g.setColor(INK);
        g.drawString("bus", 420, 30);
        g.drawString("bike", 520, 30);
        g.dispose();
        return img;
    }

    private static void plot(Graphics2D g, int[] values, Color c, int left, int right, int top, int bottom) {
        Path2D line = new Path2D.Double();
        for (int i = 0; i < values.length; i++) {
            double x = left + i * (right - left) / (double) (values.length - 1);
            double y = bottom - (values[i] - 20) * (bottom - top) / 40.0;
            if (i == 0) {
                line.moveTo(x, y);
            } else {
                line.lineTo(x, y);
            }
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setStroke(new BasicStroke(1));
    }

    /** An abstract route map: two bus lines, their stops and a transfer. */
    static BufferedImage routeMap() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, new Color(0xfb, 0xfa, 0xf5));
        g.setColor(new Color(0xe4, 0xee, 0xd9));
        g.fill(new Ellipse2D.Double(380, 30, 220, 130));
        g.setColor(new Color(0xd4, 0xe6, 0xf1));
        g.fillRect(0, 300, W, 60);
        int[][] red = {{40, 80}, {180, 80}, {260, 160}, {420, 160}, {600, 160}};
        int[][] blue = {{120, 300}, {260, 160}, {300, 60}};
        route(g, red, new Color(0xd6, 0x27, 0x28));
        route(g, blue, new Color(0x1f, 0x77, 0xb4));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(248, 148, 24, 24));
        g.setColor(INK);
        g.setStroke(new BasicStroke(4));
        g.draw(new Ellipse2D.Double(248, 148, 24, 24));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Line 12", 50, 66);
        g.drawString("Line 7", 130, 290);
        g.drawString("transfer", 280, 190);
        g.dispose();
        return img;
    }

    private static void route(Graphics2D g, int[][] points, Color c) {
        Path2D p = new Path2D.Double();
        p.moveTo(points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) {
            p.lineTo(points[i][0], points[i][1]);
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
        for (int[] pt : points) {
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(pt[0] - 7, pt[1] - 7, 14, 14));
            g.setColor(c);
            g.setStroke(new BasicStroke(3));
            g.draw(new Ellipse2D.Double(pt[0] - 7, pt[1] - 7, 14, 14));
        }
    }

    /** Three cloud types drawn from circles on a sky gradient. */
    static BufferedImage cloudShapes() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, Color.WHITE);
        g.setPaint(new GradientPaint(0, 0, new Color(0x4a, 0x90, 0xd9), 0, H, new Color(0xbf, 0xe0, 0xf7)));
        g.fillRect(0, 0, W, H);
        g.setColor(Color.WHITE);
        int[][] cumulus = {{80, 230, 70}, {130, 200, 90}, {200, 215, 80}, {250, 235, 60}};
        for (int[] c : cumulus) {
            g.fill(new Ellipse2D.Double(c[0], c[1], c[2], c[2]));
        }
        g.fillRect(95, 260, 200, 40);
        g.setColor(new Color(255, 255, 255, 200));
        for (int i = 0; i < 5; i++) {
            g.fill(new RoundRectangle2D.Double(330 + i * 18, 170 + i * 6, 240 - i * 30, 14, 14, 14));
        }
        g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(new Color(255, 255, 255, 220));
        for (int i = 0; i < 6; i++) {
            Path2D wisp = new Path2D.Double();
            wisp.moveTo(300 + i * 40, 70 + (i % 2) * 10);
            wisp.curveTo(330 + i * 40, 40, 360 + i * 40, 50, 380 + i * 40, 30 + (i % 3) * 8);
            g.draw(wisp);
        }
        g.dispose();
        return img;
    }

    /** Horizontal bands: the heights at which low, middle and high clouds form. */
    static BufferedImage cloudHeights() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, Color.WHITE);
        String[] names = {"high: cirrus", "middle: altostratus", "low: cumulus, stratus"};
        double[][] km = {{6, 12}, {2, 7}, {0, 2}};
        Color[] colors = {new Color(0xc6, 0xdb, 0xef), new Color(0x9e, 0xca, 0xe1), new Color(0x6b, 0xae, 0xd6)};
        int left = 70;
        int right = W - 20;
        int bottom = 320;
        int top = 30;
        double perKm = (bottom - top) / 12.0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int k = 0; k <= 12; k += 2) {
            int y = bottom - (int) Math.round(k * perKm);
            g.setColor(GRID);
            g.drawLine(left, y, right, y);
            g.setColor(INK);
            g.drawString(k + " km", 18, y + 5);
        }
        for (int i = 0; i < names.length; i++) {
            int y1 = bottom - (int) Math.round(km[i][1] * perKm);
            int y2 = bottom - (int) Math.round(km[i][0] * perKm);
            int x = left + 20 + i * 170;
            g.setColor(colors[i]);
            g.fill(new RoundRectangle2D.Double(x, y1, 150, y2 - y1, 12, 12));
            g.setColor(INK);
            g.drawString(names[i], x + 6, y1 + 20);
        }
        g.dispose();
        return img;
    }

    /** A pie chart: who cleans what in a shared kitchen over four weeks. */
    static BufferedImage choreWheel() {
        BufferedImage img = image();
        Graphics2D g = canvas(img, Color.WHITE);
        String[] labels = {"dishes", "floor", "fridge", "bins"};
        double[] share = {40, 25, 15, 20};
        Color[] colors = {new Color(0xf2, 0x8e, 0x2b), new Color(0x4e, 0x79, 0xa7), new Color(0x59, 0xa1, 0x4f),
            new Color(0xe1, 0x57, 0x59)};
        double start = 90;
        for (int i = 0; i < share.length; i++) {
            double extent = -share[i] * 3.6;
            g.setColor(colors[i]);
            g.fill(new Arc2D.Double(60, 40, 280, 280, start, extent, Arc2D.PIE));
            start += extent;
        }
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Double(150, 130, 100, 100));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        for (int i = 0; i < labels.length; i++) {
            g.setColor(colors[i]);
            g.fillRect(400, 100 + i * 40, 22, 22);
            g.setColor(INK);
            g.drawString(labels[i] + "  " + (int) share[i] + "%", 434, 117 + i * 40);
        }
        g.dispose();
        return img;
    }
}
