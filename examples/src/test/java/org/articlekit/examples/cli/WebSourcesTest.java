package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds, pages and archives from a loopback server, through the command line as a user runs it.
 * Nothing but 127.0.0.1 is ever contacted: every address in the fixtures is the test server's.
 */
class WebSourcesTest {

    static final Charset GBK = Charset.forName("GBK");

    /** Three long paragraphs of an article, so that the page is clearly more than the feed's summary. */
    static String story(int n, String topic) {
        return "<p>" + topic + "的第" + n + "篇报道。清晨六点，湖边的步道上已经有人在跑步，卖豆浆的小车停在老地方，"
                + "摊主说这条路他走了十二年，每年秋天人都会多起来。今年的桂花开得晚，直到十月中旬才闻到香味，"
                + "附近的居民把落下的花收起来做成桂花糖，放在玻璃罐里送给邻居。</p>"
                + "<p>记者沿着湖走了一圈，看到三个孩子在比赛谁的纸船漂得更远，一位老人在长椅上教孙女认水鸟："
                + "白鹭的腿很长，野鸭总是成群结队，偶尔还能看到一只翠鸟从水面掠过。管理处的工作人员介绍，"
                + "这两年湖里的水变清了，来过冬的鸟也比以前多，周末的观鸟活动每次都有几十人报名参加。</p>"
                + "<p>傍晚时分，湖面上的灯一盏盏亮起来，跳广场舞的队伍占据了东边的空地，西边则是拉二胡的爱好者。"
                + "一位在这里住了四十年的居民说，城市变化很快，但这片湖一直是大家散步、聊天、看日落的地方，"
                + "他希望以后的孩子们也能像他小时候一样，在湖边度过一个个安静的秋天。</p>";
    }

