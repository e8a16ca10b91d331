package org.articlekit.markdown.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.Metadata;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for writing Markdown: any HTML fragment, normalised into a body, is written as
 * Markdown (the first line of the input is also the title) and read back. Writing and reading back
 * must not throw, the visible text must survive (compared without white space).
 *
 * <p>Seeds: {@code src/test/resources/org/articlekit/markdown/fuzz/MarkdownWriteFuzzTestInputs}.
 * Real fuzzing: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -pl markdown -am test
 * -Dtest=MarkdownWriteFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MarkdownWriteFuzzTest {

    private static final ArticleFormat MARKDOWN = FormatRegistry.defaults().byId("markdown");

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyNormalisedBodyWritesAsMarkdownAndReadsBackWithItsText(byte[] data) throws IOException {
        String input = new String(data, StandardCharsets.UTF_8);
        int nl = input.indexOf('\n');
        String title = nl < 0 ? "" : input.substring(0, nl);
        Body body;
        try {
            body = Body.fromHtml(nl < 0 ? input : input.substring(nl + 1));
        } catch (ArticleFormatException e) {
            return; // nested too deep: the normaliser's own clean rejection
        }
        Metadata.Builder metadata = Metadata.builder();
        if (!title.isBlank()) {
            metadata.title(title);
        }
        Article article = Article.builder().metadata(metadata.build()).body(body).build();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MARKDOWN.writer().orElseThrow().write(article, out, ConversionContext.builder().sourceName("fuzz.md").build());
        String markdown = out.toString(StandardCharsets.UTF_8);
        Article back = MARKDOWN.reader().orElseThrow().read(new ByteArrayInputStream(out.toByteArray()),
                ConversionContext.builder().sourceName("fuzz.md").build());

        assertThat(squeeze(back.body().text())).as(markdown).isEqualTo(squeeze(body.text()));
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
