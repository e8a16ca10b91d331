package org.articlekit.markdown.internal;

import java.util.List;
import java.util.regex.Pattern;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes inline content as Markdown. Emphasis, strong and deleted text use {@code *}, {@code **}
 * and {@code ~~} only where a CommonMark parser will read the delimiters back (the flanking rules,
 * which matter next to Chinese punctuation: {@code **…方面。**上海} is not strong); elsewhere they
 * are written as inline HTML. Text is escaped so that it stays text, and the addresses that the
 * autolink extension would turn into links are kept as text.
 */
final class MarkdownInline {

    /** What would start Markdown (or a table cell, or a Hexo tag) in the text between raw HTML tags. */
    private static final String RAW_TEXT_ACTIVE = "\\`*_[]~!{}|";

    /** Deeper inline nesting than this is written as raw inline HTML. */
    private static final int MAX_DEPTH = 32;

    private static final Pattern BARE_URL = Pattern.compile(
            "https?://[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:[0-9]+)?(/[A-Za-z0-9./%=?#+-]*)?(?<=[A-Za-z0-9/])");
    private static final Pattern LINE_START = Pattern.compile("^([#>+=-]|\\d{1,9}[.)])");
    private static final Pattern ENTITY_LIKE = Pattern.compile("&(?=#?[A-Za-z0-9]+;)");
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|[ \t])(#+)$");
    private static final Pattern LONE_TAG = Pattern.compile("</?[A-Za-z][^<>]*>");
    private static final Pattern BLANK_LINES = Pattern.compile("\n[ \t]*(?=\n)");

    private final MarkdownBlocks blocks;

    /** The emphasis delimiters ({@code *}, {@code **}, {@code ~~}) open around the node being written. */
    private final java.util.Set<String> openDelimiters = new java.util.HashSet<>();

    /** Destination and title (or U+0001 for none), joined by U+0000, to the label a link to them is written with. */
    private final java.util.Map<String, String> references = new java.util.HashMap<>();

    MarkdownInline(MarkdownBlocks blocks) {
        this.blocks = blocks;
    }

    /** The characters around a stretch of inline Markdown: what a delimiter inside it would touch. */
    private record Edges(char before, char after) {
        static final Edges BLOCK = new Edges(' ', ' ');
    }

    /** A paragraph: inline Markdown, lines stripped and escaped where they would start a block. */
    String paragraph(List<Node> nodes) {
        StringBuilder sb = new StringBuilder(256);
        render(nodes, sb, Edges.BLOCK, 0, false);
        return lines(sb.toString());
    }

    /** A heading's text, on one line, with {@code #} escaped. */
    String heading(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        render(nodes, sb, Edges.BLOCK, 0, false);
        String text = lines(sb.toString()).replace("\n", " ");
        // A run of # at the end after a space would be read as the closing sequence.
        java.util.regex.Matcher m = CLOSING_HASHES.matcher(text);
        return m.find() ? text.substring(0, m.start(1)) + "\\" + text.substring(m.start(1)) : text;
    }

    /** A table cell's content: one line, {@code |} escaped. */
    String cell(List<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        render(nodes, sb, Edges.BLOCK, 0, true);
        return lines(sb.toString());
    }

    private static String lines(String md) {
        if (md.indexOf('\n') < 0 && !md.isEmpty() && !startsBlock(md.charAt(0)) && md.charAt(0) != ' '
                && md.charAt(0) != '\t' && md.charAt(md.length() - 1) != ' ' && md.charAt(md.length() - 1) != '\t'
                && md.charAt(md.length() - 1) != '\\' && md.charAt(0) != '<') {
            return md;
        }
        String s = md.indexOf('\n') < 0 ? md : BLANK_LINES.matcher(md).replaceAll("");
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (String line : s.split("\n", -1)) {
            String l = stripSpaces(line);
            if (l.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append('\n');
            }
            java.util.regex.Matcher m = startsBlock(l.charAt(0)) ? LINE_START.matcher(l) : null;
            if (m != null && m.find()) {
                int at = m.end() - 1;
                out.append(l, 0, at).append('\\').append(l.substring(at));
            } else {
                out.append(l);
            }
        }
        String r = out.toString();
        int nl = r.indexOf('\n');
        if (nl > 0 && isLoneTag(r.substring(0, nl))) {
            // A first line that is one tag alone would start an HTML block and swallow the paragraph.
            r = r.substring(0, nl) + " " + r.substring(nl + 1);
        }
        // A backslash at the very end of a paragraph is not a line break: it would show.
        return r.endsWith("\\") && !r.endsWith("\\\\") ? r.substring(0, r.length() - 1) + "<br />" : r;
    }

    static boolean isLoneTag(String md) {
        return md.startsWith("<") && md.endsWith(">") && LONE_TAG.matcher(md).matches();
    }

    /** Whether a line starting with this character may need an escape to stay paragraph text. */
    private static boolean startsBlock(char c) {
        return c == '#' || c == '>' || c == '+' || c == '=' || c == '-' || c >= '0' && c <= '9';
    }

    /** Strips spaces and tabs only, as CommonMark does; U+3000 and other spaces are text. */
    private static String stripSpaces(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == '\t')) {
            b++;
        }
        while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == '\t')) {
            e--;
        }
        return s.substring(b, e);
    }

    private void render(List<Node> nodes, StringBuilder out, Edges edges, int depth, boolean cell) {
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n instanceof TextNode t) {
                String text = t.getWholeText();
                if (i > 0 && nodes.get(i - 1) instanceof Element prev && prev.tagName().equals("br")
                        && text.startsWith("\n")) {
                    text = text.substring(1);
                }
                text(text, out, cell);
            } else if (n instanceof Element e) {
                char after = after(nodes, i, edges);
                char before = out.length() > 0 ? out.charAt(out.length() - 1) : edges.before();
                element(e, out, new Edges(before, after), depth, cell, i == nodes.size() - 1 || trailingBlank(nodes, i));
            }
        }
    }

    private static boolean trailingBlank(List<Node> nodes, int i) {
        for (int j = i + 1; j < nodes.size(); j++) {
            if (!(nodes.get(j) instanceof TextNode t) || !t.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** The first character the Markdown after node {@code i} will have. */
    private static char after(List<Node> nodes, int i, Edges edges) {
        for (int j = i + 1; j < nodes.size(); j++) {
            Node n = nodes.get(j);
            if (n instanceof TextNode t) {
                String s = t.getWholeText();
                if (!s.isEmpty()) {
                    return s.charAt(0);
                }
            } else if (n instanceof Element e) {
                return switch (e.tagName()) {
                    case "em", "strong", "del" -> '*';
                    case "a" -> '[';
                    default -> '<';
                };
            }
        }
        return edges.after();
    }

    private void element(Element e, StringBuilder out, Edges edges, int depth, boolean cell, boolean last) {
        if (depth >= MAX_DEPTH || MarkdownBlocks.isBlock(e)) {
            out.append(rawInline(e));
            return;
        }
        switch (e.tagName()) {
            case "em" -> emphasis(e, "*", out, edges, depth, cell);
            case "strong" -> emphasis(e, "**", out, edges, depth, cell);
            case "del" -> {
                if (blocks.extensions.contains(Extension.STRIKETHROUGH)) {
                    emphasis(e, "~~", out, edges, depth, cell);
                } else {
                    tag(e, out, depth, cell);
                }
            }
            case "code" -> code(e, out);
            case "a" -> link(e, out, depth, cell);
            case "img" -> image(e, out);
            case "br" -> out.append(cell || last ? "<br />" : "\\\n");
            case "sup" -> {
                String ref = blocks.markdownFootnotes ? MarkdownFootnotes.reference(e) : null;
                if (ref != null) {
                    out.append("[^").append(ref).append(']');
                } else {
                    tag(e, out, depth, cell);
                }
            }
            default -> tag(e, out, depth, cell);
        }
    }

    private void emphasis(Element e, String delimiter, StringBuilder out, Edges edges, int depth, boolean cell) {
        // Inside emphasis of the same kind, a delimiter run between letters could close the outer one instead
        // ("*ab*cd*" is read as *ab* then cd*; found by MarkdownWriteFuzzTest): the inner one is written as HTML.
        if (!e.attributes().isEmpty() || openDelimiters.contains(delimiter)) {
            tag(e, out, depth, cell);
            return;
        }
        StringBuilder inner = new StringBuilder();
        char open = delimiter.charAt(0);
        openDelimiters.add(delimiter);
        try {
            render(e.childNodes(), inner, new Edges(open, open), depth + 1, cell);
        } finally {
            openDelimiters.remove(delimiter);
        }
        if (inner.isEmpty()) {
            return;
        }
        if (delimitersHold(inner, edges)) {
            out.append(delimiter).append(inner).append(delimiter);
        } else {
            out.append('<').append(e.tagName()).append('>').append(inner).append("</").append(e.tagName()).append('>');
        }
    }

    /**
     * Whether {@code delimiter + inner + delimiter} between {@code edges} parses as emphasis: the
     * opening run must be left-flanking and the closing run right-flanking, and neither may touch
     * another delimiter run.
     */
    private static boolean delimitersHold(CharSequence inner, Edges edges) {
        int first = Character.codePointAt(inner, 0);
        int last = Character.codePointBefore(inner, inner.length());
        char before = edges.before();
        char after = edges.after();
        if (before == '*' || before == '~' || after == '*' || after == '~' || first == '*' || first == '~'
                || last == '*' || last == '~' || before == '\\') {
            return false;
        }
        if (whitespace(first) || whitespace(last)) {
            return false;
        }
        boolean opens = !punctuation(first) || whitespace(before) || punctuation(before);
        boolean closes = !punctuation(last) || whitespace(after) || punctuation(after);
        return opens && closes;
    }

    static boolean whitespace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
                || Character.getType(c) == Character.SPACE_SEPARATOR;
    }

    static boolean punctuation(int c) {
        if (c < 128) {
            return c > 32 && c < 127 && !Character.isLetterOrDigit(c);
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /** An inline element as HTML tags around Markdown content. */
    private void tag(Element e, StringBuilder out, int depth, boolean cell) {
        out.append(blocks.inlineTagStart(e));
        render(e.childNodes(), out, new Edges('>', '<'), depth + 1, cell);
        out.append("</").append(e.tagName()).append('>');
    }

    private void code(Element e, StringBuilder out) {
        String text = e.wholeText();
        // right after another code span the two backtick runs would merge into one (found by
        // MarkdownWriteFuzzTest), so that code element is written as HTML
        boolean afterBacktick = out.length() > 0 && out.charAt(out.length() - 1) == '`';
        if (!e.children().isEmpty() || !e.attributes().isEmpty() || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.isBlank() || afterBacktick) {
            out.append(rawInline(e));
            return;
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(1);
        while (text.contains(fence) && fence.length() <= longest) {
            fence += "`";
        }
        boolean pad = text.startsWith("`") || text.endsWith("`")
                || text.startsWith(" ") && text.endsWith(" ");
        out.append(fence).append(pad ? " " : "").append(text).append(pad ? " " : "").append(fence);
    }

    private void link(Element a, StringBuilder out, int depth, boolean cell) {
        boolean plain = onlyAttributes(a, "href", "title", "title");
        if (!plain || !a.hasAttr("href")) {
            tag(a, out, depth, cell);
            return;
        }
        if (bare(a, out)) {
            out.append(a.attr("href"));
            return;
        }
        // "!" right before the link would make it an image (found by MarkdownWriteFuzzTest)
        int bang = out.length() - 1;
        if (bang >= 0 && out.charAt(bang) == '!') {
            int slashes = 0;
            while (bang - 1 - slashes >= 0 && out.charAt(bang - 1 - slashes) == '\\') {
                slashes++;
            }
            if (slashes % 2 == 0) {
                out.insert(bang, '\\');
            }
        }
        out.append('[');
        int text = out.length();
        render(a.childNodes(), out, new Edges('[', ']'), depth + 1, cell);
        String label = references.get(a.attr("href") + '\u0000' + (a.hasAttr("title") ? a.attr("title") : "\u0001"));
        if (label != null) {
            if (!out.substring(text).equals(label)) {
                out.append("][").append(label).append(']');
            } else if (shortcutSafe(a)) {
                out.append(']');
            } else {
                out.append("][]");
            }
            return;
        }
        out.append("](").append(destination(a.attr("href")));
        if (a.hasAttr("title")) {
            out.append(" \"").append(title(a.attr("title"))).append('"');
        }
        out.append(')');
    }

    /**
     * Whether a reference link (or image) whose text is its label can be written as {@code [label]}: what
     * follows it does not start with {@code [}, {@code (} or {@code :}, which would make it part
     * of another link or a definition ({@code [label][]} then).
     */
    private static boolean shortcutSafe(Element e) {
        Node next = e.nextSibling();
        if (next == null) {
            return true;
        }
        if (next instanceof TextNode t) {
            String s = t.getWholeText();
            return !s.isEmpty() && "[(:".indexOf(s.charAt(0)) < 0;
        }
        return !(next instanceof Element n && n.nameIs("a"));
    }

    /**
     * Takes the link reference definitions a post had: links and images to their destinations are
     * written as references. Labels Markdown would read differently (brackets, backslashes, line breaks,
     * footnote carets) and later definitions of a label already defined are left out.
     *
     * @return the definitions to write after the body, in their order
     */
    List<Metadata.SourceLink> references(List<Metadata.SourceLink> definitions) {
        List<Metadata.SourceLink> kept = new java.util.ArrayList<>();
        java.util.Set<String> labels = new java.util.HashSet<>();
        for (Metadata.SourceLink d : definitions) {
            String label = d.label();
            String normal = label.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
            if (label.matches("(?s).*[\\[\\]\\\\\n\r].*") || label.startsWith("^") || label.length() > 999
                    || !labels.add(normal)) {
                continue;
            }
            kept.add(d);
            references.putIfAbsent(d.destination() + '\u0000' + (d.title() == null ? "\u0001" : d.title()), label);
        }
        return kept;
    }

    /**
     * Whether a link whose text is its own address can be written bare, as its author most likely
     * wrote it: the autolink extension is on, the address has only characters that Markdown leaves
     * alone and ends with a letter, digit or slash, and the text around it does not run into it.
     */
    private boolean bare(Element a, StringBuilder out) {
        String href = a.attr("href");
        if (!blocks.extensions.contains(Extension.AUTOLINK) || a.attributes().size() != 1
                || a.childNodeSize() != 1 || !(a.childNode(0) instanceof TextNode t)
                || !t.getWholeText().equals(href) || !BARE_URL.matcher(href).matches()) {
            return false;
        }
        if (!out.isEmpty()) {
            char before = out.charAt(out.length() - 1);
            if (before < 128 && !Character.isWhitespace(before) && "*_~(\"".indexOf(before) < 0) {
                return false;
            }
        }
        if (a.nextSibling() instanceof TextNode next && !next.getWholeText().isEmpty()) {
            String s = next.getWholeText();
            char c = s.charAt(0);
            boolean ends = Character.isWhitespace(c)
                    || ".,:;!?".indexOf(c) >= 0 && (s.length() == 1 || Character.isWhitespace(s.charAt(1)));
            return ends;
        }
        return a.nextSibling() == null;
    }

    /** Whether every attribute of {@code e} is one of the three named. */
    private static boolean onlyAttributes(Element e, String a, String b, String c) {
        for (org.jsoup.nodes.Attribute x : e.attributes()) {
            String k = x.getKey();
            if (!k.equals(a) && !k.equals(b) && !k.equals(c)) {
                return false;
            }
        }
        return true;
    }

    private void image(Element img, StringBuilder out) {
        boolean plain = onlyAttributes(img, "src", "alt", "title");
        String alt = img.attr("alt");
        if (!plain || alt.indexOf('\n') >= 0 || !alt.equals(alt.strip())) {
            out.append(rawInline(img));
            return;
        }
        StringBuilder a = new StringBuilder();
        text(alt, a, false);
        String label = references.get(img.attr("src") + '\u0000'
                + (img.hasAttr("title") ? img.attr("title") : "\u0001"));
        if (label != null) {
            // ![alt][ref], as a post that defines its pictures' addresses once writes them
            out.append("![").append(a).append(']');
            if (!a.toString().equals(label)) {
                out.append('[').append(label).append(']');
            } else if (!shortcutSafe(img)) {
                out.append("[]");
            }
            return;
        }
        out.append("![").append(a).append("](").append(destination(img.attr("src")));
        if (img.hasAttr("title")) {
            out.append(" \"").append(title(img.attr("title"))).append('"');
        }
        out.append(')');
    }

    static String destination(String href) {
        String d = ENTITY_LIKE.matcher(href.replace("\\", "\\\\")).replaceAll("\\\\&");
        boolean pointy = d.isEmpty();
        int balance = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            // commonmark-java ends a bare destination at DEL and C1 controls too (found by MarkdownWriteFuzzTest)
            if (c <= ' ' || c == '<' || c == '>' || c >= 0x7F && c <= 0x9F) {
                pointy = true;
            } else if (c == '(') {
                balance++;
            } else if (c == ')' && --balance < 0) {
                pointy = true;
            }
        }
        if (balance != 0) {
            pointy = true;
        }
        if (pointy) {
            return "<" + d.replace("<", "\\<").replace(">", "\\>").replace("\n", "%0A") + ">";
        }
        return d;
    }

    static String title(String t) {
        return ENTITY_LIKE.matcher(t.replace("\\", "\\\\").replace("\"", "\\\"")).replaceAll("\\\\&")
                .replace("\n", " ");
    }

    /**
     * Raw inline HTML on one line (line breaks as character references). CommonMark takes only the
     * tags as raw HTML and parses the text between them as Markdown, so the characters that would
     * start Markdown there are written as character references too.
     */
    private String rawInline(Element e) {
        Document holder = new Document("");
        holder.outputSettings(blocks.htmlSettings());
        Element copy = e.clone();
        holder.appendChild(copy);
        String html = copy.outerHtml();
        StringBuilder out = new StringBuilder(html.length() + 16);
        boolean inTag = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (!inTag && html.startsWith("<!--", i)) {
                int end = html.indexOf("-->", i + 4);
                end = end < 0 ? html.length() : end + 3;
                out.append(html, i, end);
                i = end - 1;
                continue;
            }
            if (c == '<') {
                inTag = true;
            } else if (c == '>') {
                inTag = false;
            }
            if (c == '\r' || c == '\n' || !inTag && c != '>' && RAW_TEXT_ACTIVE.indexOf(c) >= 0) {
                out.append("&#").append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes text so that a CommonMark parser gives it back as the same text. */
    private void text(String s, StringBuilder out, boolean cell) {
        boolean tables = blocks.extensions.contains(Extension.TABLES) || cell;
        boolean hexo = blocks.extensions.contains(Extension.HEXO_TAGS);
        boolean autolink = blocks.extensions.contains(Extension.AUTOLINK);
        int n = s.length();
        int run = 0; // start of the run of characters copied as they are
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '|', '~', '&', '%', '\n', '\r', '\t', ':', '@', '.' -> {
                    out.append(s, run, i);
                    run = i + 1;
                }
                default -> {
                    continue;
                }
            }
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<' -> out.append('\\').append(c);
                case '|' -> out.append(tables ? "\\|" : "|");
                case '~' -> out.append(i + 1 < n && s.charAt(i + 1) == '~' || i > 0 && s.charAt(i - 1) == '~'
                        ? "\\~" : "~");
                case '&' -> out.append(ENTITY_LIKE.matcher(s).region(i, n).lookingAt() ? "\\&" : "&");
                case '%' -> out.append(hexo && i > 0 && s.charAt(i - 1) == '{' ? "\\%" : "%");
                case '\n' -> out.append(cell ? " " : "\n");
                // a CR would end the Markdown line where no escaping expects it (found by
                // MarkdownWriteFuzzTest: "\r>" began a block quote); in HTML text it is white space
                case '\r' -> out.append(' ');
                case '\t' -> out.append(cell ? " " : "\t");
                case ':' -> {
                    out.append(':');
                    if (autolink && s.startsWith("//", i + 1) && i > 0 && Character.isLetter(s.charAt(i - 1))) {
                        out.append("<!-- -->");
                    }
                }
                case '@' -> {
                    out.append('@');
                    if (autolink && i > 0 && i + 1 < n && Character.isLetterOrDigit(s.charAt(i + 1))) {
                        out.append("<!-- -->");
                    }
                }
                case '.' -> {
                    if (autolink && i >= 3 && s.regionMatches(true, i - 3, "www", 0, 3)) {
                        out.append("<!-- -->");
                    }
                    out.append('.');
                }
                default -> throw new AssertionError(c);
            }
        }
        out.append(s, run, n);
    }

    static String escapeHtml(String s) {
        return Entities.escape(s);
    }
}
