package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextConversionTest {

    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <title>夜市里的修表师傅</title>
              <meta name="author" content="周宁">
              <meta name="keywords" content="夜市, 手艺">
              <meta property="article:published_time" content="2024-05-04T21:10:00+08:00">
              <script>track('page')</script>
            </head>
            <body>
              <nav>首页 | 本地</nav>
              <article>
                <h1>夜市里的修表师傅</h1>
                <p>老陈的摊位只有一张折叠桌和一盏台灯，<b>三十年</b>没挪过地方。</p>
                <p>He says: <a href="https://example.org/watch">every watch has a story</a>.</p>
                <div class="img_box"><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-original="https://example.org/chen.jpg" alt="老陈"></div>
                <ul><li>换电池 十元</li><li>换表带 二十元</li></ul>
                <p onclick="steal()">收摊时间：<a href="javascript:steal()">凌晨一点</a></p>
              </article>
            </body>
            </html>
            """;

    @Test
    void convertsAnHtmlPageToReadableTextAndBack(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("stall.html");
        Path txt = dir.resolve("stall.txt");
        Files.writeString(html, PAGE, StandardCharsets.UTF_8);
        List<Diagnostic> warnings = new ArrayList<>();
        Converter converter = Converter.builder().warnings(warnings::add).build();

        converter.convert(html, txt);

        String text = Files.readString(txt, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                夜市里的修表师傅
                ================
                Author: 周宁
                Published: 2024-05-04T21:10:00+08:00
                Language: zh-CN
                Tags: 夜市, 手艺
                Cover: https://example.org/chen.jpg

                老陈的摊位只有一张折叠桌和一盏台灯，三十年没挪过地方。

                He says: every watch has a story (https://example.org/watch).

                [image: 老陈] (https://example.org/chen.jpg)

                - 换电池 十元
                - 换表带 二十元

                收摊时间：凌晨一点
                """);
        Article back = converter.read(txt);
        assertThat(back.metadata().title()).contains("夜市里的修表师傅");
        assertThat(back.metadata().authors()).containsExactly("周宁");
        assertThat(back.metadata().tags()).containsExactly("夜市", "手艺");
        assertThat(back.metadata().language()).contains("zh-CN");
        assertThat(back.metadata().published()).isEqualTo(converter.read(html).metadata().published());
    }

    @Test
    void convertsGbkTextToHtml(@TempDir Path dir) throws IOException {
        Path txt = dir.resolve("note.txt");
        Path html = dir.resolve("note.html");
        Files.write(txt, ("社区图书角开放通知\r\n\r\n社区图书角从下个月起每天开放到晚上八点，欢迎大家带着孩子来读书。\r\n"
                + "借书只需要登记姓名和电话，每人每次最多可以借三本，两周内归还即可。\r\n").getBytes("GB18030"));

        Converter.builder().build().convert(txt, html);

        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page).contains("<title>社区图书角开放通知</title>")
                .contains("<p>社区图书角从下个月起每天开放到晚上八点，欢迎大家带着孩子来读书。</p>")
                .contains("<p>借书只需要登记姓名和电话，每人每次最多可以借三本，两周内归还即可。</p>")
                .doesNotContain("\uFFFD");
    }
}
