package org.articlekit.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link GatedAutolink} links exactly what commonmark-java's autolink extension links. */
class GatedAutolinkTest {

    private static final Path CORPUS = Path.of("../../shared/corpus");

    private static final Parser PLAIN = Parser.builder().extensions(extensions(AutolinkExtension.create())).build();
    private static final Parser GATED = Parser.builder().extensions(extensions(GatedAutolink.create())).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(extensions(AutolinkExtension.create()))
            .build();

    private static List<Extension> extensions(Extension autolink) {
        return List.of(TablesExtension.create(), StrikethroughExtension.builder().requireTwoTildes(true).build(), autolink,
                TaskListItemsExtension.create(), FootnotesExtension.create());
    }

    private static void assertSameLinks(String markdown, String name) {
        assertThat(RENDERER.render(GATED.parse(markdown))).as(name).isEqualTo(RENDERER.render(PLAIN.parse(markdown)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "见 www.example.org/路径 与 WWW.Example.COM。",
        "写信给 someone@example.org，或者 <other@example.org>。",
        "地址 https://example.org/a?b=1&c=2 在句中，ftp://files.example.org 也是。",
        "实体写的 at：someone&#64;example.org，和 &#119;ww.example.org。",
        "*强调里的 https://example.org* 与 `代码里的 https://example.org`",
        "[链接文字 https://inner.example.org](https://outer.example.org) 之后 http://after.example.org",
        "| 表 | 格 |\n|---|---|\n| www.example.org | a@b.example |\n",
        "脚注[^1]\n\n[^1]: 见 https://example.org\n",
    })
    void linksWhatTheExtensionLinks(String markdown) {
        assertSameLinks(markdown, markdown);
        assertThat(RENDERER.render(GATED.parse(markdown))).contains("<a href=\"");
    }

    @Test
    void aDocumentWithoutLinkTextIsLeftAsItIs() {
        String markdown = "# 标题 www\n\n见 [文字](https://example.org/) 与 ![图](https://example.org/a.png)，邮件 mailto 无。\n";
        assertThat(GatedAutolink.mayHoldLinks(GATED.parse(markdown))).isFalse();
        assertSameLinks(markdown, markdown);
        assertThat(GatedAutolink.mayHoldLink("see WwW.example.org")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("a@b")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("scheme://x")).isTrue();
        assertThat(GatedAutolink.mayHoldLink("www but no dot, .www, ww.x")).isFalse();
    }

    @Test
    void everySpecExampleAndCorpusPostIsLinkedTheSame() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(CORPUS.resolve("posts"))) {
            s.filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".markdown")).sorted().forEach(files::add);
        }
        files.add(CORPUS.resolve("commonmark/spec.txt"));
        for (Path p : files) {
            String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
            assertSameLinks(text, p.toString());
        }
        // The spec as one document, and each of its examples alone (between "```` example" and a line of one dot).
        String spec = Files.readString(CORPUS.resolve("commonmark/spec.txt"));
        int examples = 0;
        StringBuilder current = null;
        for (String line : spec.split("\n", -1)) {
            if (current == null && line.startsWith("```") && line.endsWith(" example")) {
                current = new StringBuilder();
            } else if (current != null && line.equals(".")) {
                assertSameLinks(current.toString().replace('\u2192', '\t'), "spec example " + ++examples);
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        assertThat(files).hasSizeGreaterThan(2000);
        assertThat(examples).isGreaterThan(500);
    }
}
