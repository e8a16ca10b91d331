package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.markdown.MarkdownOptions.FrontMatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrontMatterWriterTest {

    /** Every field set, plus extras of every type, some with awkward text. */
    static Metadata everything() {
        return Metadata.builder().title("合租厨房: 值日表 #2").subtitle("'quoted' & \"double\"")
                .author("王小明").author("Jane Roe")
                .published(ArticleDate.parse("Fri, 16 Jul 2021 20:06:53 GMT"))
                .updated(ArticleDate.parse("2021-07-17 09:00"))
                .language("zh-CN").summary("一段摘要\n第二行").tag("yes").tag("123").tag("生活")
                .category(CategoryPath.of("生活", "厨房")).category(CategoryPath.of("Notes"))
                .cover("images/kitchen.png").thumbnail("images/kitchen-small.png")
                .canonicalUrl(URI.create("https://example.org/kitchen/"))
                .sourceUrl(URI.create("https://example.org/src"))
                .publisher("小站").identifier("urn:uuid:1234")
                .extra("toc", true).extra("weight", 7L).extra("ratio", 0.25).extra("exact", new BigDecimal("1.50"))
                .extra("when", ArticleDate.parse("2024-05-01")).extra("looksLikeANumber", "0012")
                .extra("empty", "").extra("nothing", null).extra("list", List.of("a", 1L, List.of("x, y")))
                .extra("map", Map.of("k", "v: w")).extra("comments", false).build();
    }

    @ParameterizedTest
    @EnumSource(FrontMatter.class)
    void everySyntaxAndDialectGivesTheSameMetadataBack(FrontMatter syntax) throws IOException {
        for (Dialect dialect : Dialect.values()) {
            Posts posts = new Posts(MarkdownOptions.builder().frontMatter(syntax).dialect(dialect).build(), "p.md");
            Metadata m = everything();
            if (syntax == FrontMatter.TOML) {
                // TOML has no null (such a value is left out) and reads every decimal as a double.
                m = m.toBuilder().removeExtra("nothing").removeExtra("exact").build();
            }
            Article a = Article.builder().metadata(m).body(Body.fromHtml("<p>正文</p>")).build();

            String md = posts.write(a);
            Article back = posts.read(md);

            if (dialect != Dialect.HEXO) {
                // Jekyll and Hugo categories are flat: the path's names come back as categories of their own.
                m = m.toBuilder().categories(List.of(CategoryPath.of("生活"), CategoryPath.of("厨房"),
                        CategoryPath.of("Notes"))).build();
            }
            assertThat(back.metadata()).as(syntax + " " + dialect + ":\n" + md).isEqualTo(m);
            assertThat(back.body()).isEqualTo(a.body());
        }
    }

    @ParameterizedTest
    @EnumSource(FrontMatter.class)
    void aTitleFullOfBracketsIsNotMistakenForDeepNesting(FrontMatter syntax) throws IOException {
        Posts posts = new Posts(MarkdownOptions.builder().frontMatter(syntax).build(), "p.md");
        Metadata m = Metadata.builder().title(";{{{y{{{{{{---" + "{".repeat(30) + "about:{{{")
                .subtitle("[[[[[[[[[[[[[[[[[[[[[[[[ 第" + "[".repeat(25) + " \\\" {{{{{{{{{{{{{{{{{{{{{{")
                .summary("it's - " + "{{{{ ".repeat(10) + "- it's - " + "{{{{ ".repeat(10)).build();
        Article a = Article.builder().metadata(m).body(Body.fromHtml("<p>正文</p>")).build();
        String md = posts.write(a);
        assertThat(posts.read(md).metadata()).as(md).isEqualTo(m);
    }

    @Test
    void aNullValueLeftOutOfTomlIsAWarning() throws IOException {
        Posts posts = new Posts(MarkdownOptions.builder().frontMatter(FrontMatter.TOML).build(), "p.md");

        String md = posts.write(Article.builder().metadata(Metadata.builder().extra("gone", null).build()).build());

        assertThat(md).isEqualTo("+++\n+++\n");
        assertThat(posts.warnings).singleElement().satisfies(d -> assertThat(d.message()).contains("'gone'"));
    }

    @Test
    void aNumberTooLargeForTomlIsWrittenAsTextWithAWarningAndTheTomlStillReads() throws IOException {
        Posts posts = new Posts(MarkdownOptions.builder().frontMatter(FrontMatter.TOML).build(), "p.md");
        Metadata m = Metadata.builder().title("大数").extra("limit", new BigDecimal("1e999"))
                .extra("sizes", List.of(new java.math.BigInteger("123456789012345678901234567890"))).build();

        String md = posts.write(Article.builder().metadata(m).body(Body.fromHtml("<p>正文</p>")).build());
        posts.warnings.clear();
        Metadata back = posts.read(md).metadata();

        assertThat(md).contains("limit = \"1E+999\"\n").doesNotContain("Infinity");
        assertThat(back.extra()).containsEntry("limit", "1E+999")
                .containsEntry("sizes", List.of("123456789012345678901234567890"));
        assertThat(back.title()).contains("大数");
    }

    @Test
    void numbersTooLargeForTomlAreNamedInOneWarningEach() throws IOException {
        Posts posts = new Posts(MarkdownOptions.builder().frontMatter(FrontMatter.TOML).build(), "p.md");
        Metadata m = Metadata.builder().extra("date", new BigDecimal("1e999"))
                .extra("sizes", List.of(1L, new java.math.BigInteger("123456789012345678901234567890"))).build();

        posts.write(Article.builder().metadata(m).build());

        assertThat(posts.warnings).extracting(d -> d.code() + " " + d.message()).containsExactly(
                "markdown.metadata 'date' holds the number 1E+999, which TOML cannot hold; written as text",
                "markdown.metadata 'sizes' holds the number 123456789012345678901234567890, which TOML cannot hold;"
                        + " written as text");
    }

    @Test
    void dialectsNameTheFieldsTheirOwnWay() throws IOException {
        Metadata m = Metadata.builder().title("T").author("A").updated(ArticleDate.parse("2024-01-02"))
                .cover("c.png").summary("S").build();
        Article a = Article.builder().metadata(m).build();

        String hexo = new Posts().write(a);
        String jekyll = new Posts(MarkdownOptions.builder().dialect(Dialect.JEKYLL).build(), "p.md").write(a);
        String hugo = new Posts(MarkdownOptions.builder().dialect(Dialect.HUGO)
                .frontMatter(FrontMatter.TOML).build(), "p.md").write(a);

        assertThat(hexo).isEqualTo("---\ntitle: T\nupdated: 2024-01-02\nauthor: A\ncover: c.png\ndescription: S\n---\n");
        assertThat(jekyll).contains("last_modified_at: 2024-01-02\n", "image: c.png\n", "description: S\n");
        assertThat(hugo).startsWith("+++\n").contains("lastmod = 2024-01-02\n", "authors = [\"A\"]\n",
                "cover = { image = \"c.png\" }\n", "summary = \"S\"\n");
    }

    @Test
    void unchangedDatesAreWrittenWithTheirOriginalText() throws IOException {
        Posts posts = new Posts();
        String post = "---\ntitle: x\ndate: Fri, 16 Jul 2021 20:06:53 GMT\nupdated: 2021年7月17日 09:00\n---\n";

        String md = posts.write(posts.read(post));

        assertThat(md).contains("date: Fri, 16 Jul 2021 20:06:53 GMT\n", "updated: 2021年7月17日 09:00\n");
    }

    @Test
    void aFieldWhoseKeyAnExtraUsesGoesUnderAnotherAlias() throws IOException {
        Posts posts = new Posts();
        Article a = posts.read("---\npubdate: 2020-01-01\ndate: not a date at all\n---\n");

        String md = posts.write(a);

        assertThat(a.metadata().published().map(ArticleDate::text)).contains("2020-01-01");
        assertThat(a.metadata().extra()).containsEntry("date", "not a date at all");
        assertThat(posts.read(md).metadata()).isEqualTo(a.metadata());
    }
}
