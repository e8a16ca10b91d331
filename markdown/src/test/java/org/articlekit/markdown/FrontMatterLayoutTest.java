package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata.SourceKey;
import org.articlekit.Metadata.SourceKey.Form;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.markdown.MarkdownOptions.FrontMatter;
import org.junit.jupiter.api.Test;

/**
 * A post read and written back in its own engine's dialect keeps its front matter as the author
 * wrote it: the same keys, in the same order, each value in the same form (a string or a list, a
 * quoted or a typed date). Each fixture is written the way the writer writes, so the front matter
 * must come back character for character.
 */
class FrontMatterLayoutTest {

    private static Posts posts(Dialect d, FrontMatter syntax) {
        return new Posts(MarkdownOptions.builder().dialect(d).frontMatter(syntax).build(), "post.md");
    }

    private static final String HEXO = """
            ---
            title: 键的顺序不变
            categories: 随笔
            date: 2024-03-05 10:00:00
            tags:
            - Java
            - 笔记
            author: 小明
            comments: true
            updated: 2024-03-06 08:00:00
            headimg: /img/head.jpg
            ---
            正文一段。
            """;

    private static final String JEKYLL = """
            ---
            layout: post
            date: '2024-03-05'
            title: Keys in their place
            tags: ruby jekyll
            categories: blog tech
            last_modified_at: 2024-03-07
            ---
            The body.
            """;

    private static final String HUGO_TOML = """
            +++
            date = 2024-03-05T10:00:00+01:00
            draft = false
            title = "Keys stay put"
            categories = ["Web"]
            weight = 3
            tags = ["http", "go"]
            lastmod = "2024-03-06"
            +++
            The body.
            """;

    private static final String HUGO_YAML = """
            ---
            title: 顺序
            date: 2024-03-05T10:00:00+08:00
            categories:
            - Go
            authors:
            - 小红
            summary: 手写的摘要，不是正文的开头。
            slug: order
            ---
            正文。
            """;

    @Test
    void aHexoPostComesBackWithItsKeysInOrderAndASingleCategoryAsAString() throws IOException {
        Posts hexo = posts(Dialect.HEXO, FrontMatter.YAML);
        Article a = hexo.read(HEXO);
        assertThat(a.metadata().categories()).containsExactly(new CategoryPath(List.of("随笔")));
        assertThat(a.metadata().cover()).contains("/img/head.jpg");
        assertThat(a.metadata().sourceKeys()).extracting(SourceKey::name).containsExactly("title", "categories",
                "date", "tags", "author", "comments", "updated", "headimg");
        assertThat(frontMatter(hexo.write(a))).isEqualTo(frontMatter(HEXO));
    }

    @Test
    void aJekyllPostKeepsItsQuotedDateAndItsSpaceSeparatedTermsAsStrings() throws IOException {
        Posts jekyll = posts(Dialect.JEKYLL, FrontMatter.YAML);
        Article a = jekyll.read(JEKYLL);
        assertThat(a.metadata().tags()).containsExactly("ruby", "jekyll");
        assertThat(a.metadata().categories()).hasSize(2);
        assertThat(a.metadata().sourceKeys()).contains(new SourceKey("date", Form.TEXT),
                new SourceKey("tags", Form.TEXT), new SourceKey("last_modified_at", Form.SCALAR));
        assertThat(frontMatter(jekyll.write(a))).isEqualTo(frontMatter(JEKYLL));
    }

    @Test
    void aHugoTomlPostKeepsItsOrderItsDatetimeAndItsStringDate() throws IOException {
        Posts hugo = posts(Dialect.HUGO, FrontMatter.TOML);
        Article a = hugo.read(HUGO_TOML);
        assertThat(a.metadata().extra()).containsEntry("weight", 3L);
        assertThat(frontMatter(hugo.write(a))).isEqualTo(frontMatter(HUGO_TOML));
    }

    @Test
    void aHugoYamlPostKeepsItsListsOfOneAndItsOwnSummaryKey() throws IOException {
        Posts hugo = posts(Dialect.HUGO, FrontMatter.YAML);
        Article a = hugo.read(HUGO_YAML);
        assertThat(a.metadata().authors()).containsExactly("小红");
        assertThat(frontMatter(hugo.write(a))).isEqualTo(frontMatter(HUGO_YAML));
    }

    @Test
    void aFieldTheSourceDidNotHaveIsWrittenAfterTheSourcesKeys() throws IOException {
        Posts hexo = posts(Dialect.HEXO, FrontMatter.YAML);
        Article a = hexo.read(HEXO);
        Article withLanguage = a.withMetadata(a.metadata().toBuilder().language("zh-CN").build());
        assertThat(frontMatter(hexo.write(withLanguage)))
                .isEqualTo(frontMatter(HEXO).replace("headimg: /img/head.jpg\n", "headimg: /img/head.jpg\nlang: zh-CN\n"));
    }

    @Test
    void anAliasKeyIsWrittenBackUnderItsOwnName() throws IOException {
        Posts hexo = posts(Dialect.HEXO, FrontMatter.YAML);
        String post = "---\nkeywords: 一, 二\nlastmod: 2024-03-06\ntitle: 别名\n---\n正文。\n";
        Article a = hexo.read(post);
        assertThat(a.metadata().tags()).containsExactly("一", "二");
        assertThat(frontMatter(hexo.write(a))).isEqualTo(frontMatter(post));
    }

    @Test
    void metadataBuiltInCodeKeepsTheDialectsOrder() throws IOException {
        Posts hexo = posts(Dialect.HEXO, FrontMatter.YAML);
        Article a = hexo.read(HEXO);
        Article fresh = a.withMetadata(a.metadata().toBuilder().sourceKeys(List.of()).build());
        assertThat(fresh).isEqualTo(a);
        assertThat(frontMatter(hexo.write(fresh))).startsWith("---\ntitle: 键的顺序不变\ndate: 2024-03-05 10:00:00\n"
                + "updated: 2024-03-06 08:00:00\nauthor: 小明\ncategories:\n- 随笔\n");
    }

    private static String frontMatter(String post) {
        String fence = post.startsWith("+++") ? "+++\n" : "---\n";
        return post.substring(0, post.indexOf(fence, 4) + 4);
    }
}
