package org.articlekit.spi;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.articlekit.ArticleFormatException;
import org.articlekit.Limits;
import org.junit.jupiter.api.Test;

/** The time limit of a conversion, and of the parts of a long one. */
class ConversionContextTest {

    @Test
    void aCopiedContextKeepsTheDeadlineAndARestartedOneGetsTheLimitAgain() throws InterruptedException {
        ConversionContext ctx = ConversionContext.builder().sourceName("book.pdf")
                .limits(Limits.builder().timeout(Duration.ofMillis(1)).build()).build();
        Thread.sleep(20);
        assertThatThrownBy(ctx::checkDeadline).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("book.pdf").hasMessageContaining("longer than the limit");
        // a copy is the same conversion: still past its deadline, even with a longer limit
        ConversionContext copy = ctx.toBuilder().limits(Limits.builder().timeout(Duration.ofHours(1)).build()).build();
        assertThatThrownBy(copy::checkDeadline).isInstanceOf(ArticleFormatException.class);
        // a part of the work with a limit of its own starts counting when it is built
        ConversionContext part = ctx.toBuilder().limits(Limits.builder().timeout(Duration.ofHours(1)).build())
                .restartDeadline().build();
        assertThatCode(part::checkDeadline).doesNotThrowAnyException();
    }
}
