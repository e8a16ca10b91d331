package org.articlekit.epub.fuzz;

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
 * Fuzz target for the EPUB reader: any bytes as an EPUB book (the ZIP reader, container, OPF, spine,
 * chapters). Either an article or an {@link ArticleFormatException};
 * anything else is a finding.
 *
 * <p>Seeds: {@code src/test/resources/org/articlekit/epub/fuzz/EpubReadFuzzTestInputs} (small
 * EPUBs made by hand). Real fuzzing: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -pl epub -am
 * test -Dtest=EpubReadFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EpubReadFuzzTest {

    /** The reader itself, not the converter, whose safety net would turn a runtime exception into a clean failure. */
    private static final BookReader READER = FormatRegistry.defaults().byId("epub").bookReader().orElseThrow();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBytesReadAsEpubGiveAnArticleOrFailCleanly(byte[] data) throws IOException {
        try {
            Book book = READER.readBook(new ByteArrayInputStream(data),
                    ConversionContext.builder().sourceName("fuzz.epub").build());
            assertThat(book.articles()).allSatisfy(a -> assertThat(a.body().html()).isNotNull());
        } catch (ArticleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.epub");
        }
    }
}
