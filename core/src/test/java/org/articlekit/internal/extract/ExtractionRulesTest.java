package org.articlekit.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Diagnostic;
import org.articlekit.html.HtmlOptions;
import org.junit.jupiter.api.Test;

/** Rules that could delete an article are weighed against the text they would delete. */
class ExtractionRulesTest {

    private static final String STORY = """
            <p>The ferry leaves the north pier at seven, and on a clear morning the whole bay is visible from its deck.</p>
            <p>Most passengers are commuters who read or sleep, but a few tourists stand at the rail taking pictures.</p>
            <p>The crossing takes forty minutes, a little longer in winter, when the wind comes from the east.</p>
            <p>On the far side a bus waits for the ferry, and the driver knows most of his passengers by name.</p>
            """;

    private static String text(String html) throws IOException {
        return MainContentExtractorTest.read(html, new ArrayList<>(), HtmlOptions.defaults()).body().text();
    }

    @Test
    void aPostInsideABlogWidgetIsKeptAndTheSidebarWidgetsAreNot() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body>"
                + "<div class=\"widget Header\"><h1>A harbour blog</h1></div>"
                + "<div class=\"main-outer\"><div class=\"widget Blog\" id=\"Blog1\"><div class=\"post-outer\">"
                + "<h3 class=\"post-title\">The morning ferry</h3>" + STORY + "</div></div></div>"
                + "<div class=\"sidebar\"><div class=\"widget PopularPosts\"><ul><li><a href=\"/a\">Harbour lights</a>"
                + "</li><li><a href=\"/b\">The old lighthouse</a></li></ul></div></div></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier", "knows most of his passengers")
                .doesNotContain("Harbour lights");
    }

    @Test
    void aPageWrappedInOneFormKeepsItsArticleButNotItsControls() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body>"
                + "<form method=\"post\" action=\"/default.aspx\" id=\"form1\"><input type=\"hidden\" name=\"state\""
                + " value=\"abc\"><div class=\"menu\"><a href=\"/\">Home</a></div><div class=\"content\">"
                + "<h1>The morning ferry</h1>" + STORY + "</div><label>Search</label><input name=\"q\">"
                + "<button>Go</button></form></body></html>";
        Article a = MainContentExtractorTest.read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.body().text()).contains("The ferry leaves the north pier", "knows most of his passengers")
                .doesNotContain("Go", "Search");
    }

    @Test
    void aBlockNamedLikeFurnitureThatHoldsTheArticleIsKept() throws IOException {
        for (String cls : new String[] {"media-box", "scrolling-tracker", "field--label-hidden", "related-wrapper"}) {
            String page = "<html><head><title>The morning ferry</title></head><body><div class=\"nav\">"
                    + "<a href=\"/\">Home</a></div><div class=\"" + cls + "\"><div>" + STORY + "</div></div>"
                    + "<div class=\"footer-links\"><a href=\"/about\">About</a></div></body></html>";
            assertThat(text(page)).as(cls).contains("The ferry leaves the north pier",
                    "knows most of his passengers");
        }
    }

    @Test
    void aStorysHeaderNamedLikeTheSiteHeaderIsKeptWhenItHoldsPlainText() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><div class=\"site-header\">"
                + "<a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/boats\">Boats</a>"
                + " <a href=\"/islands\">Islands</a> <a href=\"/weather\">Weather</a></div><article>"
                + "<div class=\"post-header\"><h1>The morning ferry</h1><p>Forty minutes across the bay, every"
                + " morning at seven, with the same faces on deck, the same gulls behind the boat and the same"
                + " argument about the weather between the captain and the man who sells coffee by the stairs. Nobody"
                + " remembers who started it, and nobody has ever won it.</p></div><div class=\"post-body\">" + STORY
                + "</div><div class=\"post-meta\">Posted on 3 March</div></article></body></html>";
        assertThat(text(page)).contains("Forty minutes across the bay", "The ferry leaves the north pier")
                .doesNotContain("Islands", "Posted on 3 March");
    }

    @Test
    void paragraphsThatAPageBuilderPutInWidgetBoxesAreKept() throws IOException {
        String[] paragraphs = {
            "The ferry leaves the north pier at seven, on a clear morning, and the whole bay is visible from its"
                    + " deck as far as the islands.",
            "Most passengers are commuters, who read or sleep, but a few tourists stand at the rail taking pictures"
                    + " of the lighthouse.",
            "The crossing takes forty minutes, a little longer in winter, when the wind comes from the east and the"
                    + " boat rolls from side to side.",
            "On the far side, by the old customs house, a bus waits for the ferry and the driver knows everyone on"
                    + " board by their first names."};
        StringBuilder page = new StringBuilder("<html><head><title>The morning ferry</title></head><body><article>"
                + "<h1>The morning ferry</h1>");
        for (String p : paragraphs) {
            page.append("<div class=\"builder-widget\"><div class=\"builder-widget-container\"><p>").append(p)
                    .append("</p></div></div>");
        }
        // A heading module and a short line of text, each in a box of their own.
        page.append("<div class=\"builder-widget\"><h3>Tickets</h3></div>")
                .append("<div class=\"builder-widget\"><p>Buy them on board (cash only).</p></div>")
                .append("<div class=\"builder-widget share-widget\"><a href=\"/s\">Share on a network</a></div>")
                .append("<div class=\"builder-widget\"><p><a href=\"/t\">All timetables</a></p></div>")
                .append("</article></body></html>");
        assertThat(text(page.toString())).contains("The ferry leaves the north pier", "tourists stand at the rail",
                "a little longer in winter", "the driver knows everyone", "Tickets", "Buy them on board (cash only).")
                .doesNotContain("Share on a network", "All timetables");
    }

    @Test
    void aParagraphOpeningWithAPictureCreditedWithTheCopyrightSignIsKept() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article><p><span class=\"pic\">"
                + "<img src=\"/photos/bay.jpg\" alt=\"\"><span>© Harbour Office</span></span> Every morning at seven"
                + " the ferry leaves the north pier, and on a clear day the whole bay is visible from its deck.</p>"
                + STORY + "<p>© 2024 Harbour News. All rights reserved.</p></article></body></html>";
        assertThat(text(page)).contains("Every morning at seven the ferry leaves", "knows most of his passengers")
                .doesNotContain("All rights reserved");
    }

    @Test
    void aSectionWhoseIdComesFromAHeadingAboutSharingKeepsItsText() throws IOException {
        String page = "<html><head><title>Working on a shared repository</title></head><body><div class=\"doc\">"
                + "<div class=\"section\" id=\"working-alone\"><h2>Working alone</h2>" + STORY + "</div>"
                + "<div class=\"section\" id=\"sharing-with-a-team\"><h2>Sharing with a team</h2>"
                + STORY.replace("ferry", "boat") + "</div><div class=\"section\" id=\"keeping-history\">"
                + "<h2>Keeping history</h2>" + STORY.replace("ferry", "tram") + "</div></div>"
                + "<div class=\"share-bar\"><a href=\"/s\">Share on a network</a></div></body></html>";
        assertThat(text(page)).contains("The ferry leaves", "The boat leaves", "The tram leaves")
                .doesNotContain("Share on a network");
    }

    @Test
    void theArticlesTextIsInComposedForm() throws IOException {
        // "Cafe\u0301" spells é with a separate accent; Bengali \u09DF is one character that NFC writes as two.
        String page = "<html><head><title>The morning ferry</title></head><body><article><p>The Cafe\u0301 by the"
                + " pier opens at six, before the first ferry, and sells tea to the crew.</p>" + STORY
                + "<p>\u0995\u09BF\u09DF\u09BE \u0998\u09BE\u099F</p></article></body></html>";
        assertThat(text(page)).contains("The Caf\u00E9 by the pier", "\u0995\u09BF\u09AF\u09BC\u09BE")
                .doesNotContain("\u0301", "\u09DF");
    }

    @Test
    void linesGivingTheDateOrCategoryAreLeftOutButSentencesOpeningWithTheSameWordsAreNot() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>"
                + "<p>Veröffentlicht am 3. März 2024</p><p>Last updated: 4 March, 10:15</p>" + STORY
                + "<p>Posted bail on Monday, he sailed home.</p><div>Category: Harbour news</div>"
                + "<p>This entry was posted in Harbour. Bookmark the permalink.</p></article></body></html>";
        assertThat(text(page)).contains("knows most of his passengers", "Posted bail on Monday")
                .doesNotContain("Veröffentlicht", "Last updated", "Category", "This entry was posted");
        String labels = "<html><head><title>The morning ferry</title></head><body><article>"
                + "<p>Veröffentlichung: 2. März 2024</p><div>News date : 03/04/2024</div>" + STORY
                + "<p>Date night on the ferry is every Friday at 8.</p>"
                + "<pre><span>HTTP/1.1 200 OK</span>\n<span>Date: Mon, 4 Mar 2024 10:15:00 GMT</span></pre>"
                + "</article></body></html>";
        assertThat(text(labels)).contains("knows most of his passengers", "Date night on the ferry",
                "Date: Mon, 4 Mar 2024").doesNotContain("Veröffentlichung", "News date");
    }

    @Test
    void aNamedBoxWithLittleOfThePageIsStillDropped() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<div class=\"media-box\"><a href=\"/v\">Watch: the bay from above</a></div>"
                + "<div class=\"share-tools\"><a href=\"/s\">Share on a network</a></div></article></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier").doesNotContain("Share on a network");
    }

    @Test
    void aPageWithTextNeverComesOutEmpty() throws IOException {
        // Everything sits in blocks whose names say furniture, and no block looks like an article.
        String page = "<html><head><title>Notes</title></head><body><div class=\"comments\"><div class=\"sidebar\">"
                + "<span>Tide tables for the week are posted at the harbour office, next to the ticket window"
                + " and the map of the bay, and again at the north pier beside the timetable.</span>"
                + "<span>Ask the staff for a printed copy if the board is hard to read.</span>"
                + "</div></div><div class=\"related\"><a href=\"/x\">More notes</a></div></body></html>";
        assertThat(text(page)).contains("Tide tables for the week");
    }

    @Test
    void anOldTableLaidBlogPageListingPostsGivesTheFirstPost() throws IOException {
        String[][] posts = {
            {"去江边看日出", "清晨五点，我们从旅馆出发，沿着江边的小路一直走到码头。天还没有亮，渔船已经亮起了灯，"
                    + "岸边有几位老人在打太极拳。等到太阳从对岸的山后升起来，整条江都被染成了金色，大家都忘了拍照。"},
            {"周末做了一锅汤", "周末在家炖了一锅萝卜排骨汤，先把排骨焯水，再和姜片一起放进砂锅里慢慢熬。两个小时以后，"
                    + "汤变得又白又浓，萝卜也软了，撒上一点葱花，全家人都说比饭馆里的还要好喝，锅里一点都没剩。"},
            {"旧书店的午后", "学校后门那家旧书店还开着，老板认出了我，给我倒了一杯茶。书架比以前更挤了，"
                    + "我在角落里找到一本十几年前借过的小说，书页已经发黄，扉页上还留着不知是谁写下的一行小字。"}};
        StringBuilder page = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>小雨的博客</title></head>"
                + "<body><table width=\"100%\"><tr><td class=\"nav\"><a href=\"/\">首页</a></td></tr>"
                + "<tr><td><table width=\"100%\">");
        for (String[] p : posts) {
            page.append("<tr><td><table class=\"post\"><tr><td class=\"post-title\">").append(p[0])
                    .append("</td><td class=\"post-title\">2005-03-21</td></tr><tr><td class=\"post-body\">")
                    .append(p[1]).append("</td></tr><tr><td class=\"post-footer\">由小雨张贴 (12)</td></tr>")
                    .append("</table></td></tr>");
        }
        page.append("</table></td></tr></table></body></html>");
        String text = text(page.toString());
        assertThat(text).contains("清晨五点", "大家都忘了拍照").doesNotContain("萝卜排骨汤", "旧书店");
    }

    @Test
    void sectionsOfOneArticleWithHeadingsBetweenThemAreAllKept() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><table><tr><td class=\"main\">"
                + "<h2>Leaving</h2><table><tr><td class=\"para\">" + STORY + "</td></tr></table>"
                + "<h2>Arriving</h2><table><tr><td class=\"para\">The bus climbs the hill past the school and the"
                + " market, and stops at the square, where the town clock is always five minutes slow.</td></tr>"
                + "</table></td></tr></table></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier", "the town clock is always");
    }

    @Test
    void aSpacerOrTrackingPixelIsNeitherInTheTextNorTheCover() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>"
                + "<p><img src=\"/img/spacer.gif\" alt=\"\"><img src=\"/t/open\" width=\"1\" height=\"1\"></p>"
                + STORY + "<p><img src=\"/photos/bay.jpg\" alt=\"The bay\"></p></article></body></html>";
        Article a = MainContentExtractorTest.read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.metadata().cover()).hasValue("/photos/bay.jpg");
        assertThat(a.body().imageSources()).containsExactly("/photos/bay.jpg");
    }

    @Test
    void aDeclaredSpacerImageIsNotTheCover() throws IOException {
        String page = "<html><head><title>The morning ferry</title><meta property=\"og:image\""
                + " content=\"https://example.org/images/pixel.gif\"></head><body><article>" + STORY
                + "<p><img src=\"/photos/bay.jpg\" alt=\"The bay\"></p></article></body></html>";
        Article a = MainContentExtractorTest.read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.metadata().cover()).hasValue("/photos/bay.jpg");
    }

    @Test
    void aLazyImageWithAPlaceholderIsKept() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<p><img src=\"/img/blank.gif\" data-src=\"/photos/bay.jpg\" alt=\"The bay\"></p></article>"
                + "</body></html>";
        Article a = MainContentExtractorTest.read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.body().imageSources()).isNotEmpty();
    }

    @Test
    void aRelatedBoxInTheMiddleDoesNotCutTheArticle() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<h3>Related articles</h3><ul><li><a href=\"/a\">Harbour lights at night</a></li>"
                + "<li><a href=\"/b\">A new timetable for the islands</a></li></ul>" + STORY.replace("ferry", "boat") + STORY
                + "</article></body></html>";
        String text = text(page);
        assertThat(text).contains("The boat leaves the north pier").doesNotContain("Related articles",
                "Harbour lights at night");
    }

    @Test
    void anArticleWithABoxOfLinkedHeadlinesIsStillAnArticle() throws IOException {
        String longParagraph = "<p>The ferry leaves the north pier at seven, and on a clear morning the whole bay is"
                + " visible from its deck, from the lighthouse on the point to the islands in the south, where the"
                + " fishing boats are already coming home. Most passengers are commuters who read or sleep, but a few"
                + " tourists stand at the rail taking pictures of the gulls, and the captain greets each of them. In"
                + " winter the crossing takes a little longer, when the wind comes from the east and the spray reaches"
                + " the upper deck, and then even the tourists go inside to the cafe.</p>";
        StringBuilder page = new StringBuilder("<html><head><title>The morning ferry</title></head><body><article>"
                + longParagraph + STORY + "<div class=\"more-stories\">");
        String[] others = {"Harbour lights at night", "A new timetable", "The old lighthouse", "Winter storms"};
        for (String t : others) {
            page.append("<div class=\"teaser\"><h3><a href=\"/").append(t.length()).append("\">").append(t)
                    .append("</a></h3></div>");
        }
        page.append("</div></article></body></html>");
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = MainContentExtractorTest.read(page.toString(), warnings, HtmlOptions.defaults());
        assertThat(warnings).extracting(Diagnostic::code).doesNotContain("extract.not-article");
        assertThat(a.body().text()).contains("the captain greets each of them", "knows most of his passengers");
    }

    @Test
    void anArticleOfShortParagraphsWithBoxesOfLinkedHeadlinesIsStillAnArticle() throws IOException {
        // No paragraph is long, but they follow one another; the headlines each stand alone.
        // Two lines of the story in each paragraph: about 170 characters, far from a long one's 400.
        String pairs = STORY.replace("</p>\n<p>The crossing", " The crossing").replace("</p>\n<p>Most", " Most");
        StringBuilder page = new StringBuilder("<html><head><title>The morning ferry</title></head><body><article>"
                + pairs + pairs.replace("ferry", "tram") + pairs.replace("ferry", "bus"));
        String[] others = {"Harbour lights at night", "A new timetable", "The old lighthouse", "Winter storms"};
        for (String t : others) {
            page.append("<div class=\"teaser\"><h3><a href=\"/").append(t.length()).append("\">").append(t)
                    .append("</a></h3></div>");
        }
        page.append(STORY.replace("ferry", "boat")).append("</article></body></html>");
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = MainContentExtractorTest.read(page.toString(), warnings, HtmlOptions.defaults());
        assertThat(warnings).extracting(Diagnostic::code).doesNotContain("extract.not-article");
        assertThat(a.body().text()).contains("The ferry leaves the north pier", "The boat leaves the north pier");
    }

    @Test
    void anIndexPageWhoseTeasersHaveTwoParagraphsIsStillAnIndexPage() throws IOException {
        StringBuilder page = new StringBuilder("<html><head><title>Harbour blog</title></head><body><main>");
        for (int i = 1; i <= 8; i++) {
            page.append("<article><h2><a href=\"/p").append(i).append("\">Post number ").append(i)
                    .append(" about the harbour</a></h2><p>A teaser of what happened at the harbour that week, with")
                    .append(" the first lines of the post.</p><p>And a second line of the teaser, about the ferry and")
                    .append(" its passengers.</p></article>");
        }
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = MainContentExtractorTest.read(page.append("</main></body></html>").toString(), warnings,
                HtmlOptions.defaults());
        assertThat(warnings).extracting(Diagnostic::code).contains("extract.not-article");
        assertThat(a.body().text()).contains("Post number 1", "Post number 8");
    }

    @Test
    void aBoxOfRelatedLinksBeforeTheLastParagraphDoesNotCutIt() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<div class=\"box\"><h3>Related stories</h3><ul><li><a href=\"/a\">Harbour lights at night</a></li>"
                + "<li><a href=\"/b\">A new timetable for the islands</a></li></ul></div>"
                + "<p>The harbour office says the winter timetable starts in November, with one crossing fewer"
                + " in the evening and a later first boat on Sundays.</p></article></body></html>";
        assertThat(text(page)).contains("knows most of his passengers", "the winter timetable starts in November")
                .doesNotContain("Related stories", "Harbour lights at night");
    }

    @Test
    void aRelatedBoxAtTheEndStillEndsTheArticle() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<h3>Related articles</h3><ul><li><a href=\"/a\">Harbour lights at night</a></li></ul>"
                + "<p>Sign up for the weekly letter.</p></article></body></html>";
        assertThat(text(page)).contains("knows most of his passengers").doesNotContain("Related articles",
                "Sign up for the weekly letter");
    }

    @Test
    void aMostReadBoxNamingItsSectionEndsTheArticleToo() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<h3>Most read in Harbour news</h3><ul><li><a href=\"/a\">Harbour lights at night</a></li></ul>"
                + "<p>Sign up for the weekly letter.</p></article></body></html>";
        assertThat(text(page)).contains("knows most of his passengers").doesNotContain("Most read",
                "Sign up for the weekly letter");
    }

    @Test
    void aSectionHeadingInABoxNamedAsAHeaderIsKept() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body>"
                + "<div class=\"site-header\"><h2><a href=\"/\">Harbour News</a></h2></div><div class=\"content\">"
                + "<div class=\"module module-header\"><h2>Timetable</h2></div>" + STORY
                + "<div class=\"module module-header\"><h3>Tickets</h3></div>" + STORY.replace("ferry", "boat")
                + "</div></body></html>";
        assertThat(text(page)).contains("Timetable", "Tickets", "The boat leaves the north pier")
                .doesNotContain("Harbour News");
        String zh = "<html><head><title>早班渡轮</title></head><body><div class=\"header\"><h2><a href=\"/\">海港新闻</a>"
                + "</h2></div><div class=\"content\"><div class=\"j-header\"><h2>时刻表</h2></div>" + GUSHI
                + "<div class=\"j-header\"><h3>船票</h3></div>" + GUSHI.replace("渡轮", "轮船") + "</div></body></html>";
        assertThat(text(zh)).contains("时刻表", "船票", "轮船每天早上七点").doesNotContain("海港新闻");
    }

    private static final String GUSHI = """
            <p>渡轮每天早上七点从北码头出发，天气晴朗的时候，站在甲板上可以看到整个海湾。</p>
            <p>大多数乘客是上班的人，他们看书或者睡觉，只有几个游客站在栏杆边拍照。</p>
            <p>航程大约四十分钟，冬天刮东风的时候会慢一些，船也晃得厉害。</p>
            <p>对岸有一辆公共汽车等着渡轮，司机认识大部分乘客，叫得出他们的名字。</p>
            """;

    @Test
    void aLeadInTheStorysHeaderIsKeptWithTheBody() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><div class=\"nav\"><a href=\"/\">"
                + "Home</a></div><article><header><h1>The morning ferry</h1><div class=\"story-intro\"><p>Forty"
                + " minutes across the bay, every morning at seven, with the same faces on deck.</p></div></header>"
                + "<div class=\"story-body\">" + STORY + "</div></article></body></html>";
        assertThat(text(page)).contains("Forty minutes across the bay", "The ferry leaves the north pier");
        String zh = "<html><head><title>早班渡轮</title></head><body><article><header><h1>早班渡轮</h1>"
                + "<p>每天早上七点，四十分钟穿过海湾，甲板上总是那几张熟悉的面孔。</p></header>"
                + "<div class=\"zhengwen\">" + GUSHI + "</div></article></body></html>";
        assertThat(text(zh)).contains("四十分钟穿过海湾", "渡轮每天早上七点");
    }

    @Test
    void aLeadFarAboveTheBodyOrSetAsANamedSubheadingIsKept() throws IOException {
        // The header sits beside the story's box, four levels above its paragraphs.
        String far = "<html><head><title>The morning ferry</title></head><body><main><header><h1>The morning ferry"
                + "</h1><div class=\"standfirst\"><p>Forty minutes across the bay, every morning at seven, with the"
                + " same faces on deck.</p></div></header><div class=\"row\"><div class=\"col\"><div class=\"wrap\">"
                + "<div class=\"text\">" + STORY + "</div><p class=\"filed\">Filed under harbour</p></div></div></div>"
                + "</main></body></html>";
        assertThat(text(far)).contains("Forty minutes across the bay", "The ferry leaves the north pier");
        String heading = "<html><head><title>The morning ferry</title></head><body><article><h1>The morning ferry</h1>"
                + "<h2 class=\"story-excerpt\">Forty minutes across the bay, every morning at seven, with the same"
                + " faces on deck and the same gulls behind the boat.</h2><div class=\"story-body\">" + STORY
                + "</div></article></body></html>";
        assertThat(text(heading)).contains("Forty minutes across the bay", "The ferry leaves the north pier");
        String zh = "<html><head><title>早班渡轮</title></head><body><article><h1>早班渡轮</h1>"
                + "<h2 class=\"summary\">每天早上七点，四十分钟穿过海湾，甲板上总是那几张熟悉的面孔。</h2>"
                + "<div class=\"zhengwen\">" + GUSHI + "</div></article></body></html>";
        assertThat(text(zh)).contains("四十分钟穿过海湾", "渡轮每天早上七点");
    }

    @Test
    void aSubtitleInAnHgroupOrInABoxNamedAsTheLeadIsKept() throws IOException {
        String hgroup = "<html><head><title>The morning ferry</title></head><body><article><header><hgroup>"
                + "<h1>The morning ferry</h1><h2>Forty minutes across the bay, every morning at seven, with the same"
                + " faces on deck and the same gulls behind the boat.</h2></hgroup></header><div class=\"story-body\">"
                + STORY + "</div></article></body></html>";
        assertThat(text(hgroup)).contains("Forty minutes across the bay", "The ferry leaves the north pier");
        String box = hgroup.replace("<hgroup>", "").replace("</hgroup>", "")
                .replace("<h2>", "<div class=\"intro\"><h2>").replace("</h2>", "</h2></div>");
        assertThat(text(box)).contains("Forty minutes across the bay", "The ferry leaves the north pier");
    }

    @Test
    void aPartOfTheTitleNamedAsATeaserIsNotTakenForTheLead() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article><div class=\"teaser\">"
                + "<h1><span class=\"teaser-title\">How the morning ferry crosses the bay in forty minutes</span></h1>"
                + "<div class=\"teaser-intro\"><p>Every morning at seven, the same faces on deck and the same gulls.</p>"
                + "</div></div><div class=\"story-body\">" + STORY + "</div></article></body></html>";
        assertThat(text(page)).contains("Every morning at seven, the same faces", "The ferry leaves the north pier");
    }

    @Test
    void aPlainSubheadingInTheHeaderIsNotTakenForTheLead() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article><header><h1>The morning"
                + " ferry</h1><h2>Forty minutes across the bay, every morning at seven, with the same faces.</h2>"
                + "</header><div class=\"story-body\">" + STORY + "</div></article></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier").doesNotContain("Forty minutes");
    }

    @Test
    void aPictureCaptionBeforeTheBodyIsNotTakenForItsLead() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article><header><h1>The morning"
                + " ferry</h1><figure class=\"lead-picture\"><img src=\"/bay.jpg\" alt=\"\"><figcaption><span"
                + " class=\"lead-caption\">The bay seen from the upper deck of the ferry on a winter morning.</span>"
                + "</figcaption></figure></header><div class=\"story-body\">" + STORY + "</div></article></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier").doesNotContain("seen from the upper deck");
    }

    @Test
    void relatedBoxesAndCommentsEndTheArticleInOtherLanguagesToo() throws IOException {
        for (String heading : new String[] {"<p><strong>Lesen Sie auch:</strong></p>", "<div>À lire aussi</div>",
            "<h3>Noticias relacionadas</h3>", "<p>Czytaj także</p>", "<h2>3 Kommentare</h2>", "<h3>Leave a Reply</h3>",
            "<p>Das Thema könnte dich auch interessieren:</p>", "<h3>Weitere Informationen</h3>",
            "<h2>Mehr zu Fähren und Häfen</h2>", "<h2>Auch auf hafen-nachrichten.example</h2>"}) {
            String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY + heading
                    + "<ul><li><a href=\"/a\">Harbour lights at night</a></li></ul>"
                    + "<p>The old lighthouse keeper remembers every storm since the war.</p></article></body></html>";
            assertThat(text(page)).as(heading).contains("knows most of his passengers")
                    .doesNotContain("Harbour lights", "lighthouse keeper");
        }
    }

    @Test
    void aReadAlsoLinkBetweenParagraphsGoesAndTheArticleGoesOn() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<p><strong>Lea también:</strong> <a href=\"/x\">Harbour lights at night</a></p>"
                + STORY.replace("ferry", "boat") + "</article></body></html>";
        assertThat(text(page)).contains("The boat leaves the north pier").doesNotContain("Harbour lights", "Lea");
        String zh = "<html><head><title>早班渡轮</title></head><body><article>" + GUSHI
                + "<p>相关阅读：<a href=\"/x\">海湾夜里的灯塔</a></p>" + GUSHI.replace("渡轮", "轮船")
                + "</article></body></html>";
        assertThat(text(zh)).contains("轮船每天早上七点").doesNotContain("海湾夜里的灯塔");
    }

    @Test
    void promptsToRateShareOrSubscribeAndAdvertisementLabelsAreLeftOut() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<p>Anzeige</p><p>War der Artikel hilfreich?</p>"
                + "<p>Sign up to our newsletter and get the timetable every Monday!</p>"
                + "<p>Subscribe now to the harbour weekly for the full story.</p>"
                + "<p>Follow the harbour office on Twitter and Instagram for the timetable.</p>"
                + "<h2>Wie bewerten Sie diesen Artikel?</h2><p>Fischsuppe vom Hafen, mit Brot und Zitrone, für vier"
                + " Personen. <a href=\"/print\">Rezept drucken</a></p>"
                + STORY.replace("ferry", "boat") + "</article></body></html>";
        assertThat(text(page)).contains("The boat leaves the north pier", "Fischsuppe vom Hafen")
                .doesNotContain("Anzeige", "hilfreich", "newsletter", "Subscribe now", "on Twitter", "bewerten",
                        "drucken");
    }

    /** Each paragraph of a story in its own step: the text, a picture and, beside it, the picture's caption. */
    private static String steps(String title, String story, String caption) {
        StringBuilder page = new StringBuilder("<html><head><title>" + title + "</title></head><body><article>");
        String[] paragraphs = story.strip().split("\n");
        for (int i = 0; i < paragraphs.length; i++) {
            page.append("<div class=\"step\"><div class=\"text\">").append(paragraphs[i]).append("</div><figure>")
                    .append("<img src=\"/photos/").append(i).append(".jpg\" alt=\"\"></figure><figcaption>")
                    .append(caption).append(i).append("</figcaption></div>");
        }
        return page.append("</article></body></html>").toString();
    }

    @Test
    void aSectionWithOnePictureAndItsCaptionKeepsItsParagraphsPictureAndCaption() throws IOException {
        String page = steps("The morning ferry", STORY, "Photo by the harbour office, number ");
        Article a = MainContentExtractorTest.read(page, new ArrayList<>(), HtmlOptions.defaults());
        assertThat(a.body().text()).contains("The ferry leaves the north pier", "knows most of his passengers",
                "Photo by the harbour office, number 1");
        assertThat(a.body().imageSources()).hasSize(4);
        assertThat(text(steps("早班渡轮", GUSHI, "海湾，从上层甲板拍摄，第"))).contains("渡轮每天早上七点", "司机认识大部分乘客",
                "海湾，从上层甲板拍摄，第1");
    }

    @Test
    void captionsStayWithTheirPicturesButACaptionOrCreditOnItsOwnIsLeftOut() throws IOException {
        String page = "<html><head><title>The morning ferry</title></head><body><article>" + STORY
                + "<figure><img src=\"/photos/bay.jpg\" alt=\"\"><figcaption>The bay from the upper deck, in"
                + " winter.</figcaption></figure><p class=\"photo-credit\">Photo: Harbour Office</p>"
                + STORY.replace("ferry", "boat") + "<p class=\"photo-credit\">Photos: Island Press Agency</p>"
                + STORY.replace("ferry", "tram") + "</article></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier", "The boat leaves the north pier",
                "The bay from the upper deck, in winter.", "Photo: Harbour Office", "The tram leaves the north pier")
                .doesNotContain("Island Press Agency");
        StringBuilder gallery = new StringBuilder("<html><head><title>Ten ferries</title></head><body><article>"
                + "<p>Ten ferries, from the oldest to the newest, as the harbour office keeps them in its album.</p>");
        for (String line : STORY.strip().split("\n")) {
            gallery.append("<figure><img src=\"/photos/f.jpg\" alt=\"\"><figcaption>").append(line)
                    .append("</figcaption></figure>");
        }
        assertThat(text(gallery.append("</article></body></html>").toString()))
                .contains("The ferry leaves the north pier", "knows most of his passengers");
    }

    @Test
    void aPageThatScrollsIntoTheNextStoriesGivesTheStoryItsTitleNames() throws IOException {
        String longer = STORY.replace("ferry", "night train") + STORY.replace("ferry", "tram")
                + STORY.replace("ferry", "cable car");
        String page = "<html><head><title>The morning ferry | Harbour News</title></head><body><main>"
                + "<div class=\"feed\">"
                + "<article class=\"story\"><header class=\"story-header\"><h2>The morning ferry</h2></header>"
                + "<div class=\"story-text\">" + STORY + STORY.replace("ferry", "boat") + "</div></article>"
                + "<article class=\"story\"><header class=\"story-header\"><h2>The last night train</h2></header>"
                + "<div class=\"story-text\">" + longer + "</div></article></div></main></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier", "knows most of his passengers")
                .doesNotContain("night train", "cable car");
        String zh = "<html><head><title>早班渡轮 - 海港新闻</title></head><body><div class=\"list\">"
                + "<div class=\"item\"><h1>早班渡轮</h1><div class=\"text\">" + GUSHI + GUSHI.replace("渡轮", "轮船")
                + "</div></div>"
                + "<div class=\"item\"><h1>末班夜车</h1><div class=\"text\">" + GUSHI.replace("渡轮", "夜车")
                + GUSHI.replace("渡轮", "电车") + "</div></div></div></body></html>";
        assertThat(text(zh)).contains("渡轮每天早上七点").doesNotContain("夜车", "电车");
    }

    @Test
    void anArticleInTwoBoxesOfNearlyTheSameTextIsKeptWhole() throws IOException {
        String second = STORY.replace("ferry", "boat").replace("north pier", "south quay");
        String page = "<html><head><title>The morning ferry</title></head><body><div class=\"page\">"
                + "<section class=\"band\"><div class=\"inner\"><div class=\"rich\">" + STORY + "</div></div></section>"
                + "<section class=\"band\"><div class=\"inner\"><div class=\"rich\">" + second
                + "</div></div></section></div><div class=\"sidebar\"><ul><li><a href=\"/a\">Harbour lights</a></li>"
                + "</ul></div></body></html>";
        assertThat(text(page)).contains("The ferry leaves the north pier", "The boat leaves the south quay")
                .doesNotContain("Harbour lights");
        String zh = "<html><head><title>早班渡轮</title></head><body><div><section><div><div>" + GUSHI
                + "</div></div></section><section><div><div>" + GUSHI.replace("渡轮", "轮船").replace("北码头", "南码头")
                + "</div></div></section></div></body></html>";
        assertThat(text(zh)).contains("渡轮每天早上七点从北码头", "轮船每天早上七点从南码头");
    }

    /** A page builder's rows: each row's column holds a text box of the same class, or a picture. */
    private static String rows(String title, String... boxes) {
        StringBuilder page = new StringBuilder("<html><head><title>" + title + "</title></head><body><div class=\"site\">"
                + "<div class=\"page-content\">");
        for (String box : boxes) {
            page.append("<div class=\"row\"><div class=\"column\">").append(box.startsWith("<img")
                    ? "<figure>" + box + "</figure>" : "<div class=\"text-box\">" + box + "</div>").append("</div></div>");
        }
        return page.append("</div><div class=\"sidebar\"><ul><li><a href=\"/a\">Harbour lights</a></li></ul></div>")
                .append("</div></body></html>").toString();
    }

    @Test
    void anArticleLaidOutInRowsOfTheSameTextBoxIsKeptWhole() throws IOException {
        String[] lines = STORY.strip().split("\n");
        String page = rows("The morning ferry", STORY + STORY.replace("ferry", "boat"), "<img src=\"/bay.jpg\" alt=\"\">",
                lines[0].replace("ferry", "tram") + lines[1].replace("ferry", "tram") + lines[2].replace("ferry", "tram"));
        assertThat(text(page)).contains("The ferry leaves the north pier", "The boat leaves the north pier",
                "The tram leaves the north pier").doesNotContain("Harbour lights");
        String[] hang = GUSHI.strip().split("\n");
        String zh = rows("早班渡轮", GUSHI + GUSHI.replace("渡轮", "轮船"), "<img src=\"/bay.jpg\" alt=\"\">",
                hang[0].replace("渡轮", "电车") + hang[1].replace("渡轮", "电车") + hang[2].replace("渡轮", "电车"));
        assertThat(text(zh)).contains("渡轮每天早上七点", "轮船每天早上七点", "电车每天早上七点");
    }

    @Test
    void aShortBoxOfTheSameClassIsNotMergedIntoTheArticle() throws IOException {
        String page = rows("The morning ferry", STORY + STORY.replace("ferry", "boat") + STORY.replace("ferry", "bus"),
                "<p>Harbour office, north pier, open daily.</p>");
        assertThat(text(page)).contains("The ferry leaves the north pier", "The bus leaves the north pier")
                .doesNotContain("Harbour office, north pier");
    }
}
