package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.markdown.MarkdownOptions.FrontMatter;
import org.junit.jupiter.api.Test;

/** A post is written back in the front-matter syntax it was read in, unless the options name one. */
class SourceSyntaxTest {

    private static final String TOML = """
            +++
            title = "用 TOML 写的文章"
            date = 2024-03-05T10:00:00+08:00
            categories = ["Web", "Go"]
            +++
            正文。
            """;

    private static final String JSON = """
            {
              "title": "A post in JSON",
              "tags": ["hugo"]
            }
            The body.
            """;

    private static Posts posts(MarkdownOptions options) {
        return new Posts(options, "post.md");
    }

    @Test
    void tomlAndJsonPostsComeBackInTheirOwnSyntaxByDefault() throws IOException {
        Posts hugo = posts(MarkdownOptions.builder().dialect(Dialect.HUGO).build());

        Article toml = hugo.read(TOML);
        assertThat(toml.metadata().sourceSyntax()).contains("toml");
        assertThat(hugo.write(toml)).startsWith("+++\n").contains("date = 2024-03-05T10:00:00+08:00\n");

        Article json = hugo.read(JSON);
        assertThat(json.metadata().sourceSyntax()).contains("json");
        assertThat(hugo.write(json)).startsWith("{\n").contains("\"title\": \"A post in JSON\"");
    }

    @Test
    void aSyntaxTheOptionsNameAppliesToEveryPost() throws IOException {
        Posts reader = posts(MarkdownOptions.builder().dialect(Dialect.HUGO).build());
        Posts yaml = posts(MarkdownOptions.builder().dialect(Dialect.HUGO).frontMatter(FrontMatter.YAML).build());

        assertThat(yaml.write(reader.read(TOML))).startsWith("---\ntitle: 用 TOML 写的文章\n");
        assertThat(MarkdownOptions.builder().frontMatter(FrontMatter.YAML).build().keepsSourceFrontMatter()).isFalse();
        assertThat(MarkdownOptions.defaults().keepsSourceFrontMatter()).isTrue();
    }

    @Test
    void anArticleNotReadFromFrontMatterGetsYaml() throws IOException {
        Article built = Article.builder().metadata(Metadata.builder().title("网页文章").build())
                .body(Body.fromHtml("<p>正文。</p>")).build();
        assertThat(built.metadata().sourceSyntax()).isEmpty();
        assertThat(posts(MarkdownOptions.defaults()).write(built)).startsWith("---\ntitle: 网页文章\n");
    }
}
