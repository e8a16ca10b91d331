package org.articlekit.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.junit.jupiter.api.Test;

class PageMetadataTest {

    @Test
    void authorsLoseTheBylinesWordsAndDatesAroundThem() throws IOException {
        String[][] cases = {
            {"<meta name=\"author\" content=\"Posted by Mara Quill at 18:52\">", "Mara Quill"},
            {"<meta name=\"author\" content=\"Zeige alle Beiträge von Jonas Feld\">", "Jonas Feld"},
            {"<meta name=\"author\" content=\"Autor: Lena Brook am 29.12.2010, 13:36 Uhr\">", "Lena Brook"},
            {"<meta name=\"author\" content=\"Tom Weller Fr, 18. Oktober 2019\">", "Tom Weller"},
            {"<meta name=\"author\" content=\"Harbour Wire Updated: January 16, 2020\">", "Harbour Wire"},
            {"<meta name=\"author\" content=\"Byron Hale\">", "Byron Hale"},
            {"<meta name=\"author\" content=\"作者：王小明 2021-05-12\">", "王小明"},
            {"<meta name=\"author\" content=\"View all posts by Mara Quill\">", "Mara Quill"},
            {"<meta name=\"author\" content=\"Harbour Wire (www.example.org)\">", "Harbour Wire"},
        };
        for (String[] c : cases) {
            Article a = read("<html><head><title>The morning ferry</title>" + c[0] + "</head><body><p>The ferry"
                    + " leaves at seven.</p></body></html>");
            assertThat(a.metadata().authors()).as(c[0]).containsExactly(c[1]);
        }
        Article none = read("<html><head><title>The morning ferry</title><meta name=\"author\" content=\"Archiv"
                + " anzeigen →\"></head><body><p>The ferry leaves at seven.</p></body></html>");
        assertThat(none.metadata().authors()).isEmpty();
        Article date = read("<html><head><title>The morning ferry</title><meta name=\"author\" content=\"6 de mayo"
                + " de 2022 05:30\"></head><body><p>The ferry leaves at seven.</p></body></html>");
        assertThat(date.metadata().authors()).isEmpty();
    }

    @Test
    void aSiteNameSuffixIsStrippedFromTheTitleElement() throws IOException {
        Article a = read("<html><head><title>Fixing a bike chain | Pedal Notes</title>"
                + "<meta property=\"og:site_name\" content=\"Pedal Notes\"></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Fixing a bike chain");
    }

    @Test
    void theArticleHeadingWinsOverATitleWithSectionAndSite() throws IOException {
        Article a = read("<html><head><title>春天的第一场雨_生活_晨光网</title></head><body>"
                + "<article><h1>春天的第一场雨</h1><p>雨下了一整夜。</p></article></body></html>");
        assertThat(a.metadata().title()).hasValue("春天的第一场雨");
    }

