package org.articlekit.spi;

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
import org.articlekit.html.HtmlOptions;
import org.articlekit.text.TextOptions;
import org.junit.jupiter.api.Test;

class FormatRegistryTest {

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
    void findsTheHtmlFormatByIdAndExtension() {
        FormatRegistry r = FormatRegistry.defaults();
        assertThat(r.byId("html").mediaType()).isEqualTo("text/html");
        assertThat(r.find("HTM")).containsSame(r.byId("html"));
        assertThat(r.forFileName("dir.v2/page.HTML")).containsSame(r.byId("html"));
        assertThat(r.forFileName("README")).isEmpty();
    }

    @Test
    void anUnknownIdFailsWithTheKnownIds() {
        assertThatThrownBy(() -> FormatRegistry.defaults().byId("docx"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown format 'docx'").hasMessageContaining("html");
    }

    @Test
    void contentBeatsTheExtensionWhenTheyDisagree() {
        ArticleFormat fake = new ArticleFormat() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public String mediaType() {
                return "text/x-fake";
            }

            @Override
            public List<String> extensions() {
                return List.of("fake");
            }

            @Override
            public int sniff(byte[] head) {
                return new String(head, StandardCharsets.US_ASCII).startsWith("FAKE") ? 90 : 0;
            }
        };
        FormatRegistry r = FormatRegistry.of(List.of(fake, FormatRegistry.defaults().byId("html")));
        byte[] html = "<!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.US_ASCII);
        assertThat(r.detect("page.fake", html).map(ArticleFormat::id)).contains("html");
        assertThat(r.detect("page.html", "FAKE data".getBytes(StandardCharsets.US_ASCII)).map(ArticleFormat::id))
                .contains("fake");
        assertThat(r.detect("page.html", "plain words".getBytes(StandardCharsets.US_ASCII)).map(ArticleFormat::id))
                .contains("html");
        assertThat(r.detect("noext", html).map(ArticleFormat::id)).contains("html");
    }

    @Test
    void refusesTwoFormatsWithOneId() {
        ArticleFormat html = FormatRegistry.defaults().byId("html");
        assertThatThrownBy(() -> FormatRegistry.of(List.of(html, html)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("html");
    }

    @Test
    void formatOptionsFallBackToDefaults() {
        FormatOptions none = FormatOptions.none();
        assertThat(none.get(HtmlOptions.class, HtmlOptions::defaults)).isEqualTo(HtmlOptions.defaults());
        HtmlOptions fragment = HtmlOptions.builder().fragment(true).build();
        assertThat(FormatOptions.of(fragment).get(HtmlOptions.class, HtmlOptions::defaults)).isSameAs(fragment);
        assertThat(FormatOptions.of(fragment).get(TextOptions.class)).isEmpty();
        assertThatThrownBy(() -> FormatOptions.of(fragment, HtmlOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HtmlOptions");
    }
}
