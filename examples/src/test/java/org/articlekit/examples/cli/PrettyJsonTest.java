package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlekit.internal.json.Json;
import org.junit.jupiter.api.Test;

/** What the command line prints as JSON: valid, every value kept, laid out as {@code info --help} shows. */
class PrettyJsonTest {

    @Test
    void everyKindOfValueReadsBackTheSame() throws Exception {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("empty map", Map.of());
        inner.put("empty list", List.of());
        inner.put("numbers", List.of(1, 2L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("1.50"), 2.5, Double.NaN, Double.POSITIVE_INFINITY));
        inner.put("flags", List.of(true, false));
        inner.put("uri", URI.create("https://example.org/?a=1&b=%3C2%3E"));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "html");
        root.put("nothing", null);
        root.put("text", "quote \" backslash \\ tab \t cr \r lf \n nul \u0000 esc \u001b sep \u2028\u2029 "
                + "html <b>&amp;</b> 中文 \ud83d\ude00");
        root.put("nested", List.of(inner, new ArrayList<>(Arrays.asList("a", null))));
        root.put("other", new StringBuilder("toString"));

        Object back = Json.parse(PrettyJson.write(root));
        Object backLine = Json.parse(PrettyJson.line(root));

        Map<String, Object> expectedInner = new LinkedHashMap<>(inner);
        expectedInner.put("numbers", Arrays.asList(1L, 2L, new BigInteger("123456789012345678901234567890"),
                new BigDecimal("1.50"), 2.5, null, null));
        expectedInner.put("uri", "https://example.org/?a=1&b=%3C2%3E");
        Map<String, Object> expected = new LinkedHashMap<>(root);
        expected.put("nested", List.of(expectedInner, Arrays.asList("a", null)));
        expected.put("other", "toString");
        assertThat(back).isEqualTo(expected);
        assertThat(backLine).isEqualTo(expected);
        assertThat(PrettyJson.line(root)).doesNotContain("\n");
        assertThat(PrettyJson.write(root)).contains("html <b>&amp;</b> 中文");
    }

    @Test
    void indentsTwoSpacesALevelWithEmptyContainersClosed() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "markdown");
        root.put("articles", List.of(Map.of("title", "春节"), List.of()));
        root.put("warnings", Map.of());

        assertThat(PrettyJson.write(root)).isEqualTo("""
                {
                  "format": "markdown",
                  "articles": [
                    {
                      "title": "春节"
                    },
                    []
                  ],
                  "warnings": {}
                }""");
        assertThat(PrettyJson.line(root))
                .isEqualTo("{\"format\":\"markdown\",\"articles\":[{\"title\":\"春节\"},[]],\"warnings\":{}}");
        assertThat(PrettyJson.write(null)).isEqualTo("null");
    }
}