    @Test
    void aSpacedSeparatorEndsTheTitleWhenTheRestIsLongEnough() throws IOException {
        Article a = read("<html><head><title>How we moved our servers to the coast - Example Blog</title></head>"
                + "<body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("How we moved our servers to the coast");
    }

    @Test
    void anOpenGraphTitleIsKeptAsWritten() throws IOException {
        Article a = read("<html><head><meta property=\"og:title\" content=\"Notes - part 2\">"
                + "<title>Other</title></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Notes - part 2");
    }

    @Test
    void aDeclaredTitleHasItsCharacterReferencesDecodedEvenWhenEncodedTwice() throws IOException {
        Article a = read("<html><head><meta property=\"og:title\" content=\"Fish &amp;amp; chips for &amp;#163;5"
                + " &amp;#8211; a review\"><title>x</title></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Fish & chips for \u00a35 \u2013 a review");
    }

    @Test
    void aCdataWrappedJsonLdBlockIsRead() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = Converter.builder().warnings(warnings::add).build().read(new ByteArrayInputStream(("""
                <html><head><title>Short version | Tide Tables</title>
                <meta property="og:title" content="Short version">
                <script type="application/ld+json"><![CDATA[
                {"@context": "https://schema.org", "@type": "NewsArticle",
                 "headline": "Why the spring tides came early this year"}
                ]]></script></head><body><p>x</p></body></html>
                """).getBytes(StandardCharsets.UTF_8)), "html", "page.html");
        assertThat(a.metadata().title()).hasValue("Why the spring tides came early this year");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aJsonLdBlockInsideCommentedCdataMarkersIsRead() throws IOException {
        Article a = read("""
                <html><head><title>短标题</title><meta property="og:title" content="短标题">
                <script type="application/ld+json">//<![CDATA[
                {"@context": "https://schema.org", "@type": "Article", "headline": "长江边上的第一座跨江大桥通车了"}
                //]]></script></head><body><p>x</p></body></html>
                """);
        assertThat(a.metadata().title()).hasValue("长江边上的第一座跨江大桥通车了");
    }

    @Test
    void aGuessedCutThatLeavesOnlyANameKeepsTheWholeTitle() throws IOException {
        // The h1 repeats the part before the separator, but one word is a topic, not a title.
        Article a = read("<html><head><title>Lisbon - Travel Wiki</title></head>"
                + "<body><h1>Lisbon</h1><p>Lisbon is the capital of Portugal.</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Lisbon - Travel Wiki");
        a = read("<html><head><title>Acme - Cloud Storage Handbook</title></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Acme - Cloud Storage Handbook");
        a = read("<html><head><title>Tuning Postgres: Four Settings — notes for operators</title></head>"
                + "<body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Tuning Postgres: Four Settings — notes for operators");
    }

    @Test
    void aShortChineseTitleKeepsItsSuffixWhenNoSiteNameIsKnown() throws IOException {
        // Each CJK character counts as one token: four characters are as short as "Foggy City".
        Article a = read("<html><head><title>山城的雾 - 示例日报</title></head><body><p>清晨的雾。</p></body></html>");
        assertThat(a.metadata().title()).hasValue("山城的雾 - 示例日报");
    }

    @Test
    void aLongerChineseTitleIsStillCutAtItsSeparator() throws IOException {
        // Guard for the rule above: seven characters are enough to be a title.
        Article a = read("<html><head><title>春天的第一场雨 - 晨光网</title></head><body><p>雨下了一整夜。</p></body></html>");
        assertThat(a.metadata().title()).hasValue("春天的第一场雨");
    }

    @Test
    void aKnownSiteNameIsCutEvenWhenLittleIsLeft() throws IOException {
        // Guard: the short-cut rule applies to guesses only, not to a declared og:site_name.
        Article a = read("<html><head><title>Lisbon - Travel Wiki</title>"
                + "<meta property=\"og:site_name\" content=\"Travel Wiki\"></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Lisbon");
    }

    @Test
    void aPathLikeTitleLosesItsOneWordSiteEvenWhenShort() throws IOException {
        Article a = read("<html><head><title>Getting started » Docs</title></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("Getting started");
        a = read("<html><head><title>安装指南 / Docs</title></head><body><p>x</p></body></html>");
        assertThat(a.metadata().title()).hasValue("安装指南");
    }

    @Test
    void visibleChineseDateLinesAndBylinesAreRead() throws IOException {
        Article a = read("<html><head><title>标题</title></head><body><h1>标题</h1>"
                + "<div class=\"info\"><span>2021年7月16日 20:06</span><span>作者：王小二</span></div>"
                + "<p>正文第一段，内容很长很长。</p></body></html>");
        assertThat(a.metadata().published().flatMap(d -> d.isoString())).hasValue("2021-07-16T20:06:00");
        assertThat(a.metadata().authors()).containsExactly("王小二");
    }

    @Test
    void rightToLeftPagesRecordTheirDirection() throws IOException {
        Article a = read("<html dir=\"rtl\" lang=\"ar\"><head><title>t</title></head><body><p>x</p></body></html>");
        assertThat(a.metadata().extra()).containsEntry("direction", "rtl");
    }

    @Test
    void aUtf8PageThatStillDeclaresGb2312IsReadAsUtf8() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        String page = "<html><head><meta charset=\"gb2312\"><title>朱镕基访问上海</title></head>"
                + "<body><p>朱镕基在上海参观了新建的港口和两所学校。</p></body></html>";
        Article a = Converter.builder().warnings(warnings::add).build().read(
                new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)), "html", "p.html");
        assertThat(a.metadata().title()).hasValue("朱镕基访问上海");
        assertThat(a.body().text()).doesNotContain("\uFFFD");
        assertThat(warnings).extracting(Diagnostic::code).contains("html.charset");
    }

    @Test
    void aGbkPageLabelledGb2312KeepsCharactersOutsideGb2312() throws IOException {
        String page = "<html><head><meta charset=\"gb2312\"><title>朱镕基访问上海</title></head>"
                + "<body><p>朱镕基在上海参观了新建的港口和两所学校。</p></body></html>";
        Article a = Converter.builder().build().read(
                new ByteArrayInputStream(page.getBytes(Charset.forName("GBK"))), "html", "p.html");
        assertThat(a.metadata().title()).hasValue("朱镕基访问上海");
        assertThat(a.body().text()).contains("朱镕基").doesNotContain("\uFFFD");
    }

    private static Article read(String html) throws IOException {
        return Converter.builder().build().read(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)),
                "html", "page.html");
    }
}
