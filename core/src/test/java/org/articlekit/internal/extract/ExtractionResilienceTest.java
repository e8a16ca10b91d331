package org.articlekit.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reliability rows 22 and 23 for whole pages, which go through main-content extraction. Runs with
 * {@code -Xmx256m -Xss512k}.
 */
@Tag("resilience")
class ExtractionResilienceTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    private static final String HEAD = "<!doctype html><html><head><title>t</title></head><body>";

    @Test
    void aWholePageWithAHundredThousandNestedDivsIsExtracted() {
        String html = HEAD + "<div class=\"content\">".repeat(100_000) + "<p>" + "深层的文字，".repeat(40) + "</p>"
                + "</div>".repeat(100_000) + "</body></html>";
        Article a = assertTimeoutPreemptively(LIMIT, () -> read(html.getBytes(StandardCharsets.UTF_8)));
        assertThat(a.body().text()).contains("深层的文字");
    }

    @Test
    void aWholePageWithAHundredThousandUnclosedTagsFinishes() {
        String html = HEAD + "<p><b><i><span>".repeat(25_000) + "end" + "</body></html>";
        assertTimeoutPreemptively(LIMIT, () -> read(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fortyThousandSiblingParagraphsAndLinksStayLinear() {
        StringBuilder sb = new StringBuilder(HEAD).append("<div class=\"article\">");
        for (int i = 0; i < 20_000; i++) {
            sb.append("<p>第").append(i).append("段，内容，内容。</p><a href=\"/x\">链接</a>");
        }
        sb.append("</div><div class=\"related\">").append("<li><a href=\"/r\">推荐</a></li>".repeat(20_000))
                .append("</div></body></html>");
        Article a = assertTimeoutPreemptively(LIMIT, () -> read(sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(a.body().text()).contains("第19999段").doesNotContain("推荐");
    }

    @Test
    void aPageWhoseCharsetLiesIsDecodedWithoutReplacementCharacters() {
        String html = HEAD.replace("<head>", "<head><meta charset=\"utf-8\">")
                + "<article><p>" + "朱镕基在会上讲话，".repeat(30) + "</p></article></body></html>";
        Article a = assertTimeoutPreemptively(LIMIT, () -> read(html.getBytes(Charset.forName("GB18030"))));
        assertThat(a.body().text()).doesNotContain("\uFFFD").contains("朱镕基");
    }

    private static Article read(byte[] page) throws java.io.IOException {
        return Converter.builder().build().read(new ByteArrayInputStream(page), "html", "hostile.html");
    }
}
