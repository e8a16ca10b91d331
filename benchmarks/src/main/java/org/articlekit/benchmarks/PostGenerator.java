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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates Hexo-style posts for the benchmarks, deterministically from a seed.
 *
 * <p>Each post has YAML front matter (title, date, author, categories, tags, cover) and a body of
 * about 300–3,000 characters of mixed Chinese and English: headings, a list, a table, a code block,
 * a block quote, links, inline emphasis and code, footnotes in about a third of the posts, and raw
 * HTML figures holding one or two local 20–100 KB PNG or JPEG images. The same article is also
 * available as a bare HTML article and as a whole blog page (navigation, sidebar, comments and
 * footer boilerplate around the article), so the Markdown and HTML workloads hold the same text.
 *
 * <p>Post {@code n} depends only on the seed and {@code n}: the first 100 of 1,000 posts are the
 * 100 posts. Images come from a pool of twelve drawn from the seed; every post gets its own copies
 * under {@code images/}, each with a comment naming it, so that every image file has bytes of its own
 * (a writer cannot store a picture once for many posts, as it could if the copies were identical).
 *
 * <p>Usage: {@code PostGenerator DIR COUNT [md|html|pages] [SEED]} (default {@code md}, seed 42).
 * {@code md} writes {@code post-NNNNN.md}, {@code html} a bare {@code <article>} page per post and
 * {@code pages} whole blog pages, all as {@code DIR/post-NNNNN.*} with images in
 * {@code DIR/images}. In memory: {@code new PostGenerator(seed).post(n)}.
 */
public final class PostGenerator {

    /** The seed the scripts use. */
    public static final long DEFAULT_SEED = 42;

    private static final String[] ZH = {"城市", "早晨", "地铁", "咖啡", "阳台", "番茄", "雨季", "图书馆", "自行车", "夜市",
        "江边", "码头", "公园", "老街", "邻居", "厨房", "周末", "远行", "火车", "山路", "晚霞", "市场", "面包", "茶馆"};
    private static final String[] EN = {"river", "morning", "train", "garden", "market", "window", "bridge", "coffee",
        "library", "harbour", "street", "bicycle", "evening", "notebook", "kitchen", "festival"};
    private static final String[] PUNCT = {"，", "，", "、", "。", "；", "！", "？"};
    private static final String[] CATEGORIES = {"随笔", "旅行", "技术", "读书", "生活", "摄影"};
    private static final DateTimeFormatter HEXO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int POOL = 12;

    /** One generated post in its three forms, with the images it references. */
    public record Post(int index, String name, String title, String date, String author, List<String> categories,
            List<String> tags, String cover, String markdown, String bodyHtml, String articleHtml, String page,
            Map<String, byte[]> images) {

        /**
         * @param kind {@code md}, {@code html} or {@code pages}
         * @return the post's text in that form
         */
        public String text(String kind) {
            return switch (kind) {
                case "md" -> markdown;
                case "html" -> articleHtml;
                case "pages" -> page;
                default -> throw new IllegalArgumentException("kind must be md, html or pages: " + kind);
            };
        }

        /**
         * @param kind {@code md}, {@code html} or {@code pages}
         * @return the file name of the post in that form
         */
        public String fileName(String kind) {
            return name + (kind.equals("md") ? ".md" : ".html");
        }
    }

    private final long seed;
    private final byte[][] pool = new byte[POOL][];
    private final boolean[] jpeg = new boolean[POOL];

    /**
     * Draws the image pool; posts are made on demand.
     *
     * @param seed the seed
     */
    public PostGenerator(long seed) {
        this.seed = seed;
        Random r = new Random(seed);
        try {
            for (int i = 0; i < POOL; i++) {
                jpeg[i] = i % 2 == 1;
                int target = 25_000 + r.nextInt(70_000);
                pool[i] = jpeg[i] ? jpeg(new Random(r.nextLong()), target) : png(new Random(r.nextLong()), target);
            }
        } catch (IOException e) {
            throw new IllegalStateException("images could not be encoded", e);
        }
    }

