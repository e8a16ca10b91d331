package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekit.ArticleKit;
import org.articlekit.Book;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code convert -} and {@code convert -o -}: standard input and output, as pandoc has them. */
class StreamConversionTest {

    private static final String POST = "---\ntitle: Piped post\ndate: 2024-03-04\n---\n\nHello from **stdin**.\n";

    @TempDir
    Path dir;

    private Path post(String name, String title, String date) throws IOException {
        return Files.writeString(dir.resolve(name), "---\ntitle: " + title + "\ndate: " + date + "\n---\n\nText of "
                + title + ".\n");
    }

    @Test
    void pipesMarkdownFromStandardInputToHtmlOnStandardOutput() {
        Cli.Result r = Cli.runWithInput(POST, "convert", "-", "--from", "markdown", "-o", "-", "--to", "html");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("<!doctype html>").contains("<title>Piped post</title>")
                .contains("<strong>stdin</strong>");
    }

    @Test
    void tellsTheFormatOfStandardInputFromTheBytesWhenFromIsNotGiven() {
        Cli.Result md = Cli.runWithInput(POST, "convert", "-", "-o", "-", "--to", "markdown");
        Cli.Result html = Cli.runWithInput(Cli.page("A page", "2024-01-02", "<p>Body text.</p>"), "convert", "-", "-o",
                "-", "--to", "txt");

        assertThat(md.status()).as(md.err()).isZero();
        assertThat(md.out()).startsWith("---\ntitle: Piped post\n").contains("Hello from **stdin**.");
        assertThat(html.status()).as(html.err()).isZero();
        assertThat(html.out()).startsWith("A page").contains("Body text.");
    }

