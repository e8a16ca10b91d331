package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever tag soup goes in, the body that comes out has no script, no event handler
 * and no script-bearing address, and it is well-formed enough to parse back to itself.
 */
class SanitizerPropertyTest {

    private static final List<String> PIECES = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">", "<a href=\"JAVA\nSCRIPT:alert(1)\">", "<a href=\"&#x6A;avascript:x\">",
            "<svg><script>x</script></svg>", "<iframe src=//e.example>", "<p onclick=x>", "</p>", "<div>", "</div>",
            "<b>", "</i>", "<table><tr><td>", "<style>*{}</style>", "<!--", "-->", "<![CDATA[", "]]>", "<math>",
            "<noscript><img src=x onerror=y></noscript>", "<form>", "<object data=x>", "<a href=\"vbscript:x\">",
            "<img src=\"data:text/html,<script>x</script>\">", "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">",
            "<p style=\"background:url(javascript:x)\">", "<base href=\"javascript:x//\">", "文字", "text ", "&lt;",
            "<span lang=\"x\\\" onmouseover=\\\"y\">", "<img srcset=\"javascript:x 1x\">", "<blockquote cite=javascript:x>",
            "<h2>", "<ul><li>", "<pre><code class=language-js>", "\u0000", "\uFFFE", "<template><script>x</script></template>");

    @Test
    void randomTagSoupNeverYieldsActiveContent() throws ArticleFormatException {
        Random random = new Random(20261122L);
        for (int round = 0; round < 1500; round++) {
            StringBuilder soup = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int i = 0; i < n; i++) {
                soup.append(PIECES.get(random.nextInt(PIECES.size())));
            }
            String html = Body.fromHtml(soup.toString()).html();
            assertThat(ActiveContent.find(html)).as("from %s got %s", soup, html).isEmpty();
            for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as(html).doesNotStartWithIgnoringCase("on").isNotEqualTo("style");
                }
            }
            assertThat(Body.fromHtml(html).html()).as("normalising twice changes nothing: %s", soup).isEqualTo(html);
        }
    }
}
