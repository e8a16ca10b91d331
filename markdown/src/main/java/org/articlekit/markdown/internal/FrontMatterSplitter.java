package org.articlekit.markdown.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;

/**
 * Finds the front matter at the start of a post: YAML between {@code ---} lines (after blank
 * lines, with trailing spaces on the fences), Hexo's YAML with only a closing {@code ---}, TOML
 * between {@code +++}, a JSON object, or Hexo's JSON members ending at {@code ;;;}.
 */
final class FrontMatterSplitter {

    private static final Pattern YAML_FENCE = Pattern.compile("---[ \t]*");
    private static final Pattern YAML_END = Pattern.compile("(---|\\.\\.\\.)[ \t]*");
    private static final Pattern TOML_FENCE = Pattern.compile("\\+\\+\\+[ \t]*");
    private static final Pattern JSON_END = Pattern.compile(";;;[ \t]*");
    private static final Pattern YAML_KEY_LINE = Pattern.compile("[A-Za-z_][\\w-]*[ \t]*:([ \t].*)?");

    private FrontMatterSplitter() {
    }

    /**
     * @param text the post with {@code \n} line ends and no byte-order mark
     * @param maxBytes the largest front matter
     * @param ctx for errors
     * @return the split post
     * @throws ArticleFormatException when front matter is not closed or is too large
     */
    static FrontMatterBlock split(String text, int maxBytes, ConversionContext ctx) throws ArticleFormatException {
        int pos = 0;
        int line = 1;
        // Leading blank lines.
        while (pos < text.length()) {
            int end = lineEnd(text, pos);
            if (!text.substring(pos, end).isBlank()) {
                break;
            }
            pos = Math.min(text.length(), end + 1);
            line++;
        }
        if (pos >= text.length()) {
            return new FrontMatterBlock(FrontMatterSyntax.NONE, "", 1, text, 1);
        }
        String first = text.substring(pos, lineEnd(text, pos));
        if (YAML_FENCE.matcher(first).matches()) {
            return fenced(text, pos, line, YAML_END, FrontMatterSyntax.YAML, "---", maxBytes, ctx);
        }
        if (TOML_FENCE.matcher(first).matches()) {
            return fenced(text, pos, line, TOML_FENCE, FrontMatterSyntax.TOML, "+++", maxBytes, ctx);
        }
        if (first.startsWith("{") || first.startsWith("\"")) {
            FrontMatterBlock hexo = closedBy(text, pos, line, JSON_END, FrontMatterSyntax.JSON, maxBytes);
            if (hexo != null) {
                return hexo;
            }
            if (first.startsWith("{")) {
                int end = JsonValues.objectEnd(text, pos, pos + maxBytes);
                if (end > 0) {
                    check(text.substring(pos, end), maxBytes, line, ctx);
                    int bodyLine = line + count(text, pos, end);
                    int bodyStart = end;
                    // The rest of the closing brace's line belongs to neither part.
                    int eol = lineEnd(text, end);
                    if (text.substring(end, eol).isBlank()) {
                        bodyStart = Math.min(text.length(), eol + 1);
                        bodyLine++;
                    }
                    return new FrontMatterBlock(FrontMatterSyntax.JSON, text.substring(pos, end), line,
                            text.substring(bodyStart), bodyLine);
                }
            }
            return none(text);
        }
        if (YAML_KEY_LINE.matcher(first).matches()) {
            FrontMatterBlock hexo = closedBy(text, pos, line, YAML_FENCE, FrontMatterSyntax.YAML, maxBytes);
            if (hexo != null && looksLikeYaml(hexo.text())) {
                return hexo;
            }
        }
        return none(text);
    }

    private static FrontMatterBlock none(String text) {
        return new FrontMatterBlock(FrontMatterSyntax.NONE, "", 1, text, 1);
    }

    /** Front matter opened by a fence on line {@code line} and closed by {@code end}. */
    private static FrontMatterBlock fenced(String text, int pos, int line, Pattern end, FrontMatterSyntax syntax,
            String fence, int maxBytes, ConversionContext ctx) throws ArticleFormatException {
        int start = Math.min(text.length(), lineEnd(text, pos) + 1);
        FrontMatterBlock b = closedBy(text, start, line + 1, end, syntax, Integer.MAX_VALUE);
        if (b == null) {
            throw ctx.error(line, "front matter opened by '" + fence + "' is never closed by a '" + fence + "' line",
                    null);
        }
        check(b.text(), maxBytes, line, ctx);
        return b;
    }

    /** The text from {@code start} up to a line matching {@code end}, or null when there is none nearby. */
    private static FrontMatterBlock closedBy(String text, int start, int line, Pattern end, FrontMatterSyntax syntax,
            int maxBytes) {
        int pos = start;
        int l = line;
        long limit = maxBytes == Integer.MAX_VALUE ? Long.MAX_VALUE : (long) start + maxBytes * 4L;
        while (pos < text.length() && pos <= limit) {
            int eol = lineEnd(text, pos);
            if (end.matcher(text.substring(pos, eol)).matches()) {
                int bodyStart = Math.min(text.length(), eol + 1);
                return new FrontMatterBlock(syntax, text.substring(start, pos), line, text.substring(bodyStart), l + 1);
            }
            pos = eol + 1;
            l++;
        }
        return null;
    }

    /** Hexo's fence-less front matter: every line a key, an indented continuation, a list item or a comment. */
    private static boolean looksLikeYaml(String text) {
        for (String l : text.split("\n", -1)) {
            if (l.isBlank() || l.startsWith(" ") || l.startsWith("\t") || l.startsWith("- ") || l.equals("-")
                    || l.startsWith("#") || YAML_KEY_LINE.matcher(l).matches()) {
                continue;
            }
            return false;
        }
        return true;
    }

    private static void check(String frontMatter, int maxBytes, int line, ConversionContext ctx)
            throws ArticleFormatException {
        if (frontMatter.length() > maxBytes || frontMatter.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw ctx.error(line, "front matter is larger than the limit of " + maxBytes + " bytes", null);
        }
    }

    static int lineEnd(String text, int pos) {
        int i = text.indexOf('\n', pos);
        return i < 0 ? text.length() : i;
    }

    private static int count(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
