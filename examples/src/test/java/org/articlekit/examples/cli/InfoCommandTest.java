package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleKit;
import org.articlekit.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InfoCommandTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8">
            <title>测试页面 &amp; <Title></title>
            <meta name="author" content="王小明">
            <meta name="author" content="Jane Roe">
            <meta name="description" content="一段摘要。">
            <meta name="keywords" content="新闻, 科技, Java">
            <meta property="article:published_time" content="2021-07-16T20:06:53+08:00">
            <meta property="article:modified_time" content="2021-07-17 09:00">
            <meta property="article:section" content="新闻 / 科技">
            <meta property="og:image" content="images/cover.png">
            </head><body><article><h2>小标题</h2><p>正文 text.</p>
            <p><img src="images/a.png" alt="a"> <img src="images/b.png" alt="b"></p></article></body></html>
            """;

    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) throws Exception {
        return (Map<String, Object>) Json.parse(json);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasTheMetadataOfThePage() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE);

        Cli.Result r = Cli.run("info", page, "--json");

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, Object> root = parse(r.out());
        assertThat(root).containsEntry("format", "html");
        List<Object> articles = (List<Object>) root.get("articles");
        assertThat(articles).hasSize(1);
        Map<String, Object> a = (Map<String, Object>) articles.get(0);
        assertThat(a.keySet()).containsSubsequence("file", "title", "authors", "published", "updated", "language",
                "summary", "tags", "categories", "cover", "thumbnail", "source", "identifier", "extra",
                "characters", "images");
        assertThat(a).containsEntry("format", "html")
                .containsEntry("file", page.toString())
                .containsEntry("title", "测试页面 & <Title>")
                .containsEntry("authors", List.of("王小明", "Jane Roe"))
                .containsEntry("language", "zh-CN")
                .containsEntry("summary", "一段摘要。")
                .containsEntry("tags", List.of("新闻", "科技", "Java"))
                .containsEntry("categories", List.of(List.of("新闻", "科技")))
                .containsEntry("cover", "images/cover.png")
                .containsEntry("thumbnail", null)
                .containsEntry("extra", Map.of())
                .containsEntry("images", 2L);
        assertThat(a.get("published")).isEqualTo(Map.of("text", "2021-07-16T20:06:53+08:00",
                "instant", "2021-07-16T12:06:53Z", "zone", true));
        assertThat(a.get("updated")).isEqualTo(Map.of("text", "2021-07-17 09:00",
                "instant", "2021-07-17T09:00:00", "zone", false));
        String text = ArticleKit.read(page).body().text();
        assertThat(a.get("characters")).isEqualTo((long) text.codePointCount(0, text.length()));
        assertThat(r.out()).contains("\"测试页面 & <Title>\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void severalInputsGiveOneEntryEachAndAFailureStillPrintsTheOthers() throws Exception {
        Path one = Cli.writePage(dir.resolve("one.html"), "One", "2024-01-01");
        Path two = Cli.writePage(dir.resolve("sub/two.html"), "Two", "2024");

        Cli.Result r = Cli.run("info", "--json", one, dir.resolve("missing.html"), dir.resolve("sub"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().matches("^articlekit: error: .*missing\\.html: .*");
        List<Object> articles = (List<Object>) parse(r.out()).get("articles");
        assertThat(articles).extracting(o -> ((Map<String, Object>) o).get("title")).containsExactly("One", "Two");
        assertThat(articles).extracting(o -> ((Map<String, Object>) o).get("file"))
                .containsExactly(one.toString(), two.toString());
        Map<String, Object> unparsed = (Map<String, Object>) ((Map<String, Object>) articles.get(1)).get("published");
        assertThat(unparsed).containsEntry("text", "2024").containsEntry("instant", null).containsEntry("zone", false);
    }

    @Test
    void textSummaryIsReadable() throws IOException {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE);

        Cli.Result r = Cli.run("info", page);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith(page + "  (html)\n")
                .contains("  title:       测试页面 & <Title>\n")
                .contains("  authors:     王小明, Jane Roe\n")
                .contains("  published:   2021-07-16T20:06:53+08:00  (2021-07-16T12:06:53Z)\n")
                .contains("  updated:     2021-07-17 09:00  (2021-07-17T09:00:00, no time zone)\n")
                .contains("  categories:  新闻 / 科技\n")
                .contains("  body:        ").contains(", 2 images\n");
    }

    @Test
    void aMissingInputExitsOne() {
        Cli.Result r = Cli.run("info", dir.resolve("missing.html"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().matches("^articlekit: error: .*missing\\.html: .*");
        assertThat(r.out()).isEmpty();
    }
}
