package org.articlekit.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextOptionsTest {

    @Test
    void defaultsTakeTheTitleWriteTheHeaderDoNotWrapAndFallBackToUtf8() {
        TextOptions d = TextOptions.defaults();

        assertThat(d.titleFromFirstLine()).isTrue();
        assertThat(d.metadataHeader()).isTrue();
        assertThat(d.lineWidth()).isZero();
        assertThat(d.fallbackCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(TextOptions.builder().build()).isEqualTo(d);
    }

    @Test
    void builderSetsEverySettingAndToBuilderKeepsThem() {
        TextOptions o = TextOptions.builder().titleFromFirstLine(false).metadataHeader(false).lineWidth(72)
                .fallbackCharset(Charset.forName("GB18030")).build();

        assertThat(o.titleFromFirstLine()).isFalse();
        assertThat(o.metadataHeader()).isFalse();
        assertThat(o.lineWidth()).isEqualTo(72);
        assertThat(o.fallbackCharset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o).isNotEqualTo(TextOptions.defaults());
    }

    @Test
    void acceptsNoWrappingAndTheWidthsAtTheEdgesOfTheRange() {
        assertThat(TextOptions.builder().lineWidth(0).build().lineWidth()).isZero();
        assertThat(TextOptions.builder().lineWidth(20).build().lineWidth()).isEqualTo(20);
        assertThat(TextOptions.builder().lineWidth(10_000).build().lineWidth()).isEqualTo(10_000);
    }

    @Test
    void rejectsALineWidthOutOfRangeNamingTheSettingAndTheValue() {
        for (int bad : new int[] {-1, 5, 19, 10_001}) {
            TextOptions.Builder b = TextOptions.builder().lineWidth(bad);
            assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lineWidth").hasMessageContaining(String.valueOf(bad));
        }
    }

    @Test
    void rejectsANullFallbackCharsetNamingTheParameter() {
        assertThatThrownBy(() -> TextOptions.builder().fallbackCharset(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("fallbackCharset");
    }
}
