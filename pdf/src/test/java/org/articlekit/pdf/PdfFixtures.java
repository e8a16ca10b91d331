package org.articlekit.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.articlekit.spi.FormatRegistry;

/** Articles written for these tests (Chinese and English), and helpers to write and read PDFs. */
final class PdfFixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    private PdfFixtures() {
    }

    /** A PNG drawn here: a blue sky over a green hill. */
    static Resource picture() {
        BufferedImage img = new BufferedImage(320, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(120, 170, 230));
        g.fillRect(0, 0, 320, 160);
        g.setColor(new Color(70, 140, 60));
        g.fillOval(-40, 90, 400, 160);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Resource.of(out.toByteArray(), "image/png", "images/hill.png");
    }

    /** A Hexo-shaped Chinese post with every kind of block the profile has. */
    static Article chinese() {
        Resource pic = picture();
        String html = """
                <p>清晨五点半，老城的石板路还湿着。卖豆浆的阿姨把第一锅豆浆倒进保温桶，蒸汽在路灯下慢慢散开。她说，这条街上的早点铺子，十年前有十二家，现在只剩下四家了。</p>
                <h2>一条街的早晨</h2>
                <p>“早上的生意最好做，也最辛苦。”她一边说，一边把油条夹进塑料袋里。街口的理发店还没有开门，门口的转灯却已经亮了起来；隔壁的修鞋师傅正在摆他的小板凳、锤子和一排排鞋钉。</p>
                <p>城市在变，人们的口味也在变：年轻人更愿意在手机上点外卖，老人们则习惯了每天准时出现在同一张桌子旁。这样的对比，几乎在每一座中国城市里都能看到！</p>
                <figure><img src="%s" alt="山坡与天空" /><figcaption>图一：城外的山坡，天气晴朗。</figcaption></figure>
                <h3>数字里的变化</h3>
                <table><thead><tr><th>年份</th><th>铺子数量</th><th>备注</th></tr></thead>
                <tbody><tr><td>2015</td><td>12</td><td>最热闹的时候</td></tr><tr><td>2025</td><td>4</td><td>其余改成了奶茶店</td></tr></tbody></table>
                <blockquote><p>一座城市的味道，藏在它的早餐里。——街坊的一句老话</p></blockquote>
                <p>修鞋师傅给我们看了他的记账方式，很简单：</p>
                <pre><code>日期      收入
                03-01     45 元
                03-02     38 元</code></pre>
                <ul><li>豆浆：两元一碗；</li><li>油条：一元五角一根；</li><li>煎饼：五元一个。</li></ul>
                <p>更多资料可以在<a href="https://example.org/zaodian">街道志</a>里找到<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup>。English words such as breakfast culture may appear in the middle of Chinese text, too.</p>
                <section class="footnotes"><ol><li id="fn1"><p>街道志，二〇二四年版，第三章。<a href="#fnref1" class="footnote-backref">↩</a></p></li></ol></section>
                """.formatted(pic.name());
        Metadata m = Metadata.builder().title("老街的早点铺子").author("林小雨").author("Alex Chen")
                .published(ArticleDate.parse("Sat, 01 Mar 2025 06:30:00 +0800")).language("zh-CN")
                .summary("一条老街上早点铺子的十年变迁。").tag("城市").tag("早餐").category(CategoryPath.of("生活", "城市"))
                .sourceUrl(URI.create("https://blog.example.org/2025/03/zaodian/")).thumbnail("images/hill.png")
                .extra("comments", true).extra("headimg", "https://img.example.org/head.jpg")
                .extra("views", 1234L).extra("series", List.of("城市笔记", 3L)).extra("layout", Map.of("wide", false))
                .build();
        try {
            return Article.builder().metadata(m).body(Body.fromHtml(html)).resources(Resources.of(List.of(pic))).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A short English article. */
    static Article english(int n) {
        try {
            return Article.builder().metadata(Metadata.builder().title("Notes from the harbour, part " + n)
                    .author("Mira Jones").published(ArticleDate.parse("2024-0" + n + "-10")).language("en").build())
                    .body(Body.fromHtml("<p>The ferry left at seven, and the gulls followed it out past the breakwater. "
                            + "Part " + n + " of a small series about a harbour town.</p><h2>Morning</h2>"
                            + "<p>Fishermen mended nets on the quay while the cafe opened its shutters.</p>"))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Book book() {
        return Book.builder().metadata(Metadata.builder().title("城市笔记 City notes").author("林小雨")
                .language("zh-CN").build()).articles(List.of(chinese(), english(1), english(2))).build();
    }

    static ConversionContext context(PdfOptions options) {
        return ConversionContext.builder().sourceName("test.pdf").clock(CLOCK).options(FormatOptions.of(options))
                .build();
    }

    static byte[] write(Article a, PdfOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormatRegistry.defaults().byId("pdf").writer().orElseThrow().write(a, out, context(options));
        return out.toByteArray();
    }

    static byte[] write(Book b, PdfOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FormatRegistry.defaults().byId("pdf").bookWriter().orElseThrow().writeBook(b, out, context(options));
        return out.toByteArray();
    }

    static Book read(byte[] pdf, PdfOptions options) throws IOException {
        return FormatRegistry.defaults().byId("pdf").bookReader().orElseThrow()
                .readBook(new ByteArrayInputStream(pdf), context(options));
    }
}
