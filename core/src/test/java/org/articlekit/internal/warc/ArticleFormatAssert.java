package org.articlekit.internal.warc;

import static org.assertj.core.api.Assertions.assertThat;

import org.articlekit.spi.FormatRegistry;

/** Checks which format a file name names. */
final class ArticleFormatAssert {

    private ArticleFormatAssert() {
    }

    static void named(FormatRegistry registry, String fileName, String id) {
        assertThat(registry.forFileName(fileName)).as(fileName).hasValueSatisfying(f -> assertThat(f.id()).isEqualTo(id));
    }
}
