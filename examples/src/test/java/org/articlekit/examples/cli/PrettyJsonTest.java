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

/** The command line's JSON writer gives, byte for byte, what core's (internal) JSON writer gives for {@code info}. */
class PrettyJsonTest {

    @Test
    void writesWhatCoresJsonWriterWritesForEveryKindOfValue() {
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
        root.put("7", Map.of("k", Map.of("deeper", List.of(List.of()))));

        assertThat(PrettyJson.write(root)).isEqualTo(Json.writePretty(root, false));
        assertThat(PrettyJson.write(null)).isEqualTo(Json.writePretty(null, false));
        assertThat(PrettyJson.write("plain")).isEqualTo(Json.writePretty("plain", false));
    }
}
