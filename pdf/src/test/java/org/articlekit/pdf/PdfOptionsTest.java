package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PdfOptionsTest {

    @Test
    void defaultsAreA4WithTwentyMillimetreMarginsAndTheSourceAttached() {
        PdfOptions d = PdfOptions.defaults();
        assertThat(d.pageSize()).isEqualTo(PdfOptions.PageSize.A4);
        assertThat(d.marginMm()).isEqualTo(20);
        assertThat(d.embedSource()).isTrue();
        assertThat(d.pdfa()).isFalse();
        assertThat(d.password()).isEmpty();
        assertThat(d.toBuilder().build()).isEqualTo(d);
    }

    @Test
    void badValuesFailInBuildNamingTheSetting() {
        assertThatThrownBy(() -> PdfOptions.builder().marginMm(1).build()).hasMessageContaining("marginMm");
        assertThatThrownBy(() -> PdfOptions.builder().maxPages(0).build()).hasMessageContaining("maxPages");
        assertThatThrownBy(() -> PdfOptions.PageSize.parse("B5")).hasMessageContaining("A4, A5, Letter");
    }

    @Test
    void parsesPageSizesAndFontSpecifications() {
        assertThat(PdfOptions.PageSize.parse("letter")).isEqualTo(PdfOptions.PageSize.LETTER);
        assertThat(PdfOptions.FontFile.parse("/f/wqy.ttc#WenQuanYiZenHei"))
                .isEqualTo(new PdfOptions.FontFile(Path.of("/f/wqy.ttc"), "WenQuanYiZenHei"));
        assertThat(PdfOptions.FontFile.parse("a.ttf").postScriptName()).isNull();
    }

    @Test
    void thePasswordIsNotShownByToString() {
        assertThat(PdfOptions.builder().password("hunter2").build().toString()).doesNotContain("hunter2");
    }
}
