package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    private final TextFormat txt = new TextFormat();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void describesItselfAsTxtTextPlain() {
        assertThat(txt.id()).isEqualTo("txt");
        assertThat(txt.mediaType()).isEqualTo("text/plain");
        assertThat(txt.extensions()).containsExactly("txt", "text");
        assertThat(txt.reader()).isPresent();
        assertThat(txt.writer()).isPresent();
    }

    @Test
    void givesTextALowScoreAndEverythingElseZero() throws Exception {
        assertThat(txt.sniff(utf8("Hello\nworld"))).isEqualTo(10);
        assertThat(txt.sniff("中文正文".getBytes("GB18030"))).isEqualTo(10);
        assertThat(txt.sniff("中文".getBytes(StandardCharsets.UTF_16))).isEqualTo(10);
        assertThat(txt.sniff(utf8("  <p>html</p>"))).isZero();
        assertThat(txt.sniff(new byte[] {'%', 'P', 'D', 'F', 0, 1, 2})).isZero();
        assertThat(txt.sniff(new byte[] {'P', 'K', 3, 4})).isZero();
        assertThat(txt.sniff(new byte[0])).isZero();
    }

    @Test
    void isFoundByTheDefaultRegistryAndLosesToHtmlOnMarkup() {
        FormatRegistry registry = FormatRegistry.defaults();

        assertThat(registry.find("txt")).containsInstanceOf(TextFormat.class);
        assertThat(registry.find("text")).containsInstanceOf(TextFormat.class);
        assertThat(registry.detect("", utf8("Just words.")).map(ArticleFormat::id)).contains("txt");
        assertThat(registry.detect("", utf8("<!doctype html><html></html>")).map(ArticleFormat::id)).contains("html");
        assertThat(registry.detect("page.txt", utf8("<!DOCTYPE html><html><body>x</body></html>"))
                .map(ArticleFormat::id)).contains("html");
        assertThat(registry.detect("notes.html", utf8("plain words")).map(ArticleFormat::id)).contains("html");
    }
}
