package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FrontMatterTest {

    private final Posts posts = new Posts();

    @ParameterizedTest
    @ValueSource(strings = {
        "---\ntitle: 阳台上的番茄\n---\n正文。\n",
        "\n\n---\ntitle: 阳台上的番茄\n---\n正文。\n",
        "\uFEFF---\ntitle: 阳台上的番茄\n---\n正文。\n",
        "---\r\ntitle: 阳台上的番茄\r\n---\r\n正文。\r\n",
        "---   \ntitle: 阳台上的番茄\n---\t\n正文。\n",
        "title: 阳台上的番茄\n---\n正文。\n",
        "+++\ntitle = \"阳台上的番茄\"\n+++\n正文。\n",
        "{\n  \"title\": \"阳台上的番茄\"\n}\n正文。\n",
        "\"title\": \"阳台上的番茄\"\n;;;\n正文。\n"})
    void findsTheFrontMatterInEveryFormBlogEnginesWrite(String post) throws IOException {
        Article a = posts.read(post);

        assertThat(a.metadata().title()).contains("阳台上的番茄");
        assertThat(a.body().html()).isEqualTo("<p>正文。</p>");
    }

    @Test
    void mapsKnownKeysThroughTheAliasTable() throws IOException {
        Article a = posts.read("""
                ---
                title: Morning buses
                subtitle: Notes from line 42
                pubdate: 2024-03-02 07:45
                lastmod: 2024-03-05T10:00:00+08:00
                authors:
                  - name: 林小雨
                    email: lin@example.org
                keywords: 通勤, buses，城市
                category: [出行, 公交]
                header-img: img/bus.png
                thumbnail: img/bus-small.png
                excerpt: A short look at the morning crowd.
                language: zh_cn
                link: https://blog.example.org/2024/bus/
                ---
                Text.
                """);

        Metadata m = a.metadata();
        assertThat(m.title()).contains("Morning buses");
        assertThat(m.subtitle()).contains("Notes from line 42");
        assertThat(m.published().map(ArticleDate::text)).contains("2024-03-02 07:45");
        assertThat(m.published().get().hasZone()).isFalse();
        assertThat(m.updated().flatMap(ArticleDate::offset)).contains(ZoneOffset.ofHours(8));
        assertThat(m.authors()).containsExactly("林小雨");
        assertThat(m.tags()).containsExactly("通勤", "buses", "城市");
        assertThat(m.categories()).containsExactly(CategoryPath.of("出行", "公交"));
        assertThat(m.cover()).contains("img/bus.png");
        assertThat(m.thumbnail()).contains("img/bus-small.png");
        assertThat(m.summary()).contains("A short look at the morning crowd.");
        assertThat(m.language()).contains("zh-CN");
        assertThat(m.canonicalUrl()).contains(URI.create("https://blog.example.org/2024/bus/"));
        assertThat(m.extra()).as("the author map keeps its e-mail").containsOnlyKeys("authors");
    }

    @Test
    void aListOfListsIsSeveralCategoriesAndAStringOfTagsIsSplit() throws IOException {
        Metadata m = posts.read("""
                ---
                categories:
                  - [生活, 阳台]
                  - [园艺]
                tags: tomatoes balcony summer
                ---
                """).metadata();

        assertThat(m.categories()).containsExactly(CategoryPath.of("生活", "阳台"), CategoryPath.of("园艺"));
        assertThat(m.tags()).containsExactly("tomatoes", "balcony", "summer");
    }

    @Test
    void keepsUnknownKeysInOrderWithTheirTypes() throws IOException {
        Metadata m = posts.read("""
                ---
                title: 厨房值日表
                toc: true
                weight: 12
                ratio: 1.50
                price: 2.5
                when: 2024-05-01
                note: '2024-05-01'
                nothing:
                quoted: "true"
                sections: [a, b]
                series: {name: 合租, part: 3}
                comments: false
                ---
                """).metadata();

        assertThat(List.copyOf(m.extra().keySet())).containsExactly("toc", "weight", "ratio", "price", "when", "note",
                "nothing", "quoted", "sections", "series", "comments");
        assertThat(m.extra().get("toc")).isEqualTo(true);
        assertThat(m.extra().get("weight")).isEqualTo(12L);
        assertThat(m.extra().get("ratio")).isEqualTo(new BigDecimal("1.50"));
        assertThat(m.extra().get("price")).isEqualTo(2.5);
        assertThat(m.extra().get("when")).isEqualTo(ArticleDate.parse("2024-05-01"));
        assertThat(m.extra().get("note")).isEqualTo("2024-05-01");
        assertThat(m.extra().get("nothing")).isNull();
        assertThat(m.extra().get("quoted")).isEqualTo("true");
        assertThat(m.extra().get("sections")).isEqualTo(List.of("a", "b"));
        assertThat(m.extra().get("series")).isEqualTo(Map.of("name", "合租", "part", 3L));
        assertThat(m.extra().get("comments")).isEqualTo(false);
    }

    @Test
    void datesKeepTheirTextAndNeverGetTheMachinesZone() throws IOException {
        for (String date : List.of("2021-07-16 20:06:53", "2021-07-16", "2021-07-16T20:06:53",
                "Fri, 16 Jul 2021 20:06:53 GMT", "2021年7月16日 20:06", "2021-07-16T20:06:53+08:00")) {
            ArticleDate d = posts.read("---\ndate: " + date + "\n---\n").metadata().published().orElseThrow();
            assertThat(d.text()).as(date).isEqualTo(date);
            assertThat(d.isParsed()).as(date).isTrue();
            assertThat(d.hasZone()).as(date).isEqualTo(date.endsWith("GMT") || date.endsWith("+08:00"));
        }
    }

    @Test
    void theSiteZoneGivesZoneLessDatesAnInstantAndKeepsTheirText() throws IOException {
        Posts shanghai = new Posts(MarkdownOptions.builder().siteZone(ZoneId.of("Asia/Shanghai")).build(), "p.md");

        ArticleDate d = shanghai.read("---\ndate: 2021-07-16 20:06:53\n---\n").metadata().published().orElseThrow();

        assertThat(d.text()).isEqualTo("2021-07-16 20:06:53");
        assertThat(d.instant().map(Object::toString)).contains("2021-07-16T12:06:53Z");
    }

    @Test
    void publishedFalseIsAFlagNotADateAndTomlDatesAreDates() throws IOException {
        Metadata yaml = posts.read("---\npublished: false\ndate: 2020-01-02\n---\n").metadata();
        Metadata toml = posts.read("+++\ndate = 2020-01-02T03:04:05Z\ndraft = true\ntags = [\"a\"]\n+++\n")
                .metadata();

        assertThat(yaml.extra()).containsEntry("published", false);
        assertThat(yaml.published().map(ArticleDate::text)).contains("2020-01-02");
        assertThat(toml.published().flatMap(ArticleDate::instant).map(Object::toString))
                .contains("2020-01-02T03:04:05Z");
        assertThat(toml.extra()).containsEntry("draft", true);
        assertThat(toml.tags()).containsExactly("a");
    }

    @Test
    void aPostWithoutFrontMatterIsAllBodyButItsOpeningHeadingIsTheTitle() throws IOException {
        Article a = posts.read("# 标题\n\nSome *text*.\n".getBytes(StandardCharsets.UTF_8));
        Article b = posts.read("Some *text*.\n\n# 标题\n".getBytes(StandardCharsets.UTF_8));

        assertThat(a.metadata()).isEqualTo(Metadata.builder().title("标题").build());
        assertThat(a.body().html()).isEqualTo("<p>Some <em>text</em>.</p>");
        assertThat(b.metadata().isEmpty()).isTrue();
        assertThat(b.body().html()).isEqualTo("<p>Some <em>text</em>.</p>\n<h1>标题</h1>");
    }
}
