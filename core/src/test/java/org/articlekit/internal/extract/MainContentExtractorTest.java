package org.articlekit.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.articlekit.html.HtmlOptions;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class MainContentExtractorTest {

    /** A Chinese news page of the usual shape, written for this test. */
    static final String NEWS_PAGE = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
            <title>山城小面馆的第三代传人_民生_晨光新闻网</title>
            <meta property="og:site_name" content="晨光新闻网"></head><body>
            <div class="top-nav"><a href="/">首页</a> <a href="/a">要闻</a> <a href="/b">民生</a> <a href="/c">体育</a></div>
            <div class="crumbs"><a href="/">晨光首页</a> &gt; <a href="/b">民生</a> &gt; 正文</div>
            <div class="main-wrap"><div class="left">
            <h1>山城小面馆的第三代传人</h1>
            <div class="post-info"><span>2025-03-08 09:12:30</span> <span>作者：林小雨</span></div>
            <div class="share-bar"><a href="#">微信</a><a href="#">微博</a><span>0</span>分享至</div>
            <div class="zhengwen">
            <p>清晨六点，巷口的小面馆已经冒出了白气，老板把第一锅骨头汤端上灶台。</p>
            <p><img class="lazy" data-original="https://img.example.cn/noodle.jpg" src="/grey.gif" alt="面馆"></p>
            <p>这家店开了四十多年，从爷爷传到孙子，门口的招牌换过三次，味道却没怎么变。</p>
            <p>年轻的店主说，汤底要熬足五个小时，辣油每周只炒一次，多了就不香。</p>
            <p>附近的老街坊几乎天天来，有人一坐就是一上午，和邻桌聊起过去的事情。</p>
            <p>问到以后的打算，他笑着说，只要街坊们还愿意来，这碗面就会一直煮下去。</p>
            <p>（责任编辑：周明）</p>
            <p>特别声明：本文转载自其他媒体，仅供参考，不代表本站观点。</p>
            <h3>相关推荐</h3>
            <ul><li><a href="/x1">老街改造进入第二阶段</a></li><li><a href="/x2">春季菜价小幅回落</a></li></ul>
            <p>更多的本地新闻请关注我们的频道。</p>
            </div>
            <div id="pinglun"><h3>网友评论</h3><p>说得真好，我小时候也常去那家店吃面，味道一直都很好。</p></div>
            </div>
            <div class="sidebar"><h3>热点排行</h3><ol><li><a href="/h1">市区新增三条公交线路</a></li>
            <li><a href="/h2">周末天气晴好适合出游</a></li></ol></div></div>
            <div class="footer">版权所有 © 晨光新闻网</div>
            </body></html>
            """;

    @Test
    void aChineseNewsPageGivesItsParagraphsWithoutTheFurniture() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = read(NEWS_PAGE, warnings, HtmlOptions.defaults());
        String text = a.body().text();
        assertThat(text).startsWith("清晨六点").endsWith("这碗面就会一直煮下去。");
        assertThat(text).doesNotContain("首页", "微信", "分享至", "责任编辑", "特别声明", "相关推荐", "老街改造",
                "更多的本地新闻", "网友评论", "热点排行", "版权所有");
        assertThat(warnings).filteredOn(w -> w.code().equals("extract.removed")).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("editor line", "周明"))
                .anySatisfy(m -> assertThat(m).contains("disclaimer"))
                .anySatisfy(m -> assertThat(m).contains("related list", "相关推荐"));
    }

    @Test
    void aChineseNewsPageGivesItsMetadata() throws IOException {
        Article a = read(NEWS_PAGE, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.metadata().title()).hasValue("山城小面馆的第三代传人");
        assertThat(a.metadata().authors()).containsExactly("林小雨");
        assertThat(a.metadata().published().flatMap(d -> d.isoString())).hasValue("2025-03-08T09:12:30");
        assertThat(a.metadata().cover()).hasValue("https://img.example.cn/noodle.jpg");
    }

    @Test
    void theReportListsWhatWasRemovedAndThePageIsNotChanged() throws IOException {
        Document page = Jsoup.parse(NEWS_PAGE);
        String before = page.outerHtml();
        ExtractionReport report = new ExtractionReport();
        var content = MainContentExtractor.INSTANCE.extract(page, ConversionContext.builder().build(), report);
        assertThat(page.outerHtml()).isEqualTo(before);
        assertThat(content.parent()).isNull();
        assertThat(report.isArticle()).isTrue();
        assertThat(report.removals()).extracting(ExtractionReport.Removal::reason)
                .contains("editor line", "disclaimer or copyright notice", "related list (from its heading on)");
        assertThat(report.keptCharacters()).isLessThan(report.pageCharacters());
    }

    @Test
    void anEnglishBlogPostIsFoundBetweenSidebarAndComments() throws IOException {
        String page = """
                <html><head><title>Growing tomatoes on a balcony | Green Corner</title>
                <meta property="og:site_name" content="Green Corner"></head><body>
                <header class="site-header"><a href="/">Green Corner</a><ul class="menu"><li><a href="/">Home</a></li>
                <li><a href="/about">About</a></li></ul></header>
                <div class="layout"><div class="widget-area"><h2>Archives</h2><ul><li><a href="/1">March</a></li>
                <li><a href="/2">April</a></li></ul></div>
                <div class="post"><h1>Growing tomatoes on a balcony</h1>
                <p class="byline">By Ann Reed</p>
                <p>Tomatoes want six hours of sun, a deep pot, and water every morning once the fruit sets.</p>
                <p>Pick a compact variety, such as a cherry type, and give it a stake before it needs one.</p>
                <p>Feed it every two weeks, and pinch the side shoots so the plant puts its strength into fruit.</p>
                <pre><code>water: daily
                feed: every 14 days</code></pre>
                <p>By August, a single plant can give a bowl of tomatoes a week, which is more than enough.</p>
                </div>
                <div class="comments"><h3>3 comments</h3><p>Great tips, mine finally worked this year, thank you!</p></div>
                </div><footer>© Green Corner</footer></body></html>
                """;
        Article a = read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.metadata().title()).hasValue("Growing tomatoes on a balcony");
        assertThat(a.metadata().authors()).containsExactly("Ann Reed");
        assertThat(a.body().text()).startsWith("Tomatoes want six hours").contains("feed: every 14 days")
                .endsWith("more than enough.").doesNotContain("Archives", "Great tips", "Home");
        assertThat(a.body().html()).contains("<pre>");
    }

    @Test
    void anIndexPageIsReportedAndKeptWhole() throws IOException {
        StringBuilder page = new StringBuilder("<html><head><title>Blog</title></head><body><main>");
        for (int i = 1; i <= 8; i++) {
            page.append("<article><h2><a href=\"/p").append(i).append("\">Post number ").append(i)
                    .append(" about the garden</a></h2><p>A teaser of what happened in the garden that week, ")
                    .append("with the first lines of the post.</p></article>");
        }
        page.append("</main></body></html>");
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = read(page.toString(), warnings, HtmlOptions.defaults());
        assertThat(warnings).extracting(Diagnostic::code).contains("extract.not-article");
        assertThat(a.body().text()).contains("Post number 1", "Post number 8");
    }

    @Test
    void theSemanticElementsOptionKeepsTheWholeArticleElement() throws IOException {
        HtmlOptions semantic = HtmlOptions.builder().extraction(HtmlOptions.Extraction.SEMANTIC_ELEMENTS).build();
        Article a = read(NEWS_PAGE.replace("<div class=\"main-wrap\">", "<article>")
                .replace("<div class=\"footer\">", "</article><div class=\"footer\">"), new ArrayList<>(), semantic);
        assertThat(a.body().text()).contains("清晨六点", "相关推荐", "责任编辑");
    }

    @Test
    void strictModeDoesNotFailOnRemovedFurniture() throws IOException {
        Article a = Converter.builder().strict(true).build().read(
                new ByteArrayInputStream(NEWS_PAGE.replace("class=\"lazy\" data-original", "src")
                        .replace(" src=\"/grey.gif\"", "").getBytes(StandardCharsets.UTF_8)), "html", "news.html");
        assertThat(a.body().text()).startsWith("清晨六点");
    }

    @Test
    void footnotesOfABlogPostAreKeptThoughTheirListIsNamedLikeAList() throws IOException {
        String page = """
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Night market notes | A small blog</title>
                </head><body><nav class="site-nav"><a href="/">Home</a> <a href="/archives">Archives</a></nav>
                <main><article class="post"><h1>Night market notes</h1><div class="post-body">
                <p>The stalls open after sunset, when the street cools down and the lamps come on one by one.<sup
                class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>
                <p>Most of the cooks have worked the same corner for years, and regulars know them by name.</p>
                <p>By ten the crowd thins out, and the last bowls of soup go to the people packing up.</p>
                <hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">
                <li id="fn1" class="footnote-item"><p>Sunset is around seven in the summer months.
                <a href="#fnref1" class="footnote-backref">↩</a></p></li></ol></section>
                </div></article></main><footer class="site-footer">© A small blog</footer></body></html>
                """;
        Article a = read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.body().text()).contains("Sunset is around seven in the summer months.")
                .doesNotContain("Archives", "© A small blog");
    }

    static Article read(String html, List<Diagnostic> warnings, HtmlOptions options) throws IOException {
        return Converter.builder().warnings(warnings::add).options(FormatOptions.of(options)).build()
                .read(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), "html", "page.html");
    }
}
