package org.articlekit.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlekit.internal.json.Json.JsonException;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static final String ARTICLE_LD = """
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": "茶馆里的一个下午 — An afternoon in the tea house",
             "author": [{"@type": "Person", "name": "林小雨"}, {"@type": "Person", "name": "Ann Lee"}],
             "datePublished": "2024-03-05T08:30:00+08:00", "wordCount": 1234, "rating": 4.5,
             "isAccessibleForFree": true, "image": null}
            """;

    @Test
    void readsJsonLdWithItsTypesAndOrder() throws JsonException {
        Map<?, ?> m = (Map<?, ?>) Json.parse(ARTICLE_LD);
        assertThat(new ArrayList<Object>(m.keySet())).containsExactly("@context", "@type", "headline", "author", "datePublished",
                "wordCount", "rating", "isAccessibleForFree", "image");
        assertThat(m.get("headline")).isEqualTo("茶馆里的一个下午 — An afternoon in the tea house");
        assertThat(((Map<?, ?>) ((List<?>) m.get("author")).get(0)).get("name")).isEqualTo("林小雨");
        assertThat(m.get("wordCount")).isEqualTo(1234L);
        assertThat(m.get("rating")).isEqualTo(4.5);
        assertThat(m.get("isAccessibleForFree")).isEqualTo(true);
        assertThat(m.containsKey("image")).isTrue();
        assertThat(m.get("image")).isNull();
    }

    @Test
    void whatItWritesReadsBackEqual() throws JsonException {
        Object v = Json.parse(ARTICLE_LD);
        assertThat(Json.parse(Json.write(v))).isEqualTo(v);
        assertThat(Json.parse(Json.writePretty(v))).isEqualTo(v);
        assertThat(Json.parse(Json.writePretty(v, false))).isEqualTo(v);
    }

    @Test
    void prettyLayoutIsTwoSpacesWithEmptyContainersClosed() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "你好");
        m.put("tags", List.of("a", "b"));
        m.put("none", List.of());
        m.put("empty", Map.of());
        assertThat(Json.writePretty(m)).isEqualTo("""
                {
                  "title": "你好",
                  "tags": [
                    "a",
                    "b"
                  ],
                  "none": [],
                  "empty": {}
                }""");
        assertThat(Json.write(m)).isEqualTo("{\"title\":\"你好\",\"tags\":[\"a\",\"b\"],\"none\":[],\"empty\":{}}");
    }

    @Test
    void htmlSafeOutputCannotCloseAScriptElement() throws JsonException {
        String hostile = "</script><script>alert(1)</script> & \u2028\u2029";
        String safe = Json.writePretty(Map.of("headline", hostile));
        assertThat(safe).doesNotContain("<").doesNotContain(">").doesNotContain("&")
                .contains("\\u003c/script\\u003e").contains("\\u2028\\u2029");
        assertThat(((Map<?, ?>) Json.parse(safe)).get("headline")).isEqualTo(hostile);
        assertThat(Json.writePretty(Map.of("q", "a<b & c>d"), false)).contains("\"a<b & c>d\"");
    }

    @Test
    void controlCharactersAreEscapedOnWriteAndAcceptedRawOnRead() throws JsonException {
        String text = "line\none\ttab\u0000nul\u001besc \"quoted\" back\\slash";
        String out = Json.write(text);
        assertThat(out.chars().noneMatch(c -> c < 0x20)).isTrue();
        assertThat(Json.parse(out)).isEqualTo(text);
        // hand-made JSON-LD often has a raw line break inside a string
        assertThat(Json.parse("{\"d\": \"first\nsecond\"}")).isEqualTo(Map.of("d", "first\nsecond"));
    }

    @Test
    void numbersKeepTheirExactValue() throws JsonException {
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Json.parse("-12")).isEqualTo(-12L);
        assertThat(Json.parse("0.1")).isEqualTo(0.1);
        assertThat(Json.parse("0.10000000000000000001")).isEqualTo(new BigDecimal("0.10000000000000000001"));
        assertThat(Json.parse("1e400")).isEqualTo(new BigDecimal("1e400"));
        assertThat(Json.parse("007")).isEqualTo(7L);
        String big = "9".repeat(900);
        assertThat(Json.parse(big)).isEqualTo(new BigInteger(big));
        assertThat(Json.write(List.of(1L, new BigInteger(big), 2.5, new BigDecimal("1E+3"), Double.NaN)))
                .isEqualTo("[1," + big + ",2.5,1E+3,null]");
    }

    @Test
    void hostileNumbersFailCleanlyWithAPlace() {
        assertThatThrownBy(() -> Json.parse("[" + "7".repeat(5_000) + "]"))
                .isInstanceOf(JsonException.class).hasMessageContaining("at character");
        assertThatThrownBy(() -> Json.parse("[1e99999999999]"))
                .isInstanceOf(JsonException.class).hasMessageContaining("bad number at character 1");
        assertThatThrownBy(() -> Json.parse("[NaN]")).isInstanceOf(JsonException.class);
    }

    @Test
    void nestingIsCappedAtMaxDepth() throws JsonException {
        String ok = "[".repeat(Json.MAX_DEPTH) + "1" + "]".repeat(Json.MAX_DEPTH);
        Object v = Json.parse(ok);
        for (int i = 0; i < Json.MAX_DEPTH; i++) {
            v = ((List<?>) v).get(0);
        }
        assertThat(v).isEqualTo(1L);
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(JsonException.class)
                .hasMessage("nesting deeper than " + Json.MAX_DEPTH + " at character " + Json.MAX_DEPTH);
        String hostile = "{\"a\":".repeat(100_000);
        assertThatThrownBy(() -> Json.parse(hostile)).isInstanceOf(JsonException.class)
                .hasMessageContaining("nesting deeper than " + Json.MAX_DEPTH);
    }

    @Test
    void aDuplicateKeyKeepsItsFirstPlaceAndLastValue() throws JsonException {
        Map<?, ?> m = (Map<?, ?>) Json.parse("{\"name\": \"甲\", \"id\": 1, \"name\": \"乙\"}");
        assertThat(new ArrayList<Object>(m.keySet())).containsExactly("name", "id");
        assertThat(m.get("name")).isEqualTo("乙");
    }

    @Test
    void loneSurrogatesPassThroughBothWays() throws JsonException {
        assertThat(Json.parse("\"a\\ud800b\"")).isEqualTo("a\ud800b");
        assertThat(Json.parse("\"\\udc00\\ud83d\\ude00\"")).isEqualTo("\udc00\ud83d\ude00");
        String lone = "x\udfffy";
        assertThat(Json.parse(Json.write(lone))).isEqualTo(lone);
        assertThat(Json.parse(Json.write("😀"))).isEqualTo("😀");
    }

    @Test
    void errorsNameTheCharacter() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1} x")).isInstanceOf(JsonException.class)
                .hasMessageEndingWith("at character 9");
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).isInstanceOf(JsonException.class)
                .hasMessageEndingWith("at character 5");
        assertThatThrownBy(() -> Json.parse("\"never closed")).isInstanceOf(JsonException.class)
                .hasMessageContaining("at character");
        assertThatThrownBy(() -> Json.parse("   ")).isInstanceOf(JsonException.class)
                .hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> Json.parse("[1,]")).isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":\"\\x\"}")).isInstanceOf(JsonException.class);
    }

    @Test
    void aByteOrderMarkBeforeTheValueIsSkipped() throws JsonException {
        assertThat(Json.parse("\uFEFF{\"k\": [true, false]}")).isEqualTo(Map.of("k", List.of(true, false)));
        assertThatThrownBy(() -> Json.parse("\uFEFF{\"k\" true}")).hasMessageEndingWith("at character 6");
    }

    @Test
    void otherObjectsAreWrittenAsTheirText() {
        List<Object> l = new ArrayList<>();
        l.add(java.time.LocalDate.of(2024, 3, 5));
        l.add(null);
        l.add(3);
        assertThat(Json.write(l)).isEqualTo("[\"2024-03-05\",null,3]");
    }
}
