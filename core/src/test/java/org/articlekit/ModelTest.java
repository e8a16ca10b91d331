package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTest {

    static Metadata fullMetadata() {
        return Fixtures.fullMetadata();
    }

    @Test
    void metadataWithTheSameContentIsEqual() {
        assertThat(fullMetadata()).isEqualTo(fullMetadata()).hasSameHashCodeAs(fullMetadata());
        assertThat(fullMetadata().toBuilder().build()).isEqualTo(fullMetadata());
        assertThat(fullMetadata().toBuilder().title("other").build()).isNotEqualTo(fullMetadata());
    }

    @Test
    void extraValuesKeepTheirOrderAndOrderMatters() {
        Metadata m = fullMetadata();
        assertThat(m.extra().keySet()).containsExactly("comments", "headimg", "weight", "nested");
        Metadata reordered = m.toBuilder().extra(Map.of()).extra("headimg", "https://img.example.org/head.jpg")
                .extra("comments", false).extra("weight", new BigDecimal("1.50")).extra("nested", m.extra().get("nested"))
                .build();
        assertThat(reordered).isNotEqualTo(m);
    }

    @Test
    void normalisesLanguageTagsAndRejectsBadOnes() {
        assertThat(fullMetadata().language()).contains("zh-CN");
        assertThatThrownBy(() -> Metadata.builder().language("\"><script>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BCP 47");
    }

    @Test
    void listsAndMapsCannotBeChangedFromOutside() {
        List<String> tags = new ArrayList<>(List.of("a"));
        Metadata m = Metadata.builder().tags(tags).build();
        tags.add("b");
        assertThat(m.tags()).containsExactly("a");
        assertThatThrownBy(() -> m.tags().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fullMetadata().extra().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) fullMetadata().extra().get("nested");
        assertThatThrownBy(() -> nested.put("y", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsExtraValuesOfUnsupportedTypes() {
        assertThatThrownBy(() -> Metadata.builder().extra("x", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'x'");
    }

    @Test
    void skipsBlankAndRepeatedAuthorsAndTags() {
        Metadata m = Metadata.builder().author(" A ").author("A").author(" ").tag("t").tag("t").build();
        assertThat(m.authors()).containsExactly("A");
        assertThat(m.tags()).containsExactly("t");
    }

    @Test
    void bodyHandsOutIndependentCopies() throws Exception {
        Body body = Body.fromHtml("<p>one</p>");
        body.document().body().appendElement("p").text("two");
        assertThat(body.html()).isEqualTo("<p>one</p>");
        assertThat(body.text()).isEqualTo("one");
    }

    @Test
    void articlesWithTheSameContentAreEqualAndCopiesChangeOnePart() throws Exception {
        Article a = Article.builder().metadata(fullMetadata()).body(Body.fromHtml("<p>x</p>")).build();
        Article b = Article.builder().metadata(fullMetadata()).body(Body.fromHtml("<p>x</p>")).build();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        Article c = a.withBody(Body.fromHtml("<p>y</p>"));
        assertThat(c.metadata()).isEqualTo(a.metadata());
        assertThat(c).isNotEqualTo(a);
    }

    @Test
    void resourcesAreNamedByContentAndStoredOnce() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        Resource r1 = Resource.of(png, "image/png", "a.png");
        Resource r2 = Resource.of(png, "image/png", "a.png");
        assertThat(r1.name()).startsWith("images/").endsWith(".png").hasSize("images/".length() + 32 + 4);
        Resources rs = Resources.empty().with(r1).with(r2);
        assertThat(rs.size()).isEqualTo(1);
        png[0] = 0;
        assertThat(r1.bytes()[0]).isEqualTo((byte) 0x89);
    }

    @Test
    void aSpilledResourceKeepsItsNameAndReadsItsContentFromOneSharedFile(@TempDir Path dir) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 4, 5, 6};
        Resource inMemory = Resource.of(png, "image/png", "a.png");
        Resource spilled = inMemory.spill(dir);
        Resource again = Resource.of(png, "image/png", "a.png").spill(dir);
        assertThat(spilled).isEqualTo(inMemory).isEqualTo(again);
        assertThat(spilled.name()).isEqualTo(inMemory.name());
        assertThat(spilled.bytes()).containsExactly(png);
        assertThat(spilled.size()).isEqualTo(png.length);
        assertThat(spilled.spill(dir)).isSameAs(spilled);
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).hasSize(1);
        }
        Files.write(dir.resolve(inMemory.name()), new byte[] {1});
        assertThatThrownBy(spilled::bytes).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(inMemory.name());
    }

    @Test
    void aBodyKnowsItsImagesWithoutBeingParsed() throws Exception {
        Body b = Body.fromHtml("<p>x<img src=\"a.png\" alt=\"\"></p><figure><img src=\"b&amp;c.png\">"
                + "<figcaption>c</figcaption></figure><p><img src=\"a.png\"></p>");
        assertThat(b.imageSources()).containsExactly("a.png", "b&c.png", "a.png");
        assertThat(Body.empty().imageSources()).isEmpty();
        assertThat(Body.fromHtml("<p>no pictures</p>").imageSources()).isEmpty();
    }

    @Test
    void categoryPathsParseAndPrint() {
        assertThat(CategoryPath.parse("新媒体 / ZAKER").segments()).containsExactly("新媒体", "ZAKER");
        assertThat(CategoryPath.of("a", "b").toString()).isEqualTo("a / b");
        assertThatThrownBy(() -> CategoryPath.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void booksKeepArticleOrder() throws Exception {
        Article one = Article.builder().body(Body.fromHtml("<p>1</p>")).build();
        Article two = Article.builder().body(Body.fromHtml("<p>2</p>")).build();
        Book book = Book.builder().articles(List.of(two, one)).build();
        assertThat(book.articles()).containsExactly(two, one);
        assertThat(book.toBuilder().build()).isEqualTo(book);
    }

    @Test
    void limitsRejectNonPositiveValuesByName() {
        assertThatThrownBy(() -> Limits.builder().maxDepth(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth");
    }
}