    /** A news page in GBK: navigation, a related box and a footer around the article, an image inside it. */
    static String newsPage(int n, String title) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><title>" + title + " - 湖畔日报</title></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/city\">城市</a> <a href=\"/life\">生活</a>"
                + " <a href=\"/login\">登录</a></div>"
                + "<div class=\"content\"><h1>" + title + "</h1><div class=\"article-body\">" + story(n, "湖畔")
                + "<p><img src=\"/img/" + n + ".png\" alt=\"湖边的清晨\"></p></div></div>"
                + "<div class=\"related\"><h3>相关阅读</h3><ul><li><a href=\"/x1\">另一条新闻标题一</a></li>"
                + "<li><a href=\"/x2\">另一条新闻标题二</a></li></ul></div>"
                + "<div class=\"footer\">版权所有 湖畔日报社 联系我们 广告服务</div></body></html>";
    }

    static String rssItem(int n, String title, String link) {
        return "<item><title>" + title + "</title><link>" + link + "</link><guid isPermaLink=\"false\">lake-" + n
                + "</guid><pubDate>" + List.of("Sun", "Mon", "Tue", "Wed").get(n - 1) + ", 0" + n
                + " Nov 2026 08:30:00 +0800</pubDate><dc:creator>湖畔记者" + n
                + "</dc:creator><category>城市</category><description>第" + n + "篇的摘要：湖边的秋天。</description></item>";
    }

    @TempDir
    Path dir;
    HttpServer server;
    String base;
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    final Map<String, String> types = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        for (int n = 1; n <= 3; n++) {
            put("/news/" + n + ".html", "text/html; charset=GBK", newsPage(n, "湖边的秋天（" + n + "）").getBytes(GBK));
            put("/img/" + n + ".png", "image/png", png(4 + n));
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void put(String path, String type, byte[] body) {
        bodies.put(path, body);
        types.put(path, type);
    }

    private void serve(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        byte[] body = bodies.get(ex.getRequestURI().getPath());
        if (body == null) {
            ex.sendResponseHeaders(404, -1);
        } else {
            ex.getResponseHeaders().set("Content-Type", types.get(ex.getRequestURI().getPath()));
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    static byte[] png(int width) throws IOException {
        BufferedImage img = new BufferedImage(width, 3, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    private String gbkFeed(int items, String extraItem) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"GBK\"?>\n"
                + "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<title>湖畔日报·城市</title><link>" + base + "/</link><language>zh-cn</language>"
                + "<description>每天的城市新闻</description>");
        for (int n = 1; n <= items; n++) {
            sb.append(rssItem(n, "湖边的秋天（" + n + "）", base + "/news/" + n + ".html"));
        }
        return sb.append(extraItem).append("</channel></rss>").toString();
    }

    @Test
    void aGbkFeedOfSummariesBecomesAValidEpubWithEachPagesFullTextAndImages() throws IOException {
        put("/news.rss", "application/rss+xml", gbkFeed(3, "").getBytes(GBK));
        Path book = dir.resolve("week.epub");

        Cli.Result r = Cli.run("convert", base + "/news.rss", "-o", book, "--allow-private-hosts", "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(EpubCommandTest.epubcheck(book)).isEmpty();
        String chapters = EpubCommandTest.chapterText(book);
        assertThat(chapters).contains("湖畔的第1篇报道", "湖畔的第2篇报道", "湖畔的第3篇报道", "希望以后的孩子们")
                .contains("湖畔记者1", "湖畔记者3", "城市")
                .doesNotContain("版权所有", "相关阅读", "另一条新闻标题", "登录");
        try (ZipFile zip = new ZipFile(book.toFile())) {
            List<byte[]> pngs = new ArrayList<>();
            for (var e : java.util.Collections.list(zip.entries())) {
                if (e.getName().endsWith(".png")) {
                    pngs.add(zip.getInputStream(e).readAllBytes());
                }
            }
            for (int n = 1; n <= 3; n++) {
                byte[] served = bodies.get("/img/" + n + ".png");
                assertThat(pngs).as("image %d inside the book", n).anySatisfy(b -> assertThat(b).isEqualTo(served));
            }
            String opf = new String(zip.getInputStream(zip.getEntry("EPUB/package.opf")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(opf).contains("湖畔日报·城市").contains("<dc:language>zh-CN</dc:language>");
        }
    }

    @Test
    void anItemWhosePageIsMissingKeepsItsSummaryWithOneWarningAndTheBookIsStillMade() throws IOException {
        put("/news.rss", "application/rss+xml",
                gbkFeed(1, rssItem(4, "不存在的页面", base + "/news/gone.html")).getBytes(GBK));
        Path book = dir.resolve("week.epub");

        Cli.Result r = Cli.run("convert", base + "/news.rss", "-o", book, "--allow-private-hosts", "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("不存在的页面").contains(base + "/news/gone.html").contains("404");
        assertThat(EpubCommandTest.chapterText(book)).contains("第4篇的摘要", "湖畔的第1篇报道");
    }

    private String atom(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"zh-CN\">"
                + "<title>小园笔记</title><id>urn:garden</id><updated>2026-11-20T10:00:00+08:00</updated>"
                + String.join("", entries) + "</feed>";
    }

    private static String entry(int n, String title) {
        return "<entry><title>" + title + "</title><id>urn:garden:" + n + "</id>"
                + "<link href=\"https://garden.example.org/posts/" + n + "\"/>"
                + "<published>2026-11-1" + n + "T09:00:00+08:00</published><updated>2026-11-1" + n
                + "T09:00:00+08:00</updated><author><name>园丁</name></author>"
                + "<category term=\"园艺\"/><content type=\"html\">&lt;p&gt;" + title + "：今天把番茄苗移到了大盆里，"
                + "浇了两遍水。&lt;/p&gt;&lt;p&gt;A second paragraph in English, for the record.&lt;/p&gt;</content></entry>";
    }

    @Test
    void anAtomFeedBecomesHexoPostsAndASecondRunAddsOnlyTheNewItem() throws IOException {
        put("/atom.xml", "application/atom+xml", atom(entry(1, "移苗"), entry(2, "搭架子")).getBytes(StandardCharsets.UTF_8));
        Path posts = dir.resolve("source/_posts");

        Cli.Result first = Cli.run("convert", base + "/atom.xml", "-o", posts + "/", "--to", "markdown",
                "--allow-private-hosts", "--no-cache", "--full-text", "never");

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.err()).contains("2 new articles, 0 already present");
        assertThat(Cli.files(posts)).extracting(p -> p.getFileName().toString())
                .containsExactly("2026-11-11-移苗.md", "2026-11-12-搭架子.md");
        String post = Files.readString(posts.resolve("2026-11-11-移苗.md"));
        assertThat(post).startsWith("---\ntitle: 移苗\n").contains("date: 2026-11-11T09:00:00+08:00")
                .contains("园丁").contains("园艺").contains("identifier: urn:garden:1")
                .contains("https://garden.example.org/posts/1").contains("今天把番茄苗移到了大盆里");

        put("/atom.xml", "application/atom+xml",
                atom(entry(3, "第一次收获"), entry(1, "移苗"), entry(2, "搭架子")).getBytes(StandardCharsets.UTF_8));
        Cli.Result second = Cli.run("convert", base + "/atom.xml", "-o", posts + "/", "--to", "markdown",
                "--allow-private-hosts", "--no-cache", "--full-text", "never");

        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.err()).contains("1 new article, 2 already present");
        assertThat(Cli.files(posts)).hasSize(3);
        assertThat(Files.readString(posts.resolve("2026-11-11-移苗.md"))).isEqualTo(post);
    }

    @Test
    void aJsonFeedFileConvertsOfflineFromItsOwnContent() throws IOException {
        Path feed = Files.writeString(dir.resolve("feed.json"), "{\"version\":\"https://jsonfeed.org/version/1.1\","
                + "\"title\":\"Workshop notes\",\"language\":\"en\",\"items\":[{\"id\":\"w1\",\"url\":\"" + base
                + "/never-fetched\",\"title\":\"Sharpening a plane\",\"date_published\":\"2026-10-01T12:00:00Z\","
                + "\"content_html\":\"<p>Flatten the back first.</p>\"},{\"id\":\"w2\",\"title\":\"Glue-up\","
                + "\"content_text\":\"Clamp in stages.\"}]}");
        Path book = dir.resolve("notes.epub");

        Cli.Result r = Cli.run("convert", feed, "-o", book, "--offline");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(requests).hasValue(0);
        assertThat(EpubCommandTest.epubcheck(book)).isEmpty();
        assertThat(EpubCommandTest.chapterText(book)).contains("Flatten the back first.", "Clamp in stages.");
    }

    @Test
    void privateAddressesAreRefusedByDefaultWithOneErrorLineAndNothingWritten() {
        put("/news.rss", "application/rss+xml", gbkFeed(1, "").getBytes(GBK));
        Path book = dir.resolve("week.epub");

        Cli.Result r = Cli.run("convert", base + "/news.rss", "-o", book, "--no-cache");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: " + base + "/news.rss")
                .contains("private");
        assertThat(requests).hasValue(0);
        assertThat(book).doesNotExist();
    }

    @Test
    void aMissingPageIsOneErrorLineNamingItsAddressOnce() {
        Cli.Result r = Cli.run("convert", base + "/gone.html", "-o", dir.resolve("gone.md"), "--allow-private-hosts",
                "--no-cache");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("articlekit: error: " + base + "/gone.html: answered HTTP 404");
        assertThat(dir.resolve("gone.md")).doesNotExist();
    }

    @Test
    void aBrokenFeedIsOneErrorLineNamingItAndNothingIsWritten() {
        put("/broken.rss", "application/rss+xml", ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n"
                + "<title>Broken</title>\n<item><title>One</item>\n</channel></rss>").getBytes(StandardCharsets.UTF_8));
        Path book = dir.resolve("broken.epub");

        Cli.Result r = Cli.run("convert", base + "/broken.rss", "-o", book, "--allow-private-hosts", "--no-cache");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: " + base + "/broken.rss:4");
        assertThat(book).doesNotExist();
    }

    @Test
    void aPageByAddressGivesTheSameArticleAsThePageSavedToAFile() throws IOException {
        String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>湖边的秋天</title>"
                + "<link rel=\"canonical\" href=\"https://lake.example.org/autumn\"></head><body>"
                + "<article><h1>湖边的秋天</h1>" + story(1, "湖畔") + "</article></body></html>";
        put("/autumn.html", "text/html", page.getBytes(StandardCharsets.UTF_8));
        Path saved = Files.writeString(dir.resolve("autumn.html"), page);

        Cli.Result web = Cli.run("convert", base + "/autumn.html", "-o", dir.resolve("web.md"), "--allow-private-hosts",
                "--no-cache");
        Cli.Result file = Cli.run("convert", saved, "-o", dir.resolve("file.md"));

        assertThat(web.status()).as(web.err()).isZero();
        assertThat(file.status()).as(file.err()).isZero();
        String fromWeb = Files.readString(dir.resolve("web.md"));
        assertThat(fromWeb).contains("source: " + base + "/autumn.html");
        assertThat(fromWeb.replace("source: " + base + "/autumn.html\n", ""))
                .isEqualTo(Files.readString(dir.resolve("file.md")));
    }

    @Test
    void aListOfAddressesWithCommentsBecomesOneBookFetchingEachOnce() throws IOException {
        Path list = Files.writeString(dir.resolve("urls.txt"), "# this week's reading\n" + base + "/news/1.html\n\n"
                + base + "/news/2.html\n  # a comment\n" + base + "/news/1.html\n");

        Cli.Result r = Cli.run("convert", "--input-list", list, "-o", dir.resolve("reading.epub"),
                "--allow-private-hosts", "--no-cache", "--title", "本周阅读");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(EpubCommandTest.epubcheck(dir.resolve("reading.epub"))).isEmpty();
        // Two pages (one named twice, fetched once) and their two images.
        assertThat(requests).hasValue(4);
    }

    @Test
    void aWebArchiveBecomesOnePostPerHtmlResponse() throws IOException {
        StringBuilder warc = new StringBuilder();
        warc.append(record("warcinfo", null, "application/warc-fields", "software: a test\r\n"));
        for (int n = 1; n <= 2; n++) {
            String html = "<html><head><meta charset=\"utf-8\"><title>Archived " + n + "</title></head><body><article>"
                    + "<h1>Archived " + n + "</h1><p>Page " + n + " of the crawl, kept for the record.</p></article></body></html>";
            warc.append(record("response", "https://crawl.example.org/p" + n, "application/http;msgtype=response",
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                            + html.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + html));
        }
        warc.append(record("response", "https://crawl.example.org/logo.png", "application/http;msgtype=response",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 4\r\n\r\nPNG!"));
        Path archive = Files.writeString(dir.resolve("crawl.warc"), warc);

        Cli.Result r = Cli.run("convert", archive, "-o", dir.resolve("crawl") + "/", "--to", "markdown", "--offline");

        assertThat(r.status()).as(r.err()).isZero();
        List<Path> posts = Cli.files(dir.resolve("crawl"));
        assertThat(posts).hasSize(2);
        assertThat(Files.readString(posts.get(0))).contains("source: https://crawl.example.org/p1").contains("Page 1 of the crawl");
    }

    @Test
    void aGbkPageServedWithoutAnyCharsetIsStillReadAsChinese() throws IOException {
        put("/plain.html", "text/html", ("<html><head><title>湖边的秋天</title></head><body><article><h1>湖边的秋天</h1>"
                + story(2, "无声明") + "</article></body></html>").getBytes(GBK));

        Cli.Result r = Cli.run("convert", base + "/plain.html", "-o", dir.resolve("plain.md"), "--allow-private-hosts",
                "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("plain.md"))).contains("title: 湖边的秋天", "无声明的第2篇报道",
                "在湖边度过一个个安静的秋天");
    }

    @Test
    void sinceAndMaxArticlesChooseTheItemsOfAFeedForABook() throws IOException {
        put("/news.rss", "application/rss+xml", gbkFeed(3, "").getBytes(GBK));
        Path book = dir.resolve("recent.epub");

        Cli.Result r = Cli.run("convert", base + "/news.rss", "-o", book, "--allow-private-hosts", "--no-cache",
                "--since", "2026-11-02T00:00:00+08:00", "--max-articles", "1", "--full-text", "never");

        assertThat(r.status()).as(r.err()).isZero();
        String chapters = EpubCommandTest.chapterText(book);
        assertThat(chapters).contains("第3篇的摘要").doesNotContain("第2篇的摘要", "第1篇的摘要");
        assertThat(requests).as("the feed only: no page fetched with --full-text never").hasValue(1);
        assertThat(Cli.run("convert", base + "/news.rss", "-o", book, "--since", "last week").status()).isEqualTo(2);
    }

    @Test
    void feedItemsBecomePostsWithTheirPagesImagesDownloadedAndLinkedRelatively() throws IOException {
        put("/news.rss", "application/rss+xml", gbkFeed(2, "").getBytes(GBK));
        Path posts = dir.resolve("blog/source/_posts");

        Cli.Result r = Cli.run("convert", base + "/news.rss", "-o", posts + "/", "--to", "markdown", "--images",
                dir.resolve("blog/source/images"), "--allow-private-hosts", "--no-cache");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("2 new articles, 0 already present");
        List<Path> written = Cli.files(posts);
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("2026-11-01-湖边的秋天-1.md", "2026-11-02-湖边的秋天-2.md");
        String post = Files.readString(written.get(0));
        assertThat(post).contains("date: Sun, 01 Nov 2026 08:30:00 +0800", "identifier: lake-1", "湖畔记者1",
                "source: " + base + "/news/1.html", "湖畔的第1篇报道").doesNotContain("版权所有", "<img");
        assertThat(post).containsPattern("!\\[湖边的清晨\\]\\(\\.\\./images/[^)]+\\.png\\)");
        assertThat(Cli.files(dir.resolve("blog/source/images"))).hasSize(2);

        requests.set(0);
        Cli.Result again = Cli.run("convert", base + "/news.rss", "-o", posts + "/", "--to", "markdown", "--images",
                dir.resolve("blog/source/images"), "--allow-private-hosts", "--no-cache");
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(again.err()).contains("0 new articles, 2 already present");
        assertThat(requests).as("the feed only: no page of an item already there is fetched").hasValue(1);
    }

    @Test
    void infoShowsTheItemsOfAFeedByAddress() {
        put("/news.rss", "application/rss+xml", gbkFeed(2, "").getBytes(GBK));

        Cli.Result r = Cli.run("info", base + "/news.rss", "--allow-private-hosts", "--no-cache", "--json");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"format\": \"feed\"", "湖边的秋天（1）", "湖边的秋天（2）", "lake-2");
    }

    private static String record(String type, String target, String contentType, String block) {
        int length = block.getBytes(StandardCharsets.UTF_8).length;
        return "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(
                (type + target + block).getBytes(StandardCharsets.UTF_8)) + ">\r\nWARC-Date: 2026-11-05T03:00:00Z\r\n"
                + (target == null ? "" : "WARC-Target-URI: " + target + "\r\n") + "Content-Type: " + contentType
                + "\r\nContent-Length: " + length + "\r\n\r\n" + block + "\r\n\r\n";
    }
}
