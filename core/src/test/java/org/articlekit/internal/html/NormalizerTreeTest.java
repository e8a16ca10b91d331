package org.articlekit.internal.html;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.Limits;
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
 * The normaliser hands its own tree to {@link Body#document()} instead of the XHTML being parsed again, so that
 * tree must be node for node what parsing the XHTML gives: the same elements, attributes, text-node
 * boundaries and text.
 */
class NormalizerTreeTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    /** One line per node, text shown exactly, so any difference in shape or content shows. */
    static String dump(Node node) {
        StringBuilder out = new StringBuilder();
        dump(node, 0, out);
        return out.toString();
    }

    private static void dump(Node node, int depth, StringBuilder out) {
        out.append("  ".repeat(depth));
        if (node instanceof Element e) {
            out.append('<').append(e.normalName());
            e.attributes().forEach(a -> out.append(' ').append(a.getKey()).append("=[").append(a.getValue()).append(']'));
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

    /**
     * Normalises {@code html} and, when the normaliser offers its tree, checks it against the parsed XHTML.
     *
     * @return whether the tree was offered
     */
    private static boolean offeredTreeIsTheParsedOne(String html, String name) throws ArticleFormatException {
        Normalizer n = new Normalizer(null, Limits.defaults().maxDepth(), (code, message) -> { });
        String xhtml = n.normalize(Jsoup.parseBodyFragment(html).body());
        Document tree = n.tree();
        if (tree == null) {
            return false;
        }
        String[] want = dump(Xhtml.parseFragment(xhtml).body()).split("\n", -1);
        String[] got = dump(tree.body()).split("\n", -1);
        int i = 0;
        while (i < want.length && i < got.length && want[i].equals(got[i])) {
            i++;
        }
        String at = i < want.length || i < got.length ? "line " + (i + 1) + ": parsed "
                + (i < want.length ? want[i] : "(end)") + ", offered " + (i < got.length ? got[i] : "(end)") : "";
        assertThat(at).as("the normaliser's tree for %s differs from its parsed XHTML", name).isEmpty();
        assertThat(Xhtml.html(tree.body())).as(name).isEqualTo(xhtml);
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div><h1>标题</h1>前言文字<p>文字 <b>粗</b> <i>斜</i><a href='https://example.org/?a=1&b=2'>链接</a></p>尾巴</div>",
        "<p>a</p>\n\n<p>b</p>\n",
        "<table><tr><th>a</th><th>b</th></tr>\n<tr><td colspan=2>c <b>d</b></td></tr></table>",
        "<ul><li>one<li>two<ul><li>inner</ul></ul><ol start=3><li><p>loose</p></li></ol>",
        "<figure><img src=a.png alt=x><figcaption>图一 <em>说明</em></figcaption></figure>",
        "<pre><code class='language-java'>if (a &lt; b) {\n\treturn;\n}\n</code></pre><blockquote><p>引用</p></blockquote>",
        "<p>\u3000\u3000首行缩进的段落，\u00a0不换行空格 &amp; 实体。</p><p>second<br>line</p>",
        "<span>only inline text at the top</span> and more",
        "   <p>leading and trailing whitespace</p>   ",
        "<p><ruby>汉<rt>hàn</rt></ruby> x<sup>2</sup> H<sub>2</sub>O <del>old</del> <code>a&lt;b</code></p>",
        "<dl><dt>term</dt><dd>definition</dd></dl><hr><h2 id=x>heading</h2>",
    })
    void theOfferedTreeIsTheParsedXhtml(String html) throws ArticleFormatException {
        offeredTreeIsTheParsedOne(html, html);
    }

    @Test
    void blockContentIsOffered() throws ArticleFormatException {
        assertThat(offeredTreeIsTheParsedOne("<div><p>一段</p><p>two <b>b</b></p><img src=a.png></div>", "blocks")).isTrue();
    }

    @Test
    void aBodyHandsOutItsTreeOnceThenParses() throws ArticleFormatException {
        Body body = Body.fromHtml("<p>一段 <b>粗</b></p>");
        Document first = body.document();
        first.body().empty();
        assertThat(body.document().body().html()).isEqualTo(body.html());
        assertThat(body.document()).isNotSameAs(body.document());
    }

    @Test
    void randomTagSoupGivesTheParsedTree() throws ArticleFormatException {
        List<String> pieces = List.of("<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<i>", "text ", "文字", " ", "\n",
                "<table>", "<tr>", "<td>", "</td>", "<th>", "</table>", "<ul>", "<li>", "</ul>", "<pre>", "</pre>",
                "<code>", "<br>", "<img src=x.png>", "<figure>", "<figcaption>", "</figure>", "<h2>", "<blockquote>",
                "<a href=https://example.org/>", "</a>", "&nbsp;", "\u3000", "<!-- c -->", "<span>", "<sup>", "<ruby>",
                "<rt>", "<dl><dt>", "<dd>", "<hr>", "<script>x</script>", "<svg><circle/></svg>", "&lt;&amp;");
        Random random = new Random(20261202L);
        int offered = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder soup = new StringBuilder();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                soup.append(pieces.get(random.nextInt(pieces.size())));
            }
            offered += offeredTreeIsTheParsedOne(soup.toString(), soup.toString()) ? 1 : 0;
        }
        assertThat(offered).as("tag soup whose tree was offered").isGreaterThan(1500);
    }

    @Test
    void everyCorpusPageGivesTheParsedTree() throws IOException {
        Path readability = CORPUS.resolve("readability");
        assumeTrue(Files.isDirectory(readability), "corpus not present");
        List<Path> pages;
        try (Stream<Path> s = Files.walk(readability, 2)) {
            pages = s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().toList();
        }
        int offered = 0;
        for (Path p : pages) {
            offered += offeredTreeIsTheParsedOne(Files.readString(p, StandardCharsets.UTF_8), p.toString()) ? 1 : 0;
        }
        assertThat(pages).hasSizeGreaterThan(100);
        assertThat(offered).as("pages whose tree was offered, of %d", pages.size()).isGreaterThan(pages.size() * 9 / 10);
    }
}
