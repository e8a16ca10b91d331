package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Hostile PDFs generated here (RELIABILITY rows 16–18): each ends in a typed error or a best-effort read. */
@Tag("resilience")
class PdfResilienceTest {

    private static final Duration GUARD = Duration.ofSeconds(30);

    /** Writes a PDF with the given objects (1-based) and a correct cross-reference table. */
    static byte[] pdf(String trailerExtra, byte[]... objects) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write("%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1));
        long[] offsets = new long[objects.length];
        for (int i = 0; i < objects.length; i++) {
            offsets[i] = out.size();
            out.write(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(objects[i]);
            out.write("\nendobj\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        long xref = out.size();
        StringBuilder sb = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (long o : offsets) {
            sb.append(String.format("%010d 00000 n \n", o));
        }
        sb.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R ").append(trailerExtra)
                .append(" >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void readsOrFailsTyped(byte[] pdf) {
        assertTimeoutPreemptively(GUARD, () -> {
            try {
                Book b = PdfFixtures.read(pdf, PdfOptions.defaults());
                assertThat(b).isNotNull();
            } catch (ArticleFormatException e) {
                assertThat(e.getMessage()).startsWith("test.pdf");
            }
        });
    }

    @Test
    void deeplyNestedArraysFailWithATypedError() throws IOException {
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        byte[] pdf = pdf("", ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Junk " + deep + " >>"));
        readsOrFailsTyped(pdf);
    }

    @Test
    void aPageTreeThatContainsItselfEnds() throws IOException {
        byte[] pdf = pdf("", ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"));
        readsOrFailsTyped(pdf);
    }

    @Test
    void aCrossReferenceChainThatLoopsEnds() throws IOException {
        byte[] base = pdf("", ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"));
        String text = new String(base, StandardCharsets.ISO_8859_1);
        int xref = text.lastIndexOf("xref\n0 ");
        byte[] pdf = ascii(text.replace("/Root 1 0 R ", "/Root 1 0 R /Prev " + xref + " "));
        readsOrFailsTyped(pdf);
    }

    @Test
    void aFlateBombInAContentStreamFailsOrReadsWithinMemory() throws IOException {
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (DeflaterOutputStream d = new DeflaterOutputStream(z, new Deflater(9))) {
            byte[] zeros = new byte[1 << 20];
            Arrays.fill(zeros, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                d.write(zeros);
            }
        }
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.write(ascii("<< /Length " + z.size() + " /Filter /FlateDecode >>\nstream\n"));
        stream.write(z.toByteArray());
        stream.write(ascii("\nendstream"));
        byte[] pdf = pdf("", ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
                ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>"),
                stream.toByteArray());
        readsOrFailsTyped(pdf);
    }

    @Test
    void aTruncatedPdfOfOursReadsOrFailsTyped() throws IOException {
        byte[] whole = PdfFixtures.write(PdfFixtures.english(1), PdfOptions.defaults());
        readsOrFailsTyped(Arrays.copyOf(whole, whole.length / 2));
        readsOrFailsTyped(Arrays.copyOf(whole, 40));
    }

    @Test
    void aPageCountOverTheLimitFailsNamingTheLimit() throws IOException {
        byte[] pdf = PdfReaderTest.foreignBook("", "");
        assertThatThrownBy(() -> FormatRead.read(pdf, PdfOptions.builder().maxPages(1).build()))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("maxPages");
    }

    /** Reads with given options. */
    static final class FormatRead {
        static Book read(byte[] pdf, PdfOptions options) throws IOException {
            return PdfFixtures.read(pdf, options);
        }
    }

    /** Row 16: a content stream whose /Length is far too large, too small, or an indirect reference to itself. */
    @Test
    void lyingAndSelfReferencingStreamLengthsEnd() throws IOException {
        String content = "BT /F1 12 Tf 20 100 Td (lying length) Tj ET";
        String page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
                + " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>";
        for (String length : new String[] {"99999999", "3", "-5", "4 0 R"}) {
            byte[] pdf = pdf("", ascii("<< /Type /Catalog /Pages 2 0 R >>"),
                    ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"), ascii(page),
                    ascii("<< /Length " + length + " >>\nstream\n" + content + "\nendstream"));
            readsOrFailsTyped(pdf);
        }
    }

    /**
     * Row 20: one 200,000-character word (Latin, then CJK) is broken by force; writing ends and the
     * text survives.
     */
    @Test
    void aTwoHundredThousandCharacterWordIsWrittenAndReadBack() {
        assertTimeoutPreemptively(GUARD, () -> {
            String word = "a".repeat(100_000) + "字".repeat(100_000);
            org.articlekit.Article a = org.articlekit.Article.builder()
                    .metadata(org.articlekit.Metadata.builder().title("Long word").build())
                    .body(org.articlekit.Body.fromHtml("<p>" + word + "</p>")).build();
            byte[] pdf = PdfFixtures.write(a, PdfOptions.defaults());
            try (org.apache.pdfbox.pdmodel.PDDocument pd = org.apache.pdfbox.Loader.loadPDF(pdf)) {
                // running headers and page numbers aside
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pd).replaceAll("[^a字]", "");
                assertThat(text).isEqualTo(word);
            }
        });
    }
}
