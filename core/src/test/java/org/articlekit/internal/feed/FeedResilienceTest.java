package org.articlekit.internal.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Feeds at the byte limit, read in the small JVM of the resilience group: a limit, never an OutOfMemoryError. */
@Tag("resilience")
class FeedResilienceTest {

    private static final int NEAR_LIMIT = (20 << 20) - 1_000;

    private static byte[] fill(String start, String unit, String end) {
        StringBuilder sb = new StringBuilder(NEAR_LIMIT).append(start);
        while (sb.length() + unit.length() + end.length() < NEAR_LIMIT) {
            sb.append(unit);
        }
        return sb.append(end).toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void millionsOfTinyRssItemsAreCut() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(fill("<rss version=\"2.0\"><channel>", "<item/>", "</channel></rss>"));
        assertThat(book.articles()).hasSize(10_000);
        assertThat(s.codes()).containsExactly("feed.items");
    }

    @Test
    void millionsOfElementsInFewItemsAreRefused() {
        assertThatThrownBy(() -> new FeedTestSupport().read(
                fill("<rss version=\"2.0\"><channel><item><description>", "<a/>", "</description></item></channel></rss>")))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("XML nodes");
    }

    @Test
    void millionsOfTinyJsonItemsAreCut() throws Exception {
        FeedTestSupport s = new FeedTestSupport();
        Book book = s.read(fill("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{}", ",{}", "]}"));
        assertThat(book.articles()).hasSize(10_000);
        assertThat(s.codes()).containsExactly("feed.items");
    }

    @Test
    void millionsOfJsonValuesInOneItemAreRefused() {
        assertThatThrownBy(() -> new FeedTestSupport().read(
                fill("{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{\"x\":[0", ",0", "]}]}")))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("JSON values");
    }
}
