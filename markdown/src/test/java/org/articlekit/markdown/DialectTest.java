package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.CategoryPath;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each engine's meaning of front matter and summaries, read and written back in the same dialect. */
class DialectTest {

    private static Posts in(Dialect d) {
        return new Posts(MarkdownOptions.builder().dialect(d).build(), "post.md");
    }

    private static Posts inToml(Dialect d) {
        return new Posts(MarkdownOptions.builder().dialect(d).frontMatter(MarkdownOptions.FrontMatter.TOML).build(),
                "post.md");
    }

    private static final String JEKYLL = """
            ---
            layout: post
            title: 用 Ruby 写博客
            date: 2024-03-05 10:00:00 +0800
            categories: blog tech
            tags: ruby 静态站点
            excerpt_separator: <!--excerpt-->
            ---
            第一段是摘要。

            <!--excerpt-->

            正文在这里，见 https://example.org/jekyll 的说明。
            """;

    private static final String HUGO = """
            +++
            title = "Writing Go services"
            date = 2024-03-05T10:00:00+01:00
            draft = true
            categories = ["Web", "Go"]
            tags = ["http"]
            +++
            The opening paragraph.

            <!--more-->

            More at https://example.org/hugo and ![](/images/chart.jpg).
            """;

    private static final String HEXO = """
            ---
            title: 分类是一条路径
            date: 2024-03-05 10:00:00
            categories:
              - 编程
              - Java
            tags:
              - 笔记
            ---
            开头一段。

            <!-- more -->

            后面的内容，链接 https://example.org/hexo 保持原样。
            """;

    @Test
    void jekyllCategoriesStringIsSeveralCategoriesAndTheExcerptSeparatorEndsTheSummary() throws IOException {
        Article a = in(Dialect.JEKYLL).read(JEKYLL);
        assertThat(a.metadata().categories()).containsExactly(new CategoryPath(List.of("blog")),
                new CategoryPath(List.of("tech")));
        assertThat(a.metadata().tags()).containsExactly("ruby", "静态站点");
        assertThat(a.metadata().summary()).contains("第一段是摘要。");
        String back = in(Dialect.JEKYLL).write(a);
        assertThat(back).contains("layout: post").contains("<!--excerpt-->").doesNotContain("description:");
        assertThat(in(Dialect.JEKYLL).read(back)).isEqualTo(a);
    }

    @Test
    void hexoReadsTheSameStringAsOneCategory() throws IOException {
        Article a = in(Dialect.HEXO).read(JEKYLL);
        assertThat(a.metadata().categories()).containsExactly(new CategoryPath(List.of("blog tech")));
    }

    @Test
    void hugoCategoriesAreFlatTermsWrittenBackAsAFlatListAndDatesStayTomlDatetimes() throws IOException {
        Article a = inToml(Dialect.HUGO).read(HUGO);
        assertThat(a.metadata().categories()).containsExactly(new CategoryPath(List.of("Web")),
                new CategoryPath(List.of("Go")));
        assertThat(a.metadata().summary()).contains("The opening paragraph.");
        assertThat(a.metadata().extra()).containsEntry("draft", true);
        String back = inToml(Dialect.HUGO).write(a);
        assertThat(back).contains("categories = [\"Web\", \"Go\"]").contains("date = 2024-03-05T10:00:00+01:00")
                .contains("draft = true").contains("<!--more-->").doesNotContain("summary")
                .contains("More at https://example.org/hugo and ![](/images/chart.jpg).");
        assertThat(inToml(Dialect.HUGO).read(back)).isEqualTo(a);
    }

    @Test
    void hexoNestedListIsOnePathAndTheMoreMarkerAndBareLinkSurvive() throws IOException {
        Article a = in(Dialect.HEXO).read(HEXO);
        assertThat(a.metadata().categories()).containsExactly(new CategoryPath(List.of("编程", "Java")));
        String back = in(Dialect.HEXO).write(a);
        assertThat(back).contains("<!-- more -->").doesNotContain("description:")
                .contains("链接 https://example.org/hexo 保持原样").doesNotContain("<!-- -->");
        assertThat(in(Dialect.HEXO).read(back)).isEqualTo(a);
    }

    @Test
    void aHexoPathWrittenForHugoBecomesFlatTermsWithAWarning() throws IOException {
        Article a = in(Dialect.HEXO).read(HEXO);
        Posts hugo = in(Dialect.HUGO);
        String out = hugo.write(a);
        assertThat(out).contains("categories:\n- 编程\n- Java\n");
        assertThat(hugo.warnings).anySatisfy(d -> assertThat(d.message()).contains("编程 / Java"));
    }

    @Test
    void theFirstHeadingIsTheTitleWhenThereIsNone() throws IOException {
        Article a = in(Dialect.HEXO).read("# 没有前言的文章\n\n正文。\n");
        assertThat(a.metadata().title()).contains("没有前言的文章");
        assertThat(a.body().html()).doesNotContain("没有前言的文章").contains("正文。");
        Article b = in(Dialect.HEXO).read("---\ntitle: Given\n---\n# A heading\n\nText.\n");
        assertThat(b.metadata().title()).contains("Given");
        assertThat(b.body().html()).contains("A heading");
    }

    @Test
    void aBareLinkNextToLettersStaysALink() throws IOException {
        Article a = in(Dialect.HEXO).read("See [https://example.org](https://example.org)x and "
                + "[https://example.org/a](https://example.org/a).\n");
        String back = in(Dialect.HEXO).write(a);
        assertThat(back).contains("and https://example.org/a.");
        assertThat(in(Dialect.HEXO).read(back).body()).isEqualTo(a.body());
    }

    @Test
    void theEngineIsDetectedFromTheSite(@TempDir Path dir) throws IOException {
        Path hexo = Files.createDirectories(dir.resolve("hexo/source/_posts"));
        Files.writeString(dir.resolve("hexo/_config.yml"), "title: 站点\n");
        Path jekyll = Files.createDirectories(dir.resolve("jekyll/_posts"));
        Files.writeString(dir.resolve("jekyll/_config.yml"), "title: Site\n");
        Files.writeString(jekyll.resolve("2024-03-05-hello.md"), "hi\n");
        Path hugo = Files.createDirectories(dir.resolve("hugo/content/posts"));
        Files.writeString(dir.resolve("hugo/hugo.toml"), "title = 'Site'\n");
        Path none = Files.createDirectories(dir.resolve("plain"));
        assertThat(Dialect.detect(hexo.resolve("a.md"))).contains(Dialect.HEXO);
        assertThat(Dialect.detect(jekyll.resolve("2024-03-05-hello.md"))).contains(Dialect.JEKYLL);
        assertThat(Dialect.detect(hugo.resolve("a.md"))).contains(Dialect.HUGO);
        assertThat(Dialect.detect(none.resolve("a.md"))).isEmpty();
    }
}
