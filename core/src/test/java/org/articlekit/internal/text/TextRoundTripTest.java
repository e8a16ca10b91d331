package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.CategoryPath;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.text.TextOptions;
import org.junit.jupiter.api.Test;

class TextRoundTripTest {

    private final List<Diagnostic> warnings = new ArrayList<>();
    private final ConversionContext ctx = ConversionContext.builder().warnings(warnings::add).build();

    private byte[] write(Article a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TextWriter().write(a, out, ctx);
        return out.toByteArray();
    }

    private Article read(byte[] bytes) throws IOException {
        return new TextReader().read(new ByteArrayInputStream(bytes), ctx);
    }

    private static Metadata everyField() {
        return Metadata.builder()
                .title("旧城改造：一条老街的十年")
                .subtitle("从菜市场到文创街区")
                .author("林晓")
                .author("Sam O'Neil")
                .published(ArticleDate.parse("2024-03-01 08:30 +08:00"))
                .updated(ArticleDate.parse("2024年3月2日 下午3:15"))
                .language("zh_CN")
                .category(CategoryPath.of("城市", "规划"))
                .category(CategoryPath.of("随笔"))
                .tag("老街")
                .tag("城市更新")
                .tag("C#, .NET")
                .summary("一条街的变化，\n也是一座城的变化。")
                .sourceUrl(URI.create("https://example.org/news/2024/old-street?id=7"))
                .canonicalUrl(URI.create("https://example.org/old-street"))
                .publisher("晨报")
                .identifier("urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e")
                .cover("images/cover.jpg")
                .thumbnail("https://example.org/thumb.png")
                .extra("comments", "true")
                .extra("headimg", "https://example.org/head.jpg")
                .build();
    }

    @Test
    void keepsEveryMetadataFieldThroughTextAndBack() throws IOException {
        Metadata m = everyField();
        Article original = Article.builder().metadata(m)
                .body(Body.fromHtml("<p>老街的第一家书店开在拐角。</p><p>The second paragraph is in English.</p>")).build();

        Article back = read(write(original));

        assertThat(back.metadata()).isEqualTo(m.toBuilder().summary("一条街的变化， 也是一座城的变化。").build());
        assertThat(back.body()).isEqualTo(original.body());
        assertThat(warnings).isEmpty();
    }

    @Test
    void writesTheSameTextAgainAfterReadingItsOwnOutput() throws IOException {
        Article original = Article.builder().metadata(everyField())
                .body(Body.fromHtml("<p>第一段。</p><ul><li>一</li><li>二</li></ul><blockquote><p>引用。</p></blockquote>"))
                .build();
        byte[] first = write(original);

        byte[] second = write(read(first));

        assertThat(new String(second, StandardCharsets.UTF_8)).isEqualTo(new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void keepsADateWhoseTextAloneWouldNotReadBackTheSame() throws IOException {
        ArticleDate date = ArticleDate.of("昨天晚上", "2024-03-01T20:00:00+08:00");
        Article original = Article.builder().metadata(Metadata.builder().title("T").published(date).build()).build();

        Article back = read(write(original));

        assertThat(back.metadata().published()).contains(date);
    }

    @Test
    void keepsMetadataOfAnArticleWithoutATitle() throws IOException {
        Metadata m = Metadata.builder().author("Ada").language("en").sourceUrl(URI.create("https://example.org/x"))
                .build();
        Article original = Article.builder().metadata(m).body(Body.fromHtml("<p>Just a body.</p>")).build();

        Article back = read(write(original));

        assertThat(back.metadata()).isEqualTo(m);
        assertThat(back.body()).isEqualTo(original.body());
    }

    @Test
    void keepsTheParagraphsOfWrappedMixedTextAtEveryLineWidth() throws IOException {
        Body body = Body.fromHtml("<p>周六的旧货市场从早上七点开始热闹起来。摊主们把旧唱片、铁皮玩具和泛黄的明信片摆满了长桌。"
                + "有人花了二十块钱买下一台还能转的收音机，高兴得像个孩子。</p>"
                + "<p>The market opened in 2024. Prices - as always - were a matter of talk, and 3. 5 or 7 euros "
                + "bought most things; 有人用 Java 17 写了一个小程序来记录每一笔交易。</p>"
                + "<ul><li>第一条：摊位费每天十元，收摊前交给管理员。</li><li>second rule with a long English sentence</li></ul>");
        Article original = Article.builder().metadata(Metadata.builder().title("旧货市场").build()).body(body).build();

        for (int width = 20; width <= 60; width++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ConversionContext wrapping = ctx.toBuilder()
                    .options(FormatOptions.of(TextOptions.builder().lineWidth(width).build())).build();
            new TextWriter().write(original, out, wrapping);

            Article back = read(out.toByteArray());

            assertThat(back.body()).as("line width %d:%n%s", width, out.toString(StandardCharsets.UTF_8))
                    .isEqualTo(body);
        }
    }
}
