package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BookBinder#writePosts}: a folder of posts as its own state, and the selection of a feed's items. */
class PostsFolderTest {

    @TempDir
    Path dir;

    static Article item(String id, String title, String date, String link) throws ArticleFormatException {
        Metadata.Builder m = Metadata.builder().title(title).identifier(id);
        if (date != null) {
            m.published(ArticleDate.parse(date));
        }
        if (link != null) {
            m.sourceUrl(URI.create(link));
        }
        return Article.builder().metadata(m.build()).body(Body.fromHtml("<p>" + title + "的正文。</p>")).build();
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void postsAreNamedByTheirDayAsWrittenAndASlugOfTheTitleAndASecondRunSkipsWhatIsThere() throws IOException {
        List<Article> items = new ArrayList<>(List.of(
                item("g-1", "西湖的秋天：游客 & 桂花", "2026-11-30T23:30:00+08:00", "https://news.example.org/a/1"),
                item("g-2", "Hello, World! A second post", "Tue, 01 Dec 2026 08:00:00 GMT", "https://news.example.org/a/2"),
                item("g-3", "西湖的秋天：游客 & 桂花", "2026-11-30", null)));
        BookBinder binder = BookBinder.builder().build();

        BookBinder.Posts first = binder.writePosts(ArticleSource.articles(items), dir, "html");

        assertThat(first.added()).isEqualTo(3);
        assertThat(first.present()).isZero();
        // The day is the one the date names where it was written (23:30 in +08:00 is still the 30th there).
        assertThat(names(dir)).containsExactly("2026-11-30-西湖的秋天-游客-桂花-2.html", "2026-11-30-西湖的秋天-游客-桂花.html",
                "2026-12-01-hello-world-a-second-post.html");

        items.add(0, item("g-4", "新的一篇", "2026-12-02T07:00:00+08:00", "https://news.example.org/a/4"));
        // Same guid, another address: still the same item. Same address, no guid: the same page.
        items.add(item("g-1", "改过标题", "2026-11-30T23:30:00+08:00", "https://news.example.org/other"));
        items.add(Article.builder().metadata(Metadata.builder().title("又一次").sourceUrl(
                URI.create("https://news.example.org/a/2#comments")).build()).build());
        BookBinder.Posts second = binder.writePosts(ArticleSource.articles(items), dir, "html");

        assertThat(second.added()).isEqualTo(1);
        assertThat(second.present()).isEqualTo(5);
        assertThat(second.written()).singleElement().satisfies(p -> assertThat(p.getFileName().toString())
                .isEqualTo("2026-12-02-新的一篇.html"));
        assertThat(names(dir)).hasSize(4);
    }

    @Test
    void aPostTheFolderHoldsButCannotReadIsAnErrorNotARewrite() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Files.write(dir.resolve("sub/huge.html"), new byte[(int) Limits.defaults().maxInputBytes() + 10]);

        assertThatThrownBy(() -> BookBinder.builder().build().writePosts(ArticleSource.articles(List.of(
                item("x", "X", null, null))), dir, "html"))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("huge.html")
                .hasMessageContaining("is in the output folder but cannot be read");
    }

    @Test
    void sinceAndMaxArticlesKeepTheNewestItemsOfAFeedInTheirOrder() throws ArticleFormatException {
        List<Article> items = List.of(item("1", "one", "2026-11-01T00:00:00Z", null),
                item("2", "two", "2026-11-20T00:00:00Z", null), item("3", "three", null, null),
                item("4", "four", "2026-11-25T00:00:00Z", null), item("5", "five", "2026-11-10T00:00:00Z", null));

        assertThat(org.articlekit.internal.book.FeedItems.select(items, Instant.parse("2026-11-09T00:00:00Z"), 0))
                .extracting(a -> a.metadata().identifier().orElseThrow()).containsExactly("2", "3", "4", "5");
        assertThat(org.articlekit.internal.book.FeedItems.select(items, null, 2))
                .extracting(a -> a.metadata().identifier().orElseThrow()).containsExactly("2", "4");
    }

    @Test
    void addressesAndPathsAreToldApartAndOnlyHttpAddressesAreTaken() {
        ArticleSource s = ArticleSource.locations(List.of("posts", "HTTPS://news.example.org/feed.xml", "a.md"));

        assertThat(s.inputs()).containsExactly(Path.of("posts"), Path.of("a.md"));
        assertThat(s.urls()).containsExactly(URI.create("HTTPS://news.example.org/feed.xml"));
        assertThat(s.folder()).isEmpty();
        assertThatThrownBy(() -> ArticleSource.urls(List.of(URI.create("file:///etc/passwd"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an http(s) address");
        assertThatThrownBy(() -> ArticleSource.locations(List.of("https://bad host/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid address");
    }
}
