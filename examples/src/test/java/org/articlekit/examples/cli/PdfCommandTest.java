package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF flags and paths of the command line, end to end. */
class PdfCommandTest {

    @TempDir
    Path dir;

    @Test
    void convertsAPostToAnA5PdfThatInfoDescribes() throws IOException {
        Path post = Files.writeString(dir.resolve("post.html"), Cli.page("江边的早晨", "2024-05-01T07:00:00+08:00",
                "<h1>江边的早晨</h1><p>江面上的雾慢慢散开，渡船的汽笛响了两声。</p>").replace("lang=\"en\"", "lang=\"zh-CN\""));
        Path pdf = dir.resolve("post.pdf");

        Cli.Result r = Cli.run("convert", post, "-o", pdf, "--page-size", "A5", "--pdfa");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("ignored");
        try (PDDocument pd = Loader.loadPDF(pdf.toFile())) {
            PDRectangle box = pd.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(PDRectangle.A5.getWidth(), org.assertj.core.data.Offset.offset(1f));
            assertThat(pd.getDocumentInformation().getTitle()).isEqualTo("江边的早晨");
        }
        Cli.Result info = Cli.run("info", pdf, "--json");
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out()).contains("\"format\"").contains("pdf").contains("江边的早晨").contains("zh-CN");
    }

    @Test
    void debugNamesTheFontsAPdfEmbedsAndWithoutItNothingIsSaid() throws IOException {
        Path post = Files.writeString(dir.resolve("post.html"), Cli.page("Harbour 港口", "2024-05-01",
                "<h1>Harbour 港口</h1><p>The ferry left at seven. 渡轮七点出发。</p>"));

        Cli.Result quiet = Cli.run("convert", post, "-o", dir.resolve("plain.pdf"), "--strict");
        Cli.Result debug = Cli.run("convert", post, "-o", dir.resolve("debug.pdf"), "--debug");

        assertThat(quiet.status()).as(quiet.err()).isZero();
        assertThat(quiet.err()).doesNotContain("embeds", "debug");
        assertThat(debug.status()).as(debug.err()).isZero();
        assertThat(debug.err()).contains("articlekit: debug: ", "the PDF embeds NotoSansSC-Regular (bundled, class path "
                + "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf) for Han, Latin").doesNotContain("warning", "Math");
    }

    @Test
    void aFolderBecomesABookPdfThatSplitsBackIntoItsArticles() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("posts"));
        Cli.writePage(posts.resolve("b.html"), "Second walk", "2024-02-02");
        Cli.writePage(posts.resolve("a.html"), "First walk", "2024-02-01");
        Path book = dir.resolve("book.pdf");

        Cli.Result r = Cli.run("convert", posts, "-o", book, "--title", "Walks");

        assertThat(r.status()).as(r.err()).isZero();
        Cli.Result info = Cli.run("info", book, "--json");
        assertThat(info.status()).as(info.err()).isZero();
        assertThat(info.out().indexOf("First walk")).isPositive().isLessThan(info.out().indexOf("Second walk"));

        Path out = Files.createDirectories(dir.resolve("split"));
        Cli.Result split = Cli.run("convert", book, "-o", out, "--to", "html");
        assertThat(split.status()).as(split.err()).isZero();
        assertThat(Cli.files(out)).hasSize(2);
        assertThat(Files.readString(Cli.files(out).get(0))).containsAnyOf("First walk", "Second walk");

        // A name without an extension that does not exist yet is a folder to split into, as for an EPUB.
        Path fresh = dir.resolve("walks");
        Cli.Result intoNew = Cli.run("convert", book, "-o", fresh, "--to", "markdown");
        assertThat(intoNew.status()).as(intoNew.err()).isZero();
        assertThat(fresh).isDirectory();
        assertThat(Cli.files(fresh)).hasSize(2);
    }

    @Test
    void aPasswordProtectedPdfNeedsThePasswordFlag() throws IOException {
        Path locked = dir.resolve("locked.pdf");
        try (PDDocument pd = new PDDocument()) {
            PDPage page = new PDPage();
            pd.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(pd, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Secret minutes of the harbour committee.");
                cs.endText();
            }
            pd.protect(new StandardProtectionPolicy("owner", "pw", new AccessPermission()));
            pd.save(locked.toFile());
        }
        Path out = dir.resolve("out.txt");

        Cli.Result refused = Cli.run("convert", locked, "-o", out);
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.errLines()).singleElement().asString()
                .matches("^articlekit: error: .*locked\\.pdf: .*password-protected.*");
        assertThat(out).doesNotExist();

        Cli.Result opened = Cli.run("convert", locked, "-o", out, "--password", "pw");
        assertThat(opened.status()).as(opened.err()).isZero();
        assertThat(Files.readString(out)).contains("Secret minutes of the harbour committee.");
    }

    @Test
    void aFontFileThatCannotBeReadFailsWithoutOutput() throws IOException {
        Path post = Files.writeString(dir.resolve("p.html"), Cli.page("P", "2024-01-01", "<p>" + "A paragraph of "
                + "ordinary prose, long enough to read as an article rather than a fragment of a page. ".repeat(4)
                + "</p>"));
        Path pdf = dir.resolve("p.pdf");

        Cli.Result r = Cli.run("convert", post, "-o", pdf, "--font", dir.resolve("missing.ttf").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).singleElement().asString().contains("missing.ttf");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void theTimeLimitIsAPositiveNumberOfSeconds() throws IOException {
        Path post = Files.writeString(dir.resolve("post.html"), Cli.page("渡船", "2024-05-01",
                "<h1>渡船</h1><p>汽笛响了两声。</p>"));

        Cli.Result zero = Cli.run("convert", post, "-o", dir.resolve("zero.pdf"), "--time-limit", "0");
        Cli.Result ample = Cli.run("convert", post, "-o", dir.resolve("ample.pdf"), "--time-limit", "600");

        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.err()).contains("--time-limit must be 1 second or more, not 0");
        assertThat(dir.resolve("zero.pdf")).doesNotExist();
        assertThat(ample.status()).as(ample.err()).isZero();
        assertThat(dir.resolve("ample.pdf")).isNotEmptyFile();
    }
}
