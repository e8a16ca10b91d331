package org.articlekit.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.articlekit.ArticleFormatException;
import org.articlekit.Limits;
import org.articlekit.internal.html.Normalizer;
import org.articlekit.internal.html.Xhtml;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ConversionContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MarkdownDom} must give exactly the tree that rendering the Markdown as HTML and parsing it with jsoup gives:
 * the same elements, attributes, comments and text nodes, split in the same places. Checked on our own samples
 * (which must take the direct path) and, when {@code ../shared/corpus} is present, on every CommonMark spec example
 * and every corpus post.
 */
class MarkdownDomTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    private static final MarkdownBody.Engine ENGINE = MarkdownBody.engine(MarkdownOptions.Extension.BLOG);

    /** One line per node, with text shown exactly, so any difference in shape or content shows. */
    private static String dump(Node node) {
        StringBuilder out = new StringBuilder();
        dump(node, 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
        if (node instanceof Element e) {
            out.append('<').append(e.normalName());
            e.attributes().forEach(a -> {
                out.append(' ').append(a.getKey());
                if (a.hasDeclaredValue()) {
                    out.append("=[").append(a.getValue()).append(']');
                }
            });
            out.append(">\n");
            for (Node c : e.childNodes()) {
                dump(c, depth + 1, out);
            }
        } else if (node instanceof TextNode t) {
            out.append("text[").append(t.getWholeText().replace("\n", "\\n")).append("]\n");
        } else if (node instanceof Comment c) {
            out.append("comment[").append(c.getData()).append("]\n");
        } else if (node instanceof DataNode d) {
            out.append("data[").append(d.getWholeData()).append("]\n");
        } else {
            out.append(node.nodeName()).append('[').append(node.outerHtml()).append("]\n");
        }
    }

    /** @return whether the direct path was taken (and then matched) */
    private static boolean matches(String markdown, String name) {
        org.commonmark.node.Node doc = ENGINE.parser().parse(markdown);
        Document parsed = Jsoup.parseBodyFragment(ENGINE.renderer().render(doc));
        normalisedTreeIsItsParsedXhtml(parsed, name);
        Document direct = MarkdownDom.build((org.commonmark.node.Document) doc);
        if (direct == null) {
            return false;
        }
        assertSameTree(parsed, direct, name + ": the tree built directly");
        return true;
    }

    /** The normaliser's own tree, which bodies hand out instead of parsing their XHTML, is that parse. */
    private static void normalisedTreeIsItsParsedXhtml(Document html, String name) {
        Normalizer n = new Normalizer(null, Limits.defaults().maxDepth(), (code, message) -> { });
        String xhtml;
        try {
            xhtml = n.normalize(html.clone().body());
        } catch (ArticleFormatException e) {
            throw new AssertionError(e);
        }
        if (n.tree() != null) {
            assertSameTree(Xhtml.parseFragment(xhtml), n.tree(), name + ": the normaliser's tree");
        }
    }

    private static void assertSameTree(Document parsed, Document direct, String what) {
        String[] want = dump(parsed.body()).split("\n", -1);
        String[] got = dump(direct.body()).split("\n", -1);
        int i = 0;
        while (i < want.length && i < got.length && want[i].equals(got[i])) {
            i++;
        }
        String at = i < want.length || i < got.length ? "line " + (i + 1) + ": parsed "
                + (i < want.length ? want[i] : "(end)") + ", got " + (i < got.length ? got[i] : "(end)") : "";
        assertThat(at).as("%s differs", what).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "# 标题\n\n第一段，*强调*和**加粗**，`code`，~~删除~~。\n第二行  \n硬换行后。\n",
        "<figure class=\"photo\">\n<img src=\"a.png\" alt=\"江边\" loading=\"lazy\">\n<figcaption>江边，river</figcaption>\n"
                + "</figure>\n\nAfter the figure.\n",
        "| a | 中 | n |\n|:--|:-:|--:|\n| x | *y* | 1 |\n| p | q | 2 |\n",
        "- one\n- two\n  - nested *a*\n  - nested b\n- three\n\n1. loose\n\n2. list\n\n3. here\n",
        "3. starts at three\n4. next\n",
        "> quote with a list:\n> - a\n> - b\n>\n> and a paragraph\n",
        "```java\nint x = 1 < 2 && 3 > 2;\n```\n\n    indented code\n\n```\nplain\n```\n",
        "![alt with `code` and *em*](img/a.png \"a title\") and [a link](https://example.org/?q=1&r=2 \"t\")\n",
        "Text before\n\n<!-- more -->\n\nText after\n\n---\n\n***bold italic*** end\n",
        "- item\n\n  <div class=\"note\">\n  <p>inside a list item</p>\n  </div>\n- next\n",
        "<table>\n<tr><td>cell</td><td>two</td></tr>\n</table>\n\nafter\n",
        "Autolink https://example.org/x and mail@example.org and <https://example.com>.\n",
        "[ref link][r] and ![ref image][r]\n\n[r]: https://example.org/r \"ref title\"\n",
        "<p>Raw <b>para</b> &amp; entity &copy; text</p>\n\n<ul>\n<li>raw list</li>\n</ul>\n",
        "中文段落，包含全角标点：“引号”、《书名》……以及 English words.\n\n## 二级标题\n\n### 三级\n",
        "脚注[^a]和另一个[^b]，再次引用[^a]，没有定义的[^c]。\n\n[^b]: 第二条。\n\n[^a]: 第一条，两段。\n\n    第二段。\n",
        "A note with a list[^n].\n\n[^n]:\n    - one\n    - two\n",
    })
    void ourSamplesTakeTheDirectPathAndMatchRenderingAndParsing(String markdown) {
        assertThat(matches(markdown, "sample")).as("direct path taken for:%n%s", markdown).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Inline <span class=\"x\">html</span> here\n",
        "<div>\n\n*markdown inside an open block*\n\n</div>\n",
        "A footnote[^1] citing another.\n\n[^1]: The note[^2].\n[^2]: Nested.\n",
        "- [x] done\n- [ ] open\n",
        "<script>alert(1)</script>\n",
        "<div class=\"x\n",
        "A line with an inline <br> break\n",
    })
    void whatItDoesNotMirrorFallsBackToRenderingAndParsing(String markdown) {
        org.commonmark.node.Node doc = ENGINE.parser().parse(markdown);
        assertThat(MarkdownDom.build((org.commonmark.node.Document) doc)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<figure class=\"photo\">\n<img src=\"a.png\" alt=\"江边\" loading=lazy>\n<figcaption>江边，<em>river</em></figcaption>\n</figure>",
        "<p>text <a href='x?a=1'>link <b>bold</b></a> and <br/> a break<img src=a.png /></p>",
        "<div><p>one</p>\n<p>two</p><blockquote><p>q</p></blockquote></div>",
        "<P CLASS=Up>upper case <SPAN lang=zh>名字</SPAN></P>",
        "<p><div>block in a paragraph</div></p>",
        "<a href=x><a href=y>link in a link</a></a>",
        "<b><p>block in inline</p></b>",
        "<p>entity &amp; here</p>",
        "<p title=\"a &quot; b\">attribute entity</p>",
        "<img src=a.png alt>",
        "<p class=a class=b>twice</p>",
        "<p>unclosed",
        "<p>mis</b>nested</p>",
        "<span/>self-closing span",
        "<p><!-- comment --></p>",
        "<table><tr><td>x</td></tr></table>",
        "<p>a < b and c > d</p>",
        "<img src=\"a.png\"title=\"no space\">",
        "<p data-x=1 aria-label=y xml:lang=zh>attributes</p>",
        "\n  <p>leading and trailing text</p>  \n",
    })
    void plainHtmlBlocksAreBuiltAsJsoupParsesThemOrLeftToIt(String html) {
        List<org.jsoup.nodes.Node> built = SimpleHtml.parse(html);
        if (built == null) {
            return;
        }
        Document want = Jsoup.parseBodyFragment("");
        org.jsoup.parser.Parser.parseFragment(html, want.body(), "").forEach(want.body()::appendChild);
        Document got = Jsoup.parseBodyFragment("");
        built.forEach(got.body()::appendChild);
        assertThat(dump(got.body())).as(html).isEqualTo(dump(want.body()));
    }

    @Test
    void theUsualBlogFigureIsBuiltWithoutJsoup() {
        assertThat(SimpleHtml.parse("<figure class=\"post-image\">\n<img src=\"images/a.png\" alt=\"图\" />\n"
                + "<figcaption>图一：江边</figcaption>\n</figure>")).hasSize(1);
        assertThat(SimpleHtml.parse("<p><div>x</div></p>")).isNull();
        assertThat(SimpleHtml.parse("<p>&copy; 2026</p>")).isNull();
    }

    @Test
    void selfContainedBlocksAreRecognised() {
        assertThat(MarkdownDom.selfContained("<figure><img src=\"a\"><figcaption>c</figcaption></figure>")).isTrue();
        assertThat(MarkdownDom.selfContained("<p title='a > b'>x</p><!-- c -->")).isTrue();
        assertThat(MarkdownDom.selfContained("<table><tr><td>1</td></tr></table>")).isTrue();
        assertThat(MarkdownDom.selfContained("<div>")).isFalse();
        assertThat(MarkdownDom.selfContained("</div>")).isFalse();
        assertThat(MarkdownDom.selfContained("<b><i>x</b></i>")).isFalse();
        assertThat(MarkdownDom.selfContained("<td>1</td>")).isFalse();
        assertThat(MarkdownDom.selfContained("<li>1</li>")).isFalse();
        assertThat(MarkdownDom.selfContained("<!-- open")).isFalse();
        assertThat(MarkdownDom.selfContained("<p title=\"open>x</p>")).isFalse();
        assertThat(MarkdownDom.selfContained("<textarea>x</textarea>")).isFalse();
        assertThat(MarkdownDom.selfContained("<div/>")).isFalse();
        assertThat(MarkdownDom.selfContained("<?php x ?>")).isFalse();
    }

    @Test
    void everyCommonMarkSpecExampleMatches() throws IOException {
        Path spec = CORPUS.resolve("commonmark/spec.txt");
        assumeTrue(Files.isRegularFile(spec), "corpus not present");
        // Examples stand between a fence line ending in "example" and a line of one dot; a tab is written as →.
        List<String> examples = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(spec, StandardCharsets.UTF_8)) {
            if (current == null && line.startsWith("```") && line.endsWith(" example")) {
                current = new StringBuilder();
            } else if (current != null && line.equals(".")) {
                examples.add(current.toString().replace('\u2192', '\t'));
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        int direct = 0;
        for (int i = 0; i < examples.size(); i++) {
            if (matches(examples.get(i), "spec example " + (i + 1))) {
                direct++;
            }
        }
        System.out.printf("MarkdownDomTest: %d of %d spec examples built directly%n", direct, examples.size());
        assertThat(examples).hasSizeGreaterThan(500);
        assertThat(direct).isGreaterThan(examples.size() / 2);
    }

    @Test
    void everyCorpusPostMatches() throws IOException, ArticleFormatException {
        Path posts = CORPUS.resolve("posts");
        assumeTrue(Files.isDirectory(posts), "corpus not present");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(posts)) {
            s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown")).sorted().forEach(files::add);
        }
        int direct = 0;
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            ConversionContext ctx = ConversionContext.builder().sourceName(p.getFileName().toString()).build();
            String body;
            try {
                FrontMatterBlock block = FrontMatterSplitter.split(text, MarkdownOptions.DEFAULT_MAX_FRONT_MATTER_BYTES, ctx);
                body = HexoTags.expand(block.body(), "post", block.bodyLine(), ctx);
            } catch (ArticleFormatException e) {
                continue; // a post the reader refuses before it gets to the body
            }
            if (matches(body, p.toString())) {
                direct++;
            }
        }
        System.out.printf("MarkdownDomTest: %d of %d corpus posts built directly%n", direct, files.size());
        assertThat(direct).isGreaterThan(files.size() / 4);
    }
}
