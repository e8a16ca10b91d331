package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.articlekit.Article;
import org.articlekit.ArticleKit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path dir;

    @Test
    void convertsHtmlToHtmlKeepingTheTitle() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "Keep me", "2024-01-02T03:04:05Z");
        Path out = dir.resolve("page.html2.html");

        Cli.Result r = Cli.run("convert", in, "-o", out);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        Article a = ArticleKit.read(out);
        assertThat(a.metadata().title()).contains("Keep me");
        assertThat(a.metadata().published().orElseThrow().text()).isEqualTo("2024-01-02T03:04:05Z");
    }

    @Test
    void titleAuthorAndLanguageFlagsReplaceTheMetadata() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "Old", "2024-01-02");
        Path out = dir.resolve("new.html");

        Cli.Result r = Cli.run("convert", in, "-o", out, "--title", "新标题", "--author", "A. Writer",
                "--author", "B. Writer", "--language", "zh_cn");

        assertThat(r.status()).as(r.err()).isZero();
        Article a = ArticleKit.read(out);
        assertThat(a.metadata().title()).contains("新标题");
        assertThat(a.metadata().authors()).containsExactly("A. Writer", "B. Writer");
        assertThat(a.metadata().language()).contains("zh-CN");
    }

    @Test
    void aMissingInputExitsOneWithOneErrorLineAndNoOutput() {
        Path out = dir.resolve("out.html");

        Cli.Result r = Cli.run("convert", dir.resolve("missing.html"), "-o", out);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().matches("^articlekit: error: .*missing\\.html: .*");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void aFifoInputExitsOneWithoutBlocking() {
        Path fifo = dir.resolve("pipe.html");
        assumeTrue(Cli.mkfifo(fifo), "mkfifo is not available");
        Path out = dir.resolve("out.html");

        Cli.Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.run("convert", fifo, "-o", out));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .startsWith("articlekit: error: " + fifo + ": ").contains("not a regular file");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDeviceInputLikeDevZeroExitsOneWithoutReadingForever() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path out = dir.resolve("out.html");

        Cli.Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.run("convert", zero, "--from", "html", "-o", out));

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: " + zero + ": ");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFolderNamedLikeAnArticleIsNotReadAsOne() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("x.html"));
        Path out = dir.resolve("out.html");

        Cli.Result r = Cli.run("convert", folder, "-o", dir.resolve("out"), "--to", "html");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .matches("^articlekit: error: .*x\\.html: no articles found.*");
        assertThat(out).doesNotExist();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFailedConversionLeavesAnExistingOutputUntouched() throws IOException {
        Path out = Files.writeString(dir.resolve("out.html"), "precious");

        Cli.Result r = Cli.run("convert", dir.resolve("missing.html"), "-o", out);

        assertThat(r.status()).isEqualTo(1);
        assertThat(out).hasContent("precious");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out.html");
        }
    }

    @Test
    void strictModeMakesAWarningAFailure() throws IOException {
        Path in = Files.writeString(dir.resolve("page.html"),
                Cli.page("Scripted", "2024-01-02", "<p>Hi</p><script>alert(1)</script>"));
        Path out = dir.resolve("out.html");

        Cli.Result lenient = Cli.run("convert", in, "-o", out);
        assertThat(lenient.status()).isZero();
        assertThat(lenient.errLines()).isNotEmpty()
                .allSatisfy(l -> assertThat(l).startsWith("articlekit: warning: " + in));
        Files.delete(out);

        Cli.Result quiet = Cli.run("convert", in, "-o", out, "--quiet");
        assertThat(quiet.status()).isZero();
        assertThat(quiet.err()).isEmpty();
        Files.delete(out);

        Cli.Result strict = Cli.run("convert", in, "-o", out, "--strict");
        assertThat(strict.status()).isEqualTo(1);
        assertThat(strict.errLines()).singleElement().asString().startsWith("articlekit: error: " + in);
        assertThat(out).doesNotExist();
    }

    @Test
    void refusesToOverwriteTheInput() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "Mine", "2024-01-02");
        String before = Files.readString(in);

        Cli.Result r = Cli.run("convert", in, "-o", dir.resolve(".").resolve("page.html"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: ").contains("is also an input");
        assertThat(in).hasContent(before);
    }

    @Test
    void anUnknownFlagIsAUsageError() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "T", "2024-01-02");

        Cli.Result r = Cli.run("convert", in, "-o", dir.resolve("out.html"), "--bogus");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("articlekit: error: Unknown option: '--bogus'");
        assertThat(r.err()).contains("articlekit convert --help");
        assertThat(dir.resolve("out.html")).doesNotExist();
    }

    @Test
    void aMissingOutputOptionIsAUsageError() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "T", "2024-01-02");

        Cli.Result r = Cli.run("convert", in);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: Missing required option").contains("--output");
    }

    @Test
    void anUnknownFormatIsAUsageErrorListingTheKnownOnes() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "T", "2024-01-02");

        Cli.Result r = Cli.run("convert", in, "-o", dir.resolve("out.x"), "--to", "docx");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: --to: unknown format 'docx'").contains("html");
    }

    @Test
    void anOutputNameWithoutAKnownExtensionIsAUsageError() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "T", "2024-01-02");

        Cli.Result r = Cli.run("convert", in, "-o", dir.resolve("out.docx"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).contains("cannot tell the output format").contains("--to");
        assertThat(dir.resolve("out.docx")).doesNotExist();
    }

    @Test
    void severalInputsIntoOneArticleFileIsAUsageError() throws IOException {
        Path a = Cli.writePage(dir.resolve("a.html"), "A", "2024-01-02");
        Path b = Cli.writePage(dir.resolve("b.html"), "B", "2024-01-03");

        Cli.Result r = Cli.run("convert", a, b, "-o", dir.resolve("both.html"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).contains("cannot hold one").contains("-o DIR --to html");
        assertThat(dir.resolve("both.html")).doesNotExist();
    }

    @Test
    void flagsOfFormatsNotBuiltYetAreAcceptedAndReportedAsIgnored() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "T", "2024-01-02");
        Path out = dir.resolve("out.html");

        Cli.Result r = Cli.run("convert", in, "-o", out, "--pdfa", "--page-size", "letter", "--front-matter", "toml",
                "--no-cache", "--offline");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(out).exists();
        assertThat(r.errLines()).allSatisfy(l -> assertThat(l).startsWith("articlekit: warning: --"))
                .anySatisfy(l -> assertThat(l).contains("--pdfa is ignored"))
                .anySatisfy(l -> assertThat(l).contains("--page-size is ignored"))
                .anySatisfy(l -> assertThat(l).contains("--front-matter is ignored"))
                .anySatisfy(l -> assertThat(l).contains("--no-cache are ignored with --offline"));
    }

    @Test
    void aBadLanguageTagIsAUsageError() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "T", "2024-01-02");

        Cli.Result r = Cli.run("convert", in, "-o", dir.resolve("out.html"), "--language", "not a tag!");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: --language:");
    }

    @Test
    void debugAddsTheStackTraceAfterTheErrorLine() {
        Cli.Result r = Cli.run("convert", dir.resolve("missing.html"), "-o", dir.resolve("out.html"), "--debug");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: ");
        assertThat(r.err()).contains("NoSuchFileException").contains("\tat ");
    }

    @Test
    void anOutputThatIsASymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path in = Cli.writePage(dir.resolve("page.html"), "Through the link", "2024-01-02");
        Path target = Files.writeString(Files.createDirectory(dir.resolve("site")).resolve("index.html"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("out.html"), target);

        Cli.Result r = Cli.run("convert", in, "-o", link);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(target);
        assertThat(ArticleKit.read(target).metadata().title()).contains("Through the link");
        try (var s = Files.list(target.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly(
                    "index.html");
        }
    }

    @Test
    void aFailedConversionThroughALinkLeavesTheTargetUntouched() throws IOException {
        Path target = Files.writeString(dir.resolve("target.html"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("out.html"), target);

        Cli.Result r = Cli.run("convert", dir.resolve("missing.html"), "-o", link);

        assertThat(r.status()).isEqualTo(1);
        assertThat(target).hasContent("precious");
        assertThat(Files.isSymbolicLink(link)).isTrue();
    }

    @Test
    void anOutputThatIsAFifoIsWrittenIntoThePipe() throws Exception {
        Path in = Cli.writePage(dir.resolve("page.html"), "Into the pipe", "2024-01-02");
        Path fifo = dir.resolve("pipe.html");
        assumeTrue(Cli.mkfifo(fifo), "mkfifo is not available");
        java.util.concurrent.CompletableFuture<String> reader = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return Files.readString(fifo);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });

        Cli.Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.run("convert", in, "-o", fifo, "--to", "html"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(reader.get(20, java.util.concurrent.TimeUnit.SECONDS)).contains("<title>Into the pipe</title>");
        assertThat(Files.isRegularFile(fifo)).as("the FIFO was not replaced by a file").isFalse();
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("page.html", "pipe.html");
        }
    }

    @Test
    void aDirectoryWhereAnOutputFileWouldGoIsAUsageError() throws IOException {
        Path a = Cli.writePage(dir.resolve("in/a.html"), "A", "2024-01-02");
        Path b = Cli.writePage(dir.resolve("in/b.html"), "B", "2024-01-03");
        Path blocked = Files.createDirectories(dir.resolve("out/a.md"));

        Cli.Result r = Cli.run("convert", a, b, "-o", dir.resolve("out"), "--to", "markdown");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).isEqualTo("articlekit: error: the output " + blocked
                + " is a directory, not a file; move it away or choose another -o folder");
        assertThat(blocked).isEmptyDirectory();
        assertThat(dir.resolve("out/b.md")).doesNotExist();
    }
}
