package org.articlekit.epub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.Metadata;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubFormatTest {

    @TempDir
    Path dir;

    @Test
    void moduleInfoAndServiceFileListTheSameProviders() throws IOException {
        String moduleInfo = Files.readString(Path.of("src/main/java/module-info.java"));
        Matcher m = Pattern.compile("provides\\s+org\\.articlekit\\.spi\\.ArticleFormat\\s+with\\s+([^;]+);")
                .matcher(moduleInfo);
        assertThat(m.find()).as("module-info provides ArticleFormat").isTrue();
        List<String> provided = new ArrayList<>();
        for (String s : m.group(1).split(",")) {
            provided.add(s.strip());
        }
        List<String> services = Files.readAllLines(
                Path.of("src/main/resources/META-INF/services/org.articlekit.spi.ArticleFormat")).stream()
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        assertThat(services).containsExactlyInAnyOrderElementsOf(provided);
    }

    @Test
    void theRegistryFindsEpubByIdExtensionAndSignature() throws IOException {
        FormatRegistry r = FormatRegistry.defaults();
        ArticleFormat epub = r.byId("epub");
        assertThat(epub.mediaType()).isEqualTo("application/epub+zip");
        assertThat(r.forFileName("Book.EPUB")).containsSame(epub);
        Path file = dir.resolve("book.bin");
        Converter.builder().build().writeBook(Book.builder().article(Article.builder()
                .metadata(Metadata.builder().title("T").build()).build()).build(), file, "epub");
        byte[] head = Files.readAllBytes(file);
        assertThat(epub.sniff(head)).isEqualTo(90);
        assertThat(r.detect("", head)).containsSame(epub);
        assertThat(epub.sniff("PK\u0003\u0004 not an epub".getBytes(StandardCharsets.ISO_8859_1))).isZero();
        assertThat(epub.sniff("<html>".getBytes(StandardCharsets.US_ASCII))).isZero();
        assertThat(epub.reader()).isEmpty();
        assertThat(epub.bookReader()).isPresent();
        assertThat(epub.bookWriter()).isPresent();
    }

    @Test
    void optionsHaveDocumentedDefaultsAndRefuseBadCoverSizesNamingTheSetting() {
        EpubOptions d = EpubOptions.defaults();
        assertThat(d.verticalWriting()).isFalse();
        assertThat(d.generateCover()).isTrue();
        assertThat(d.titlePage()).isTrue();
        assertThat(d.coverWidth()).isEqualTo(1200);
        assertThat(d.coverHeight()).isEqualTo(1800);
        assertThat(d.toBuilder().build()).isEqualTo(d);
        assertThatThrownBy(() -> EpubOptions.builder().coverSize(10, 1800).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("coverSize").hasMessageContaining("10x1800");
    }

    // Which code may read archives, parse XML or write files: ChokePointTest in the examples module,
    // which scans every module.
}
