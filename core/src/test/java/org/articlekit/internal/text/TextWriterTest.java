package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.text.TextOptions;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

class TextWriterTest {

    private final List<Diagnostic> warnings = new ArrayList<>();

    private String write(Article article, TextOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConversionContext ctx = ConversionContext.builder().options(FormatOptions.of(options))
                .warnings(warnings::add).build();
        new TextWriter().write(article, out, ctx);
        return out.toString(StandardCharsets.UTF_8);
    }

    private String write(Article article) throws IOException {
        return write(article, TextOptions.defaults());
    }

    private static Article article(Metadata m, String html) throws IOException {
        return Article.builder().metadata(m).body(Body.fromHtml(html)).build();
    }

    @Test
    void writesTitleUnderlineHeaderBlankLineAndParagraphs() throws IOException {
        Metadata m = Metadata.builder().title("Release notes").author("Ada").author("Lin")
                .published(ArticleDate.parse("2024-03-01 08:30")).language("en").tag("java").tag("text")
                .sourceUrl(URI.create("https://example.org/notes")).build();

        String text = write(article(m, "<p>First   paragraph\nwith a break.</p><p>Second.</p>"));

        assertThat(text).isEqualTo("""
                Release notes
                =============
                Author: Ada
                Author: Lin
                Published: 2024-03-01 08:30
                Language: en
                Tags: java, text
                Source: https://example.org/notes

                First paragraph with a break.

                Second.
                """);
    }

    @Test
    void underlinesAChineseTitleWithTwoColumnsPerCharacter() throws IOException {
        String text = write(article(Metadata.builder().title("纯文本格式").build(), "<p>正文。</p>"));

        assertThat(text).startsWith("纯文本格式\n==========\n\n正文。\n");
    }

    @Test
    void writesListsQuotesCodeImagesAndLinksAsReadableText() throws IOException {
        String html = "<h2>Steps</h2>"
                + "<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"
                + "<ol start=\"3\"><li>third</li><li>fourth</li></ol>"
                + "<blockquote><p>Quoted.</p><p>Again.</p></blockquote>"
                + "<pre>  keep   this\n    indented</pre>"
                + "<p>See <a href=\"https://example.org/a\">the docs</a> or https://example.org/b "
                + "<a href=\"https://example.org/b\">https://example.org/b</a>.</p>"
                + "<p><img src=\"https://example.org/cat.png\" alt=\"a cat\"></p>";

        String text = write(article(Metadata.empty(), html));

        assertThat(text).isEqualTo("""
                Steps

                - one
                - two
                  - nested
                3. third
                4. fourth

                > Quoted.
                >
                > Again.

                  keep   this
                    indented

                See the docs (https://example.org/a) or https://example.org/b https://example.org/b.

                [image: a cat] (https://example.org/cat.png)
                """);
    }

    @Test
    void wrapsLatinTextWithoutBreakingWords() throws IOException {
        String sentence = "Plain text files are still the most portable way to keep an article readable "
                + "for decades, and supercalifragilisticexpialidocious words stay whole.";

        String text = write(article(Metadata.empty(), "<p>" + sentence + "</p>"),
                TextOptions.builder().lineWidth(24).build());

        List<String> lines = text.strip().lines().toList();
        assertThat(lines).hasSizeGreaterThan(4);
        assertThat(lines).allSatisfy(l -> assertThat(l.length() <= 24 || !l.contains(" ")).isTrue());
        assertThat(String.join(" ", lines)).isEqualTo(sentence);
    }

    @Test
    void wrapsChineseTextCountingTwoColumnsPerCharacterAndKeepsPunctuationOffLineStarts() throws IOException {
        String para = "清晨的江边总有人在跑步，也有人在慢慢地散步，远处的渡船一声长鸣，"
                + "把还没醒透的城市叫醒了。卖早点的小摊冒着热气，豆浆和油条的香味飘得很远。";

        String text = write(article(Metadata.empty(), "<p>" + para + "</p>"),
                TextOptions.builder().lineWidth(20).build());

        List<String> lines = text.strip().lines().toList();
        assertThat(lines).hasSizeGreaterThan(6);
        assertThat(lines).allSatisfy(l -> {
            assertThat(CjkText.width(l)).isLessThanOrEqualTo(22);
            assertThat(l).doesNotStartWith("，").doesNotStartWith("。");
        });
        assertThat(String.join("", lines)).isEqualTo(para);
    }