    /**
     * @param args {@code DIR COUNT [md|html|pages] [SEED]}
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: PostGenerator DIR COUNT [md|html|pages] [SEED]");
            System.exit(2);
        }
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        generate(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? args[2] : "md", seed);
    }

    /**
     * Writes {@code count} posts with the default seed.
     *
     * @param dir where the posts go
     * @param count how many
     * @param kind {@code md}, {@code html} or {@code pages}
     * @throws IOException when writing fails
     */
    public static void generate(Path dir, int count, String kind) throws IOException {
        generate(dir, count, kind, DEFAULT_SEED);
    }

    /**
     * Writes {@code count} posts: {@code DIR/post-NNNNN.md} or {@code .html}, images in {@code DIR/images}.
     *
     * @param dir where the posts go
     * @param count how many
     * @param kind {@code md}, {@code html} or {@code pages}
     * @param seed the seed
     * @throws IOException when writing fails
     */
    public static void generate(Path dir, int count, String kind, long seed) throws IOException {
        if (!List.of("md", "html", "pages").contains(kind)) {
            throw new IllegalArgumentException("kind must be md, html or pages: " + kind);
        }
        Files.createDirectories(dir.resolve("images"));
        PostGenerator g = new PostGenerator(seed);
        for (int n = 0; n < count; n++) {
            Post p = g.post(n);
            for (Map.Entry<String, byte[]> e : p.images().entrySet()) {
                Files.write(dir.resolve(e.getKey()), e.getValue());
            }
            Files.writeString(dir.resolve(p.fileName(kind)), p.text(kind), StandardCharsets.UTF_8);
        }
    }

