package org.articlekit.benchmarks;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Generates Hexo-style posts for the benchmarks: 300–3,000 characters of mixed Chinese and English
 * with headings, lists, a table, code and links, and one or two 20–100 KB PNG images each. The
 * same seed gives the same posts.
 *
 * <p>Usage: {@code PostGenerator DIR COUNT [md|html]}. Posts go to {@code DIR}, images to
 * {@code DIR/images}.
 */
public final class PostGenerator {

    private static final String[] ZH = {"城市", "早晨", "地铁", "咖啡", "阳台", "番茄", "雨季", "图书馆", "自行车", "夜市",
        "江边", "码头", "公园", "老街", "邻居", "厨房", "周末", "远行", "火车", "山路", "晚霞", "市场", "面包", "茶馆"};
    private static final String[] EN = {"river", "morning", "train", "garden", "market", "window", "bridge", "coffee",
        "library", "harbour", "street", "bicycle", "evening", "notebook", "kitchen", "festival"};
    private static final String[] PUNCT = {"，", "，", "、", "。", "；", "！", "？"};

    private PostGenerator() {
    }

    /**
     * @param args {@code DIR COUNT [md|html]}
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PostGenerator DIR COUNT [md|html]");
            System.exit(2);
        }
        generate(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? args[2] : "md");
    }

    /**
     * @param dir where the posts go
     * @param count how many
     * @param kind {@code md} or {@code html}
     * @throws IOException when writing fails
     */
    public static void generate(Path dir, int count, String kind) throws IOException {
        Files.createDirectories(dir.resolve("images"));
        Random r = new Random(42);
        byte[][] images = new byte[12][];
        for (int i = 0; i < images.length; i++) {
            images[i] = png(r, 20_000 + r.nextInt(80_000));
        }
        LocalDateTime start = LocalDateTime.of(2020, 1, 1, 8, 0);
        for (int n = 0; n < count; n++) {
            String name = String.format("post-%05d", n);
            int imageCount = 1 + r.nextInt(2);
            String[] srcs = new String[imageCount];
            for (int k = 0; k < imageCount; k++) {
                String file = name + "-" + k + ".png";
                Files.write(dir.resolve("images").resolve(file), images[r.nextInt(images.length)]);
                srcs[k] = "images/" + file;
            }
            String title = word(r, ZH) + word(r, ZH) + "与" + word(r, EN) + " " + (n + 1);
            String date = start.plusHours(7L * n).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            StringBuilder md = new StringBuilder();
            int target = 300 + r.nextInt(2_700);
            md.append("## ").append(word(r, ZH)).append(word(r, ZH)).append("\n\n");
            int img = 0;
            while (md.length() < target) {
                switch (r.nextInt(8)) {
                    case 0 -> md.append("- ").append(sentence(r)).append("\n- ").append(sentence(r)).append("\n- ")
                            .append(sentence(r)).append("\n\n");
                    case 1 -> md.append("| ").append(word(r, EN)).append(" | ").append(word(r, ZH))
                            .append(" |\n|---|---|\n| ").append(r.nextInt(100)).append(" | ").append(word(r, ZH))
                            .append(" |\n| ").append(r.nextInt(100)).append(" | ").append(word(r, EN)).append(" |\n\n");
                    case 2 -> md.append("```java\nint total = ").append(r.nextInt(1000))
                            .append(";\nSystem.out.println(total);\n```\n\n");
                    case 3 -> md.append("### ").append(word(r, ZH)).append(word(r, EN)).append("\n\n");
                    case 4 -> {
                        if (img < srcs.length) {
                            md.append("![").append(word(r, ZH)).append("](").append(srcs[img++]).append(")\n\n");
                        } else {
                            md.append(sentence(r)).append("\n\n");
                        }
                    }
                    default -> md.append(sentence(r)).append("见 [").append(word(r, EN))
                            .append("](https://example.org/").append(word(r, EN)).append(")。").append(sentence(r))
                            .append("\n\n");
                }
            }
            while (img < srcs.length) {
                md.append("![").append(word(r, ZH)).append("](").append(srcs[img++]).append(")\n\n");
            }
            String tags = word(r, ZH) + ", " + word(r, EN);
            if (kind.equals("html")) {
                Files.writeString(dir.resolve(name + ".html"), html(title, date, tags, md.toString()),
                        StandardCharsets.UTF_8);
            } else {
                String fm = "---\ntitle: " + title + "\ndate: " + date + "\nauthor: 作者" + (n % 7)
                        + "\ncategories:\n  - 随笔\n  - " + word(r, ZH) + "\ntags: [" + tags + "]\n---\n\n";
                Files.writeString(dir.resolve(name + ".md"), fm + md, StandardCharsets.UTF_8);
            }
        }
    }

