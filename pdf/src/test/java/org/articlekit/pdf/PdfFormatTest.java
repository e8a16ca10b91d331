package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekit.ArticleFormatException;
import org.articlekit.pdf.internal.PdfFormat;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;

class PdfFormatTest {

    @Test
    void theServiceFileListsThePdfFormatAndTheRegistryFindsIt() throws IOException {
        // pdf has no module-info (openhtmltopdf has no stable module name): the service file is the only list
        List<String> services = Files.readAllLines(
                Path.of("src/main/resources/META-INF/services/org.articlekit.spi.ArticleFormat")).stream()
                .map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        assertThat(services).containsExactly(PdfFormat.class.getName());
        ArticleFormat pdf = FormatRegistry.defaults().byId("pdf");
        assertThat(pdf).isInstanceOf(PdfFormat.class);
        assertThat(FormatRegistry.defaults().forFileName("Book.PDF")).contains(pdf);
        assertThat(pdf.mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void sniffsThePdfSignature() {
        PdfFormat f = new PdfFormat();
        assertThat(f.sniff("%PDF-1.7\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(90);
        assertThat(f.sniff("\n\n%PDF-1.4".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(90);
        assertThat(f.sniff("<html>%PD".getBytes(StandardCharsets.ISO_8859_1))).isZero();
        assertThat(f.sniff(new byte[0])).isZero();
    }

    @Test
    void textNoFontCoversFailsListingTheCharacters() {
        PdfOptions noFonts = PdfOptions.builder().classpathFont(false).systemFonts(false).build();
        assertThatThrownBy(() -> PdfFixtures.write(PdfFixtures.chinese(), noFonts))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("--font");
    }

    @Test
    void aFontFileThatIsNotAFontFailsNamingIt(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.ttf"), "not a font");
        PdfOptions opts = PdfOptions.builder().font(new PdfOptions.FontFile(bad, null)).build();
        assertThatThrownBy(() -> PdfFixtures.write(PdfFixtures.english(1), opts))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("bad.ttf");
    }

    @Test
    void preparingToWriteWhileAnotherWriteRunsChangesNothing() throws Exception {
        ArticleFormat pdf = FormatRegistry.defaults().byId("pdf");
        pdf.prepareToWrite();
        pdf.prepareToWrite();
        byte[] first = PdfFixtures.write(PdfFixtures.chinese(), PdfOptions.defaults());
        pdf.prepareToWrite();
        byte[] second = PdfFixtures.write(PdfFixtures.chinese(), PdfOptions.defaults());
        assertThat(text(second)).isEqualTo(text(first)).contains("。");
    }

    private static String text(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument pd = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(pd);
        }
    }
}
