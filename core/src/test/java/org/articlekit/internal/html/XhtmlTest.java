package org.articlekit.internal.html;

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
import org.articlekit.Body;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Xhtml#html} and {@link Xhtml#outerHtml} write exactly what jsoup's XHTML output writes for the same tree. */
class XhtmlTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    private static void assertSameAsJsoup(String html, String name) {
        Document doc = Jsoup.parseBodyFragment(html);
        Xhtml.xmlOutput(doc);
        assertSame(doc.body().html(), Xhtml.html(doc.body()), name);
        // Every element alone, as Xhtml.outerHtml writes it where it does not leave the tree to jsoup.
        for (Element e : doc.body().getAllElements()) {
            String outer = Xhtml.outerHtml(e);
            if (outer != null) {
                assertSame(e.outerHtml(), outer, name + ", element " + e.tagName());
            }
        }
    }

    private static void assertSame(String want, String got, String name) {
        int i = 0;
        while (i < want.length() && i < got.length() && want.charAt(i) == got.charAt(i)) {
            i++;
        }
        assertThat(got.length() == want.length() && i == got.length() ? "" : "at " + i + ": jsoup "
                + want.substring(Math.max(0, i - 40), Math.min(want.length(), i + 40)) + " ours "
                + got.substring(Math.max(0, i - 40), Math.min(got.length(), i + 40))).as(name).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p title='a<b>&c\"d\te\nf\u00a0g' class=x>text &lt; &gt; &amp; \u00a0 \"quoted\" 'single'</p>",
        "<p>控制\u0001字符\uFFFE\uFFFF与\uD800孤立代理，😀 成对</p><img src=a.png alt=''><br><hr><p></p>",
        "<table><tr><td colspan=2>c</td></tr></table><!-- a comment --><ul><li>one<li>two</ul>",
        "<pre><code class=language-java>if (a &lt; b) {\n\treturn;\n}</code></pre><input checked><span></span>",
        "<svg viewBox='0 0 1 1'><circle r=1 /></svg><math><mi>x</mi></math><script>if (a<b) x()</script><style>p>a{}</style>",
        "<p data-x=1 aria-label=y xml:lang=zh weird$name=z>attributes</p>",
        "<p>图 <svg viewBox='0 0 1 1'><circle r=1 /><g></g></svg><foo/><bar></bar><math><mo/><mi></mi></math><span></span></p>",
        "",
    })
    void writesWhatJsoupWrites(String html) {
        assertSameAsJsoup(html, html);
    }

    @Test
    void normalisedBodiesAreWrittenAsJsoupWritesThem() throws ArticleFormatException {
        Body body = Body.fromHtml("<div><h1>标题</h1><p>文字 <b>粗</b> <a href='https://example.org/?a=1&b=2' title='\"t\"'>链接</a>"
                + "<img src='x.png' alt='图 &amp; 字'></p><table><tr><th>a</th></tr><tr><td>1</td></tr></table></div>");
        assertSameAsJsoup(body.html(), "normalised body");
        assertThat(body.html()).contains("<img src=\"x.png\" alt=\"图 &amp; 字\" />");
    }

    @Test
    void everyCorpusPageIsWrittenAsJsoupWritesIt() throws IOException {
        Path readability = CORPUS.resolve("readability");
        assumeTrue(Files.isDirectory(readability), "corpus not present");
        List<Path> pages = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CORPUS.resolve("readability"), 2)) {
            s.filter(p -> p.getFileName().toString().endsWith(".html")).sorted().forEach(pages::add);
        }
        for (Path p : pages) {
            assertSameAsJsoup(new String(Files.readAllBytes(p), StandardCharsets.UTF_8), p.toString());
        }
        assertThat(pages).hasSizeGreaterThan(100);
    }
}
