package org.articlekit.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Limits;
import org.articlekit.spi.ConversionContext;
import org.junit.jupiter.api.Test;

class FeedSafetyTest {

    @Test
    void aDoctypeIsRefusedNamingTheFeed() {
        assertThatThrownBy(() -> new FeedTestSupport().read("""
                <?xml version="1.0"?>
                <!-- an old Netscape-style feed -->
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "rss-0.91.dtd">
                <rss version="0.91"><channel><title>t</title></channel></rss>
                """))
                .isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("feed.xml:3: declares a DOCTYPE, which is refused");
    }

    @Test
    void anExternalEntityIsRefusedAndNeverFetched() throws Exception {
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = "secret".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort();
            String[] feeds = {
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"" + url + "/x\">]>"
                        + "<rss version=\"2.0\"><channel><title>&x;</title></channel></rss>",
                "<!DOCTYPE feed [<!ENTITY % p SYSTEM \"" + url + "/p\"> %p;]>"
                        + "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>",
                "<!DOCTYPE rss SYSTEM \"" + url + "/dtd\"><rss version=\"2.0\"><channel/></rss>",
            };
            for (String feed : feeds) {
                assertThatThrownBy(() -> new FeedTestSupport().read(feed)).isInstanceOf(ArticleFormatException.class)
                        .hasMessageContaining("DOCTYPE");
            }
            // An xml-stylesheet or XInclude is not a way in either.
            Book book = new FeedTestSupport().read("<?xml-stylesheet href=\"" + url + "/style.xsl\"?>"
                    + "<rss version=\"2.0\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title>t</title>"
                    + "<item><title>i</title><description><xi:include href=\"" + url + "/inc\"/></description></item>"
                    + "</channel></rss>");
            assertThat(book.articles()).hasSize(1);
            // Behind the DOCTYPE check, the parser refuses a DOCTYPE by itself and fetches nothing.
            ConversionContext ctx = ConversionContext.builder().sourceName("feed.xml").build();
            for (String feed : feeds) {
                assertThatThrownBy(() -> SafeFeedXml.build(feed, ctx)).isInstanceOf(ArticleFormatException.class)
                        .hasMessageStartingWith("feed.xml:1: is not well-formed XML");
            }
            assertThat(requests.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void billionLaughsAreRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY l").append(i).append(" \"");
            for (int k = 0; k < 10; k++) {
                dtd.append("&l").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        String feed = dtd + "]><rss version=\"2.0\"><channel><title>&l10;</title></channel></rss>";
        assertThatThrownBy(() -> new FeedTestSupport().read(feed)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("declares a DOCTYPE, which is refused");
    }

    @Test
    void malformedXmlIsOneErrorNamingTheFeedAndTheLine() {
        assertThatThrownBy(() -> new FeedTestSupport().read("""
                <rss version="2.0">
                  <channel>
                    <title>broken</title>
                    <item><title>unclosed</item>
                  </channel>
                </rss>
                """))
                .isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("feed.xml:4: is not well-formed XML")
                .satisfies(e -> assertThat(((ArticleFormatException) e).line()).isEqualTo(4));
    }

    @Test
    void xmlThatIsNotAFeedIsRefused() {
        assertThatThrownBy(() -> new FeedTestSupport().read("<html xmlns=\"http://www.w3.org/1999/xhtml\"/>"))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("not a feed");
        assertThatThrownBy(() -> new FeedTestSupport().read("{\"version\": \"1\", \"items\": []}"))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("not a JSON Feed");
    }

    @Test
    void aHundredThousandItemsAreCutToTheLimitWithOneWarning() throws Exception {
        StringBuilder sb = new StringBuilder("<rss version=\"2.0\"><channel><title>big</title>\n");
        for (int i = 0; i < 100_000; i++) {
            sb.append("<item><title>n").append(i).append("</title></item>\n");
        }
        sb.append("</channel></rss>");
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(sb.toString());
        assertThat(book.articles()).hasSize(10_000);
        assertThat(book.articles().get(0).metadata().title()).contains("n0");
        assertThat(book.articles().get(9_999).metadata().title()).contains("n9999");
        assertThat(s.codes()).containsExactly("feed.items");
        assertThat(s.warnings.get(0).message()).contains("100000 items").contains("90000 dropped");
    }

    @Test
    void theItemLimitAppliesToJsonFeedsToo() throws Exception {
        FeedTestSupport s = new FeedTestSupport().limits(Limits.builder().maxFeedItems(2).build());
        Book book = s.read("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
                + "{\"id\":\"1\",\"content_text\":\"a\"},{\"id\":\"2\",\"content_text\":\"b\"},"
                + "{\"id\":\"3\",\"content_text\":\"c\"}]}");
        assertThat(book.articles()).extracting(a -> a.metadata().identifier().orElseThrow()).containsExactly("1", "2");
        assertThat(s.codes()).containsExactly("feed.items");
    }

    @Test
    void aHundredThousandJsonItemsAreCutBeforeTheyAreParsed() throws Exception {
        StringBuilder sb = new StringBuilder("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [");
        for (int i = 0; i < 100_000; i++) {
            sb.append(i == 0 ? "" : ",\n").append("{\"id\": \"n").append(i).append("\", \"tags\": [\"a,b\", \"]\"]}");
        }
        sb.append("], \"title\": \"after the items\"}");
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(sb.toString());
        assertThat(book.articles()).hasSize(10_000);
        assertThat(book.articles().get(9_999).metadata().identifier()).contains("n9999");
        assertThat(book.articles().get(0).metadata().tags()).containsExactly("a,b", "]");
        assertThat(book.metadata().title()).contains("after the items");
        assertThat(s.codes()).containsExactly("feed.items");
        assertThat(s.warnings.get(0).message()).contains("100000 items").contains("90000 dropped");
    }

    @Test
    void theItemsKeptHaveAnElementBudget() {
        FeedTestSupport s = new FeedTestSupport().limits(Limits.builder().maxFeedItems(10).build());
        String feed = "<rss version=\"2.0\"><channel><title>t</title>\n<item><title>deep</title><description>"
                + "<x/>".repeat(20_000) + "</description></item></channel></rss>";
        assertThatThrownBy(() -> s.read(feed)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith("feed.xml:2: has more than 10500 XML nodes");
        String comments = "<rss version=\"2.0\"><channel><title>t</title>" + "<!-- c -->".repeat(20_000)
                + "</channel></rss>";
        assertThatThrownBy(() -> s.read(comments)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("has more than 10500 XML nodes");
        String json = "{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"id\":\"1\",\"x\":["
                + "[],".repeat(20_000) + "[]]}]}";
        assertThatThrownBy(() -> s.read(json)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("has more than 10500 JSON values");
    }

    @Test
    void itemsPastTheLimitAreNotBuiltEvenWhenHuge() throws Exception {
        FeedTestSupport s = new FeedTestSupport().limits(Limits.builder().maxFeedItems(1).build());
        String feed = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<entry><title>kept</title></entry>"
                + "<entry><title>dropped</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<p>x</p><!-- y -->".repeat(50_000) + "<![CDATA[z]]></div></content></entry></feed>";
        Book book = s.read(feed);
        assertThat(book.articles()).extracting(a -> a.metadata().title().orElseThrow()).containsExactly("kept");
        assertThat(s.codes()).containsExactly("feed.items");
    }

    @Test
    void aFeedOverTheByteLimitIsOneClearError() {
        FeedTestSupport s = new FeedTestSupport().limits(Limits.builder().maxFeedBytes(1_000).build());
        String feed = "<rss version=\"2.0\"><channel><title>" + "x".repeat(2_000) + "</title></channel></rss>";
        assertThatThrownBy(() -> s.read(feed)).isInstanceOf(ArticleFormatException.class)
                .hasMessage("feed.xml: is over the feed size limit of 1000 bytes (maxFeedBytes)");
    }

    @Test
    void feedLimitsHaveDefaultsAndAreValidated() {
        Limits d = Limits.defaults();
        assertThat(d.maxFeedItems()).isEqualTo(10_000);
        assertThat(d.maxFeedBytes()).isEqualTo(20L << 20);
        Limits l = Limits.builder().maxFeedItems(5).maxFeedBytes(99).build();
        assertThat(l.toBuilder().build()).isEqualTo(l).hasSameHashCodeAs(l);
        assertThat(l).isNotEqualTo(d);
        assertThat(l.toString()).contains("maxFeedItems=5").contains("maxFeedBytes=99");
        assertThatThrownBy(() -> Limits.builder().maxFeedItems(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFeedItems");
        assertThatThrownBy(() -> Limits.builder().maxFeedBytes(-1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFeedBytes");
    }
}
