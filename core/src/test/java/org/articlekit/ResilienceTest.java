package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.articlekit.html.HtmlOptions;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input from the reliability contract (rows 6, 7, 8, 22, 26). Runs in its own Surefire
 * execution with {@code -Xmx256m -Xss512k}, so an OutOfMemoryError or StackOverflowError fails it.
 */
@Tag("resilience")
class ResilienceTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);

    /** What a browser would run, in any case and spacing. */
    static final Pattern ACTIVE = Pattern.compile(
            "(?is)<script(?![^>]*application/ld\\+json)|\\son[a-z]+\\s*=|javascript\\s*:|vbscript\\s*:|data:text/html");

    static final String KITCHEN_SINK = """
            <html><head><meta http-equiv="refresh" content="0;url=javascript:alert(1)">
            <script>alert(1)</script><link rel="stylesheet" href="https://evil.example/x.css"></head>
            <body onload="alert(2)"><article>
            <p>Safe <a href="JaVaScRiPt:alert(3)">one</a> <a href="java\tscript:alert(4)">two</a>
            <a href="&#106;avascript:alert(5)">three</a> <a href="data:text/html;base64,PHNjcmlwdD4=">four</a></p>
            <img src=x onerror=alert(6)><svg onload=alert(7)><script>alert(8)</script></svg>
            <iframe srcdoc="<script>alert(9)</script>"></iframe><object data="x.swf"></object>
            <noscript><p title="</noscript><img src=x onerror=alert(10)>"></noscript>
            <math><mtext><table><mglyph><style><img src=x onerror=alert(11)></style></mglyph></table></mtext></math>
            <form action="javascript:alert(12)"><button formaction="javascript:alert(13)">b</button></form>
            <div style="background:url(javascript:alert(14))">styled</div>
            <a href="vbscript:msgbox(15)">vb</a><p onmouseover = "alert(16)">hover</p>
            </article></body></html>
            """;

    @Test
    void aHundredThousandNestedDivsAreFlattenedWithoutOverflow() {
        String html = "<div>".repeat(100_000) + "deep" + "</div>".repeat(100_000);
        List<Diagnostic> warnings = new ArrayList<>();
        Body body = assertTimeoutPreemptively(LIMIT, () -> read(html, warnings).body());
        assertThat(body.text()).isEqualTo("deep");
        assertThat(maxDepth(body)).isLessThanOrEqualTo(Limits.defaults().maxDepth());
    }

    @Test
    void aHundredThousandUnclosedAndMisnestedTagsFinish() {
        String unclosed = "<p><b><i><span>".repeat(25_000) + "end";
        String misnested = "<b><i>x</b></i>".repeat(50_000);
        String lists = "<ul><li>".repeat(50_000);
        for (String html : List.of(unclosed, misnested, lists)) {
            Body body = assertTimeoutPreemptively(LIMIT, () -> read(html, new ArrayList<>()).body());
            assertThat(maxDepth(body)).isLessThanOrEqualTo(Limits.defaults().maxDepth() + 1);
        }
    }

    @Test
    void aHugeAttributeIsDroppedNotCopied() {
        String html = "<p title=\"" + "x".repeat(8_000_000) + "\" data-x=\"" + "y".repeat(4_000_000) + "\">ok</p>";
        Body body = assertTimeoutPreemptively(LIMIT, () -> read(html, new ArrayList<>()).body());
        assertThat(body.html()).isEqualTo("<p>ok</p>");
    }

    @Test
    void noActiveContentSurvivesInHtmlOutput() {
        assertTimeoutPreemptively(LIMIT, () -> {
            Article a = read(KITCHEN_SINK, new ArrayList<>());
            for (HtmlOptions o : List.of(HtmlOptions.defaults(), HtmlOptions.builder().fragment(true).build())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Converter.builder().options(FormatOptions.of(o)).build().write(a, out, "html");
                String html = out.toString(StandardCharsets.UTF_8);
                assertThat(ActiveContent.find(html)).as(html).isEmpty();
                assertThat(ACTIVE.matcher(html).find()).as(html).isFalse();
                assertThat(Jsoup.parse(html).select("iframe, object, embed, form, svg, math, style:not(head style)"))
                        .isEmpty();
                assertThat(html).contains("Safe", "hover");
            }
        });
    }

    @Test
    void everyRegisteredWriterKeepsActiveContentOut() throws IOException {
        Article a = read(KITCHEN_SINK, new ArrayList<>());
        for (ArticleFormat f : FormatRegistry.defaults().formats()) {
            Optional<ArticleWriter> w = f.writer();
            if (w.isEmpty()) {
                continue;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            w.get().write(a, out, ConversionContext.builder().build());
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(ACTIVE.matcher(text).find()).as(f.id() + ": " + text).isFalse();
        }
    }

    @Test
    void inputOverTheSizeLimitIsRejectedNamingTheFile(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.html");
        Files.writeString(big, "<p>" + "x".repeat(2_000) + "</p>");
        Converter c = Converter.builder().limits(Limits.builder().maxInputBytes(1_000).build()).build();
        assertThatThrownBy(() -> c.read(big)).isInstanceOf(ArticleFormatException.class)
                .hasMessageStartingWith(big + ": ").hasMessageContaining("limit");
    }

    @Test
    void aFailedWriteLeavesNoFileAndKeepsAnOldOne(@TempDir Path dir) throws IOException {
        ArticleFormat failing = new ArticleFormat() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public String mediaType() {
                return "application/x-broken";
            }

            @Override
            public List<String> extensions() {
                return List.of("broken");
            }

            @Override
            public int sniff(byte[] head) {
                return 0;
            }

            @Override
            public Optional<ArticleWriter> writer() {
                return Optional.of((Article article, OutputStream out, ConversionContext context) -> {
                    out.write("half".getBytes(StandardCharsets.UTF_8));
                    throw new ArticleFormatException(null, "cannot finish");
                });
            }
        };
        Path input = dir.resolve("in.html");
        Files.writeString(input, "<p>hello</p>");
        Converter c = Converter.builder()
                .registry(FormatRegistry.of(List.of(failing, FormatRegistry.defaults().byId("html")))).build();
        Path fresh = dir.resolve("out.broken");
        assertThatThrownBy(() -> c.convert(input, fresh)).isInstanceOf(ArticleFormatException.class);
        assertThat(fresh).doesNotExist();
        Path old = dir.resolve("old.broken");
        Files.writeString(old, "previous");
        assertThatThrownBy(() -> c.convert(input, old)).isInstanceOf(ArticleFormatException.class);
        assertThat(old).hasContent("previous");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.html", "old.broken");
        }
    }

    @Test
    void aConvertedFileGetsTheModeOfAnyNewFile(@TempDir Path dir) throws IOException {
        Path input = dir.resolve("in.html");
        Files.writeString(input, "<p>hello</p>");
        Path out = dir.resolve("out.html");
        Converter.builder().build().convert(input, out);
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        assertThat(Files.getPosixFilePermissions(out)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void localFilesNeverLeakIntoEmbeddedOutput(@TempDir Path dir) throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Files.writeString(dir.resolve("secret.png"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(posts.resolve("link.png"), dir.resolve("secret.png"));
        Path page = posts.resolve("p.html");
        Files.writeString(page, "<html><base href=\"file:///etc/\"><body><p>x"
                + "<img src=\"file:///etc/passwd\"><img src=\"/etc/passwd\"><img src=\"../secret.png\">"
                + "<img src=\"%2e%2e/secret.png\"><img src=\"link.png\"><img src=\"passwd\">"
                + "<img srcset=\"../secret.png 2x\"><img src=\"jar:file:/etc/passwd!/x\"></p></body></html>");
        List<Diagnostic> warnings = new ArrayList<>();
        Path out = dir.resolve("out.html");
        Converter.builder().warnings(warnings::add)
                .options(FormatOptions.of(HtmlOptions.builder().embedImages(true).build())).build().convert(page, out);
        String html = Files.readString(out);
        assertThat(html).doesNotContain("root:x:0:0").doesNotContain("cm9vdDp4OjA6M");
        assertThat(warnings).extracting(Diagnostic::code).contains("image.unresolved");
        assertThat(warnings).allSatisfy(w -> assertThat(w.file()).isEqualTo(page.toString()));
    }

    private static Article read(String html, List<Diagnostic> warnings) throws IOException {
        return Converter.builder().warnings(warnings::add).build()
                .read(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)), "html", "hostile.html");
    }

    private static int maxDepth(Body body) {
        Element root = body.document().body();
        int max = 0;
        for (Element e : root.getAllElements()) {
            int d = 0;
            for (Element p = e; p != root && p != null; p = p.parent()) {
                d++;
            }
            max = Math.max(max, d);
        }
        return max;
    }
}
