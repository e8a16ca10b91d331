package org.articlekit.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.articlekit.ArticleFormatException;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ConversionContext;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the front matter: splitting a post into front matter and body, parsing the
 * YAML, TOML or JSON, and mapping the values to {@link org.articlekit.Metadata}. The first byte
 * picks the path: 0 the whole post through the splitter, 1 YAML, 2 TOML, 3 JSON straight to the
 * parser; the rest is the text. Anything but an {@link ArticleFormatException} is a finding.
 *
 * <p>{@code mvn verify} replays the seeds in {@code src/test/resources/.../FrontMatterFuzzTestInputs};
 * {@code JAZZER_FUZZ=1 JAZZER_MAX_DURATION=10m mvn -B -pl markdown -am test -Dtest=FrontMatterFuzzTest
 * -Dsurefire.failIfNoSpecifiedTests=false} fuzzes for real.
 */
class FrontMatterFuzzTest {

    private static final int MAX_FRONT_MATTER = MarkdownOptions.defaults().maxFrontMatterBytes();

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void frontMatterEitherMapsToMetadataOrFailsCleanly(byte[] data) {
        if (data.length == 0) {
            return;
        }
        String text = new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
        ConversionContext ctx = ConversionContext.builder().sourceName("fuzz.md").build();
        try {
            FrontMatterValues values = switch (data[0] & 3) {
                case 0 -> {
                    FrontMatterBlock block = FrontMatterSplitter.split(text, MAX_FRONT_MATTER, ctx);
                    assertThat(block.body()).isNotNull();
                    yield switch (block.syntax()) {
                        case NONE -> new FrontMatterValues();
                        case YAML -> YamlFrontMatter.read(block.text(), block.firstLine(), ctx);
                        case TOML -> TomlFrontMatter.read(block.text(), block.firstLine(), ctx);
                        case JSON -> JsonFrontMatter.read(block.text(), block.firstLine(), ctx);
                    };
                }
                case 1 -> YamlFrontMatter.read(text, 2, ctx);
                case 2 -> TomlFrontMatter.read(text, 2, ctx);
                default -> JsonFrontMatter.read(text, 2, ctx);
            };
            assertThat(MetadataMapping.map(values, org.articlekit.markdown.MarkdownOptions.Dialect.values()[Math.floorMod(data.length, 3)], (data[0] & 4) == 0 ? null : ZoneOffset.ofHours(8), ctx)).isNotNull();
        } catch (ArticleFormatException e) {
            assertThat(e.getMessage()).startsWith("fuzz.md");
        }
    }
}
