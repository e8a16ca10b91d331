package org.articlekit.markdown.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Measures how deeply front matter nests before a recursive parser (SnakeYAML's composer, tomlj's
 * ANTLR parser) sees it, so that hostile nesting is refused instead of overflowing the stack. The
 * scan is linear and errs on the side of counting too deep only for input no blog engine writes.
 */
final class NestingScan {

    private NestingScan() {
    }

    /**
     * @param text YAML
     * @param max the deepest nesting allowed
     * @return the 1-based line where block indentation plus flow brackets first go deeper than
     *     {@code max}, or 0 when they never do
     */
    /** Whether position {@code j} of the line starting at {@code lineStart} is where a YAML node may begin. */
    private static boolean startsNode(String text, int lineStart, int j) {
        int k = j - 1;
        while (k >= lineStart && text.charAt(k) == ' ') {
            k--;
        }
        // An indicator counts only with a space after it: "-{" and "a:{" are plain text.
        return k < lineStart || k < j - 1 && ":-?".indexOf(text.charAt(k)) >= 0;
    }

    static int yamlTooDeepLine(String text, int max) {
        Deque<Integer> indents = new ArrayDeque<>();
        int flow = 0;
        int line = 1;
        int pos = 0;
        while (pos <= text.length()) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = text.length();
            }
            int i = pos;
            while (i < eol && text.charAt(i) == ' ') {
                i++;
            }
            boolean content = i < eol && text.charAt(i) != '#';
            if (content && flow == 0) {
                int indent = i - pos;
                while (!indents.isEmpty() && indents.peek() >= indent) {
                    indents.pop();
                }
                indents.push(indent);
                // "- - - x" nests one level per dash.
                while (i + 1 < eol && text.charAt(i) == '-' && text.charAt(i + 1) == ' ') {
                    i += 2;
                    while (i < eol && text.charAt(i) == ' ') {
                        i++;
                    }
                    indents.push(i - pos);
                }
            }
            char quote = 0;
            for (int j = i; j < eol; j++) {
                char c = text.charAt(j);
                if (quote != 0) {
                    // escapes: \" in double quotes, '' in single quotes (found by MarkdownWriteFuzzTest)
                    if (c == '\\' && quote == '"' || c == '\'' && quote == '\'' && j + 1 < eol
                            && text.charAt(j + 1) == '\'') {
                        j++;
                    } else if (c == quote) {
                        quote = 0;
                    }
                } else if ((c == '"' || c == '\'') && (j == pos || " [{,:-".indexOf(text.charAt(j - 1)) >= 0)) {
                    quote = c;
                } else if (c == '#' && j > pos && text.charAt(j - 1) == ' ') {
                    break;
                } else if ((c == '[' || c == '{') && (flow > 0 || startsNode(text, pos, j))) {
                    // outside a flow collection a bracket opens one only where a node starts; in a
                    // plain scalar ("title: ;{{") it is text (found by MarkdownWriteFuzzTest)
                    flow++;
                } else if ((c == ']' || c == '}') && flow > 0) {
                    flow--;
                }
                if (indents.size() + flow > max) {
                    return line;
                }
            }
            if (indents.size() + flow > max) {
                return line;
            }
            pos = eol + 1;
            line++;
        }
        return 0;
    }

    /**
     * @param text TOML
     * @param max the deepest nesting of arrays and inline tables allowed
     * @return the 1-based line where brackets first go deeper than {@code max}, or 0
     */
    static int tomlTooDeepLine(String text, int max) {
        int depth = 0;
        int line = 1;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                if (quote != 0 && !text.startsWith("\"\"\"", i) && !text.startsWith("'''", i)) {
                    // Single-line strings end at the line end; multi-line ones are rare in front matter.
                    quote = 0;
                }
                continue;
            }
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#') {
                int eol = text.indexOf('\n', i);
                i = (eol < 0 ? text.length() : eol) - 1;
            } else if (c == '[' || c == '{') {
                if (++depth > max) {
                    return line;
                }
            } else if ((c == ']' || c == '}') && depth > 0) {
                depth--;
            }
        }
        return 0;
    }
}