    /**
     * @param count how many
     * @return posts {@code 0 .. count-1}
     */
    public List<Post> posts(int count) {
        List<Post> posts = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            posts.add(post(n));
        }
        return posts;
    }

    /**
     * @param n the post's index
     * @return post {@code n}; the same for the same seed and index
     */
    public Post post(int n) {
        Random r = new Random(mix(seed * 0x9E3779B97F4A7C15L + n));
        String name = String.format(Locale.ROOT, "post-%05d", n);
        Map<String, byte[]> images = new LinkedHashMap<>();
        int imageCount = 1 + r.nextInt(2);
        for (int k = 0; k < imageCount; k++) {
            int which = r.nextInt(POOL);
            String file = name + "-" + k + (jpeg[which] ? ".jpg" : ".png");
            images.put("images/" + file, unique(pool[which], jpeg[which], file));
        }
        List<String> srcs = new ArrayList<>(images.keySet());
        String title = word(r, ZH) + word(r, ZH) + "与" + word(r, EN) + " " + (n + 1);
        String date = LocalDateTime.of(2020, 1, 1, 8, 0).plusHours(7L * n).format(HEXO_DATE);
        String author = "作者" + (n % 7);
        List<String> categories = List.of(CATEGORIES[n % CATEGORIES.length], word(r, ZH));
        List<String> tags = List.of(word(r, ZH), word(r, EN));
        String cover = srcs.get(0);

        Body b = new Body(r);
        int target = 300 + r.nextInt(2_701); // characters of text, as a reader sees them
        b.small = target < 900;
        boolean footnotes = n % 3 == 0;
        // Every post has each kind of block once, in a shuffled order, with paragraphs between them
        // until the Markdown body reaches its target length.
        List<Runnable> required = new ArrayList<>(List.of(b::list, b::table, b::code, b::quote));
        for (int k = 0; k < srcs.size(); k++) {
            String src = srcs.get(k);
            required.add(() -> b.figure(src));
        }
        Collections.shuffle(required, r);
        b.heading(2);
        b.paragraph(footnotes);
        b.count();
        int left = required.size();
        for (Runnable block : required) {
            block.run();
            b.count();
            left--;
            int share = (target - b.text) / (left + 1);
            while (share > 0 && b.text < target) {
                int before = b.text;
                if (r.nextInt(5) == 0) {
                    b.heading(3);
                }
                b.paragraph(footnotes && r.nextInt(3) == 0);
                b.count();
                share -= b.text - before;
            }
        }
        b.endFootnotes();

        String markdown = "---\ntitle: " + title + "\ndate: " + date + "\nauthor: " + author + "\ncategories:\n  - "
                + categories.get(0) + "\n  - " + categories.get(1) + "\ntags: [" + String.join(", ", tags)
                + "]\ncover: " + cover + "\n---\n\n" + b.md;
        String bodyHtml = b.html.toString();
        String iso = date.replace(' ', 'T') + "+08:00";
        String article = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><meta name=\"keywords\" content=\"" + esc(String.join(",", tags))
                + "\"><meta name=\"author\" content=\"" + esc(author)
                + "\"><meta property=\"article:published_time\" content=\"" + iso + "\"></head>\n<body><article><h1>"
                + esc(title) + "</h1>\n" + bodyHtml + "</article></body></html>\n";
        String page = page(n, r, title, iso, author, categories, tags, cover, bodyHtml);
        return new Post(n, name, title, date, author, categories, tags, cover, markdown, bodyHtml, article, page,
                Collections.unmodifiableMap(images));
    }

    /**
     * @param reference an image reference of a post, such as {@code images/post-00003-1.jpg}
     * @return its bytes, or {@code null} when no post of this generator uses that name
     */
    public byte[] image(String reference) {
        String name = reference.startsWith("images/") ? reference.substring(7) : reference;
        int dash = name.lastIndexOf('-');
        if (!name.startsWith("post-") || dash < 0) {
            return null;
        }
        try {
            Post p = post(Integer.parseInt(name.substring(5, dash)));
            return p.images().get("images/" + name);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The body in Markdown and the same body in HTML, written side by side. */
    private static final class Body {
        final StringBuilder md = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<String> notes = new ArrayList<>();
        final Random r;
        /** Characters of text so far (without markup), which the target length counts. */
        int text;
        /** Short posts get the small form of each block. */
        boolean small;
        private int counted;

        /** Adds the text of the HTML written since the last call to {@link #text}. */
        void count() {
            String added = html.substring(counted).replaceAll("<[^>]*>", "").replaceAll("&[a-z]+;", "x");
            text += added.replaceAll("\\s+", " ").strip().length();
            counted = html.length();
        }

        Body(Random r) {
            this.r = r;
        }

        void heading(int level) {
            String text = word(r, ZH) + word(r, ZH) + (r.nextBoolean() ? " " + word(r, EN) : "");
            md.append("#".repeat(level)).append(' ').append(text).append("\n\n");
            html.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append(">\n");
        }

        void paragraph(boolean footnote) {
            String first = sentence(r);
            md.append(first);
            html.append("<p>").append(esc(first));
            int extra = small ? r.nextInt(2) : 1 + r.nextInt(4);
            for (int i = 0; i < extra; i++) {
                switch (r.nextInt(5)) {
                    case 0 -> {
                        String w = word(r, EN);
                        md.append("见 [").append(w).append("](https://example.org/").append(w).append(")。");
                        html.append("见 <a href=\"https://example.org/").append(w).append("\">").append(w)
                                .append("</a>。");
                    }
                    case 1 -> {
                        String w = word(r, ZH) + word(r, ZH);
                        md.append("**").append(w).append("**");
                        html.append("<strong>").append(w).append("</strong>");
                    }
                    case 2 -> {
                        String w = word(r, EN) + "()";
                        md.append('`').append(w).append('`');
                        html.append("<code>").append(w).append("</code>");
                    }
                    default -> {
                    }
                }
                String s = sentence(r);
                md.append(s);
                html.append(esc(s));
            }
            if (footnote) {
                int k = notes.size() + 1;
                notes.add(sentence(r));
                md.append("[^").append(k).append(']');
                // the markup of markdown-it-footnote, which Hexo's renderers use
                html.append("<sup class=\"footnote-ref\"><a href=\"#fn").append(k).append("\" id=\"fnref").append(k)
                        .append("\">[").append(k).append("]</a></sup>");
            }
            md.append("\n\n");
            html.append("</p>\n");
        }

        void list() {
            boolean ordered = r.nextInt(3) == 0;
            int items = small ? 2 : 2 + r.nextInt(4);
            html.append(ordered ? "<ol>" : "<ul>");
            for (int i = 0; i < items; i++) {
                String s = sentence(r);
                md.append(ordered ? (i + 1) + ". " : "- ").append(s).append('\n');
                html.append("<li>").append(esc(s)).append("</li>");
            }
            md.append('\n');
            html.append(ordered ? "</ol>\n" : "</ul>\n");
        }

        void table() {
            int rows = small ? 1 : 2 + r.nextInt(4);
            String h1 = word(r, EN);
            String h2 = word(r, ZH);
            md.append("| ").append(h1).append(" | ").append(h2).append(" | 数量 |\n|---|---|---:|\n");
            html.append("<table><thead><tr><th>").append(h1).append("</th><th>").append(h2)
                    .append("</th><th>数量</th></tr></thead><tbody>");
            for (int i = 0; i < rows; i++) {
                String a = word(r, EN);
                String c = word(r, ZH) + word(r, ZH);
                int q = r.nextInt(1000);
                md.append("| ").append(a).append(" | ").append(c).append(" | ").append(q).append(" |\n");
                html.append("<tr><td>").append(a).append("</td><td>").append(c).append("</td><td>").append(q)
                        .append("</td></tr>");
            }
            md.append('\n');
            html.append("</tbody></table>\n");
        }

        void code() {
            int total = r.nextInt(1000);
            String lang;
            String code;
            switch (r.nextInt(3)) {
                case 0 -> {
                    lang = "java";
                    code = "int total = " + total + ";\nfor (int i = 0; i < " + (2 + r.nextInt(9))
                            + "; i++) {\n    total += i;\n}\nSystem.out.println(\"合计 \" + total);";
                }
                case 1 -> {
                    lang = "python";
                    code = "total = " + total + "\nfor i in range(" + (2 + r.nextInt(9))
                            + "):\n    total += i\nprint(f\"合计 {total}\")";
                }
                default -> {
                    lang = "bash";
                    code = "for f in *." + word(r, EN) + "; do\n    echo \"$f\" && wc -c < \"$f\"\ndone";
                }
            }
            md.append("```").append(lang).append('\n').append(code).append("\n```\n\n");
            html.append("<pre><code class=\"language-").append(lang).append("\">").append(esc(code))
                    .append("\n</code></pre>\n");
        }

        void quote() {
            String s = sentence(r);
            String who = word(r, EN);
            md.append("> ").append(s).append("\n>\n> — ").append(who).append("\n\n");
            html.append("<blockquote><p>").append(esc(s)).append("</p><p>— ").append(who)
                    .append("</p></blockquote>\n");
        }

        void figure(String src) {
            String alt = word(r, ZH) + word(r, ZH);
            String caption = alt + "，" + word(r, EN);
            String block = "<figure class=\"post-image\">\n<img src=\"" + src + "\" alt=\"" + alt + "\" loading=\"lazy\">\n"
                    + "<figcaption>" + caption + "</figcaption>\n</figure>\n";
            md.append(block).append('\n');
            html.append(block);
        }

        void endFootnotes() {
            if (notes.isEmpty()) {
                return;
            }
            html.append("<hr class=\"footnotes-sep\">\n<section class=\"footnotes\"><ol class=\"footnotes-list\">");
            for (int k = 1; k <= notes.size(); k++) {
                String note = notes.get(k - 1);
                md.append("[^").append(k).append("]: ").append(note).append('\n');
                html.append("<li id=\"fn").append(k).append("\" class=\"footnote-item\"><p>").append(esc(note))
                        .append(" <a href=\"#fnref").append(k).append("\" class=\"footnote-backref\">↩︎</a></p></li>");
            }
            md.append('\n');
            html.append("</ol></section>\n");
        }
    }

    /** A whole blog page: head, navigation, the article, sidebar, comments and footer. */
    private static String page(int n, Random r, String title, String iso, String author, List<String> categories,
            List<String> tags, String cover, String bodyHtml) {
        StringBuilder p = new StringBuilder(bodyHtml.length() + 6_000);
        p.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc(title)).append(" | 小城日记</title>\n<meta name=\"author\" content=\"").append(esc(author))
                .append("\">\n<meta name=\"keywords\" content=\"").append(esc(String.join(",", tags)))
                .append("\">\n<meta name=\"description\" content=\"").append(esc(title)).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"")
                .append(esc(title)).append("\">\n<meta property=\"og:image\" content=\"").append(cover)
                .append("\">\n<meta property=\"article:published_time\" content=\"").append(iso).append("\">\n")
                .append("<link rel=\"stylesheet\" href=\"/css/style.css\">\n<link rel=\"alternate\" href=\"/atom.xml\"")
                .append(" title=\"小城日记\" type=\"application/atom+xml\">\n<style>body{margin:0;font-family:sans-serif}")
                .append(".site-nav a{margin-right:1em}.sidebar{float:right;width:30%}</style>\n")
                .append("<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}")
                .append("gtag('js',new Date());gtag('config','UA-000000-1');</script>\n</head>\n<body>\n");
        p.append("<header class=\"site-header\"><div class=\"site-brand\"><a href=\"/\" class=\"logo\">小城日记</a>")
                .append("<span class=\"subtitle\">记录 everyday life</span></div>\n<nav class=\"site-nav\"><ul>");
        for (String[] link : new String[][] {{"/", "首页"}, {"/archives/", "归档"}, {"/categories/", "分类"},
            {"/tags/", "标签"}, {"/about/", "关于"}, {"/links/", "友链"}, {"/atom.xml", "RSS"}}) {
            p.append("<li><a href=\"").append(link[0]).append("\">").append(link[1]).append("</a></li>");
        }
        p.append("</ul></nav>\n<form class=\"search\" action=\"/search/\"><input type=\"search\" name=\"q\" ")
                .append("placeholder=\"搜索\"><button>搜索</button></form></header>\n");
        p.append("<div class=\"container\">\n<main class=\"content\">\n<article class=\"post\" itemscope>\n")
                .append("<header class=\"post-header\"><h1 class=\"post-title\" itemprop=\"headline\">").append(esc(title))
                .append("</h1>\n<div class=\"post-meta\"><time datetime=\"").append(iso).append("\" itemprop=\"datePublished\">")
                .append(iso, 0, 10).append("</time> · <span class=\"author\" itemprop=\"author\">").append(esc(author))
                .append("</span> · ");
        for (String c : categories) {
            p.append("<a class=\"category\" href=\"/categories/").append(esc(c)).append("/\">").append(esc(c))
                    .append("</a> ");
        }
        p.append("</div></header>\n<div class=\"post-body\" itemprop=\"articleBody\">\n").append(bodyHtml)
                .append("</div>\n<footer class=\"post-footer\"><div class=\"post-tags\">");
        for (String t : tags) {
            p.append("<a href=\"/tags/").append(esc(t)).append("/\" rel=\"tag\"># ").append(esc(t)).append("</a> ");
        }
        p.append("</div>\n<div class=\"post-copyright\">本文作者：").append(esc(author))
                .append("。版权声明：本博客所有文章除特别声明外，均采用 CC BY-NC-SA 4.0 许可协议。转载请注明出处！</div>\n")
                .append("<nav class=\"post-nav\">");
        if (n > 0) {
            p.append("<a class=\"prev\" href=\"/post-").append(String.format(Locale.ROOT, "%05d", n - 1))
                    .append("/\">« 上一篇</a> ");
        }
        p.append("<a class=\"next\" href=\"/post-").append(String.format(Locale.ROOT, "%05d", n + 1))
                .append("/\">下一篇 »</a></nav></footer>\n</article>\n");
        p.append("<section class=\"comments\" id=\"comments\"><h2>评论</h2><div id=\"disqus_thread\">")
                .append("<noscript>Please enable JavaScript to view the comments.</noscript></div></section>\n")
                .append("</main>\n<aside class=\"sidebar\">\n<section class=\"widget about\"><h3>关于我</h3><p>")
                .append("一个住在江边的人，写写 coffee、trains 和周末。</p></section>\n")
                .append("<section class=\"widget recent\"><h3>最近文章</h3><ul>");
        for (int k = 1; k <= 8; k++) {
            p.append("<li><a href=\"/post-").append(String.format(Locale.ROOT, "%05d", n + k)).append("/\">")
                    .append(word(r, ZH)).append(word(r, ZH)).append("与").append(word(r, EN)).append("</a></li>");
        }
        p.append("</ul></section>\n<section class=\"widget tags\"><h3>标签云</h3><div class=\"tag-cloud\">");
        for (int k = 0; k < 16; k++) {
            String t = k % 2 == 0 ? word(r, ZH) : word(r, EN);
            p.append("<a href=\"/tags/").append(t).append("/\" style=\"font-size:").append(10 + r.nextInt(10))
                    .append("px\">").append(t).append("</a> ");
        }
        p.append("</div></section>\n<section class=\"widget archives\"><h3>归档</h3><ul>");
        for (int k = 0; k < 6; k++) {
            p.append("<li><a href=\"/archives/").append(2020 + k / 2).append('/').append(k % 2 == 0 ? "01" : "07")
                    .append("/\">").append(2020 + k / 2).append(" 年 ").append(k % 2 == 0 ? "1" : "7")
                    .append(" 月</a> <span class=\"count\">").append(1 + r.nextInt(30)).append("</span></li>");
        }
        p.append("</ul></section>\n</aside>\n</div>\n<footer class=\"site-footer\"><p>© 2020–2024 小城日记 · ")
                .append("Powered by <a href=\"https://hexo.io/\">Hexo</a> · Theme <a href=\"https://example.org/theme\">")
                .append("Plain</a></p><p><a href=\"https://beian.miit.gov.cn/\">京ICP备00000000号</a> · ")
                .append("<span id=\"busuanzi\">本站访客数 <span id=\"pv\"></span></span></p></footer>\n")
                .append("<script src=\"/js/main.js\" defer></script>\n<script>var disqus_config=function(){this.page.url")
                .append("=location.href;};</script>\n</body>\n</html>\n");
        return p.toString();
    }

    /** Spreads nearby seeds apart: {@link Random} gives nearly the same first numbers for neighbouring seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    private static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
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
        return s.toString().replace("  ", " ").replace(" ，", "，").replace(" 、", "、").replace(" 。", "。").strip();
    }

    /**
     * A copy of a pool image whose bytes are its own, as a real post's pictures are: a comment
     * naming the file goes after the JPEG start marker or before the PNG end chunk, so no two posts
     * share an image that a writer could store once. Decoders ignore both.
     */
    static byte[] unique(byte[] image, boolean jpeg, String file) {
        byte[] text = file.getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(image.length + text.length + 16);
        if (jpeg) {
            out.write(image, 0, 2);
            int length = text.length + 2;
            out.write(new byte[] {(byte) 0xFF, (byte) 0xFE, (byte) (length >> 8), (byte) length}, 0, 4);
            out.write(text, 0, text.length);
            out.write(image, 2, image.length - 2);
        } else {
            int iend = image.length - 12;
            out.write(image, 0, iend);
            byte[] type = {'t', 'E', 'X', 't'};
            byte[] data = new byte[8 + text.length];
            System.arraycopy("Comment".getBytes(StandardCharsets.US_ASCII), 0, data, 0, 7);
            System.arraycopy(text, 0, data, 8, text.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            crc.update(data);
            int n = data.length;
            out.write(new byte[] {(byte) (n >> 24), (byte) (n >> 16), (byte) (n >> 8), (byte) n}, 0, 4);
            out.write(type, 0, 4);
            out.write(data, 0, data.length);
            long c = crc.getValue();
            out.write(new byte[] {(byte) (c >> 24), (byte) (c >> 16), (byte) (c >> 8), (byte) c}, 0, 4);
            out.write(image, iend, 12);
        }
        return out.toByteArray();
    }

    /** Encodes an image to bytes. */
    private interface Encoder {
        byte[] encode(BufferedImage img) throws IOException;
    }

    private static byte[] png(Random r, int target) throws IOException {
        return sized(r, target, img -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        });
    }

    private static byte[] jpeg(Random r, int target) throws IOException {
        return sized(r, target, img -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.85f);
                writer.write(null, new IIOImage(img, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        });
    }

    /** Draws an image of about {@code target} bytes, resizing until the encoding lands near it. */
    private static byte[] sized(Random r, int target, Encoder encoder) throws IOException {
        long drawing = r.nextLong();
        int side = 160;
        byte[] best = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            byte[] data = encoder.encode(draw(new Random(drawing), side));
            best = data;
            if (data.length >= 20_000 && data.length <= 100_000 && Math.abs(data.length - target) < target / 5) {
                break;
            }
            side = Math.max(32, (int) (side * Math.sqrt((double) target / data.length)));
        }
        return best;
    }

    private static BufferedImage draw(Random r, int side) {
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
        return img;
    }
}
