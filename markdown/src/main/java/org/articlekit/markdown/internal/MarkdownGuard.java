package org.articlekit.markdown.internal;

import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;

/**
 * Checks a Markdown body before commonmark-java sees it, in one linear pass, because that parser
 * slows down quadratically on some inputs (cmark's pathological cases) and recurses on deep
 * nesting: a body over {@link #MAX_BODY_CHARS} is refused; a line that opens more block quotes and
 * list items than the nesting limit, or is indented deeper than four columns per level, is
 * refused; and a line longer than {@link #MAX_LINE_CHARS} outside code fences, not opening with an HTML
 * tag and holding more than {@link #MAX_MARKS} characters that make inline Markdown, becomes a paragraph of
 * plain text (an HTML block with its text escaped, and a warning), which the parser copies without
 * looking for Markdown in it.
 */
final class MarkdownGuard {

    /** The longest body read, in characters. */
    static final int MAX_BODY_CHARS = 4 << 20;

    /** Lines longer than this, with more than {@link #MAX_MARKS} Markdown marks, are plain text. */
    static final int MAX_LINE_CHARS = 16 * 1024;

    /** A long line with more marks than this is plain text. */
    static final int MAX_MARKS = 1_000;

    private MarkdownGuard() {
    }

    static String check(String body, int maxNesting, int firstLine, ConversionContext ctx)
            throws ArticleFormatException {
        if (body.length() > MAX_BODY_CHARS) {
            throw ctx.error(0, "the Markdown body has " + body.length() + " characters, over the limit of "
                    + MAX_BODY_CHARS, null);
        }
        StringBuilder out = null;
        int pos = 0;
        int line = firstLine;
        char fence = 0;
        int fenceLength = 0;
        int escaped = 0;
        while (pos <= body.length()) {
            int eol = body.indexOf('\n', pos);
            if (eol < 0) {
                eol = body.length();
            }
            int i = pos;
            int columns = 0;
            while (i < eol && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
                columns += body.charAt(i) == '\t' ? 4 : 1;
                i++;
            }
            int run = 0;
            while (i + run < eol && (body.charAt(i + run) == '`' || body.charAt(i + run) == '~')
                    && body.charAt(i + run) == body.charAt(i)) {
                run++;
            }
            boolean fenceLine = run >= 3 && columns < 4;
            if (fence != 0) {
                if (fenceLine && body.charAt(i) == fence && run >= fenceLength) {
                    fence = 0;
                }
            } else if (fenceLine) {
                fence = body.charAt(i);
                fenceLength = run;
            } else {
                if (columns > 4 * maxNesting || prefixDepth(body, i, eol) > maxNesting) {
                    throw ctx.error(line, "the Markdown is nested deeper than " + maxNesting
                            + " levels (block quotes or lists inside each other)", null);
                }
                if (eol - pos > MAX_LINE_CHARS && !htmlLine(body, i, eol) && marks(body, pos, eol) > MAX_MARKS) {
                    if (out == null) {
                        out = new StringBuilder(body.length() + 1024).append(body, 0, pos);
                    }
                    escapeLine(body, pos, eol, out);
                    escaped++;
                    if (escaped == 1) {
                        ctx.warn("markdown.long-line", line, "a line of " + (eol - pos)
                                + " characters was kept as a paragraph of plain text");
                    }
                    pos = eol + 1;
                    line++;
                    if (eol < body.length()) {
                        out.append('\n');
                    }
                    continue;
                }
            }
            if (out != null) {
                out.append(body, pos, Math.min(body.length(), eol + 1));
            }
            pos = eol + 1;
            line++;
        }
        return out == null ? body : out.toString();
    }

    /** Whether a line opens with an HTML tag, comment or declaration: an HTML block, not inline Markdown. */
    private static boolean htmlLine(String s, int i, int eol) {
        if (i + 1 >= eol || s.charAt(i) != '<') {
            return false;
        }
        int j = s.charAt(i + 1) == '/' ? i + 2 : i + 1;
        if (j >= eol) {
            return false;
        }
        char c = s.charAt(j);
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j == i + 1 && s.startsWith("<!--", i);
    }

    /** How many characters in the line could start or end inline Markdown. */
    private static int marks(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if ("*_[]!<>`()&~\\".indexOf(s.charAt(i)) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** How many block quote and list markers open the line (spaces between them allowed). */
    private static int prefixDepth(String s, int from, int to) {
        int depth = 0;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == '>') {
                depth++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < to
                    && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                depth++;
                i += 2;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < to && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j + 1 < to && (s.charAt(j) == '.' || s.charAt(j) == ')') && s.charAt(j + 1) == ' ') {
                    depth++;
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return depth;
    }

    private static void escapeLine(String s, int from, int to, StringBuilder out) {
        out.append("\n<p>");
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        out.append("</p>\n");
    }
}
