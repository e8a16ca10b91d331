package org.articlekit.markdown.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for reading Markdown: any bytes as a post (front matter, Hexo tags, the nesting
 * guard, commonmark-java, the normaliser). Either an article comes out (what its body may hold is
 * checked by SanitizerPropertyFuzzTest) or an {@link ArticleFormatException}; anything else is a finding.
 *
 * <p>Seeds: {@code src/test/resources/org/articlekit/markdown/fuzz/MarkdownReadFuzzTestInputs}.
 * Real fuzzing: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -pl markdown -am test
 * -Dtest=MarkdownReadFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MarkdownReadFuzzTest {

    private static final ArticleReader READER = FormatRegistry.defaults().byId("markdown").reader().orElseThrow();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBytesReadAsMarkdownGiveAnArticleOrFailCleanly(byte[] data) throws IOException {
        ConversionContext ctx = ConversionContext.builder().sourceName("fuzz.md").build();
        try {
            Article article = READER.read(new ByteArrayInputStream(data), ctx);
            assertThat(article.body().html()).isNotNull();
        } catch (ArticleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.md");
        }
    }
}
