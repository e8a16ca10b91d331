package org.articlekit.pdf.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.articlekit.Book;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the PDF reader: any bytes as a PDF (PDFBox behind our guard: worker thread,
 * deadline, page and memory limits, the text and metadata mapping, the source attachment). Either
 * an article or an {@link ArticleFormatException}; anything else is a
 * finding.
 *
 * <p>Seeds: {@code src/test/resources/org/articlekit/pdf/fuzz/PdfReadFuzzTestInputs} (small PDFs
 * written by hand). Real fuzzing: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -pl pdf -am test
 * -Dtest=PdfReadFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PdfReadFuzzTest {

    /** The reader itself, not the converter, whose safety net would turn a runtime exception into a clean failure. */
    private static final BookReader READER = FormatRegistry.defaults().byId("pdf").bookReader().orElseThrow();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBytesReadAsPdfGiveAnArticleOrFailCleanly(byte[] data) throws IOException {
        try {
            Book book = READER.readBook(new ByteArrayInputStream(data),
                    ConversionContext.builder().sourceName("fuzz.pdf").build());
            assertThat(book.articles()).allSatisfy(a -> assertThat(a.body().html()).isNotNull());
        } catch (ArticleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.pdf");
        }
    }
}
