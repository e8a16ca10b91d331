package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.articlekit.Book;
import org.junit.jupiter.api.Test;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

class PdfAConformanceTest {

    @Test
    void pdfaOutputPassesVeraPdfAsPdfA3uAndStillReadsBackExactly() throws Exception {
        byte[] pdf = PdfFixtures.write(PdfFixtures.book(), PdfOptions.builder().pdfa(true).build());
        VeraGreenfieldFoundryProvider.initialise();
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf),
                PDFAFlavour.PDFA_3_U);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_U, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            assertThat(failures).isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
        Book back = PdfFixtures.read(pdf, PdfOptions.defaults());
        assertThat(back).isEqualTo(PdfFixtures.book());
    }
}
