package org.articlekit.markdown.internal;

/**
 * A post split in two: its front matter's text and syntax, and its Markdown body, with the lines
 * where each starts so that errors and warnings name the line of the file.
 *
 * @param syntax the front matter's syntax, or {@code null} when the post has none
 * @param text the front matter between its fences (for JSON, the whole object)
 * @param firstLine the 1-based line of the file where {@code text} starts
 * @param body the Markdown after the front matter
 * @param bodyLine the 1-based line of the file where {@code body} starts
 */
record FrontMatterBlock(FrontMatterSyntax syntax, String text, int firstLine, String body, int bodyLine) {
}
