package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The EPUB paths of the command line: a folder into a book, a book into files, info on a book. */
class EpubCommandTest {

    @TempDir
    Path dir;

    static List<String> epubcheck(Path epub) {
        List<String> problems = new ArrayList<>();
        new EpubCheck(epub.toFile(), new MasterReport() {
            @Override
            public void message(Message m, EPUBLocation location, Object... args) {
                if (m.getSeverity() == Severity.WARNING || m.getSeverity() == Severity.ERROR
                        || m.getSeverity() == Severity.FATAL) {
                    problems.add(m.getID() + " " + location.getPath() + ": " + m.getMessage(args));
                }
            }

            @Override
            public void info(String resource, FeatureEnum feature, String value) {
            }

            @Override
            public int generate() {
                return 0;
            }

            @Override
            public void initialize() {
            }
        }).doValidate();
        return problems;
    }

    /** The XHTML of every chapter ({@code EPUB/cNNNN.xhtml}), joined. */
    static String chapterText(Path epub) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (InputStream in = Files.newInputStream(epub); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().matches("EPUB/c\\d+\\.xhtml")) {
                    sb.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return sb.toString();
    }

    static List<String> entries(Path epub) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(epub); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    @Test
    void theSampleArticlesBecomeOneValidBookWithTheirImagesAndComeBackAsHtmlFiles() throws IOException {
        Path book = dir.resolve("articles.epub");

        Cli.Result r = Cli.run("convert", Path.of("articles"), "-o", book, "--title", "样例文章 Samples",
                "--author", "ArticleKit");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).as("no warnings, one summary line").singleElement().asString()
                .startsWith("articlekit: wrote " + book + ": 5 articles, ").contains(" 0 warnings, ").endsWith(" KB");
        assertThat(epubcheck(book)).isEmpty();
        assertThat(entries(book)).filteredOn(n -> n.startsWith("EPUB/images/")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(entries(book)).filteredOn(n -> n.matches("EPUB/c\\d+\\.xhtml")).hasSize(5);

        Path out = dir.resolve("split");
        Cli.Result split = Cli.run("convert", book, "-o", out + "/", "--to", "html");

        assertThat(split.status()).as(split.err()).isZero();
        try (Stream<Path> s = Files.list(out)) {
            List<Path> pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
            assertThat(pages).hasSize(5);
            assertThat(Files.readString(pages.get(0), StandardCharsets.UTF_8)).contains("<title>");
            // The book's images come out beside the pages, and every page's images are there (the eight of the
            // sample articles; the book's other image is its cover).
            assertThat(imagesThatAreFiles(pages)).hasSizeGreaterThanOrEqualTo(8);
        }
        Path md = dir.resolve("markdown");
        Cli.Result markdown = Cli.run("convert", book, "-o", md + "/", "--to", "markdown");
        assertThat(markdown.status()).as(markdown.err()).isZero();
        try (Stream<Path> s = Files.list(md)) {
            List<Path> posts = s.filter(p -> p.toString().endsWith(".md")).sorted().toList();
            assertThat(imagesThatAreFiles(posts)).hasSizeGreaterThanOrEqualTo(8);
            // Each post's front-matter cover points at the image written for it.
            Pattern cover = Pattern.compile("(?m)^cover: (\\S+)$");
            List<String> covers = new ArrayList<>();
            for (Path post : posts) {
                Matcher m = cover.matcher(Files.readString(post, StandardCharsets.UTF_8));
                if (m.find()) {
                    assertThat(post.resolveSibling(m.group(1))).as(post + " cover " + m.group(1)).isRegularFile();
                    covers.add(m.group(1));
                }
            }
            assertThat(covers).hasSizeGreaterThanOrEqualTo(4);
        }

        Cli.Result info = Cli.run("info", book, "--json");

        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"format\"", "epub", "在阳台上种番茄的一年");
        assertThat(info.out().split("\"title\"", -1)).hasSize(6);
    }

    /** Every image address of the pages (HTML or Markdown), each checked to be a file beside its page. */
    private static List<String> imagesThatAreFiles(List<Path> pages) throws IOException {
        Pattern address = Pattern.compile("src=\"([^\"]+)\"|!\\[[^\\]]*\\]\\(([^)\\s]+)");
        List<String> found = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = address.matcher(Files.readString(page, StandardCharsets.UTF_8));
            while (m.find()) {
                String src = m.group(1) != null ? m.group(1) : m.group(2);
                assertThat(page.resolveSibling(src)).as(page + " links " + src).isRegularFile();
                found.add(src);
            }
        }
        return found;
    }

    @Test
    void verticalWritingAndNoCoverFlagsReachTheEpubWriter() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Cli.writePage(posts.resolve("a.html"), "竖排", "2024-01-01");
        Cli.writePage(posts.resolve("b.html"), "第二篇", "2024-01-02");
        Path book = dir.resolve("v.epub");

        Cli.Result r = Cli.run("convert", posts, "-o", book, "--vertical", "--no-generated-cover");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(epubcheck(book)).isEmpty();
        assertThat(entries(book)).doesNotContain("EPUB/cover.xhtml");
        Cli.Result html = Cli.run("convert", posts.resolve("a.html"), "-o", dir.resolve("a.html"), "--vertical");
        assertThat(html.err()).contains("--vertical is ignored");
    }

    @Test
    void aMissingImageIsAWarningNotAFailedBook() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Files.writeString(posts.resolve("a.html"), "<!DOCTYPE html><html lang=\"en\"><head><title>A</title></head>"
                + "<body><article><p>text</p><p><img src=\"gone.png\" alt=\"x\"></p></article></body></html>");
        Cli.writePage(posts.resolve("b.html"), "B", "2024-01-02");
        Path book = dir.resolve("w.epub");

        Cli.Result r = Cli.run("convert", posts, "-o", book);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).hasSize(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: warning: ").contains("gone.png", "was not found");
        assertThat(r.errLines().get(1)).startsWith("articlekit: wrote " + book + ": 2 articles, 0 images, 1 warning, ");
        assertThat(epubcheck(book)).isEmpty();
    }
}
