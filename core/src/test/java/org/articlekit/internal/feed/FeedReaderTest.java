package org.articlekit.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Book;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    private static final String RSS2 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
              <channel>
                <title>山间笔记</title>
                <link>https://notes.example.org/</link>
                <description>关于徒步与读书的短文</description>
                <language>zh-cn</language>
                <image><url>https://notes.example.org/logo.png</url><title>山间笔记</title></image>
                <item>
                  <title>秋天的第一次登山</title>
                  <link>https://notes.example.org/posts/autumn-hike</link>
                  <guid isPermaLink="false">notes-2024-0603</guid>
                  <pubDate>Mon, 03 Jun 2024 08:30:00 +0800</pubDate>
                  <dc:creator>林小山</dc:creator>
                  <category>徒步</category>
                  <category>秋天</category>
                  <description>一段简短的摘要。</description>
                  <content:encoded><![CDATA[<p>清晨六点出发，<a href="/tags/hike">山路</a>很安静。</p><img src="images/peak.jpg" alt="山顶">]]></content:encoded>
                  <media:thumbnail url="https://notes.example.org/images/peak-small.jpg"/>
                </item>
                <item>
                  <title>Reading in the rain</title>
                  <link>https://notes.example.org/posts/rain</link>
                  <pubDate>Tue, 04 Jun 2024 21:05:00 +0800</pubDate>
                  <author>editor@notes.example.org (Ann Reader)</author>
                  <description><![CDATA[<p>Only a <em>description</em> here.</p>]]></description>
                  <enclosure url="https://notes.example.org/audio/rain.mp3" type="audio/mpeg" length="10"/>
                  <enclosure url="https://notes.example.org/images/rain.jpg" type="image/jpeg" length="10"/>
                </item>
              </channel>
            </rss>
            """;

    @Test
    void readsAnRss2FeedWithContentCreatorCategoriesAndImages() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(RSS2);
        Metadata b = book.metadata();
        assertThat(b.title()).contains("山间笔记");
        assertThat(b.language()).contains("zh-CN");
        assertThat(b.summary()).contains("关于徒步与读书的短文");
        assertThat(b.sourceUrl()).contains(URI.create("https://notes.example.org/"));
        assertThat(b.cover()).contains("https://notes.example.org/logo.png");
        assertThat(book.articles()).hasSize(2);

        Article first = book.articles().get(0);
        Metadata m = first.metadata();
        assertThat(m.title()).contains("秋天的第一次登山");
        assertThat(m.sourceUrl()).contains(URI.create("https://notes.example.org/posts/autumn-hike"));
        assertThat(m.canonicalUrl()).isEqualTo(m.sourceUrl());
        assertThat(m.identifier()).contains("notes-2024-0603");
        assertThat(m.authors()).containsExactly("林小山");
        assertThat(m.categories()).containsExactly(CategoryPath.of("徒步"), CategoryPath.of("秋天"));
        assertThat(m.cover()).contains("https://notes.example.org/images/peak-small.jpg");
        assertThat(m.language()).contains("zh-CN");
        assertThat(m.publisher()).contains("山间笔记");
        assertThat(m.summary()).contains("一段简短的摘要。");
        ArticleDate published = m.published().orElseThrow();
        assertThat(published.text()).isEqualTo("Mon, 03 Jun 2024 08:30:00 +0800");
        assertThat(published.offset()).contains(ZoneOffset.ofHours(8));
        assertThat(published.dateTime()).contains(LocalDateTime.of(2024, 6, 3, 8, 30));
        assertThat(first.body().html()).contains("清晨六点出发")
                .contains("href=\"https://notes.example.org/tags/hike\"")
                .contains("src=\"https://notes.example.org/posts/images/peak.jpg\"");
        assertThat(FeedFormat.isSummaryOnly(first)).isFalse();

        Article second = book.articles().get(1);
        assertThat(second.metadata().authors()).containsExactly("Ann Reader");
        assertThat(second.metadata().cover()).contains("https://notes.example.org/images/rain.jpg");
        assertThat(second.body().html()).contains("<em>description</em>");
        assertThat(second.metadata().summary()).contains("Only a description here.");
        assertThat(FeedFormat.isSummaryOnly(second)).isTrue();
        assertThat(second.metadata().published().orElseThrow().text()).isEqualTo("Tue, 04 Jun 2024 21:05:00 +0800");
        assertThat(s.warnings).isEmpty();
    }

    @Test
    void readsAnRss1RdfFeedWithDcDates() throws Exception {
        Book book = new FeedTestSupport().read("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://rdf.example.org/">
                    <title>Field station log</title>
                    <link>https://rdf.example.org/</link>
                    <description>Weekly notes</description>
                    <dc:language>en-gb</dc:language>
                  </channel>
                  <item rdf:about="https://rdf.example.org/log/12">
                    <title>Week twelve</title>
                    <link>https://rdf.example.org/log/12</link>
                    <description>Frost on the gauges.</description>
                    <dc:date>2024-05-20T07:15:00+01:00</dc:date>
                    <dc:creator>Sam Field</dc:creator>
                    <dc:subject>weather</dc:subject>
                  </item>
                  <item rdf:about="https://rdf.example.org/log/13">
                    <title>Week thirteen</title>
                    <link>https://rdf.example.org/log/13</link>
                  </item>
                </rdf:RDF>
                """);
        assertThat(book.metadata().title()).contains("Field station log");
        assertThat(book.metadata().language()).contains("en-GB");
        assertThat(book.articles()).extracting(a -> a.metadata().title().orElseThrow())
                .containsExactly("Week twelve", "Week thirteen");
        Metadata m = book.articles().get(0).metadata();
        assertThat(m.published().orElseThrow().text()).isEqualTo("2024-05-20T07:15:00+01:00");
        assertThat(m.published().orElseThrow().offset()).contains(ZoneOffset.ofHours(1));
        assertThat(m.identifier()).contains("https://rdf.example.org/log/12");
        assertThat(m.authors()).containsExactly("Sam Field");
        assertThat(m.categories()).containsExactly(CategoryPath.of("weather"));
        assertThat(book.articles().get(0).body().text()).isEqualTo("Frost on the gauges.");
        assertThat(book.articles().get(1).body().isEmpty()).isTrue();
    }

    @Test
    void readsAnRss091Feed() throws Exception {
        Book book = new FeedTestSupport().read("""
                <rss version="0.91">
                  <channel>
                    <title>Old school</title>
                    <link>http://old.example.org/</link>
                    <description>Since forever</description>
                    <language>en-us</language>
                    <item>
                      <title>First post</title>
                      <link>http://old.example.org/1.html</link>
                      <description>Hello &amp; welcome.</description>
                    </item>
                  </channel>
                </rss>
                """);
        assertThat(book.metadata().language()).contains("en-US");
        Article a = book.articles().get(0);
        assertThat(a.metadata().sourceUrl()).contains(URI.create("http://old.example.org/1.html"));
        assertThat(a.body().text()).isEqualTo("Hello & welcome.");
        assertThat(FeedFormat.isSummaryOnly(a)).isTrue();
    }

    private static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-TW"
                  xml:base="https://atom.example.org/blog/">
              <title type="html">茶&amp;lt;與&amp;gt;書</title>
              <subtitle>慢慢寫</subtitle>
              <link rel="self" href="https://atom.example.org/blog/feed.atom"/>
              <link rel="alternate" type="text/html" href="https://atom.example.org/blog/"/>
              <id>urn:uuid:7d1c2b3a-0000-4000-8000-000000000001</id>
              <updated>2024-06-04T10:00:00+08:00</updated>
              <author><name>陳茶</name></author>
              <logo>img/logo.png</logo>
              <entry>
                <title>HTML content</title>
                <link href="posts/html-one"/>
                <id>tag:atom.example.org,2024:1</id>
                <published>2024-06-03T09:00:00+08:00</published>
                <updated>2024-06-04T09:30:00+08:00</updated>
                <author><name>王書</name></author>
                <category term="tea" label="茶"/>
                <category term="books"/>
                <summary>短短的摘要</summary>
                <content type="html">&lt;p&gt;第一段&lt;img src="pics/cup.jpg" alt="杯"&gt;&lt;/p&gt;</content>
              </entry>
              <entry>
                <title>XHTML content</title>
                <link rel="alternate" href="https://atom.example.org/blog/posts/xhtml-two"/>
                <id>tag:atom.example.org,2024:2</id>
                <updated>2024-06-04T10:00:00+08:00</updated>
                <content type="xhtml" xml:base="https://cdn.example.org/two/">
                  <div xmlns="http://www.w3.org/1999/xhtml"><p>一<strong>二</strong></p><p/><p>三<br/>四</p><img src="a.png" alt="圖"/></div>
                </content>
              </entry>
              <entry>
                <title>Text content</title>
                <link href="posts/text-three"/>
                <id>tag:atom.example.org,2024:3</id>
                <updated>2024-06-04T11:00:00+08:00</updated>
                <content type="text">Line &lt;one&gt;

            Second paragraph</content>
              </entry>
              <entry xml:lang="en">
                <title>Summary only</title>
                <link href="posts/summary-four"/>
                <id>tag:atom.example.org,2024:4</id>
                <updated>2024-06-04T12:00:00Z</updated>
                <summary type="html">&lt;p&gt;Just the &lt;b&gt;gist&lt;/b&gt;.&lt;/p&gt;</summary>
              </entry>
            </feed>
            """;

    @Test
    void readsAtomContentOfEveryTypeWithBasesDatesAuthorsAndCategories() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(ATOM);
        Metadata b = book.metadata();
        assertThat(b.title()).contains("茶<與>書");
        assertThat(b.summary()).contains("慢慢寫");
        assertThat(b.language()).contains("zh-TW");
        assertThat(b.authors()).containsExactly("陳茶");
        assertThat(b.sourceUrl()).contains(URI.create("https://atom.example.org/blog/"));
        assertThat(b.cover()).contains("https://atom.example.org/blog/img/logo.png");
        assertThat(book.articles()).hasSize(4);

        Article html = book.articles().get(0);
        Metadata m = html.metadata();
        assertThat(m.sourceUrl()).contains(URI.create("https://atom.example.org/blog/posts/html-one"));
        assertThat(m.identifier()).contains("tag:atom.example.org,2024:1");
        assertThat(m.published().orElseThrow().text()).isEqualTo("2024-06-03T09:00:00+08:00");
        assertThat(m.updated().orElseThrow().text()).isEqualTo("2024-06-04T09:30:00+08:00");
        assertThat(m.updated().orElseThrow().offset()).contains(ZoneOffset.ofHours(8));
        assertThat(m.authors()).containsExactly("王書");
        assertThat(m.categories()).containsExactly(CategoryPath.of("茶"), CategoryPath.of("books"));
        assertThat(m.summary()).contains("短短的摘要");
        assertThat(m.language()).contains("zh-TW");
        assertThat(html.body().html()).contains("第一段")
                .as("the feed's xml:base, not the entry's link, bases the content")
                .contains("src=\"https://atom.example.org/blog/pics/cup.jpg\"");

        Article xhtml = book.articles().get(1);
        assertThat(xhtml.metadata().authors()).as("inherits the feed's author").containsExactly("陳茶");
        assertThat(xhtml.body().html()).contains("<p>一<strong>二</strong></p>").contains("三<br />四")
                .contains("src=\"https://cdn.example.org/two/a.png\"").doesNotContain("xmlns");
        // The empty <p/> neither survives nor swallows what follows it.
        assertThat(xhtml.body().document().select("p")).extracting(org.jsoup.nodes.Element::text)
                .containsExactly("一二", "三 四", "");

        Article text = book.articles().get(2);
        assertThat(text.body().html()).contains("<p>Line &lt;one&gt;</p>").contains("<p>Second paragraph</p>");

        Article summaryOnly = book.articles().get(3);
        assertThat(summaryOnly.body().html()).contains("<strong>gist</strong>");
        assertThat(summaryOnly.metadata().language()).contains("en");
        assertThat(FeedFormat.isSummaryOnly(summaryOnly)).isTrue();
        assertThat(FeedFormat.isSummaryOnly(html)).isFalse();
        assertThat(s.warnings).isEmpty();
    }

    @Test
    void readsJsonFeed10WithAuthorAndContentHtml() throws Exception {
        Book book = new FeedTestSupport().read("""
                {
                  "version": "https://jsonfeed.org/version/1",
                  "title": "Kitchen table",
                  "home_page_url": "https://json.example.org/",
                  "description": "Recipes and notes",
                  "author": {"name": "Robin Cook"},
                  "icon": "https://json.example.org/icon.png",
                  "items": [
                    {
                      "id": "1",
                      "url": "https://json.example.org/bread",
                      "title": "Bread",
                      "content_html": "<p>Flour, <a href=\\"tips\\">water</a>, salt.</p>",
                      "summary": "A simple loaf.",
                      "date_published": "2024-05-20T06:00:00-05:00",
                      "tags": ["baking", "bread"],
                      "image": "https://json.example.org/bread.jpg"
                    }
                  ]
                }
                """);
        assertThat(book.metadata().title()).contains("Kitchen table");
        assertThat(book.metadata().authors()).containsExactly("Robin Cook");
        assertThat(book.metadata().cover()).contains("https://json.example.org/icon.png");
        Article a = book.articles().get(0);
        assertThat(a.metadata().authors()).containsExactly("Robin Cook");
        assertThat(a.metadata().tags()).containsExactly("baking", "bread");
        assertThat(a.metadata().categories()).isEmpty();
        assertThat(a.metadata().cover()).contains("https://json.example.org/bread.jpg");
        assertThat(a.metadata().summary()).contains("A simple loaf.");
        assertThat(a.metadata().published().orElseThrow().offset()).contains(ZoneOffset.ofHours(-5));
        assertThat(a.body().html()).contains("href=\"https://json.example.org/tips\"");
        assertThat(FeedFormat.isSummaryOnly(a)).isFalse();
    }

    @Test
    void readsJsonFeed11WithAuthorsLanguageAndContentText() throws Exception {
        Book book = new FeedTestSupport().read("""
                {"version": "https://jsonfeed.org/version/1.1", "title": "小站", "language": "zh-hans-cn",
                 "authors": [{"name": "甲"}, {"name": "乙"}],
                 "items": [
                   {"id": 42, "url": "https://json.example.org/zh/1", "title": "第一篇",
                    "content_text": "第一段文字。\\n\\n第二段文字。", "date_modified": "2024-06-04T12:00:00+08:00",
                    "authors": [{"name": "丙"}], "banner_image": "https://json.example.org/zh/banner.png"},
                   {"id": "b", "url": "https://json.example.org/zh/2", "content_html": "<p>无标题</p>"}
                 ]}
                """);
        assertThat(book.metadata().language()).contains("zh-Hans-CN");
        assertThat(book.metadata().authors()).containsExactly("甲", "乙");
        Article first = book.articles().get(0);
        assertThat(first.metadata().identifier()).contains("42");
        assertThat(first.metadata().authors()).containsExactly("丙");
        assertThat(first.metadata().updated().orElseThrow().text()).isEqualTo("2024-06-04T12:00:00+08:00");
        assertThat(first.metadata().cover()).contains("https://json.example.org/zh/banner.png");
        assertThat(first.metadata().language()).contains("zh-Hans-CN");
        assertThat(first.body().html()).isEqualTo("<p>第一段文字。</p>\n<p>第二段文字。</p>");
        assertThat(book.articles().get(1).metadata().authors()).containsExactly("甲", "乙");
    }

    @Test
    void readsAGbkEncodedRssFile() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="GBK"?>
                <rss version="2.0"><channel><title>朱镕基讲话实录读后</title><link>https://gbk.example.org/</link>
                <item><title>镕字与喆字</title><link>https://gbk.example.org/1</link>
                <description>这是用国标扩展编码写成的摘要：镕、喆、堃。</description></item>
                </channel></rss>
                """;
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(xml.getBytes(Charset.forName("GBK")));
        assertThat(book.metadata().title()).contains("朱镕基讲话实录读后");
        assertThat(book.articles().get(0).metadata().title()).contains("镕字与喆字");
        assertThat(book.articles().get(0).body().text()).isEqualTo("这是用国标扩展编码写成的摘要：镕、喆、堃。");
        assertThat(s.warnings).isEmpty();
    }

    @Test
    void theTransportCharsetOutranksTheXmlDeclaration() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <rss version="2.0"><channel><title>编码</title><item><title>标题</title></item></channel></rss>
                """;
        Book book = new FeedTestSupport().charset(Charset.forName("GB2312"))
                .read(xml.getBytes(Charset.forName("GB18030")));
        assertThat(book.metadata().title()).contains("编码");
        assertThat(book.articles().get(0).metadata().title()).contains("标题");
    }

    @Test
    void anItemLinkThatIsNotHttpIsIgnoredWithAWarningNamingTheItem() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read("""
                <rss version="2.0"><channel><title>t</title>
                <item><title>Bad link</title><link>javascript:alert(1)</link><description>x</description></item>
                <item><title>File link</title><link>file:///etc/passwd</link></item>
                </channel></rss>
                """);
        assertThat(book.articles().get(0).metadata().sourceUrl()).isEmpty();
        assertThat(book.articles().get(0).metadata().canonicalUrl()).isEmpty();
        assertThat(book.articles().get(1).metadata().sourceUrl()).isEmpty();
        assertThat(s.codes()).containsExactly("feed.link", "feed.link");
        assertThat(s.warnings.get(0).message()).contains("item 1 (\"Bad link\")").contains("javascript:");
        assertThat(s.warnings.get(0).line()).isEqualTo(2);
        assertThat(s.warnings.get(1).message()).contains("item 2 (\"File link\")");
    }

    @Test
    void relativeRssLinksResolveAgainstTheFeedsAddressAndXmlBase() throws Exception {
        Book book = new FeedTestSupport().baseUri(URI.create("https://rel.example.org/feeds/main.rss")).read("""
                <rss version="2.0"><channel><title>rel</title><link>/</link>
                <item><title>a</title><link>../posts/a.html</link>
                  <description>&lt;img src="pics/a.png"&gt;</description></item>
                <item xml:base="https://other.example.org/x/"><title>b</title><link>b.html</link></item>
                </channel></rss>
                """);
        assertThat(book.metadata().sourceUrl()).contains(URI.create("https://rel.example.org/"));
        Article a = book.articles().get(0);
        assertThat(a.metadata().sourceUrl()).contains(URI.create("https://rel.example.org/posts/a.html"));
        assertThat(a.body().imageSources()).containsExactly("https://rel.example.org/posts/pics/a.png");
        assertThat(book.articles().get(1).metadata().sourceUrl())
                .contains(URI.create("https://other.example.org/x/b.html"));
    }

    @Test
    void warningsAboutAnItemsBodyNameTheItem() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        s.read("""
                <rss version="2.0"><channel><title>w</title>
                <item><title>Risky</title><link>https://w.example.org/1</link>
                <description>&lt;p&gt;&lt;a href="javascript:steal()"&gt;click&lt;/a&gt;&lt;/p&gt;</description></item>
                </channel></rss>
                """);
        assertThat(s.warnings).isNotEmpty();
        assertThat(s.warnings).allSatisfy(d -> {
            assertThat(d.message()).startsWith("item 1 (\"Risky\"): ");
            assertThat(d.line()).isEqualTo(2);
            assertThat(d.file()).isEqualTo("feed.xml");
        });
    }

    @Test
    void inStrictModeABadItemLinkFails() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FeedTestSupport().strict().read(
                "<rss version=\"2.0\"><channel><item><title>x</title><link>data:text/html,hi</link></item></channel></rss>"))
                .isInstanceOf(org.articlekit.ArticleFormatException.class).hasMessageContaining("item 1");
    }

    @Test
    void aBadLanguageTagIsAWarning() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read("<rss version=\"2.0\"><channel><language>not a language!</language>"
                + "<item><title>x</title></item></channel></rss>");
        assertThat(book.metadata().language()).isEmpty();
        assertThat(s.codes()).containsExactly("feed.language");
    }

    @Test
    void anRssDocumentInANamespaceIsReadToo() throws Exception {
        Book book = new FeedTestSupport().read("""
                <rss xmlns="http://backend.userland.com/rss2" version="2.0"><channel><title>ns</title>
                <item><title>one</title><link>https://ns.example.org/1</link><description>d</description></item>
                </channel></rss>
                """);
        assertThat(book.metadata().title()).contains("ns");
        assertThat(book.articles()).singleElement().satisfies(a -> {
            assertThat(a.metadata().title()).contains("one");
            assertThat(a.body().text()).isEqualTo("d");
        });
    }

    @Test
    void chineseHostsAndPathsInLinksAreKept() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read("""
                <rss version="2.0"><channel><title>中文地址</title>
                <item><title>甲</title><link>https://例子.example.org/文章/第一篇</link></item>
                <item><title>乙</title><link>https://cn.example.org/文章/第 二 篇</link></item>
                </channel></rss>
                """);
        assertThat(book.articles().get(0).metadata().sourceUrl().orElseThrow().getHost())
                .isEqualTo("xn--fsqu00a.example.org");
        assertThat(book.articles().get(0).metadata().sourceUrl().orElseThrow().getPath()).isEqualTo("/文章/第一篇");
        assertThat(book.articles().get(1).metadata().sourceUrl().orElseThrow().getRawPath())
                .isEqualTo("/文章/第%20二%20篇");
        assertThat(s.warnings).isEmpty();
    }

    @Test
    void withoutXmlBaseAnAtomEntrysContentIsBasedOnItsLink() throws Exception {
        Book book = new FeedTestSupport().read("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>b</title>
                <entry><title>e</title><link href="https://nobase.example.org/2024/walk/"/><id>e1</id>
                <content type="html">&lt;p&gt;&lt;a href="map.html"&gt;map&lt;/a&gt;&lt;img src="../shared/w.png"&gt;&lt;/p&gt;</content>
                </entry></feed>
                """);
        Article a = book.articles().get(0);
        assertThat(a.body().html()).contains("href=\"https://nobase.example.org/2024/walk/map.html\"");
        assertThat(a.body().imageSources()).containsExactly("https://nobase.example.org/2024/shared/w.png");
    }
}
