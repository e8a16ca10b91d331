package org.articlekit.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.articlekit.BodyNormalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The one-pass check for unsettled white space: a body it passes has nothing that settling would
 * change, and the layout white space of loose lists and figures does not count.
 */
class MarkdownSpaceTest {

    @Test
    void examplesOfEachCase() {
        assertThat(MarkdownSpace.unsettled("<p>一段文字</p><ul><li>项目</li></ul>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<p>line one \nline two</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p>line one\n  line two</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p class=\"x\"> 开头有空格</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<li>结尾有空格 </li>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<pre><code>code \n  indented\n</code></pre><p>ok</p>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<p>a <code>x</code>\nb</p>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<p>a <code>x</code> \nb</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<ol><li id=\"fn-1\">\n<p>脚注</p>\n</li></ol>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<li>\n<pre><code>x\n</code></pre>\n</li>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<li><p>x</p><hr /> </li>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<li>\n\n<p>两个换行</p></li>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<li> <em>强调</em><p>x</p></li>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<li><p>x</p><em>y</em> </li>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p><a href=\"#x\">链接\n</a></p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p><em></em> 开头</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p>x <code>y </code></p><p>a<br /></p>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<div> layout</div><section>\n<p>x</p></section>")).isFalse();
    }

    /** The quick test before a text's settling says yes exactly when the settling would change it. */
    @Test
    void theQuickTestForATextAgreesWithItsSettling() {
        char[] alphabet = {' ', '\t', '\r', '\f', '\n', '\n', 'a', '字', '\u00a0'};
        Random random = new Random(4);
        int changed = 0;
        for (int n = 0; n < 50_000; n++) {
            char[] text = new char[random.nextInt(7)];
            for (int i = 0; i < text.length; i++) {
                text[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String s = new String(text);
            boolean changes = !MarkdownSpace.SPACE_WITH_BREAK.matcher(s).replaceAll("\n").equals(s);
            assertThat(MarkdownSpace.spaceAtBreak(s)).as("%s", s.replace("\n", "\\n")).isEqualTo(changes);
            changed += changes ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(5_000).isLessThan(45_000);
    }

    /** A normalised body the check passes is one that settling leaves as it is. */
    @Test
    void aBodyItPassesIsOneSettlingLeavesAlone() throws Exception {
        String[] blocks = {"<p>%s</p>", "<ul><li>%s</li></ul>", "<ol><li>\n<p>%s</p>\n</li></ol>", "<blockquote>%s</blockquote>",
            "<ul><li>%s<ul><li>%s</li></ul></li></ul>", "<li>%s<p>%s</p>%s</li>", "<h2>%s</h2>", "<pre><code>%s</code></pre>",
            "<figure><img src=\"a.png\" alt=\"\" /><figcaption>%s</figcaption></figure>", "<table><tr><td>%s</td></tr></table>",
            "<div>%s</div>", "<p>%s<br />%s</p>", "<li>%s<hr />%s</li>"};
        String[] inlines = {"文字", "text", "<em>%s</em>", "<code>%s</code>", "<a href=\"#x\">%s</a>", " ", "\n", "\t", " \n",
            "\n  ", "\n\n"};
        Random random = new Random(20261205);
        int passed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(4);
            for (int j = 0; j < len; j++) {
                sb.append(fill(blocks[random.nextInt(blocks.length)], inlines, random, 2));
                if (random.nextBoolean()) {
                    sb.append(random.nextBoolean() ? "\n" : " ");
                }
            }
            String html = BodyNormalizer.builder().build().normalize(sb.toString()).html();
            if (MarkdownSpace.unsettled(html)) {
                continue;
            }
            passed++;
            Document doc = Jsoup.parseBodyFragment(html);
            doc.outputSettings().prettyPrint(false);
            String before = doc.body().html();
            MarkdownSpace.settleTree(doc.body(), false);
            assertThat(doc.body().html()).as("%s", html.replace("\n", "\\n")).isEqualTo(before);
        }
        assertThat(passed).as("bodies with nothing to settle among the random ones").isGreaterThan(1_000);
    }

    private static String fill(String template, String[] inlines, Random random, int depth) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int hole = template.indexOf("%s"); hole >= 0; hole = template.indexOf("%s", at)) {
            out.append(template, at, hole);
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                String inline = inlines[random.nextInt(inlines.length)];
                out.append(inline.contains("%s") ? depth == 0 ? "x" : fill(inline, inlines, random, depth - 1) : inline);
            }
            at = hole + 2;
        }
        return out.append(template.substring(at)).toString();
    }
}
