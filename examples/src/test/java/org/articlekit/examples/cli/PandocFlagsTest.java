package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.articlekit.Article;
import org.articlekit.ArticleKit;
import org.articlekit.Book;
import org.articlekit.internal.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pandoc's conventions on {@code convert}: -f/-t, -M, --metadata-file, --log and --json. */
class PandocFlagsTest {

    @TempDir
    Path tmp;

    @Test
    void shortFormsOfFromAndTo() throws IOException {
        Path page = Cli.writePage(tmp.resolve("page"), "短形式", "2026-03-01T08:00:00+08:00");
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("convert", page, "-f", "html", "-t", "markdown", "-o", out);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("---\n").contains("title: 短形式");
    }

    @Test
    void metadataPairsSetAndListFieldsAndOurFlagsWin() throws IOException {
        Path page = Cli.writePage(tmp.resolve("a.html"), "Old title", "2026-03-01T08:00:00+08:00");
        Path out = tmp.resolve("a.md");
        Cli.Result r = Cli.run("convert", page, "-o", out, "-M", "title=新标题", "-M", "author=李雷",
                "-M", "author=韩梅梅", "-M", "tags=读书", "-M", "series=周报", "-M", "lang=zh-CN");
        assertThat(r.status()).as(r.err()).isZero();
        Article a = ArticleKit.read(out);
        assertThat(a.metadata().title()).contains("新标题");
        assertThat(a.metadata().authors()).containsExactly("李雷", "韩梅梅");
        assertThat(a.metadata().tags()).containsExactly("读书");
        assertThat(a.metadata().language()).contains("zh-CN");
        assertThat(a.metadata().extra()).containsEntry("series", "周报");

        Cli.Result both = Cli.run("convert", page, "-o", tmp.resolve("b.md"), "-M", "title=From -M",
                "--title", "From --title");
        assertThat(both.status()).as(both.err()).isZero();
        assertThat(ArticleKit.read(tmp.resolve("b.md")).metadata().title()).contains("From --title");
    }

    @Test
    void aMetadataFileInYamlOrJsonSetsTheBooksMetadataAndMWinsOverIt() throws IOException {
        Path posts = Files.createDirectories(tmp.resolve("posts"));
        Cli.writePage(posts.resolve("one.html"), "One", "2026-01-01T08:00:00Z");
        Cli.writePage(posts.resolve("two.html"), "Two", "2026-01-02T08:00:00Z");
        Path yaml = Files.writeString(tmp.resolve("meta.yaml"), """
                title: 一月文集
                author: [王芳, Ann Lee]
                publisher: 小站
                description: 两篇文章
                """);
        Path book = tmp.resolve("book.epub");
        Cli.Result r = Cli.run("convert", posts, "-o", book, "--metadata-file", yaml, "-M", "publisher=大站");
        assertThat(r.status()).as(r.err()).isZero();
        Book read = ArticleKit.converter().readBook(book, null);
        assertThat(read.metadata().title()).contains("一月文集");
        assertThat(read.metadata().authors()).containsExactly("王芳", "Ann Lee");
        assertThat(read.metadata().publisher()).contains("大站");
        assertThat(read.articles()).hasSize(2);

        Path json = Files.writeString(tmp.resolve("meta.json"), "{\"title\": \"JSON title\", \"lang\": \"en\"}");
        Path md = tmp.resolve("one.md");
        Cli.Result j = Cli.run("convert", posts.resolve("one.html"), "-o", md, "--metadata-file", json);
        assertThat(j.status()).as(j.err()).isZero();
        assertThat(ArticleKit.read(md).metadata().title()).contains("JSON title");
    }

