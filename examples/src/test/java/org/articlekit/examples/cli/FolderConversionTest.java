package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.articlekit.ArticleKit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders as inputs: RELIABILITY row 25 (hostile folders) and row 26 (no partial output). */
class FolderConversionTest {

    @TempDir
    Path dir;

    private Path posts() throws IOException {
        return Files.createDirectories(dir.resolve("posts"));
    }

    @Test
    void convertsEveryArticleOfAFolderIntoAnotherFolder() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("one.html"), "One", "2024-01-01");
        Cli.writePage(posts.resolve("sub/two.htm"), "Two", "2024-01-02");
        Files.writeString(posts.resolve("notes.docx"), "not an article");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.files(out)).extracting(p -> out.relativize(p).toString())
                .containsExactly("one.html", "two.html");
        assertThat(ArticleKit.read(out.resolve("two.html")).metadata().title()).contains("Two");
    }

    @Test
    void aSymlinkLeadingOutOfTheFolderIsSkipped() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("real.html"), "Real", "2024-01-01");
        Path secret = Cli.writePage(dir.resolve("secret.html"), "TOP SECRET OUTSIDE", "2024-01-01");
        Files.createSymbolicLink(posts.resolve("leak.html"), secret);
        Files.createSymbolicLink(posts.resolve("passwd.html"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(posts.resolve("up.html"), Path.of(".."));
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.files(out)).extracting(p -> p.getFileName().toString()).containsExactly("real.html");
        for (Path p : Cli.files(out)) {
            assertThat(Files.readString(p)).doesNotContain("TOP SECRET").doesNotContain("root:");
        }
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l).startsWith("articlekit: warning: ")
                .contains("leak.html").contains("outside"));
    }

    @Test
    void aSymlinkInsideTheFolderIsFollowed() throws IOException {
        Path posts = posts();
        Path real = Cli.writePage(posts.resolve("drafts/real.html"), "Linked", "2024-01-01");
        Files.createSymbolicLink(posts.resolve("alias.html"), real);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.files(out)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("alias.html", "real.html");
    }

    @Test
    void aFifoInTheFolderDoesNotHang() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("a.html"), "A", "2024-01-01");
        assumeTrue(Cli.mkfifo(posts.resolve("pipe.html")), "mkfifo is not available");
        Path out = dir.resolve("out");

        Cli.Result r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.run("convert", posts, "-o", out, "--to", "html"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.files(out)).extracting(p -> p.getFileName().toString()).containsExactly("a.html");
        assertThat(r.errLines()).anySatisfy(l -> assertThat(l).contains("pipe.html").contains("not a regular file"));
    }

    @Test
    void aFolderNamedLikeAnArticleIsSkipped() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("a.html"), "A", "2024-01-01");
        Files.createDirectories(posts.resolve("x.html"));
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.files(out)).extracting(p -> p.getFileName().toString()).containsExactly("a.html");
    }

    @Test
    void aFileNamedLikeAnOptionConverts() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("-x.html"), "Dash", "2024-01-01");
        Path out = dir.resolve("out");

        Cli.Result fromFolder = Cli.run("convert", posts, "-o", out, "--to", "html");
        assertThat(fromFolder.status()).as(fromFolder.err()).isZero();
        assertThat(ArticleKit.read(out.resolve("-x.html")).metadata().title()).contains("Dash");

        Path single = dir.resolve("single.html");
        Cli.Result named = Cli.run("convert", "-o", single, "--", posts.resolve("-x.html"));
        assertThat(named.status()).as(named.err()).isZero();
        assertThat(ArticleKit.read(single).metadata().title()).contains("Dash");
    }

    @Test
    void aBareNameStartingWithADashIsAUsageErrorWithAHint() {
        Cli.Result r = Cli.run("convert", "-x.html", "-o", dir.resolve("o.html"));

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).startsWith("articlekit: error: ");
        assertThat(r.err()).contains("after '--'");
        assertThat(dir.resolve("o.html")).doesNotExist();
    }

    @Test
    void anAtSignNameIsAFileNotAnArgumentFile() throws IOException {
        Path page = Cli.writePage(dir.resolve("@page.html"), "At", "2024-01-01");
        Path out = dir.resolve("out.html");

        Cli.Result r = Cli.run("convert", "-o", out, "--", page);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(ArticleKit.read(out).metadata().title()).contains("At");
    }

    @Test
    void inputsWithTheSameBaseNameGetDistinctOutputs() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("2023/index.html"), "Old", "2023-01-01");
        Cli.writePage(posts.resolve("2024/index.html"), "New", "2024-01-01");
        Cli.writePage(posts.resolve("2024/INDEX.htm"), "Shouting", "2024-01-01");
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html", "--jobs", "3");

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, String> titles = new TreeMap<>();
        for (Path p : Cli.files(out)) {
            titles.put(p.getFileName().toString(), ArticleKit.read(p).metadata().title().orElseThrow());
        }
        // names are handed out in the order of the paths inside the folder: 2023/…, 2024/INDEX.htm, 2024/index.html
        assertThat(titles).isEqualTo(Map.of("index.html", "Old", "INDEX-2.html", "Shouting", "index-3.html", "New"));
    }

    @Test
    void anOutputInsideTheScannedFolderIsRefused() throws IOException {
        Path posts = posts();
        Path page = Cli.writePage(posts.resolve("a.html"), "A", "2024-01-01");
        String before = Files.readString(page);

        Cli.Result into = Cli.run("convert", posts, "-o", posts.resolve("out"), "--to", "html");
        Cli.Result onto = Cli.run("convert", posts, "-o", posts, "--to", "html");

        for (Cli.Result r : List.of(into, onto)) {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.errLines().get(0)).startsWith("articlekit: error: ").contains("inside the input folder");
        }
        assertThat(Cli.files(posts)).containsExactly(page);
        assertThat(page).hasContent(before);
    }

    @Test
    void anOutputFolderThatWouldOverwriteANamedInputIsRefused() throws IOException {
        Path a = Cli.writePage(dir.resolve("a.html"), "A", "2024-01-01");
        Path b = Cli.writePage(dir.resolve("b.html"), "B", "2024-01-01");

        Cli.Result r = Cli.run("convert", a, b, "-o", dir + "/", "--to", "html");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).contains("would overwrite the input");
    }

    @Test
    void anEmptyFolderIsAnError() throws IOException {
        Path posts = posts();
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString()
                .matches("^articlekit: error: .*posts: no articles found.*");
        assertThat(out).doesNotExist();
    }

    @Test
    void oneBadInputFailsTheRunButTheOthersAreConverted() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("good.html"), "Good", "2024-01-01");
        Files.write(posts.resolve("big.html"), new byte[0]);
        Path out = dir.resolve("out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html", "--strict");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: ").contains("big.html");
        assertThat(Cli.files(out)).extracting(p -> p.getFileName().toString()).containsExactly("good.html");
    }

    @Test
    void whenEveryInputFailsTheOutputFolderIsNotLeftBehind() throws IOException {
        Path posts = posts();
        Files.write(posts.resolve("empty.html"), new byte[0]);
        Path out = dir.resolve("new/out");

        Cli.Result r = Cli.run("convert", posts, "-o", out, "--to", "html", "--strict");

        assertThat(r.status()).isEqualTo(1);
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void aFolderWithoutToIsAUsageError() throws IOException {
        Path posts = posts();
        Cli.writePage(posts.resolve("a.html"), "A", "2024-01-01");

        Cli.Result r = Cli.run("convert", posts, "-o", dir.resolve("out") + "/");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines().get(0)).contains("--to FMT");
    }
}
