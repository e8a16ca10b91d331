package org.articlekit.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.articlekit.Article;
import org.articlekit.Book;
import org.articlekit.ArticleFormatException;
import org.articlekit.Converter;
import org.articlekit.epub.EpubOptions;
import org.articlekit.spi.BookWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.api.Timeout;

/**
 * The sanitiser property as a fuzz target: whatever comes in, read as an HTML page and read as a
 * Markdown post, no output format that carries markup lets a script, an event handler or a
 * {@code javascript:} ({@code vbscript:}, {@code data:text/html}) address through. Each output is
 * judged on a parsed document ({@link ActiveMarkup}), not on its raw text, where escaped markup is
 * legitimate: the HTML page as written (core); the Markdown as written (markdown), rendered by a
 * plain CommonMark renderer that passes raw HTML through, as a blog engine would (the front matter
 * aside, which an engine does not render as Markdown); and every XHTML,
 * navigation and package document inside the EPUB (epub). Reading may fail with an
 * {@link ArticleFormatException}; writing may not fail at all.
 *
 * <p>Seeds: {@code src/test/resources/org/articlekit/examples/fuzz/SanitizerPropertyFuzzTestInputs}.
 * Real fuzzing: {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -pl examples -am test
 * -Dtest=SanitizerPropertyFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SanitizerPropertyFuzzTest {

    private static final Converter CONVERTER = Converter.builder().build();
    private static final BookWriter EPUB = FormatRegistry.defaults().byId("epub").bookWriter().orElseThrow();
    private static final FormatOptions NO_COVER = FormatOptions.of(EpubOptions.builder().generateCover(false).build());
    private static final Parser COMMONMARK = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    @FuzzTest
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void noOutputFormatLetsActiveContentThrough(byte[] data) throws IOException {
        for (String input : new String[] {"html", "markdown"}) {
            Article article;
            try {
                // the reader itself: the converter would turn a runtime exception into a clean failure
                article = FormatRegistry.defaults().byId(input).reader().orElseThrow().read(new ByteArrayInputStream(data),
                        ConversionContext.builder().sourceName("fuzz." + input).build());
            } catch (ArticleFormatException e) {
                continue;
            }
            String html = CONVERTER.writeToString(article, "html");
            assertThat(ActiveMarkup.in(html)).as("%s → HTML %s", input, html).isEmpty();

            String markdown = CONVERTER.writeToString(article, "markdown");
            String rendered = RENDERER.render(COMMONMARK.parse(withoutFrontMatter(markdown)));
            assertThat(ActiveMarkup.in(rendered)).as("%s → Markdown %s rendered as %s", input, markdown, rendered)
                    .isEmpty();

            ByteArrayOutputStream epub = new ByteArrayOutputStream();
            // a context per conversion: its wall-clock deadline starts when it is built
            EPUB.writeBook(Book.builder().metadata(article.metadata()).article(article).build(), epub,
                    ConversionContext.builder().sourceName("fuzz.epub").options(NO_COVER).build());
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(epub.toByteArray()))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                    String name = e.getName();
                    if (name.endsWith(".xhtml") || name.endsWith(".opf") || name.endsWith(".ncx")) {
                        String xml = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                        assertThat(ActiveMarkup.in(xml)).as("%s → EPUB %s: %s", input, name, xml).isEmpty();
                    }
                }
            }
        }
    }

    /**
     * The body of a written post: a blog engine renders it and puts the front matter's values into
     * its own (escaping) template, so only the body reaches a Markdown renderer as Markdown.
     */
    private static String withoutFrontMatter(String markdown) {
        if (!markdown.startsWith("---\n")) {
            return markdown;
        }
        int end = markdown.indexOf("\n---\n", 3);
        return end < 0 ? markdown : markdown.substring(end + 5);
    }
}