    @Test
    void aBadMetadataFileIsOneErrorNamingItAndNothingIsWritten() throws IOException {
        Path page = Cli.writePage(tmp.resolve("a.html"), "A", "2026-03-01T08:00:00+08:00");
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "title: [unclosed\nauthor: x\n");
        Path out = tmp.resolve("a.md");
        Cli.Result r = Cli.run("convert", page, "-o", out, "--metadata-file", bad);
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).startsWith("articlekit: error: " + bad).contains("YAML");
        assertThat(out).doesNotExist();

        Path list = Files.writeString(tmp.resolve("list.yaml"), "- a\n- b\n");
        Cli.Result l = Cli.run("convert", page, "-o", out, "--metadata-file", list);
        assertThat(l.status()).isEqualTo(1);
        assertThat(l.err()).contains(list.toString()).contains("not a mapping");

        Cli.Result date = Cli.run("convert", page, "-o", out, "-M", "lang=not a language tag!");
        assertThat(date.status()).isNotZero();
        assertThat(date.err()).contains("lang");
        assertThat(out).doesNotExist();
    }

    @Test
    void logWritesEveryWarningAndErrorAsJsonLinesEvenWhenQuiet() throws IOException {
        Path page = tmp.resolve("a.html");
        Files.writeString(page, Cli.page("A", "2026-03-01T08:00:00+08:00",
                "<p>Text with a missing picture.</p><img src=\"missing.png\" alt=\"x\">"));
        Path log = tmp.resolve("run.log");
        Cli.Result r = Cli.run("convert", page, "-o", tmp.resolve("a.epub"), "--log", log, "--quiet");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            Map<String, Object> event = object(line);
            assertThat(event).containsKeys("time", "level", "code", "message");
        }
        assertThat(lines).anySatisfy(l -> assertThat(object(l)).containsEntry("level", "warning")
                .containsEntry("file", page.toString()));

        Cli.Result failed = Cli.run("convert", tmp.resolve("nothing-here.html"), "-o", tmp.resolve("b.epub"),
                "--log", log);
        assertThat(failed.status()).isEqualTo(1);
        List<String> after = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(after).hasSizeGreaterThan(lines.size()).startsWith(lines.toArray(String[]::new));
        assertThat(object(after.get(after.size() - 1))).containsEntry("level", "error")
                .extractingByKey("message").asString().contains("nothing-here.html");
    }

    @Test
    void jsonPrintsOneSummaryOfTheRun() throws IOException {
        Path posts = Files.createDirectories(tmp.resolve("posts"));
        Cli.writePage(posts.resolve("one.html"), "One", "2026-01-01T08:00:00Z");
        Files.writeString(posts.resolve("two.html"), Cli.page("Two", "2026-01-02T08:00:00Z",
                "<p>Two, with a script (removed, with a warning).</p><script>alert(1)</script>"));
        Path out = tmp.resolve("out");
        Cli.Result r = Cli.run("convert", posts, "-o", out + "/", "--to", "markdown", "--json");
        assertThat(r.status()).as(r.err()).isZero();
        Map<String, Object> s = object(r.out());
        assertThat(s).containsEntry("status", "ok").containsEntry("exitCode", 0L).containsEntry("articles", 2L);
        assertThat(s.get("inputs")).isEqualTo(List.of(posts.toString()));
        assertThat((List<?>) s.get("outputs")).hasSize(2);
        assertThat((List<?>) s.get("warnings")).isNotEmpty()
                .allSatisfy(w -> assertThat(((Map<?, ?>) w).keySet().stream().map(String::valueOf).toList()).contains("code", "message"));
        assertThat((List<?>) s.get("errors")).isEmpty();

        Cli.Result failed = Cli.run("convert", tmp.resolve("absent.md"), "-o", tmp.resolve("x.html"), "--json");
        assertThat(failed.status()).isEqualTo(1);
        Map<String, Object> f = object(failed.out());
        assertThat(f).containsEntry("status", "failed").containsEntry("exitCode", 1L).containsEntry("articles", 0L);
        assertThat((List<?>) f.get("errors")).hasSize(1);

        Cli.Result dash = Cli.run("convert", posts.resolve("one.html"), "-o", "-", "--to", "html", "--json");
        assertThat(dash.status()).isEqualTo(2);
    }

    @Test
    void cssPutsTheUsersStylesheetInTheHtmlPageAfterOurs() throws IOException {
        Path page = Cli.writePage(tmp.resolve("a.html"), "样式", "2026-03-01T08:00:00+08:00");
        Path css = Files.writeString(tmp.resolve("site.css"), "body { font-family: \"Kaiti\"; }\n/* </style><script>x()</script> */\n");
        Path out = tmp.resolve("out.html");
        Cli.Result r = Cli.run("convert", page, "-o", out, "--css", css);
        assertThat(r.status()).as(r.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("font-family: \"Kaiti\"").doesNotContain("</style><script>");
        assertThat(org.jsoup.Jsoup.parse(html).select("script").eachAttr("type")).containsOnly("application/ld+json");
        assertThat(html.indexOf("Kaiti")).isGreaterThan(html.indexOf("<style>"));
        assertThat(org.jsoup.Jsoup.parse(html).select("style")).hasSize(2);

        Path epub = tmp.resolve("out.epub");
        Cli.Result book = Cli.run("convert", page, "-o", epub, "--css", css);
        assertThat(book.status()).as(book.err()).isZero();
        assertThat(entry(epub, "EPUB/styles/book.css")).contains("font-family: \"Kaiti\"");
        assertThat(EpubCommandTest.epubcheck(epub)).isEmpty();

        Cli.Result ignored = Cli.run("convert", page, "-o", tmp.resolve("out.md"), "--css", css);
        assertThat(ignored.status()).isZero();
        assertThat(ignored.err()).contains("--css is ignored");

        Cli.Result missing = Cli.run("convert", page, "-o", tmp.resolve("x.html"), "--css", tmp.resolve("none.css"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("none.css").contains("no such file");
        assertThat(tmp.resolve("x.html")).doesNotExist();
    }

    @Test
    void tocDepthSetsHowDeepThePdfBookmarksGo() throws IOException {
        Path posts = Files.createDirectories(tmp.resolve("posts"));
        for (String name : List.of("one", "two")) {
            Files.writeString(posts.resolve(name + ".html"), Cli.page(name, "2026-01-0" + (name.length() - 1) + "T08:00:00Z",
                    "<p>开头。</p><h2>第一节 " + name + "</h2><p>正文。</p><h3>小节</h3><p>更多。</p>"));
        }
        for (int level = 1; level <= 3; level++) {
            int depth = level;
            Path pdf = tmp.resolve("book-" + depth + ".pdf");
            Cli.Result r = Cli.run("convert", posts, "-o", pdf, "--toc-depth", depth);
            assertThat(r.status()).as(r.err()).isZero();
            try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
                List<String> marks = new java.util.ArrayList<>();
                collect(d.getDocumentCatalog().getDocumentOutline(), 1, marks);
                assertThat(marks).as("depth %d: %s", depth, marks).anyMatch(m -> m.startsWith("1 "))
                        .allMatch(m -> Integer.parseInt(m.substring(0, 1)) <= depth);
                assertThat(marks).anyMatch(m -> m.startsWith(depth + " "));
            }
        }
        Cli.Result bad = Cli.run("convert", posts, "-o", tmp.resolve("x.pdf"), "--toc-depth", 7);
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--toc-depth");
    }

    @Test
    void tocDepthNestsTheChaptersHeadingsInTheEpubContents() throws IOException {
        Path posts = Files.createDirectories(tmp.resolve("posts"));
        Files.writeString(posts.resolve("one.html"), Cli.page("第一篇", "2026-01-01T08:00:00Z",
                "<p>开头。</p><h2>第一节</h2><p>正文。</p><h3>小节</h3><p>更多。</p><h2 id=\"own\">第二节</h2><p>完。</p>"));
        Cli.writePage(posts.resolve("two.html"), "Second", "2026-01-02T08:00:00Z");
        Path flat = tmp.resolve("flat.epub");
        Path deep = tmp.resolve("deep.epub");
        assertThat(Cli.run("convert", posts, "-o", flat).status()).isZero();
        Cli.Result r = Cli.run("convert", posts, "-o", deep, "--toc-depth", "3");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(EpubCommandTest.epubcheck(deep)).isEmpty();

        org.jsoup.nodes.Document nav = org.jsoup.Jsoup.parse(entry(deep, "EPUB/nav.xhtml"));
        assertThat(nav.select("nav#toc > ol > li")).hasSize(2);
        assertThat(nav.select("nav#toc > ol > li > ol > li > a").eachText()).containsExactly("第一节", "第二节");
        assertThat(nav.select("nav#toc > ol > li > ol > li > ol > li > a").eachText()).containsExactly("小节");
        assertThat(nav.select("a[href$=#own]")).hasSize(1);
        assertThat(org.jsoup.Jsoup.parse(entry(flat, "EPUB/nav.xhtml")).select("nav#toc li li")).isEmpty();
    }

    private static String entry(Path zip, String name) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            return new String(z.getInputStream(z.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void collect(org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode node,
            int level, List<String> into) {
        if (node == null) {
            return;
        }
        for (org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem item : node.children()) {
            into.add(level + " " + item.getTitle());
            collect(item, level + 1, into);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        try {
            return (Map<String, Object>) Json.parse(json.strip());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
