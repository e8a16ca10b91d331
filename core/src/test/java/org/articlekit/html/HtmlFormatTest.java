package org.articlekit.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.CategoryPath;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.articlekit.Fixtures;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlFormatTest {

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>山城的雾 - 示例日报</title>
            <meta name="description" content="重庆冬天的雾与轮渡。">
            <meta name="author" content="王小明">
            <meta name="keywords" content="重庆，雾, 轮渡">
            <meta property="og:title" content="山城的雾">
            <meta property="og:image" content="https://img.example.org/fog.jpg">
            <meta property="og:site_name" content="示例日报">
            <meta property="article:published_time" content="2023-12-02T07:30:00+08:00">
            <meta property="article:section" content="城市">
            <link rel="canonical" href="https://daily.example.org/2023/12/fog.html">
            </head>
            <body>
            <nav><a href="/">首页</a></nav>
            <article>
            <h1>山城的雾</h1>
            <p>清晨六点，江面上的雾还没有散。</p>
            <div class="img_box"><img class="lazy" data-original="https://img.example.org/ferry.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div>
            <p>轮渡的汽笛声从雾里传来。</p>
            </article>
            <div class="share">分享到微博</div>
            </body>
            </html>
            """;

    private static Article read(String html) throws IOException {
        return Converter.builder().build().read(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)),
                "html", "page.html");
    }

    private static String write(Article a, HtmlOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Converter.builder().options(FormatOptions.of(options)).build().write(a, out, "html");
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void readsMetadataFromMetaAndOpenGraphTags() throws IOException {
        Metadata m = read(PAGE).metadata();
        assertThat(m.title()).contains("山城的雾");
        assertThat(m.authors()).containsExactly("王小明");
        assertThat(m.language()).contains("zh-CN");
        assertThat(m.summary()).contains("重庆冬天的雾与轮渡。");
        assertThat(m.tags()).containsExactly("重庆", "雾", "轮渡");
        assertThat(m.categories()).containsExactly(CategoryPath.of("城市"));
        assertThat(m.cover()).contains("https://img.example.org/fog.jpg");
        assertThat(m.publisher()).contains("示例日报");
        assertThat(m.canonicalUrl()).contains(URI.create("https://daily.example.org/2023/12/fog.html"));
        assertThat(m.published().flatMap(ArticleDate::instant)).contains(Instant.parse("2023-12-01T23:30:00Z"));
    }

    @Test
    void takesTheArticleElementOfAWholePageAndCleansIt() throws IOException {
        Body body = read(PAGE).body();
        assertThat(body.html()).isEqualTo("<h1>山城的雾</h1>\n<p>清晨六点，江面上的雾还没有散。</p>\n"
                + "<p><img src=\"https://img.example.org/ferry.jpg\" alt=\"\" /></p>\n<p>轮渡的汽笛声从雾里传来。</p>");
        assertThat(body.text()).doesNotContain("首页", "分享");
    }

    @Test
    void readsJsonLdBeforeMetaTags() throws IOException {
        String page = """
                <html><head><title>Wrong title</title>
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Site"},
                 {"@type":["NewsArticle"],"headline":"Right title","author":[{"@type":"Person","name":"Ada"},"Bob"],
                  "datePublished":"2024-02-03T04:05:06Z","dateModified":"2024-02-04","keywords":"a, b",
                  "articleSection":["Tech"],"image":{"@type":"ImageObject","url":"https://x.example/c.png"},
                  "publisher":{"@type":"Organization","name":"Pub"},"inLanguage":"en-GB"}]}
                </script></head><body><p>Text</p></body></html>
                """;
        Metadata m = read(page).metadata();
        assertThat(m.title()).contains("Right title");
        assertThat(m.authors()).containsExactly("Ada", "Bob");
        assertThat(m.published().flatMap(ArticleDate::instant)).contains(Instant.parse("2024-02-03T04:05:06Z"));
        assertThat(m.updated().flatMap(ArticleDate::isoString)).contains("2024-02-04");
        assertThat(m.tags()).containsExactly("a", "b");
        assertThat(m.cover()).contains("https://x.example/c.png");
        assertThat(m.publisher()).contains("Pub");
        assertThat(m.language()).contains("en-GB");
    }

    @Test
    void pageToArticleToPageKeepsEveryMetadataField() throws IOException {
        Metadata full = Fixtures.fullMetadata();
        Article original = Article.builder().metadata(full)
                .body(Body.fromHtml("<h2>一</h2><p>正文 <strong>粗体</strong> and <a href=\"https://e.example/\">link</a></p>"))
                .build();
        String page = write(original, HtmlOptions.defaults());
        Article back = read(page);
        assertThat(back.metadata()).isEqualTo(full);
        assertThat(back.body()).isEqualTo(original.body());
        // and once more, from our own output
        assertThat(read(write(back, HtmlOptions.defaults()))).isEqualTo(back);
    }

    @Test
    void aBodyOfEveryKindOfMarkupReadsBackTheSameFromThePage() throws IOException {
        // The page carries the body as the normaliser serialised it (XHTML: "<br />", "&#xa0;"); HTML
        // readers must see the same body. A title holding the page's internal body marker changes nothing.
        Body body = Body.fromHtml("<p>一\u00a0二<br>三 &amp; &lt;四&gt; \"引号\" 'single'</p><hr><figure><img src=\"a.png\" "
                + "alt=\"图\"><figcaption>说明</figcaption></figure><table><tr><td>格</td><td></td></tr></table>"
                + "<pre><code class=\"language-java\">if (a &lt; b) {\n  x();\n}</code></pre><ol start=\"3\"><li>三</li></ol>");
        Metadata m = Metadata.builder().title("<!--articlekit-body--> 标题").summary("<!--articlekit-body-->").build();
        String page = write(Article.builder().metadata(m).body(body).build(), HtmlOptions.defaults());
        Article back = read(page);
        assertThat(back.body()).isEqualTo(body);
        assertThat(back.metadata().title()).contains("<!--articlekit-body--> 标题");
        assertThat(Jsoup.parse(page).select("article > p").first().wholeText()).startsWith("一\u00a0二");
        assertThat(read(write(Article.builder().body(body).build(), HtmlOptions.defaults())).body()).isEqualTo(body);
    }

    @Test
    void writesAReadableStandalonePage() throws IOException {
        Article a = Article.builder().metadata(Fixtures.fullMetadata()).body(Body.fromHtml("<p>内容</p>")).build();
        String page = write(a, HtmlOptions.defaults());
        assertThat(page).startsWith("<!doctype html>\n<html lang=\"zh-CN\">");
        Document doc = Jsoup.parse(page);
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("zh-CN");
        assertThat(doc.title()).isEqualTo("城市的早晨");
        assertThat(doc.select("meta[name=author]").eachAttr("content")).containsExactly("李雷", "Han Mei");
        assertThat(doc.select("meta[property=article:published_time]").attr("content")).isEqualTo("2021-07-16T20:06:53Z");
        assertThat(doc.select("link[rel=canonical]").attr("href")).isEqualTo("https://blog.example.org/2021/07/morning/");
        assertThat(doc.select("style").html()).contains("Noto Sans CJK SC");
        assertThat(doc.select("article header h1").text()).isEqualTo("城市的早晨");
        assertThat(doc.select("article > p").text()).isEqualTo("内容");
    }

    @Test
    void writesOnlyTheBodyAsAFragment() throws IOException {
        Article a = Article.builder().metadata(Fixtures.fullMetadata()).body(Body.fromHtml("<p>内容</p>")).build();
        assertThat(write(a, HtmlOptions.builder().fragment(true).build())).isEqualTo("<p>内容</p>\n");
    }

    @Test
    void metadataCannotBreakOutOfItsElements() throws IOException {
        Metadata evil = Metadata.builder().title("</title><script>alert(1)</script>\u0001]]>")
                .author("\"><img src=x onerror=alert(2)>").summary("<!-- -->").build();
        String page = write(Article.builder().metadata(evil).build(), HtmlOptions.defaults());
        Document doc = Jsoup.parse(page);
        assertThat(doc.select("script:not([type=application/ld+json])")).isEmpty();
        assertThat(doc.select("img")).isEmpty();
        assertThat(doc.select("[onerror]")).isEmpty();
        assertThat(page).doesNotContain("\u0001");
        assertThat(read(page).metadata().title()).contains("</title><script>alert(1)</script>]]>");
    }

    @Test
    void decodesADeclaredGb2312PageWithGbkOnlyCharacters() throws IOException {
        String page = "<html><head><meta charset=\"gb2312\"><title>朱镕基与镕铸</title></head><body><p>镕字不在 GB2312 里。</p></body></html>";
        byte[] bytes = page.getBytes(Charset.forName("GBK"));
        Article a = Converter.builder().build().read(new ByteArrayInputStream(bytes), "html", "gbk.html");
        assertThat(a.metadata().title()).contains("朱镕基与镕铸");
        assertThat(a.body().text()).isEqualTo("镕字不在 GB2312 里。").doesNotContain("\uFFFD");
    }

    @Test
    void letsAByteOrderMarkWinOverTheMetaDeclaration() throws IOException {
        String page = "<html><head><meta charset=\"iso-8859-1\"><title>标题</title></head><body><p>正文</p></body></html>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(page.getBytes(StandardCharsets.UTF_8));
        Article a = Converter.builder().build().read(new ByteArrayInputStream(out.toByteArray()), "html", "bom.html");
        assertThat(a.metadata().title()).contains("标题");
    }

    @Test
    void detectsTheCharsetOfAnUndeclaredGbkPage() throws IOException {
        String page = "<html><head><title>没有声明编码的网页</title></head><body><p>这是一段用国标码保存的中文，"
                + "浏览器需要猜测它的编码。我们也一样，而且应该猜对。</p></body></html>";
        Article a = Converter.builder().build().read(
                new ByteArrayInputStream(page.getBytes(Charset.forName("GB18030"))), "html", "nocharset.html");
        assertThat(a.metadata().title()).contains("没有声明编码的网页");
        assertThat(a.body().text()).doesNotContain("\uFFFD");
    }

    @Test
    void ignoresABaseElementThatPointsAtLocalFiles() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        String page = "<html><head><base href=\"file:///etc/\"></head><body><p><img src=\"passwd\"></p></body></html>";
        Article a = Converter.builder().warnings(warnings::add).build()
                .read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), "html", "base.html");
        assertThat(a.body().html()).contains("src=\"passwd\"").doesNotContain("file:");
        assertThat(warnings).extracting(Diagnostic::code).contains("html.url");
    }

    @Test
    void readsAFragmentAsBodyOnly() throws IOException {
        Article a = read("<p>Just a <b>fragment</b></p>");
        assertThat(a.metadata().isEmpty()).isTrue();
        assertThat(a.body().html()).isEqualTo("<p>Just a <strong>fragment</strong></p>");
    }

    @Test
    void embedsLocalImagesAsDataUrisWhenAsked(@TempDir Path dir) throws IOException {
        byte[] png = Files.readAllBytes(writePng(dir.resolve("dot.png")));
        Path page = dir.resolve("p.html");
        Files.writeString(page, "<html><body><p><img src=\"dot.png\" alt=\"dot\"></p></body></html>");
        Path out = dir.resolve("out.html");
        Converter.builder().options(FormatOptions.of(HtmlOptions.builder().embedImages(true).build())).build()
                .convert(page, out);
        String html = Files.readString(out);
        assertThat(html).contains("src=\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(png) + "\"");
    }

    static Path writePng(Path file) throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, 0xFF0000);
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    @Test
    void contextWarningsNameTheSource() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        ConversionContext ctx = ConversionContext.builder().sourceName("x.html").warnings(warnings::add).build();
        FormatRegistry.defaults().byId("html").reader().orElseThrow()
                .read(new ByteArrayInputStream("<p><script>x</script>hi</p>".getBytes(StandardCharsets.UTF_8)), ctx);
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).toString()).isEqualTo("x.html: removed active content <script>");
    }
}
