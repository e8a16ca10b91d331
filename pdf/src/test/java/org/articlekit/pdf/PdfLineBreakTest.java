package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Metadata;
import org.junit.jupiter.api.Test;

/** Chinese line-breaking rules on a narrow page full of places where a careless break would go wrong. */
class PdfLineBreakTest {

    @Test
    void noLineStartsWithClosingPunctuationEvenAfterLinksAndLatinWords() throws IOException {
        StringBuilder html = new StringBuilder();
        String[] words = {"城市", "早晨", "river", "地铁", "咖啡", "garden", "阳台", "番茄", "market", "雨季"};
        for (int p = 0; p < 12; p++) {
            html.append("<p>");
            for (int i = 0; i < 40; i++) {
                String w = words[(i * 7 + p) % words.length];
                html.append(w.chars().allMatch(c -> c < 128) ? " " + w + " " : w);
                html.append(switch ((i + p) % 6) {
                    case 0 -> "，";
                    case 1 -> "。见 <a href=\"https://example.org/" + i + "\">" + w + "</a>。";
                    case 2 -> "、";
                    case 3 -> "「" + w + "」";
                    case 4 -> "（" + w + "）；";
                    default -> "！";
                });
            }
            html.append("</p>");
        }
        Article a = Article.builder().metadata(Metadata.builder().title("断行").language("zh-CN").build())
                .body(Body.fromHtml(html.toString())).build();
        byte[] pdf = PdfFixtures.write(a, PdfOptions.builder().pageSize(PdfOptions.PageSize.A5).build());
        String text = PdfRoundTripTest.pageText(pdf);
        Pattern closing = Pattern.compile("^[，。、；：？！」）》』”]");
        Pattern opening = Pattern.compile("[「（《『“]$");
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(lines).hasSizeGreaterThan(40);
        assertThat(lines).filteredOn(l -> closing.matcher(l).find()).isEmpty();
        assertThat(lines).filteredOn(l -> opening.matcher(l).find()).isEmpty();
    }
}
