package org.articlekit.markdown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bodies are parsed on the caller's thread: few Markdown marks between blank lines. */
class MarkdownBodyTest {

    @Test
    void marksAreCountedBetweenBlankLines() {
        String run = "*a* [b](c) `d`\n" + "_e_ ~~f~~\n";
        assertThat(MarkdownBody.fewMarks(run, 14)).isTrue();
        assertThat(MarkdownBody.fewMarks(run, 13)).isFalse();
        assertThat(MarkdownBody.fewMarks(run + "\n" + run + " \t\n" + run, 14)).isTrue();
        assertThat(MarkdownBody.fewMarks(run + run, 14)).as("no blank line between").isFalse();
        assertThat(MarkdownBody.fewMarks("长段落文字 plain words, no marks at all。\n".repeat(1_000), 0)).isTrue();
    }
}