    @Test
    void standardInputIsWrittenToAFileAsAFileInputIs() throws IOException {
        Path file = Files.writeString(dir.resolve("post.md"), POST);
        Path fromStdin = dir.resolve("stdin.epub");
        Path fromFile = dir.resolve("file.epub");

        Cli.Result r = Cli.runWithInput(POST, "convert", "-", "-o", fromStdin);
        Cli.Result f = Cli.run("convert", file, "-o", fromFile);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(f.status()).as(f.err()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(Files.readAllBytes(fromStdin)).isEqualTo(Files.readAllBytes(fromFile));
    }

    @Test
    void anEmptyStandardInputExitsOneNamingStdin() {
        Cli.Result r = Cli.runWithInput("", "convert", "-", "-o", "-", "--to", "html");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: <stdin>: ")
                .contains("cannot tell the format");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badFrontMatterOnStandardInputNamesStdinAndTheLine() {
        Cli.Result r = Cli.runWithInput("---\ntitle: [unclosed\n---\n\nx\n", "convert", "-", "--from", "markdown",
                "-o", "-", "--to", "html");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().matches("^articlekit: error: <stdin>:\\d+: .*");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aOneArticleEpubGoesToStandardOutputAsMarkdown() throws IOException {
        Path epub = dir.resolve("one.epub");
        assertThat(Cli.run("convert", post("a.md", "Only one", "2024-01-01"), "-o", epub).status()).isZero();

        Cli.Result r = Cli.run("convert", epub, "-o", "-", "--to", "markdown");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("---\ntitle: Only one\n").contains("Text of Only one.");
    }

    @Test
    void anEpubOfSeveralArticlesGoesToStandardOutputAsOneMarkdownPostAfterAnother() throws IOException {
        Path epub = dir.resolve("two.epub");
        Cli.Result made = Cli.run("convert", post("a.md", "A", "2024-01-01"), post("b.md", "B", "2024-01-02"), "-o",
                epub);
        assertThat(made.status()).as(made.err()).isZero();

        Cli.Result r = Cli.run("convert", epub, "-o", "-", "--to", "markdown");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("title: A", "title: B");
        assertThat(r.out().indexOf("title: A")).isLessThan(r.out().indexOf("title: B"));
        assertThat(r.out().split("(?m)^---$", -1)).as("two front-matter blocks").hasSize(5);
    }

    @Test
    void anEpubOfSeveralArticlesCannotBeOneHtmlPageOnStandardOutput() throws IOException {
        Path epub = dir.resolve("two.epub");
        Cli.Result made = Cli.run("convert", post("a.md", "A", "2024-01-01"), post("b.md", "B", "2024-01-02"), "-o",
                epub);
        assertThat(made.status()).as(made.err()).isZero();

        Cli.Result r = Cli.run("convert", epub, "-o", "-", "--to", "html");

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().startsWith("articlekit: error: " + epub + ": holds 2 "
                + "articles").contains("-o DIR/");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aBookOfSeveralInputsOnStandardOutputIsTheFileByteForByte() throws IOException {
        Path a = post("a.md", "A", "2024-01-01");
        Path b = post("b.md", "B", "2024-01-02");
        Path file = dir.resolve("book.epub");
        Cli.Result f = Cli.run("convert", a, b, "-o", file);

        Cli.Result r = Cli.run("convert", a, b, "-o", "-", "--to", "epub");

        assertThat(f.status()).as(f.err()).isZero();
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.outBytes()).isEqualTo(Files.readAllBytes(file));
        assertThat(r.errLines()).as("the summary stays on stderr").singleElement().asString()
                .startsWith("articlekit: wrote <stdout>: 2 articles, 0 images, 0 warnings");
        Book back = ArticleKit.converter().readBook(Files.write(dir.resolve("back.epub"), r.outBytes()), null);
        assertThat(back.articles()).extracting(x -> x.metadata().title().orElseThrow()).containsExactly("A", "B");
    }

    @Test
    void aPdfOnStandardOutputIsTheFileByteForByte() throws IOException {
        Path a = post("a.md", "A", "2024-01-01");
        Path file = dir.resolve("a.pdf");
        Cli.Result f = Cli.run("convert", a, "-o", file);

        Cli.Result r = Cli.run("convert", a, "-o", "-", "--to", "pdf");

        // A dated book's PDF takes its time stamps from the articles, so both runs make the same bytes.
        assertThat(f.status()).as(f.err()).isZero();
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.outBytes()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void standardOutputNeedsTo() throws IOException {
        Cli.Result r = Cli.run("convert", post("a.md", "A", "2024-01-01"), "-o", "-");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("articlekit: error: -o - (standard output) needs the format: add --to FMT");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void severalInputsToStandardOutputInATextFormatIsAUsageError() throws IOException {
        Cli.Result r = Cli.run("convert", post("a.md", "A", "2024-01-01"), post("b.md", "B", "2024-01-02"), "-o", "-",
                "--to", "html");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("articlekit: error: -o - writes one document").contains("-o DIR --to html");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aFolderToStandardOutputInATextFormatIsAUsageError() throws IOException {
        post("a.md", "A", "2024-01-01");

        Cli.Result r = Cli.run("convert", dir, "-o", "-", "--to", "markdown");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("articlekit: error: -o - writes one document");
    }

    @Test
    void standardInputMayBeGivenOnlyOnce() {
        Cli.Result r = Cli.runWithInput(POST, "convert", "-", "-", "-o", "-", "--to", "epub");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("articlekit: error: '-' (standard input) may be given only once")
                .doesNotContain("goes after '--'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void standardInputIsNotBoundWithOtherInputs() throws IOException {
        Path book = dir.resolve("book.epub");

        Cli.Result r = Cli.runWithInput(POST, "convert", "-", post("a.md", "A", "2024-01-01"), "-o", book);

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("articlekit: error: '-' (standard input) is converted on its own");
        assertThat(book).doesNotExist();
    }

    @Test
    void standardInputIntoAFolderIsAUsageError() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));

        Cli.Result r = Cli.runWithInput(POST, "convert", "-", "-o", folder, "--to", "html");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("articlekit: error: standard input makes one document");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aFileNamedDashIsReadAsDotSlashDash() throws IOException {
        Files.writeString(dir.resolve("-"), POST);

        Cli.Result r = Cli.run("convert", "--from", "markdown", "-o", dir.resolve("dash.html"), "--",
                dir.resolve("-"));

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(dir.resolve("dash.html")).content().contains("<title>Piped post</title>");
    }
}
