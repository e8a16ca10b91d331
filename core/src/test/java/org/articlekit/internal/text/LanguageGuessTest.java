package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LanguageGuessTest {

    @Test
    void chineseJapaneseAndKoreanByScript() {
        assertThat(LanguageGuess.of("今天我们在阳台上种了番茄，用的是 Java 写的记录工具。")).contains("zh");
        assertThat(LanguageGuess.of("今日はベランダでトマトを育てました。とても楽しいです。")).contains("ja");
        assertThat(LanguageGuess.of("오늘은 발코니에서 토마토를 심었습니다. 아주 즐거웠어요.")).contains("ko");
    }

    @Test
    void englishByItsCommonWordsAndOtherTextLeftUndetermined() {
        assertThat(LanguageGuess.of("This is a short note about the tomatoes on the balcony and how they grow."))
                .contains("en");
        assertThat(LanguageGuess.of("Heute haben wir Tomaten auf dem Balkon gepflanzt, sie wachsen schnell."))
                .isEmpty();
        assertThat(LanguageGuess.of("fn main() { println!(x); }")).isEmpty();
        assertThat(LanguageGuess.of("")).isEmpty();
    }

    @Test
    void aChinesePostWithFewEnglishWordsIsStillChinese() {
        assertThat(LanguageGuess.of("使用 Spring Boot 和 PostgreSQL 搭建服务的笔记，记录了配置和部署的步骤。"))
                .contains("zh");
    }

    @Test
    void theBodysMarkupIsNotReadAsText() {
        StringBuilder sb = new StringBuilder();
        String html = "<p><a href=\"https://example.org/the/and/of/to/is/in/that/it/for/on/with\" "
                + "title=\"this is the one that we can use\">阳台上的番茄</a>&nbsp;&amp;&quot;&#x4E2D;</p>";
        LanguageGuess.sample(html, sb, 100);
        assertThat(sb.toString().strip()).isEqualTo("阳台上的番茄");

        StringBuilder capped = new StringBuilder();
        LanguageGuess.sample("<p>" + "番茄".repeat(50) + "</p><p>" + "the and of ".repeat(400) + "</p>", capped, 100);
        assertThat(capped.toString().strip()).isEqualTo("番茄".repeat(50));
    }

    @Test
    void theConverterFillsInTheLanguageOnlyWhenTheArticleDeclaresNone(@TempDir Path dir) throws IOException {
        Path zh = dir.resolve("zh.txt");
        Files.writeString(zh, "番茄\n\n今天我们在阳台上种了番茄，长得很快。\n");
        Path declared = dir.resolve("declared.html");
        Files.writeString(declared, "<html lang=\"en\"><head><title>番茄</title></head><body><article>"
                + "<p>今天我们在阳台上种了番茄，长得很快。</p></article></body></html>");
        Converter c = Converter.builder().build();
        Article a = c.read(zh);
        assertThat(a.metadata().language()).contains("zh");
        assertThat(c.read(declared).metadata().language()).contains("en");
    }

    /** The guess of an article, counted on its markup, is the guess of the text its markup shows. */
    @Test
    void anArticlesGuessIsTheGuessOfItsText() throws Exception {
        String[] tokens = {"<p>", "</p>", "<a href=\"https://example.org/the/and\">", "</a>", "番茄", "阳台", "トマト",
            "토마토", "the ", "and ", "of ", "tomato ", "Balkon ", "&amp;", "&nbsp;", "& ", " ", "<br />", "\uD840\uDC00",
            "ё", "\u00E9t\u00E9 ", "番茄".repeat(1500), "the tomatoes of ".repeat(200)};
        java.util.Random random = new java.util.Random(20261204);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder html = new StringBuilder();
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                html.append(tokens[random.nextInt(tokens.length)]);
            }
            String title = random.nextBoolean() ? "" : tokens[random.nextInt(tokens.length)].strip();
            Article a = Article.builder().metadata(org.articlekit.Metadata.builder().title(title).build())
                    .body(org.articlekit.Body.fromHtml(html.toString())).build();
            StringBuilder text = new StringBuilder().append(a.metadata().title().orElse("")).append('\n');
            LanguageGuess.sample(a.body().html(), text, LanguageGuess.SAMPLE);
            assertThat(LanguageGuess.of(a)).as("%s", a.body().html()).isEqualTo(LanguageGuess.of(text.toString()));
        }
    }
}
