package org.articlekit.markdown.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;

/** The Markdown format ({@code markdown}): blog posts with front matter, read and written. */
public final class MarkdownFormat implements ArticleFormat {

    private static final MarkdownReader READER = new MarkdownReader();
    private static final MarkdownWriter WRITER = new MarkdownWriter();

    private static final Pattern YAML_START = Pattern.compile("\\A\\s*---[ \\t]*\\n[\\s\\S]*?^[\\w\"'-]+\\s*:",
            Pattern.MULTILINE);
    private static final Pattern TOML_START = Pattern.compile("\\A\\s*\\+\\+\\+[ \\t]*\\n[\\s\\S]*?^[\\w\"'.-]+\\s*=",
            Pattern.MULTILINE);
    private static final Pattern HEXO_START = Pattern.compile("\\A(\\w+:[^\\n]*\\n)+[\\s\\S]*?^---[ \\t]*$",
            Pattern.MULTILINE);
    private static final Pattern SIGNALS = Pattern.compile("^(#{1,6} |```|~~~|[-*+] |\\d+\\. |> )|\\]\\(|\\*\\*",
            Pattern.MULTILINE);

    @Override
    public String id() {
        return "markdown";
    }

    @Override
    public String mediaType() {
        return "text/markdown";
    }

    @Override
    public List<String> extensions() {
        return List.of("md", "markdown");
    }

    /**
     * 70 for YAML or TOML front matter, 50 for Hexo's front matter without an opening fence, 20
     * for text with Markdown marks (headings, lists, fences, links, bold), 0 otherwise.
     */
    @Override
    public int sniff(byte[] head) {
        String s = new String(head, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        s = s.replace("\r\n", "\n");
        if (YAML_START.matcher(s).lookingAt() || TOML_START.matcher(s).lookingAt()) {
            return 70;
        }
        if (HEXO_START.matcher(s).lookingAt()) {
            return 50;
        }
        if (s.stripLeading().startsWith("<")) {
            return 0;
        }
        return SIGNALS.matcher(s).find() ? 20 : 0;
    }

    @Override
    public Optional<ArticleReader> reader() {
        return Optional.of(READER);
    }

    @Override
    public Optional<ArticleWriter> writer() {
        return Optional.of(WRITER);
    }
}
