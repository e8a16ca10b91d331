package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A blank HTML or text file is an empty article with one {@code input.empty} warning naming the
 * file, or an error in strict mode, as a blank Markdown post is (issue #18).
 */
class EmptyInputTest {

    /**
     * Format id, file name, and the bytes in hexadecimal: none, white space, a UTF-8 byte order mark
     * alone or with a line end, a UTF-16 one.
     */
    private static final String BLANK_FILES = """
            html | page.html  | ''
            html | page.html  | 20200a0d0a09
            html | page.html  | efbbbf
            html | page.html  | efbbbf0a
            html | page.html  | fffe
            txt  | notes.txt  | ''
            txt  | notes.txt  | 20200a0d0a09
            txt  | notes.txt  | efbbbf
            txt  | notes.txt  | efbbbf0a
            txt  | notes.txt  | fffe
            """;

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', textBlock = BLANK_FILES)
    void aBlankFileIsAnEmptyArticleWithOneWarningNamingTheFile(String format, String name, String hex)
            throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        ConversionContext ctx = ConversionContext.builder().sourceName(name).warnings(warnings::add).build();

        Article a = read(format, hex, ctx);

        assertThat(a).isEqualTo(Article.builder().build());
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).code()).isEqualTo("input.empty");
        assertThat(warnings.get(0).toString()).isEqualTo(name + ": the document is empty");
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource(delimiter = '|', textBlock = BLANK_FILES)
    void inStrictModeABlankFileIsAnErrorNamingTheFile(String format, String name, String hex) {
        ConversionContext ctx = ConversionContext.builder().sourceName(name).strict(true).build();

        assertThatThrownBy(() -> read(format, hex, ctx)).isInstanceOf(ArticleFormatException.class)
                .hasMessage(name + ": the document is empty (strict mode)");
    }

    private static Article read(String format, String hex, ConversionContext ctx) throws IOException {
        byte[] data = HexFormat.of().parseHex(hex);
        return FormatRegistry.defaults().byId(format).reader().orElseThrow().read(new ByteArrayInputStream(data), ctx);
    }
}
