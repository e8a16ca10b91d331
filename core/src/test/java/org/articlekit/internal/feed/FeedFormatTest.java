package org.articlekit.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedFormatTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- made by hand -->
            <rss version="2.0"><channel><title>Two posts</title><link>https://two.example.org/</link>
            <item><title>One</title><link>https://two.example.org/1</link><description>first</description></item>
            <item><title>Two</title><link>https://two.example.org/2</link><description>second</description></item>
            </channel></rss>
            """;
    private static final String JSON = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "J",
             "items": [{"id": "1", "title": "Only", "content_text": "hello"}]}
            """;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void isRegisteredWithItsIdMediaTypeAndExtensions() {
        ArticleFormat f = FormatRegistry.defaults().byId("feed");
        assertThat(f).isInstanceOf(FeedFormat.class);
        assertThat(f.mediaType()).isEqualTo("application/rss+xml");
        assertThat(f.extensions()).containsExactly("rss", "atom");
        assertThat(f.bookReader()).isPresent();
        assertThat(f.reader()).isEmpty();
        assertThat(f.writer()).isEmpty();
        assertThat(FormatRegistry.defaults().forFileName("feed.xml")).isEmpty();
        assertThat(FormatRegistry.defaults().forFileName("feed.json")).isEmpty();
        assertThat(FormatRegistry.defaults().forFileName("news.rss")).containsSame(f);
    }

    @Test
    void sniffsEveryFeedDialectWithCertainty() {
        FeedFormat f = new FeedFormat();
        assertThat(f.sniff(utf8(RSS))).isEqualTo(90);
        assertThat(f.sniff(utf8("\uFEFF  <rss version=\"0.91\">"))).isEqualTo(90);
        assertThat(f.sniff(utf8("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\""
                + " xmlns=\"http://purl.org/rss/1.0/\">"))).isEqualTo(90);
        assertThat(f.sniff(utf8("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">"))).isEqualTo(90);
        assertThat(f.sniff(utf8("<a:feed xmlns:a=\"http://www.w3.org/2005/Atom\">"))).isEqualTo(90);
        assertThat(f.sniff(utf8(JSON))).isEqualTo(90);
        assertThat(f.sniff(utf8("<!DOCTYPE rss [<!ENTITY a \"b\">]><rss>"))).isEqualTo(90);
    }

    @Test
    void doesNotSniffPagesMarkdownOrOtherXmlAndJson() {
        FeedFormat f = new FeedFormat();
        assertThat(f.sniff(utf8("<!DOCTYPE html><html><head><title>Feed</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/rss\"></head><body><rss></rss>"))).isZero();
        assertThat(f.sniff(utf8("<?xml version=\"1.0\"?><!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\""
                + " \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<body><feed xmlns=\"http://www.w3.org/2005/Atom\"/></body></html>"))).isZero();
        assertThat(f.sniff(utf8("---\ntitle: My feed\n---\n# RSS and <rss> tags\n"))).isZero();
        assertThat(f.sniff(utf8("<feed><title>no namespace</title></feed>"))).isZero();
        assertThat(f.sniff(utf8("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/>"))).isZero();
        assertThat(f.sniff(utf8("{\"name\": \"package\", \"version\": \"1.0.0\"}"))).isZero();
        assertThat(f.sniff(new byte[] {'P', 'K', 3, 4, 0, 0})).isZero();
        assertThat(f.sniff(new byte[0])).isZero();
    }

    @Test
    void aFeedNamedXmlOrJsonIsDetectedByContent(@TempDir Path dir) throws Exception {
        FormatRegistry r = FormatRegistry.defaults();
        assertThat(r.detect("feed.xml", utf8(RSS)).map(ArticleFormat::id)).contains("feed");
        assertThat(r.detect("feed.json", utf8(JSON)).map(ArticleFormat::id)).contains("feed");
        assertThat(r.detect("page.html", utf8("<!DOCTYPE html><html><body><p>x</p></body></html>"))
                .map(ArticleFormat::id)).contains("html");

        Path xml = Files.write(dir.resolve("feed.xml"), utf8(RSS));
        Path json = Files.write(dir.resolve("feed.json"), utf8(JSON));
        Converter converter = Converter.builder().build();
        Book book = converter.readBook(xml, null);
        assertThat(book.articles()).hasSize(2);
        assertThat(book.metadata().title()).contains("Two posts");
        assertThat(converter.readBook(json, null).articles().get(0).body().text()).isEqualTo("hello");
        // A one-item feed reads as an article through the converter.
        assertThat(converter.read(json, null).metadata().title()).contains("Only");
    }
}
