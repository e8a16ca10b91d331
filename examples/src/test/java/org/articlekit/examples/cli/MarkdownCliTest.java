package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.articlekit.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with Markdown posts: convert both ways, front-matter syntaxes, info, bad input. */
class MarkdownCliTest {

    static final String POST = """
            ---
            title: 合租厨房的值日表
            date: 2024-06-03 21:10
            author: 林小雨
            categories: [生活, 合租]
            tags: [厨房, 分工]
            cover: images/kitchen.png
            toc: true
            series: {name: 合租笔记, part: 2}
            ---

            我们四个人合租，厨房的**值日表**改了三次。

            - [x] 周一：洗碗
            - [ ] 周二：倒垃圾
            """;

    @TempDir
    Path dir;

    private Path post() throws IOException {
        return Files.writeString(dir.resolve("post.md"), POST, StandardCharsets.UTF_8);
    }

    @Test
    void convertsAPostToHtmlAndText() throws IOException {
        Path post = post();

        Cli.Result html = Cli.run("convert", post, "-o", dir.resolve("post.html"));
        Cli.Result txt = Cli.run("convert", post, "-o", dir.resolve("post.txt"));

        assertThat(html.status()).as(html.err()).isZero();
        assertThat(html.err()).isEmpty();
        String page = Files.readString(dir.resolve("post.html"));
        assertThat(page).contains("<title>合租厨房的值日表</title>", "<strong>值日表</strong>", "[x] 周一：洗碗");
        assertThat(txt.status()).as(txt.err()).isZero();
        assertThat(Files.readString(dir.resolve("post.txt"))).contains("合租厨房的值日表", "值日表");
    }

    @Test
    void convertsAPageToAPostWithYamlFrontMatter() throws IOException {
        Path page = Files.writeString(dir.resolve("page.html"),
                Cli.page("Bus notes", "2024-03-02T07:45:00+08:00", "<p>The <em>42</em> was late.</p>"));

        Cli.Result r = Cli.run("convert", page, "-o", dir.resolve("post.md"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("post.md"))).startsWith("---\ntitle: Bus notes\n")
                .contains("date: 2024-03-02T07:45:00+08:00\n", "lang: en\n", "---\n\nThe *42* was late.\n");
    }

    @Test
    void frontMatterFlagChoosesTomlOrJson() throws IOException {
        Path post = post();

        Cli.Result toml = Cli.run("convert", post, "-o", dir.resolve("toml.md"), "--front-matter", "toml");
        Cli.Result json = Cli.run("convert", post, "-o", dir.resolve("json.md"), "--front-matter", "json");

        assertThat(toml.status()).as(toml.err()).isZero();
        assertThat(toml.err()).isEmpty();
        assertThat(Files.readString(dir.resolve("toml.md"))).startsWith("+++\ntitle = \"合租厨房的值日表\"\n")
                .contains("date = \"2024-06-03 21:10\"\n", "series = { name = \"合租笔记\", part = 2 }\n");
        assertThat(json.status()).as(json.err()).isZero();
        assertThat(Files.readString(dir.resolve("json.md"))).startsWith("{\n  \"title\": \"合租厨房的值日表\",\n");
        Cli.Result back = Cli.run("info", dir.resolve("json.md"), dir.resolve("toml.md"), post, "--json");
        assertThat(back.status()).as(back.err()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoJsonShowsEveryFieldAndTheExtras() throws Exception {
        Path post = post();

        Cli.Result r = Cli.run("info", post, "--json");

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, Object> root = (Map<String, Object>) Json.parse(r.out());
        assertThat(root).containsEntry("format", "markdown");
        Map<String, Object> a = ((List<Map<String, Object>>) root.get("articles")).get(0);
        assertThat(a).containsEntry("title", "合租厨房的值日表").containsEntry("authors", List.of("林小雨"))
                .containsEntry("tags", List.of("厨房", "分工")).containsEntry("categories", List.of(List.of("生活", "合租")))
                .containsEntry("cover", "images/kitchen.png");
        assertThat(a.get("published")).isEqualTo(Map.of("text", "2024-06-03 21:10", "instant", "2024-06-03T21:10:00",
                "zone", false));
        assertThat(a.get("extra")).isEqualTo(Map.of("toc", true, "series", Map.of("name", "合租笔记", "part", 2L)));
    }

    @Test
    void badFrontMatterIsOneErrorLineWithFileAndLineAndNoOutput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.md"), "---\ntitle: ok\nx: !!java.io.FileOutputStream [/tmp/x]\n---\n");
        Path unclosed = Files.writeString(dir.resolve("open.md"), "---\ntitle: never closed\n\ntext\n");

        Cli.Result r = Cli.run("convert", bad, "-o", dir.resolve("bad.html"));
        Cli.Result u = Cli.run("convert", unclosed, "-o", dir.resolve("open.html"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("articlekit: error: " + bad + ":3: ").contains("not allowed"));
        assertThat(dir.resolve("bad.html")).doesNotExist();
        assertThat(u.status()).isEqualTo(1);
        assertThat(u.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("articlekit: error: " + unclosed + ":1: ").contains("never closed"));
        assertThat(dir.resolve("open.html")).doesNotExist();
    }

    @Test
    void aWronglyTypedKnownKeyIsOneWarningWithFileAndLineAndIsWrittenBack() throws IOException {
        Path post = Files.writeString(dir.resolve("list-title.md"), "---\nslug: bus\ntitle: [早班车, 记录]\n---\n正文。\n");

        Cli.Result r = Cli.run("convert", post, "-o", dir.resolve("out.md"));
        Cli.Result strict = Cli.run("convert", post, "-o", dir.resolve("strict.md"), "--strict");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
                .isEqualTo("articlekit: warning: " + post + ":3: front matter 'title' is a list, not text;"
                        + " kept as an extra value"));
        assertThat(Files.readString(dir.resolve("out.md"))).contains("title:\n- 早班车\n- 记录\n");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("articlekit: error: " + post + ":3: front matter 'title' is a list"));
        assertThat(dir.resolve("strict.md")).doesNotExist();
    }

    @Test
    void anEmptyPostIsOneWarningAndAnErrorWithStrict() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.md"), "\n  \n");

        Cli.Result r = Cli.run("convert", empty, "-o", dir.resolve("empty.html"));
        Cli.Result strict = Cli.run("convert", empty, "-o", dir.resolve("strict.html"), "--strict");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
                .isEqualTo("articlekit: warning: " + empty + ": the document is empty"));
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("articlekit: error: " + empty + ": the document is empty"));
        assertThat(dir.resolve("strict.html")).doesNotExist();
    }

    @Test
    void invalidUtf8IsAnErrorNamingTheLine() throws IOException {
        byte[] gbk = "---\ntitle: 朱镕基\n---\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        Path post = Files.write(dir.resolve("gbk.md"), gbk);

        Cli.Result r = Cli.run("convert", post, "-o", dir.resolve("gbk.html"));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("articlekit: error: " + post + ":2: ").contains("not valid UTF-8"));
    }
}
