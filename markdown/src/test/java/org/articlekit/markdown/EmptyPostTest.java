package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Diagnostic;
import org.articlekit.spi.ConversionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A post with nothing in it is one {@code input.empty} warning, or an error in strict mode (issue #18). */
class EmptyPostTest {

    private final Posts posts = new Posts();

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\n\n", " \t\r\n  \n", "\uFEFF", "\uFEFF\n "})
    void aBlankFileIsAnEmptyArticleWithOneWarning(String text) throws IOException {
        Article a = posts.read(text);

        assertThat(a.body().isEmpty()).isTrue();
        assertThat(a.metadata().isEmpty()).isTrue();
        assertThat(posts.warnings).hasSize(1);
        Diagnostic d = posts.warnings.get(0);
        assertThat(d.code()).isEqualTo("input.empty");
        assertThat(d.file()).isEqualTo("post.md");
        assertThat(d.toString()).isEqualTo("post.md: the document is empty");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"---\ntags: [阳台]\n---\n", "---\n---\n\n\n", "+++\ndraft = true\n+++\n",
        "{\n\"tags\": [\"a\"]\n}\n", "---\ndate: 2024-03-01\n---\n<!-- more -->\n"})
    void frontMatterWithoutTitleOrBodyIsAnEmptyArticleWithOneWarning(String text) throws IOException {
        posts.read(text);

        assertThat(posts.warnings).extracting(Diagnostic::code).containsExactly("input.empty");
        assertThat(posts.warnings.get(0).toString()).isEqualTo("post.md: the post has no title and no body");
    }

    @Test
    void aTitleWithoutABodyIsNotEmpty() throws IOException {
        Article a = posts.read("---\ntitle: 草稿\n---\n");

        assertThat(a.metadata().title()).contains("草稿");
        assertThat(posts.warnings).isEmpty();
    }

    @Test
    void aBodyWithoutATitleIsNotEmpty() throws IOException {
        posts.read("Just a line.\n");

        assertThat(posts.warnings).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "  \n", "---\ntags: [阳台]\n---\n"})
    void inStrictModeAnEmptyPostIsAnErrorNamingTheFile(String text) {
        ConversionContext strict = posts.context().toBuilder().strict(true).build();
        byte[] data = text.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Posts.MARKDOWN.reader().orElseThrow().read(new ByteArrayInputStream(data), strict))
                .isInstanceOf(ArticleFormatException.class).hasMessageStartingWith("post.md: the ")
                .hasMessageEndingWith("(strict mode)");
    }
}
