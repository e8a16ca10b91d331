package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A Hexo post shaped like the project's seed (front matter with a category list, {@code headimg},
 * an RFC 1123 date; a raw HTML body with lazy images in wrapper divs), written for this test.
 */
class HexoPostTest {

    static final String POST = """
            ---
            title: '城市里的屋顶菜园：一栋楼的实验'
            categories:\s
             - 生活
             - 城市
             - 园艺
            headimg: 'https://proxy.example.net/?http://img.example.org/garden/cover_1024.jpg'
            author: 小区通讯
            comments: false
            date: Sat, 05 Jun 2021 09:30:00 GMT
            thumbnail: 'https://proxy.example.net/?http://img.example.org/garden/cover_1024.jpg'
            ---

            <div>  \s
            <p>6 月 5 日消息，本市一栋老楼的居民把屋顶改成了菜园。<strong>住户们说，最难的不是种菜，而是决定谁负责浇水，每周的值日表改了三次。</strong></p><p></p><div class="img_box" id="id_imagebox_0" onclick><div class="content_img_div"><img class="lazy opacity_0 " id="img_0" data-original="http://img.example.org/garden/a_1024.jpg" data-height="600" data-width="900" src="https://proxy.example.net/?http://img.example.org/garden/a_1024.jpg"></div></div>起初只有三户参与，后来整栋楼的人都来帮忙。<p></p><p>第一季收获了番茄和黄瓜。<strong>大家把多出来的菜放在楼下的架子上，谁需要谁拿。</strong></p><p></p><div class="img_box" id="id_imagebox_1" onclick><div class="content_img_div"><img class="lazy opacity_0 " id="img_1" data-original="http://img.example.org/garden/b_1024.jpg" src="https://proxy.example.net/?http://img.example.org/garden/b_1024.jpg"></div></div>第二季他们试着种了草莓。<p></p><div class="img_box" id="id_imagebox_2" onclick><div class="content_img_div"><img class="lazy" data-original="http://img.example.org/garden/c_1024.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></div></div><p><strong>屋顶菜园的经验值得推广。</strong>上海也有几个小区在尝试。<br></p><div id="recommend_bottom"></div><div id="recommend_bottom"></div>
            </div>
            """;

    @Test
    void convertsToMarkdownWithItsMetadataImagesAndBoldThatParsesBack() throws IOException {
        Posts posts = new Posts();
        Article a = posts.read(POST);

        String md = posts.write(a);

        Metadata m = a.metadata();
        assertThat(m.title()).contains("城市里的屋顶菜园：一栋楼的实验");
        assertThat(m.categories()).containsExactly(CategoryPath.of("生活", "城市", "园艺"));
        assertThat(m.authors()).containsExactly("小区通讯");
        assertThat(m.extra()).containsEntry("comments", false);
        assertThat(m.published().map(ArticleDate::text)).contains("Sat, 05 Jun 2021 09:30:00 GMT");
        assertThat(m.cover()).contains("https://proxy.example.net/?http://img.example.org/garden/cover_1024.jpg");
        assertThat(m.thumbnail()).isEqualTo(m.cover());

        // The keys as the post has them: its order, headimg under its own name.
        assertThat(md).startsWith("---\ntitle: 城市里的屋顶菜园：一栋楼的实验\ncategories:\n- 生活\n- 城市\n- 园艺\n"
                + "headimg: https://proxy.example.net/?http://img.example.org/garden/cover_1024.jpg\n"
                + "author: 小区通讯\ncomments: false\ndate: Sat, 05 Jun 2021 09:30:00 GMT\n"
                + "thumbnail: https://proxy.example.net/?http://img.example.org/garden/cover_1024.jpg\n---\n");
        assertThat(md).contains("http://img.example.org/garden/a_1024.jpg", "http://img.example.org/garden/b_1024.jpg",
                "http://img.example.org/garden/c_1024.jpg").doesNotContain("proxy.example.net/?http://img.example.org/garden/a")
                .doesNotContain("<div").doesNotContain("<br").doesNotContain("data:image");
        // The page's data-width/data-height are the picture's own size, not a display size: plain Markdown images.
        assertThat(md).contains("![](http://img.example.org/garden/a_1024.jpg)").doesNotContain("<img");
        assertThat(md).contains("**住户们说，最难的不是种菜，而是决定谁负责浇水，每周的值日表改了三次。**");

        Article back = posts.read(md);
        assertThat(back.metadata()).isEqualTo(m);
        Document doc = Jsoup.parseBodyFragment(back.body().html());
        assertThat(doc.select("strong").eachText()).containsExactly(
                "住户们说，最难的不是种菜，而是决定谁负责浇水，每周的值日表改了三次。", "大家把多出来的菜放在楼下的架子上，谁需要谁拿。",
                "屋顶菜园的经验值得推广。");
        assertThat(doc.select("img").eachAttr("src")).containsExactly("http://img.example.org/garden/a_1024.jpg",
                "http://img.example.org/garden/b_1024.jpg", "http://img.example.org/garden/c_1024.jpg");
        assertThat(CaseFilesTest.squeeze(back.body())).isEqualTo(CaseFilesTest.squeeze(a.body()));
    }

    @Test
    void theProjectSeedPostConvertsTheSameWay() throws IOException {
        Path seed = Path.of("../../shared/seeds/hexo-post-with-html-body.md");
        assumeTrue(Files.isRegularFile(seed), "seed not present");
        Posts posts = new Posts();
        Article a = posts.read(Files.readAllBytes(seed));

        String md = posts.write(a);

        assertThat(a.metadata().categories()).hasSize(1);
        assertThat(a.metadata().categories().get(0).segments()).hasSize(3);
        assertThat(a.metadata().authors()).hasSize(1);
        assertThat(a.metadata().extra()).containsEntry("comments", false);
        assertThat(a.metadata().cover()).isPresent();
        assertThat(a.metadata().thumbnail()).isPresent();
        assertThat(md).containsPattern("\ndate: \\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\n")
                .doesNotContain("<div").doesNotContain("<br");
        Document doc = Jsoup.parseBodyFragment(posts.read(md).body().html());
        List<String> images = doc.select("img").eachAttr("src");
        assertThat(images).hasSize(3).allMatch(src -> src.startsWith("http://zkres"));
        assertThat(doc.select("strong")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(posts.read(md).metadata()).isEqualTo(a.metadata());
    }
}
