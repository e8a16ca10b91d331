package org.articlekit.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The one-pass check for unsettled white space finds what the two regular expressions it replaced find. */
class MarkdownSpaceTest {

    /** The rule as regular expressions: pre and code taken out, then any of four patterns. */
    private static final Pattern PRE = Pattern.compile("(?s)<pre\\b.*?</pre>|<code\\b.*?</code>");
    private static final Pattern UNSETTLED = Pattern.compile("[ \\t]\\n|\\n[ \\t\\n]"
            + "|<(?:p|li|h[1-6]|td|th|dt|dd|figcaption|caption)\\b[^>]*>[ \\t\\n]"
            + "|[ \\t\\n]</(?:p|li|h[1-6]|td|th|dt|dd|figcaption|caption)>");

    private static boolean byRegex(String html) {
        return UNSETTLED.matcher(PRE.matcher(html).replaceAll("")).find();
    }

    @Test
    void examplesOfEachCase() {
        assertThat(MarkdownSpace.unsettled("<p>一段文字</p><ul><li>项目</li></ul>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<p>line one \nline two</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p>line one\n  line two</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<p class=\"x\"> 开头有空格</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<li>结尾有空格 </li>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<pre><code>code \n  indented\n</code></pre><p>ok</p>")).isFalse();
        assertThat(MarkdownSpace.unsettled("<p>a <code>x</code>\nb</p>")).isTrue();
        assertThat(MarkdownSpace.unsettled("<div> layout</div><section>\n<p>x</p></section>")).isFalse();
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomMarkup() {
        String[] tokens = {"<p>", "</p>", "<p class=\"a\">", "<li>", "</li>", "<h2>", "</h2>", "<pre>", "</pre>",
            "<code>", "</code>", "<pre><code>", "</code></pre>", "<div>", "</div>", "<caption>", "</caption>",
            "<pre", "<p_x>", "</p >", "<td>", "</td>", "<br />", " ", "\t", "\n", "文字", "text", "<", ">", "/"};
        Random random = new Random(20261204);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(tokens[random.nextInt(tokens.length)]);
            }
            String html = sb.toString();
            assertThat(MarkdownSpace.unsettled(html)).as("%s", html.replace("\n", "\\n")).isEqualTo(byRegex(html));
        }
    }
}