    /** A crude Markdown-to-HTML rendering of the generated subset, so HTML posts need no Markdown parser. */
    private static String html(String title, String date, String tags, String md) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><meta name=\"keywords\" content=\"").append(tags)
                .append("\"><meta property=\"article:published_time\" content=\"").append(date.replace(' ', 'T'))
                .append("+08:00\"></head><body><article><h1>").append(title).append("</h1>\n");
        for (String block : md.split("\n\n")) {
            if (block.startsWith("## ")) {
                b.append("<h2>").append(block.substring(3)).append("</h2>\n");
            } else if (block.startsWith("### ")) {
                b.append("<h3>").append(block.substring(4)).append("</h3>\n");
            } else if (block.startsWith("- ")) {
                b.append("<ul>");
                for (String li : block.split("\n")) {
                    b.append("<li>").append(li.substring(2)).append("</li>");
                }
                b.append("</ul>\n");
            } else if (block.startsWith("```")) {
                b.append("<pre><code class=\"language-java\">")
                        .append(block.replace("```java\n", "").replace("```", "")).append("</code></pre>\n");
            } else if (block.startsWith("| ")) {
                b.append("<table>");
                for (String row : block.split("\n")) {
                    if (!row.startsWith("|---")) {
                        b.append("<tr><td>").append(row.replaceAll("^\\| | \\|$", "").replace(" | ", "</td><td>"))
                                .append("</td></tr>");
                    }
                }
                b.append("</table>\n");
            } else if (block.startsWith("![")) {
                int close = block.indexOf("](");
                b.append("<p><img alt=\"").append(block, 2, close).append("\" src=\"")
                        .append(block, close + 2, block.length() - 1).append("\"></p>\n");
            } else {
                b.append("<p>").append(block.replaceAll("\\[([^]]+)]\\(([^)]+)\\)", "<a href=\"$2\">$1</a>"))
                        .append("</p>\n");
            }
        }
        return b.append("</article></body></html>\n").toString();
    }

    private static String word(Random r, String[] words) {
        return words[r.nextInt(words.length)];
    }

    private static String sentence(Random r) {
        StringBuilder s = new StringBuilder();
        int parts = 3 + r.nextInt(6);
        for (int i = 0; i < parts; i++) {
            s.append(r.nextInt(4) == 0 ? " " + word(r, EN) + " " : word(r, ZH) + word(r, ZH));
            s.append(i == parts - 1 ? "。" : PUNCT[r.nextInt(3)]);
        }
        return s.toString().replace("  ", " ");
    }

    private static byte[] png(Random r, int approxBytes) throws IOException {
        int side = (int) Math.sqrt(approxBytes / 1.2);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(r.nextInt(0xFFFFFF)), side, side, new Color(r.nextInt(0xFFFFFF))));
        g.fillRect(0, 0, side, side);
        for (int i = 0; i < 40; i++) {
            g.setColor(new Color(r.nextInt(0xFFFFFF)));
            g.fillOval(r.nextInt(side), r.nextInt(side), 5 + r.nextInt(side / 4), 5 + r.nextInt(side / 4));
        }
        for (int i = 0; i < side * side / 6; i++) {
            img.setRGB(r.nextInt(side), r.nextInt(side), r.nextInt(0xFFFFFF));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
