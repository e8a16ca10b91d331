package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;

class MarkdownFormatTest {

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
    void isFoundByIdAndByItsExtensions() {
        FormatRegistry r = FormatRegistry.defaults();
        ArticleFormat md = r.byId("markdown");
        assertThat(md.mediaType()).isEqualTo("text/markdown");
        assertThat(md.extensions()).containsExactly("md", "markdown");
        assertThat(r.forFileName("posts/hello.MD")).containsSame(md);
        assertThat(r.forFileName("hello.markdown")).containsSame(md);
        assertThat(md.reader()).isPresent();
        assertThat(md.writer()).isPresent();
    }

    @Test
    void frontMatterMakesContentLookLikeMarkdownWhateverTheName() {
        FormatRegistry r = FormatRegistry.defaults();
        byte[] yaml = "---\ntitle: 你好\n---\n\n<div>正文</div>\n".getBytes(StandardCharsets.UTF_8);
        byte[] toml = "+++\ntitle = \"Hi\"\n+++\nText\n".getBytes(StandardCharsets.UTF_8);
        byte[] prose = "Just a line of prose.\n".getBytes(StandardCharsets.UTF_8);
        assertThat(r.detect("post.txt", yaml).map(ArticleFormat::id)).contains("markdown");
        assertThat(r.detect("noext", toml).map(ArticleFormat::id)).contains("markdown");
        assertThat(r.detect("notes.txt", prose).map(ArticleFormat::id)).contains("txt");
        assertThat(r.byId("markdown").sniff("<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8)))
                .isZero();
    }
}
