package org.articlekit.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.junit.jupiter.api.Test;

class MarkdownOptionsTest {

    @Test
    void defaultsAreYamlHexoAndEveryExtension() {
        MarkdownOptions d = MarkdownOptions.defaults();
        assertThat(d.frontMatter()).isEqualTo(MarkdownOptions.FrontMatter.YAML);
        assertThat(d.dialect()).isEqualTo(MarkdownOptions.Dialect.HEXO);
        assertThat(d.extensions()).isEqualTo(Extension.BLOG).containsAll(Extension.GFM);
        assertThat(d.siteZone()).isEmpty();
        assertThat(d.maxNesting()).isEqualTo(MarkdownOptions.DEFAULT_MAX_NESTING);
    }

    @Test
    void presetsAreSetsOfExtensions() {
        assertThat(Extension.COMMONMARK).isEmpty();
        assertThat(Extension.GFM).containsExactlyInAnyOrder(Extension.TABLES, Extension.STRIKETHROUGH,
                Extension.AUTOLINK, Extension.TASK_LISTS);
        assertThat(MarkdownOptions.builder().extensions(Extension.GFM).build().extensions()).isEqualTo(Extension.GFM);
    }

    @Test
    void badValuesFailInBuildNamingTheSetting() {
        assertThatThrownBy(() -> MarkdownOptions.builder().maxNesting(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNesting").hasMessageContaining("2");
        assertThatThrownBy(() -> MarkdownOptions.builder().maxFrontMatterBytes(10).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFrontMatterBytes");
    }

    @Test
    void aBuilderFromOptionsGivesEqualOptions() {
        MarkdownOptions o = MarkdownOptions.builder().frontMatter(MarkdownOptions.FrontMatter.TOML)
                .dialect(MarkdownOptions.Dialect.HUGO).siteZone(ZoneId.of("Asia/Shanghai")).build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o).isNotEqualTo(MarkdownOptions.defaults());
    }
}
