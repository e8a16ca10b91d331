package org.articlekit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.articlekit.ActiveContent;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;

/**
 * Fuzz targets for reading HTML (decoding, metadata, extraction, the normaliser) and writing HTML
 * and text. In {@code mvn verify} they run in regression mode over the committed seeds in
 * {@code src/test/resources/org/articlekit/fuzz/HtmlFuzzTestInputs}; {@code JAZZER_FUZZ=1 mvn -pl core
 * test -Dtest=HtmlFuzzTest} fuzzes for real.
 */
class HtmlFuzzTest {

    private static final Converter CONVERTER = Converter.builder().build();
    private static final ArticleReader READER = FormatRegistry.defaults().byId("html").reader().orElseThrow();

    @FuzzTest
    void readingAnyBytesAsHtmlEitherFailsCleanlyOrGivesSafeOutput(byte[] data) throws IOException {
        Article article;
        try {
            // the reader itself: the converter's safety net would turn a runtime exception into a clean failure
            article = READER.read(new ByteArrayInputStream(data), ConversionContext.builder().sourceName("fuzz.html").build());
        } catch (ArticleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.html");
            return;
        }
        for (String format : new String[] {"html", "txt"}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CONVERTER.write(article, out, format);
            String written = out.toString(StandardCharsets.UTF_8);
            if (format.equals("html")) {
                assertThat(ActiveContent.find(written)).as(written).isEmpty();
            }
        }
        assertThat(ActiveContent.find(article.body().html())).as(article.body().html()).isEmpty();
    }
}
