package org.articlekit.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FontChainTest {

    private static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/";

    @TempDir
    Path dir;

    @Test
    void ordersRegularTextFacesBeforeMathsSymbolAndStyledFaces() {
        List<Path> files = List.of(Path.of(DEJAVU + "DejaVuMathTeXGyre.ttf"), Path.of(DEJAVU + "DejaVuSans-Bold.ttf"),
                Path.of(DEJAVU + "DejaVuSans-ExtraLight.ttf"), Path.of(DEJAVU + "DejaVuSans.ttf"),
                Path.of(DEJAVU + "DejaVuSansMono.ttf"), Path.of(DEJAVU + "DejaVuSerif.ttf"),
                Path.of("/usr/share/fonts/truetype/ancient/Symbola.ttf"),
                Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
                Path.of("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf"),
                Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"));

        List<String> names = FontChain.byTextPreference(files).stream().map(p -> p.getFileName().toString()).toList();

        assertThat(names).startsWith("DejaVuSans.ttf", "LiberationSans-Regular.ttf", "DejaVuSerif.ttf",
                "wqy-microhei.ttc");
        assertThat(names.subList(names.size() - 3, names.size())).containsExactlyInAnyOrder("DejaVuMathTeXGyre.ttf",
                "Symbola.ttf", "NotoColorEmoji.ttf");
    }

    @Test
    void neverSetsLatinTextInAMathsFontWhenATextFaceIsInstalled() throws IOException {
        // Both files hold the same face; only their names differ, and a maths font sorts first by path.
        Path maths = copyOfNoto("DejaVuMathTeXGyre.ttf");
        Path text = copyOfNoto("DejaVuSans.ttf");
        PdfOptions options = PdfOptions.builder().classpathFont(false).build();

        FontChain.FontSet set = FontChain.select(options, "Plain Latin text, with digits 1234.", "t.pdf",
                () -> List.of(maths, text));

        assertThat(set.regular()).extracting(FontChain.LoadedFont::label).containsExactly(text.toString());
        assertThat(set.roles()).containsExactly("Latin, common punctuation and symbols");
    }

    @Test
    void turnsToASymbolFontOnlyForWhatNoTextFaceHas() throws IOException {
        Path symbols = copyOfNoto("Symbols.ttf");
        PdfOptions options = PdfOptions.builder().classpathFont(false).build();

        FontChain.FontSet set = FontChain.select(options, "Latin text", "t.pdf", () -> List.of(symbols));

        assertThat(set.regular()).extracting(FontChain.LoadedFont::label).containsExactly(symbols.toString());
    }

    @Test
    void putsTheBundledNotoSansScBeforeInstalledFonts() throws IOException {
        FontChain.FontSet set = FontChain.select(PdfOptions.defaults(), "Latin 和中文", "t.pdf", List::of);

        assertThat(set.regular().get(0).name()).isEqualTo("NotoSansSC-Regular");
        assertThat(set.roles().get(0)).isEqualTo("Han, Latin");
        assertThat(set.bold()).isNotNull();
    }

    @Test
    void reportsTheEmbeddedFontsAsAnInformationalDiagnosticEvenWhenStrict() throws IOException {
        Article a = Article.builder().metadata(Metadata.builder().title("Harbour 港口").language("en").build())
                .body(Body.fromHtml("<p>The ferry left at seven. 渡轮七点出发。</p>")).build();
        List<Diagnostic> warnings = new ArrayList<>();
        ConversionContext ctx = ConversionContext.builder().sourceName("t.pdf").strict(true)
                .options(FormatOptions.of(PdfOptions.defaults())).warnings(warnings::add).build();

        new PdfWriter().write(a, new ByteArrayOutputStream(), ctx);

        assertThat(warnings).extracting(Diagnostic::code).containsExactly("pdf.fonts");
        assertThat(warnings.get(0).message()).startsWith("the PDF embeds NotoSansSC-Regular (bundled, class path "
                + "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf) for Han, Latin").doesNotContain("Math");
    }

    @Test
    void typesetsAFootnoteBackReferenceWithTheBundledFontAlone() throws IOException {
        // ↩ is in no face of the font jar; a machine without installed fonts has nothing else.
        Article a = Article.builder().metadata(Metadata.builder().title("脚注").language("zh-CN").build())
                .body(Body.fromHtml("<p>正文<sup><a href=\"#fn1\" class=\"footnote-ref\">1</a></sup></p>"
                        + "<section class=\"footnotes\"><ol><li id=\"fn1\"><p>注释。<a href=\"#fnref1\" "
                        + "class=\"footnote-backref\">\u21A9\uFE0E</a></p></li></ol></section>"))
                .build();
        PdfOptions bundledOnly = PdfOptions.builder().systemFonts(false).build();
        ConversionContext ctx = ConversionContext.builder().sourceName("t.pdf")
                .options(FormatOptions.of(bundledOnly)).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new PdfWriter().write(a, out, ctx);

        try (org.apache.pdfbox.pdmodel.PDDocument pd = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pd)).contains("注释。\u2191")
                    .doesNotContain("\u21A9");
        }
    }

    private Path copyOfNoto(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = FontChainTest.class.getClassLoader()
                .getResourceAsStream("fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf")) {
            assertThat(in).as("the font jar on the test class path").isNotNull();
            Files.copy(in, file);
        }
        return file;
    }
}
