package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    @Test
    void collidingNamesGetNumberedSuffixesIgnoringCase() {
        OutputNames names = new OutputNames();

        assertThat(names.reserve("post", "md")).isEqualTo("post.md");
        assertThat(names.reserve("post", "md")).isEqualTo("post-2.md");
        assertThat(names.reserve("POST", "md")).isEqualTo("POST-3.md");
        assertThat(names.reserve("other", "md")).isEqualTo("other.md");
    }

    @Test
    void baseNameDropsTheLastExtensionAndControlCharacters() {
        assertThat(OutputNames.baseName("a.b.html")).isEqualTo("a.b");
        assertThat(OutputNames.baseName("-x.html")).isEqualTo("-x");
        assertThat(OutputNames.baseName("evil\u202Egnp.html")).isEqualTo("evil_gnp");
        assertThat(OutputNames.baseName(".html")).isEqualTo(".html");
        assertThat(OutputNames.baseName("")).isEqualTo("article");
    }

    @Test
    void longNamesAreCutAtACharacterBoundaryToFitTheFileSystem() {
        String longName = "文".repeat(84); // 252 bytes in UTF-8

        String name = new OutputNames().reserve(longName, "html");

        assertThat(name).endsWith(".html").startsWith("文文");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(OutputNames.MAX_NAME_BYTES);
    }
}
