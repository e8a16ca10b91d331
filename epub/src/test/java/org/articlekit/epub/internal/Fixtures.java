package org.articlekit.epub.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.Book;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;

/** Articles and books written for these tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A small PNG of one colour with a stripe, so different colours give different bytes. */
    public static byte[] png(int rgb) {
        BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, 40, 30);
        g.setColor(Color.WHITE);
        g.fillRect(0, 12, 40, 4);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Body body(String html) {
        try {
            return Body.fromHtml(html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Chinese post shaped like a Hexo post: categories path, cover, tags, extras of every type. */
    public static Article chinesePost() {
        Resource photo = Resource.of(png(0x3366aa), "image/png", "photos/balcony.png");
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("层级", List.of(1L, "二", true));
        nested.put("empty", null);
        Metadata m = Metadata.builder().title("阳台上的番茄：一整季的记录").subtitle("从播种到收获")
                .author("林小禾").author("ZAKER")
                .published(ArticleDate.parse("Fri, 16 Jul 2021 20:06:53 +0800"))
                .updated(ArticleDate.parse("2021-07-18 09:30"))
                .language("zh-CN").summary("朝东的小阳台，三个种植箱。")
                .tag("园艺").tag("番茄").category(CategoryPath.of("生活", "园艺"))
                .cover(photo.name()).thumbnail("thumbs/t.png")
                .canonicalUrl(URI.create("https://example.org/notes/%E7%95%AA%E8%8C%84?a=1&b=2"))
                .sourceUrl(URI.create("https://news.example.com/a/1"))
                .identifier("urn:example:post:1").publisher("小禾的菜园笔记")
                .extra("comments", true).extra("views", 1234L).extra("ratio", 0.25)
                .extra("big", new BigInteger("123456789012345678901234567890"))
                .extra("price", new BigDecimal("12.50")).extra("seen", ArticleDate.parse("2021-07-19"))
                .extra("nested", nested).extra("nothing", null).extra("list", List.of("a", "b"))
                .build();
        String html = "<h2>四月：播种</h2><p>我家阳台朝东，上午能晒到<strong>四个多小时</strong>太阳。"
                + "English words mixed in.<sup><a href=\"#fn1\" id=\"fnref1\" class=\"footnote-ref\">1</a></sup></p>"
                + "<figure><img src=\"" + photo.name() + "\" alt=\"阳台\"><figcaption>清晨的阳台</figcaption></figure>"
                + "<ul><li>种植箱 × 3</li><li>番茄苗 6 棵</li></ul>"
                + "<table><thead><tr><th>月份</th><th align=\"right\">产量 (kg)</th></tr></thead>"
                + "<tbody><tr><td>八月</td><td align=\"right\">2.5</td></tr></tbody></table>"
                + "<pre><code class=\"language-java\">System.out.println(\"你好 &amp; <world>\");</code></pre>"
                + "<blockquote><p>种点葱蒜还行。</p></blockquote>"
                + "<section class=\"footnotes\"><ol><li id=\"fn1\"><p>脚注内容。"
                + "<a href=\"#fnref1\" class=\"footnote-backref\">↩</a></p></li></ol></section>";
        return Article.builder().metadata(m).body(body(html)).resources(Resources.of(List.of(photo))).build();
    }

    /** An English post with odd metadata: XML-special characters, control characters in extras. */
    public static Article oddPost() {
        Metadata m = Metadata.builder().title("Tags <b>&</b> \"quotes\" ]]> 'n' stuff")
                .author("O'Brien & <Sons>").published(ArticleDate.parse("2023-03-05"))
                .language("en").tag("a&b").tag("<tag>")
                .extra("control", "bell\u0007 and \u0001 and cr\r\nlf").extra("lone", "x\ud800y")
                .extra("key with\ttab", "v").extra("key on\ntwo lines", "w").extra("rtl", "\u202eevil")
                .build();
        String html = "<p>Link to <a href=\"#missing\">nowhere</a>, to <a href=\"other.html\">a file</a>, "
                + "to <a href=\"https://example.org/a?b=1&amp;c=2\">the web</a> and "
                + "<a href=\"mailto:me@example.org\">mail</a>.</p><p>x &lt; y &amp;&amp; y &gt; z</p>"
                + "<ol start=\"3\"><li>three</li></ol><hr><p>H<sub>2</sub>O, E = mc<sup>2</sup>, "
                + "<del>old</del> <ins>new</ins>, <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby></p>";
        return Article.builder().metadata(m).body(body(html)).build();
    }

    /** A post whose images cannot be found. */
    public static Article missingImages() {
        Metadata m = Metadata.builder().title("Missing images").published(ArticleDate.parse("2022-01-01T08:00:00Z"))
                .language("en").build();
        String html = "<p>Before</p><figure><img src=\"images/nowhere.png\" alt=\"gone\"><figcaption>Gone"
                + "</figcaption></figure><p><img src=\"https://cdn.example.com/remote.png\" alt=\"remote\"> after</p>";
        return Article.builder().metadata(m).body(body(html)).build();
    }

    /** A book of the fixtures with its own metadata. */
    public static Book book(Article... articles) {
        return Book.builder().metadata(Metadata.builder().title("合集 & Collection").author("编者")
                .language("zh-CN").build()).articles(List.of(articles)).build();
    }

    /** A context with options and a warning list. */
    public static ConversionContext context(List<org.articlekit.Diagnostic> warnings, org.articlekit.spi.Options... options) {
        return ConversionContext.builder().sourceName("book.epub").options(FormatOptions.of(options))
                .warnings(warnings::add).build();
    }
}
