package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.articlekit.Book;
import org.articlekit.pdf.internal.VeraPdf;
import org.junit.jupiter.api.Test;

class PdfAConformanceTest {

    @Test
    void pdfaOutputPassesVeraPdfAsPdfA3uAndStillReadsBackExactly() throws Exception {
        byte[] pdf = PdfFixtures.write(PdfFixtures.book(), PdfOptions.builder().pdfa(true).build());
        VeraPdf.assertPdfA3u(pdf);
        Book back = PdfFixtures.read(pdf, PdfOptions.defaults());
        assertThat(back).isEqualTo(PdfFixtures.book());
    }
}