    @Test
    void indentsWrappedListItemsUnderTheirText() throws IOException {
        String text = write(article(Metadata.empty(), "<ul><li>alpha beta gamma delta epsilon zeta eta theta</li></ul>"),
                TextOptions.builder().lineWidth(20).build());

        assertThat(text).isEqualTo("- alpha beta gamma\n  delta epsilon zeta\n  eta theta\n");
    }

    @Test
    void writesAHundredThousandDeepBodyWithoutStackOverflow() throws IOException {
        String deep = "<div><blockquote>".repeat(50_000) + "<p>最深处的一句话。</p>" + "</blockquote></div>".repeat(50_000);
        Body body = Body.fromHtml(deep);

        String text = write(Article.builder().body(body).build());

        assertThat(text).contains("最深处的一句话。").endsWith("\n");
    }

    @Test
    void walksAHundredThousandDeepElementTreeWithoutStackOverflow() {
        // built from the bottom up: appendElement looks up the document, which costs the depth each time
        Element e = new Element("em").appendChild(new TextNode("bottom"))
                .appendChild(new Element("p").appendChild(new TextNode("a paragraph")));
        for (int i = 0; i < 100_000; i++) {
            e = new Element(i % 2 == 0 ? "div" : "em").appendChild(e);
        }
        Element root = new Element("body").appendChild(e);

        String text = BodyText.render(root, 40);

        assertThat(text).isEqualTo("bottom\n\na paragraph");
    }

    @Test
    void leavesOutScriptsAndJavascriptAddresses() throws IOException {
        String html = "<p>Safe <a href=\"javascript:alert(1)\">click</a></p><script>alert('x')</script>"
                + "<p onclick=\"evil()\">ok <img src=\"javascript:steal()\" alt=\"pic\"></p>";

        String text = write(article(Metadata.empty(), html));

        assertThat(text).contains("Safe click").contains("ok")
                .doesNotContain("alert").doesNotContain("javascript:").doesNotContain("evil").doesNotContain("steal");
    }

    @Test
    void usesLfAndEndsWithExactlyOneNewline() throws IOException {
        String text = write(article(Metadata.builder().title("T").build(), "<p>a<br>b</p><p>c</p>"));

        assertThat(text).isEqualTo("T\n===\n\na\nb\n\nc\n").doesNotContain("\r");
    }

    @Test
    void writesNothingForAnEmptyArticle() throws IOException {
        assertThat(write(Article.builder().build())).isEmpty();
    }

    @Test
    void writesOnlyTheBodyWhenTheHeaderIsOff() throws IOException {
        Metadata m = Metadata.builder().title("Hidden").author("Ada").build();

        String text = write(article(m, "<p>Body.</p>"), TextOptions.builder().metadataHeader(false).build());

        assertThat(text).isEqualTo("Body.\n");
    }

    @Test
    void doesNotRepeatAHeadingThatSaysTheTitle() throws IOException {
        String text = write(article(Metadata.builder().title("同一个标题").build(), "<h1>同一个标题</h1><p>正文。</p>"));

        assertThat(text).containsOnlyOnce("同一个标题");
    }

    @Test
    void warnsAboutExtraValuesTheHeaderCannotHold() throws IOException {
        Metadata m = Metadata.builder().title("T").extra("comments", true).extra("gallery", List.of("a.png"))
                .build();

        String text = write(article(m, "<p>x</p>"));

        assertThat(text).contains("comments: true\n").doesNotContain("gallery");
        assertThat(warnings).extracting(Diagnostic::code).containsExactly("text.metadata");
        assertThat(warnings.get(0).message()).contains("gallery");
    }

    @Test
    void writesTablesRowByRow() throws IOException {
        String text = write(article(Metadata.empty(),
                "<table><tr><th>城市</th><th>人口</th></tr><tr><td>Hangzhou</td><td>12M</td></tr></table><p>after</p>"));

        assertThat(text).isEqualTo("城市 | 人口\nHangzhou | 12M\n\nafter\n");
    }

    @Test
    void neverClosesTheStream() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new TextWriter().write(article(Metadata.builder().title("T").build(), "<p>x</p>"), out,
                ConversionContext.builder().build());

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }
}
