package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekit.ArticleFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad front matter and bad bytes: a clear error naming the file and line (RELIABILITY.md rows 1, 4, 5). */
class RejectionTest {

    private final Posts posts = new Posts();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated YAML         | ---\\ntitle: x\\n\\ntext                  | post.md:1:  | never closed
            unterminated TOML         | +++\\ntitle = 'x'\\n                    | post.md:1:  | never closed
            malformed YAML            | ---\\ntitle: x\\n  - y: [\\n---\\n      | post.md:    | not valid YAML
            a list, not a map         | ---\\n- a\\n- b\\n---\\n                | post.md:2:  | a list, not a map
            a scalar, not a map       | ---\\njust words\\n---\\n               | post.md:2:  | single value
            a duplicate key           | ---\\ntitle: a\\ntitle: b\\n---\\n      | post.md:3:  | the key 'title' twice
            a tab for indentation     | ---\\ntags:\\n\\t- a\\n---\\n           | post.md:    | not valid YAML
            malformed TOML            | +++\\ntitle = \\n+++\\n                 | post.md:2:  | not valid TOML
            malformed JSON            | {\\n"title": "a",\\n"x": nope\\n}\\n    | post.md:3:  | not valid JSON
            a JSON array              | "a": 1,\\n"a": 2\\n;;;\\n              | post.md:    | duplicate key 'a'
            """)
    void malformedFrontMatterIsAnErrorWithFileAndLine(String what, String post, String where, String problem) {
        String text = post.strip().replace("\\n", "\n").replace("\\t", "\t");

        assertThatThrownBy(() -> posts.read(text)).as(what).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith(where.strip()).hasMessageContaining(problem.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1:1/"]]]]
            !!java.io.FileOutputStream [/tmp/articlekit-canary-fos]
            !<tag:yaml.org,2002:java.io.FileOutputStream> [/tmp/articlekit-canary-fos]
            !local-tag value
            """)
    void globalAndCustomTagsAreRefusedAndNothingIsInstantiated(String value, @TempDir Path dir) {
        String text = "---\ntitle: ok\nx: " + value + "\n---\n";

        assertThatThrownBy(() -> posts.read(text)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("post.md:3:").hasMessageContaining("not allowed");
        assertThat(Path.of("/tmp/articlekit-canary-fos")).doesNotExist();
    }

    @Test
    void invalidUtf8IsAnErrorWithTheByteAndLine() {
        byte[] data = "---\ntitle: ok\n---\n第一行\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bad = new byte[data.length + 2];
        System.arraycopy(data, 0, bad, 0, data.length);
        bad[data.length] = (byte) 0xC3;
        bad[data.length + 1] = (byte) 0x28;

        assertThatThrownBy(() -> posts.read(bad)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("post.md:5:").hasMessageContaining("not valid UTF-8")
                .hasMessageContaining("byte " + data.length);
    }

    @Test
    void gbkWithoutADeclarationIsAnErrorUnlessItsEncodingIsGiven() throws Exception {
        byte[] gbk = "---\ntitle: 朱镕基\n---\n正文\n".getBytes(Charset.forName("GBK"));

        assertThatThrownBy(() -> posts.read(gbk)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("post.md:2:").hasMessageContaining("GB18030");
        Posts named = new Posts(MarkdownOptions.builder().charset(Charset.forName("GB18030")).build(), "post.md");
        assertThat(named.read(gbk).metadata().title()).contains("朱镕基");
    }

    @Test
    void utf16WithAByteOrderMarkIsRead() throws Exception {
        byte[] text = "\uFEFF---\ntitle: 双字节\n---\n正文\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);

        assertThat(posts.read(text).metadata().title()).contains("双字节");
    }

    @Test
    void frontMatterOverTheSizeLimitIsRefused() {
        String big = "---\n" + "k: " + "x".repeat(70_000) + "\n---\n";

        assertThatThrownBy(() -> posts.read(big)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void anUnknownHexoTagStaysVisibleWithAWarning() throws Exception {
        String md = "---\ntitle: t\n---\n\n前文 {% youtube abc %} 后文\n";

        String html = posts.read(md).body().html();

        assertThat(html).isEqualTo("<p>前文 {% youtube abc %} 后文</p>");
        assertThat(posts.warnings).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("markdown.tag");
            assertThat(d.line()).isEqualTo(5);
        });
        Files.deleteIfExists(Path.of("/tmp/articlekit-canary-fos"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "---\ntitle: t\n\"\": x\n---\nbody\n",
        "{\n  \"title\": \"t\",\n  \"\": false\n}\nbody\n",
        "+++\ntitle = \"t\"\n\" \" = 1\n+++\nbody\n"})
    void aBlankFrontMatterKeyIsRefusedInEverySyntax(String post) {
        // found by FrontMatterFuzzTest: from TOML and JSON the blank key reached Metadata.Builder.extra,
        // which threw an IllegalArgumentException (JSON reports the line of its opening brace)
        assertThatThrownBy(() -> posts.read(post)).isInstanceOf(ArticleFormatException.class)
                .hasMessageMatching("post\\.md:\\d+: front matter has an empty key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"---\ntitle: \"a\\x\"\n---\n", "---\ntitle: \"a\\u12\"\n---\n", "---\ntitle: \"\\U\"\n---\n"})
    void aCutOffEscapeInAQuotedYamlStringIsAnError(String post) {
        // FrontMatterFuzzTest found SnakeYAML Engine throwing NumberFormatException on a cut-off escape
        // (its exact input is a seed there); these forms must fail the same clean way
        assertThatThrownBy(() -> posts.read(post)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("post.md:").hasMessageContaining("not valid YAML");
    }
}
