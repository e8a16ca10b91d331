package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.FrontMatter;
import org.articlekit.spi.ConversionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A known front-matter key with a value of the wrong kind is kept as an extra value, reported once
 * with its key, file and line, and written back as it was (issue #18; RELIABILITY.md row 4).
 */
class FrontMatterTypeTest {

    private final Posts posts = new Posts();

    /** The wrongly typed key is always on line 3 of the file, after an unknown key on line 2. */
    static Stream<Arguments> wronglyTypedKeys() {
        return Stream.of(
                Arguments.of("a list as the title", "title: [晨跑, 记录]", "title", List.of("晨跑", "记录")),
                Arguments.of("a map as the title", "title: {zh: 晨跑, en: Morning run}", "title",
                        Map.of("zh", "晨跑", "en", "Morning run")),
                Arguments.of("a map as the tags", "tags: {城市: 1, bus: 2}", "tags", Map.of("城市", 1L, "bus", 2L)),
                Arguments.of("a list holding a map as the tags", "tags: [公交, {k: v}]", "tags",
                        List.of("公交", Map.of("k", "v"))),
                Arguments.of("a number as the categories", "categories: 42", "categories", 42L),
                Arguments.of("a map as the categories", "categories: {生活: 阳台}", "categories",
                        Map.of("生活", "阳台")),
                Arguments.of("an overflowing number as the date", "date: 1e999", "date", new BigDecimal("1e999")),
                Arguments.of("a number as the date", "date: 20240301", "date", 20240301L),
                Arguments.of("a list as the date", "date: [2024-03-01, 2024-03-02]", "date",
                        List.of(ArticleDate.parse("2024-03-01"), ArticleDate.parse("2024-03-02"))),
                Arguments.of("true as the update date", "updated: true", "updated", true),
                Arguments.of("a map without a name as the author", "author: {email: lin@example.org}", "author",
                        Map.of("email", "lin@example.org")),
                Arguments.of("a list holding a list as the authors", "authors: [林小雨, [Jane, Roe]]", "authors",
                        List.of("林小雨", List.of("Jane", "Roe"))),
                Arguments.of("an overflowing number as the summary", "description: -2e400", "description",
                        new BigDecimal("-2e400")),
                Arguments.of("a list as the cover", "cover: [a.png, b.png]", "cover", List.of("a.png", "b.png")),
                Arguments.of("a list as the language", "lang: [zh-CN, en]", "lang", List.of("zh-CN", "en")),
                Arguments.of("a number as the permalink", "permalink: 2024", "permalink", 2024L));
    }

    @ParameterizedTest(name = "{0} is kept and reported once")
    @MethodSource("wronglyTypedKeys")
    void aWronglyTypedKnownKeyIsKeptAsAnExtraValueWithOneWarningNamingKeyFileAndLine(String what, String line,
            String key, Object kept) throws IOException {
        Metadata m = posts.read("---\nslug: morning-run\n" + line + "\n---\n正文。\n").metadata();

        assertThat(m.extra()).as(what).containsEntry(key, kept);
        assertThat(List.copyOf(m.extra().keySet())).containsExactly("slug", key);
        assertThat(posts.warnings).as(what).hasSize(1);
        Diagnostic d = posts.warnings.get(0);
        assertThat(d.code()).isEqualTo("metadata.type");
        assertThat(d.file()).isEqualTo("post.md");
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.message()).startsWith("front matter '" + key + "' is ").endsWith("; kept as an extra value");
    }

    @ParameterizedTest(name = "{0} is written back as it was")
    @MethodSource("wronglyTypedKeys")
    void aWronglyTypedKnownKeyIsWrittenBackAsItWasRead(String what, String line, String key, Object kept)
            throws IOException {
        Article a = posts.read("---\nslug: morning-run\n" + line + "\n---\n正文。\n");

        String md = posts.write(a);
        posts.warnings.clear();
        Article back = posts.read(md);

        assertThat(back.metadata()).as(md).isEqualTo(a.metadata());
        assertThat(back.metadata().extra()).containsEntry(key, kept);
        assertThat(posts.warnings).extracting(Diagnostic::code).as(md).containsExactly("metadata.type");
    }

    @Test
    void aListTitleComesOutOfTheWriterAsTheSameList() throws IOException {
        String md = posts.write(posts.read("---\ntitle: [晨跑, 记录]\ndate: 2024-03-01\n---\n正文。\n"));

        assertThat(md).contains("date: 2024-03-01\n").contains("title:\n- 晨跑\n- 记录\n");
    }

    @Test
    void theFieldIsLeftEmptyRatherThanFilledFromTheWrongValue() throws IOException {
        Metadata m = posts.read("---\ntitle: [晨跑, 记录]\ncategories: 42\ndate: 1e999\ntags: {a: 1}\n---\n正文。\n")
                .metadata();

        assertThat(m.title()).isEmpty();
        assertThat(m.categories()).isEmpty();
        assertThat(m.published()).isEmpty();
        assertThat(m.tags()).isEmpty();
        assertThat(posts.warnings).extracting(Diagnostic::line).containsExactly(2, 3, 4, 5);
    }

    @Test
    void aLaterAliasOfTheRightTypeStillSetsTheField() throws IOException {
        Metadata m = posts.read("---\ndate: [1, 2]\npubdate: 2024-03-01\n---\n正文。\n").metadata();

        assertThat(m.published().map(ArticleDate::text)).contains("2024-03-01");
        assertThat(m.extra()).containsEntry("date", List.of(1L, 2L));
        assertThat(posts.warnings).extracting(Diagnostic::code).containsExactly("metadata.type");
    }

    @Test
    void inStrictModeAWronglyTypedKeyIsAnErrorNamingFileAndLine() {
        ConversionContext strict = posts.context().toBuilder().strict(true).build();
        byte[] post = "---\nslug: x\ntitle: [晨跑, 记录]\n---\n正文。\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Posts.MARKDOWN.reader().orElseThrow().read(new ByteArrayInputStream(post), strict))
                .isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("post.md:3: front matter 'title' is a list, not text");
    }

    @Test
    void rightlyTypedKnownKeysGiveNoWarning() throws IOException {
        Metadata m = posts.read("""
                ---
                title: 2024
                published: false
                date: 2024-03-01 07:45
                updated: 昨天
                author:
                  name: 林小雨
                  email: lin@example.org
                tags: [2024, 通勤, true]
                categories: [[生活, 阳台], 园艺]
                cover: {image: a.png, caption: 阳台}
                permalink: /2024/03/bus/
                description:
                lang: ''
                keywords: []
                ---
                正文。
                """).metadata();

        assertThat(posts.warnings).isEmpty();
        assertThat(m.title()).contains("2024");
        assertThat(m.tags()).containsExactly("2024", "通勤", "true");
        assertThat(m.extra()).containsKeys("published", "author", "cover", "permalink", "description", "lang",
                "keywords");
    }

    @Test
    void tomlGivesTheLineOfTheWronglyTypedKey() throws IOException {
        Posts toml = new Posts(MarkdownOptions.builder().frontMatter(FrontMatter.TOML).build(), "hugo.md");
        Article a = toml.read("+++\nslug = \"x\"\n\ntitle = [\"晨跑\", \"记录\"]\ndescription = inf\n+++\n正文。\n");

        assertThat(toml.warnings).extracting(Diagnostic::code).containsExactly("metadata.type", "metadata.type");
        assertThat(toml.warnings).extracting(Diagnostic::line).containsExactly(4, 5);
        assertThat(toml.warnings).extracting(Diagnostic::file).containsOnly("hugo.md");
        assertThat(a.metadata().extra()).containsEntry("title", List.of("晨跑", "记录"))
                .containsEntry("description", Double.POSITIVE_INFINITY);

        String md = toml.write(a);
        assertThat(md).contains("description = inf\n");
        assertThat(toml.read(md).metadata()).isEqualTo(a.metadata());
    }

    @Test
    void tomlTablesAsTheAuthorAreReportedAtTheirHeader() throws IOException {
        Posts toml = new Posts(MarkdownOptions.builder().frontMatter(FrontMatter.TOML).build(), "hugo.md");
        Metadata m = toml.read("+++\ntitle = \"晨跑\"\n\n[author]\nemail = \"lin@example.org\"\n+++\n正文。\n")
                .metadata();

        assertThat(m.extra()).containsEntry("author", Map.of("email", "lin@example.org"));
        assertThat(toml.warnings).extracting(Diagnostic::line).containsExactly(4);
    }

    @Test
    void jsonGivesTheLineOfTheWronglyTypedKey() throws IOException {
        Metadata m = posts.read("{\n  \"slug\": \"x\",\n  \"tags\": {\"城市\": 1},\n  \"date\": 1e999\n}\n正文。\n")
                .metadata();

        assertThat(m.extra()).containsEntry("tags", Map.of("城市", 1L)).containsEntry("date", new BigDecimal("1e999"));
        assertThat(posts.warnings).extracting(Diagnostic::line).containsExactly(3, 4);
    }

    @Test
    void hexoJsonWithoutBracesGivesTheLineOfTheWronglyTypedKey() throws IOException {
        Metadata m = posts.read("\"slug\": \"x\",\n\"title\": [\"a\", \"b\"]\n;;;\n正文。\n").metadata();

        assertThat(m.extra()).containsEntry("title", List.of("a", "b"));
        assertThat(posts.warnings).extracting(Diagnostic::line).containsExactly(2);
    }
}
