package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.Body;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.articlekit.spi.BodyTree;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes a normalised body as GitHub-flavoured Markdown, block by block: headings, paragraphs,
 * lists, quotes, code fences, rules, tables ({@link MarkdownTables}) and footnotes. What Markdown
 * cannot say exactly (definition lists, figures with captions, mixed loose and tight lists,
 * headings with line breaks…) is written as a raw HTML block, so nothing is lost. Lines are never
 * wrapped. Nesting deeper than {@link #MAX_DEPTH} is written as raw HTML too, which keeps this
 * writer's recursion shallow whatever the body (jsoup serialises HTML without recursion).
 */
final class MarkdownBlocks {

    /** Deeper block nesting than this is written as raw HTML. */
    static final int MAX_DEPTH = 32;

    private static final Pattern BLANK_LINE = Pattern.compile("\n(?=[ \t]*\n)");
    private static final Pattern LANGUAGE = Pattern.compile("language-([^\\s`]+)");

    final Set<Extension> extensions;
    final MarkdownInline inline;
    final boolean markdownFootnotes;
    private final Document.OutputSettings html;
    private String marker;
    private int markerAfter;

    private MarkdownBlocks(Set<Extension> extensions, boolean markdownFootnotes) {
        this.extensions = extensions;
        this.markdownFootnotes = markdownFootnotes;
        this.inline = new MarkdownInline(this);
        this.html = new Document.OutputSettings().prettyPrint(false).syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml).charset("UTF-8");
    }

    /**
     * @param body the normalised body
     * @param extensions the syntax the reader will understand
     * @return the Markdown, ending with a newline, or empty for an empty body
     */
    static String write(Body body, Set<Extension> extensions) {
        return write(body, extensions, null, 0);
    }

    /**
     * @param body the normalised body
     * @param extensions the syntax the reader will understand
     * @param marker a summary marker such as {@code <!-- more -->} to write after the first
     *     {@code markerAfter} top-level elements, or null for none
     * @param markerAfter how many top-level elements come before the marker
     * @return the Markdown, ending with a newline, or empty for an empty body
     */
    static String write(Body body, Set<Extension> extensions, String marker, int markerAfter) {
        return write(body, extensions, marker, markerAfter, List.of());
    }

    /**
     * As {@link #write(Body, Set, String, int)}, writing a link to the destination (and title) of
     * one of {@code definitions} as a reference link with its label, and the definitions after the
     * body, as the post had them.
     *
     * @param definitions the link reference definitions of the post the body was read from
     */
    static String write(Body body, Set<Extension> extensions, String marker, int markerAfter,
            List<Metadata.SourceLink> definitions) {
        return body.isEmpty() ? "" : write(body.document().body(), body.html(), extensions, marker, markerAfter,
                definitions);
    }

    /**
     * As {@link #write(Body, Set, String, int, List)}, from the body's tree, which the caller may
     * have changed in ways that keep it within the profile (an attribute left out).
     *
     * @param root the {@code body} element of the body's document
     * @param html the body's XHTML as it was read
     */
    static String write(Element root, String html, Set<Extension> extensions, String marker, int markerAfter,
            List<Metadata.SourceLink> definitions) {
        boolean footnotes = extensions.contains(Extension.FOOTNOTES)
                && (!html.contains("#fn") || MarkdownFootnotes.expressible(root));
        MarkdownBlocks w = new MarkdownBlocks(extensions, footnotes);
        w.marker = marker;
        w.markerAfter = markerAfter;
        List<Metadata.SourceLink> kept = w.inline.references(definitions);
        String md = w.container(root, 0);
        if (md.isEmpty()) {
            return "";
        }
        StringBuilder defs = new StringBuilder();
        for (Metadata.SourceLink d : kept) {
            defs.append('[').append(d.label()).append("]: ").append(MarkdownInline.destination(d.destination()));
            if (d.title() != null) {
                defs.append(" \"").append(MarkdownInline.title(d.title())).append('"');
            }
            defs.append('\n');
        }
        return defs.isEmpty() ? md + "\n" : md + "\n\n" + defs;
    }

    /** The children of a block container, as blocks separated by blank lines. */
    String container(Element el, int depth) {
        List<String> blocks = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        String previousList = null;
        int elements = 0;
        for (Node n : el.childNodes()) {
            if (n instanceof Element e && isBlock(e)) {
                flushInline(run, blocks, depth);
                String b = block(e, depth, previousList);
                previousList = e.tagName().equals("ul") || e.tagName().equals("ol") ? b : null;
                if (!b.isEmpty()) {
                    blocks.add(b);
                }
            } else {
                run.add(n);
            }
            if (depth == 0 && marker != null && n instanceof Element && ++elements == markerAfter) {
                flushInline(run, blocks, depth);
                blocks.add(marker);
                previousList = null;
            }
        }
        flushInline(run, blocks, depth);
        return String.join("\n\n", blocks);
    }

    private void flushInline(List<Node> run, List<String> blocks, int depth) {
        if (run.isEmpty()) {
            return;
        }
        boolean blank = run.stream().allMatch(n -> n instanceof TextNode t && t.isBlank());
        if (!blank) {
            String p = inline.paragraph(run);
            if (!p.isEmpty()) {
                blocks.add(p);
            }
        }
        run.clear();
    }

    static boolean isBlock(Element e) {
        return switch (e.tagName()) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote", "pre", "table", "figure",
                    "hr", "section", "li", "dt", "dd", "figcaption", "caption", "thead", "tbody", "tfoot", "tr" -> true;
            default -> false;
        };
    }

    /** One block element. {@code previousList} is the Markdown of a list just before it, if any. */
    private String block(Element e, int depth, String previousList) {
        if (depth >= MAX_DEPTH) {
            return rawHtml(e);
        }
        return switch (e.tagName()) {
            case "p" -> paragraph(e);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> heading(e);
            case "ul", "ol" -> MarkdownLists.list(this, e, depth, previousList);
            case "blockquote" -> quote(e, depth);
            case "pre" -> code(e);
            case "hr" -> "***";
            case "table" -> MarkdownTables.table(this, e);
            case "section" -> markdownFootnotes && e.hasClass("footnotes")
                    ? MarkdownFootnotes.definitions(this, e, depth) : rawHtml(e);
            case "figure" -> figure(e);
            default -> rawHtml(e);
        };
    }

    private String paragraph(Element p) {
        if (!p.attributes().isEmpty()) {
            return rawHtml(p);
        }
        String md = inline.paragraph(p.childNodes());
        // One tag alone would be an HTML block, not a paragraph.
        return MarkdownInline.isLoneTag(md) ? rawHtml(p) : md;
    }

    private String heading(Element e) {
        if (BodyTree.hasElement(e, "br") || e.wholeText().contains("\n") || !e.attributes().isEmpty()) {
            return rawHtml(e);
        }
        String text = inline.heading(e.childNodes());
        if (text.isEmpty()) {
            return rawHtml(e);
        }
        int level = e.tagName().charAt(1) - '0';
        return "#".repeat(level) + " " + text;
    }

    private String quote(Element e, int depth) {
        if (!e.attributes().isEmpty()) {
            return rawHtml(e);
        }
        String inner = container(e, depth + 1);
        return prefix(inner, "> ", ">");
    }

    /** Prefixes every line; empty lines get {@code empty} instead. */
    static String prefix(String text, String first, String empty) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(lines[i].isEmpty() ? empty : first + lines[i]);
        }
        return sb.toString();
    }

    private String code(Element pre) {
        Element code = pre.childNodeSize() == 1 && pre.childNode(0) instanceof Element c ? c : null;
        if (code != null && code.tagName().equals("code")
                && code.children().isEmpty() && pre.attributes().isEmpty()
                && code.attributes().asList().stream().allMatch(a -> a.getKey().equals("class"))) {
            String text = code.wholeText();
            String lang = "";
            Matcher m = LANGUAGE.matcher(code.className());
            if (m.find()) {
                lang = m.group(1);
            }
            // A carriage return would end the line in a fence (and a block quote's "> " prefix with it); raw HTML
            // keeps it as a character reference (found by MarkdownWriteFuzzTest).
            if (!code.className().isEmpty() && !code.className().equals("language-" + lang) || text.indexOf('\r') >= 0) {
                return rawHtml(pre);
            }
            if (!text.endsWith("\n")) {
                text = text + "\n";
            }
            char ch = lang.contains("`") ? '~' : '`';
            String fence = String.valueOf(ch).repeat(3);
            while (text.contains(fence)) {
                fence += ch;
            }
            return fence + lang + "\n" + text + fence;
        }
        return rawHtml(pre);
    }

    private String figure(Element fig) {
        if (fig.childrenSize() == 1 && fig.child(0).tagName().equals("img") && fig.attributes().isEmpty()
                && fig.childNodeSize() == 1) {
            return inline.paragraph(fig.childNodes());
        }
        return rawHtml(fig);
    }

    /** An element as a raw HTML block that a CommonMark parser passes through whole. */
    String rawHtml(Element e) {
        String sb = BodyTree.outerXhtml(e).orElseGet(() -> {
            Element copy = e.clone();
            Document holder = new Document("");
            holder.outputSettings(html);
            holder.appendChild(copy);
            return copy.outerHtml();
        });
        // A carriage return would end the Markdown line (and a block quote's "> " prefix with it) when read
        // back; as a character reference it stays the same character in the HTML (found by MarkdownWriteFuzzTest).
        String s = BLANK_LINE.matcher(sb).replaceAll("&#10;").replace("\r", "&#13;");
        // Indentation at the start of a line would count as nesting to the reader's guard (70 tabs in a code
        // element were refused; found by MarkdownWriteFuzzTest): as character references it is the same text.
        if (s.indexOf('\n') >= 0) {
            s = indentedLines(s);
        }
        if (s.startsWith("<pre")) {
            return s;
        }
        // A type-6 HTML block ends at the first blank line; there is none left, and it must not start indented.
        return s.strip();
    }

    /** Writes the spaces and tabs that begin each line after the first as character references. */
    private static String indentedLines(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean lineStart = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (lineStart && c == ' ') {
                out.append("&#32;");
            } else if (lineStart && c == '\t') {
                out.append("&#9;");
            } else {
                lineStart = c == '\n';
                out.append(c);
            }
        }
        return out.toString();
    }

    /** An inline element as inline HTML: start tag, Markdown content, end tag. */
    String inlineTagStart(Element e) {
        StringBuilder sb = new StringBuilder("<").append(e.tagName());
        e.attributes().forEach(a -> sb.append(' ').append(a.getKey()).append("=\"")
                .append(Entities.escape(a.getValue()).replace("\"", "&quot;")).append('"'));
        return sb.append('>').toString();
    }

    /** The serialisation settings of raw HTML. */
    Document.OutputSettings htmlSettings() {
        return html;
    }
}
