package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Metadata.SourceLink;
import org.junit.jupiter.api.Test;

/** A post written with reference links ({@code [text][ref]} and {@code [ref]: url}) comes back with them. */
class ReferenceLinkTest {

    private static final String POST = """
            ---
            title: 引用式链接
            ---
            见[官方文档][docs]和 [issue #12][12]，还有[Docs][]。

            > 引用里也有[一个][docs]。

            [docs]: https://example.org/docs "文档"
            [12]: https://example.org/issues/12
            """;

    @Test
    void referenceLinksAndTheirDefinitionsAreWrittenBack() throws IOException {
        Posts posts = new Posts();
        Article a = posts.read(POST);
        assertThat(a.metadata().sourceLinks()).containsExactly(
                new SourceLink("docs", "https://example.org/docs", "文档"),
                new SourceLink("12", "https://example.org/issues/12", null));

        String md = posts.write(a);

        assertThat(md).contains("见[官方文档][docs]和 [issue #12][12]，还有[Docs][docs]。")
                .contains("> 引用里也有[一个][docs]。")
                .endsWith("\n\n[docs]: https://example.org/docs \"文档\"\n[12]: https://example.org/issues/12\n")
                .doesNotContain("](https://");
        Article back = posts.read(md);
        assertThat(back.body()).isEqualTo(a.body());
        assertThat(back.metadata().sourceLinks()).isEqualTo(a.metadata().sourceLinks());
    }

    @Test
    void aLinkWhoseTextIsItsLabelIsAShortcutReferenceUnlessABracketFollows() throws IOException {
        Posts posts = new Posts();
        Article a = posts.read("See [#12] here, [#12][](x) and [#12][][x].\n\n[#12]: https://example.org/12\n");

        String md = posts.write(a);

        assertThat(md).contains("See [#12] here, [#12][](x) and [#12][]\\[x\\].")
                .endsWith("[#12]: https://example.org/12\n");
        assertThat(posts.read(md).body()).isEqualTo(a.body());
    }

    @Test
    void anImageReferenceIsWrittenBackAsOne() throws IOException {
        Posts posts = new Posts();
        Article a = posts.read("![阳台][pic] 和 ![pic]\n\n[pic]: images/balcony.png \"六月\"\n");

        String md = posts.write(a);

        assertThat(md).contains("![阳台][pic] 和 ![pic]").endsWith("[pic]: images/balcony.png \"六月\"\n");
        assertThat(posts.read(md).body()).isEqualTo(a.body());
    }

    @Test
    void aLinkWithAnotherTitleOrWithoutDefinitionsStaysInline() throws IOException {
        Posts posts = new Posts();
        Article a = posts.read("[a](https://example.org/docs \"其他\") and [b][docs]\n\n[docs]: https://example.org/docs\n");

        assertThat(posts.write(a)).contains("[a](https://example.org/docs \"其他\") and [b][docs]");
        Article html = Article.builder().body(Body.fromHtml("<p><a href=\"https://example.org/x\">x</a> y</p>")).build();
        assertThat(posts.write(html)).contains("[x](https://example.org/x) y").doesNotContain("]:");
    }
}
