package org.articlekit.markdown.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.spi.BodyTree;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Settles the white space of a post's body that no browser shows and Markdown cannot write: raw
 * HTML in a post ({@code <div>\n  text\n</div>}) keeps spaces around line breaks and at the edges
 * of blocks, which a Markdown paragraph always drops. Outside {@code pre} and {@code code}, a run
 * of white space holding a line break becomes that line break, and a block's text loses the white
 * space at its start and end. The page looks the same, and the body a post gives is the body its
 * Markdown round trip gives.
 */
final class MarkdownSpace {

    private static final Set<String> TEXT_BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
            "dt", "dd", "figcaption", "caption");
    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
            "dt", "dd", "figcaption", "caption", "ul", "ol", "dl", "blockquote", "pre", "table", "thead", "tbody",
            "tfoot", "tr", "figure", "hr", "div", "section");
    private static final Pattern SPACE_WITH_BREAK = Pattern.compile("[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*");

    private MarkdownSpace() {
    }

    /** The body with its invisible white space settled; the same body when it has none to settle. */
    static Body settle(Body body, ConversionContext ctx) throws ArticleFormatException {
        if (body.isEmpty() || !unsettled(body.html())) {
            return body;
        }
        Document doc = body.document();
        Element root = doc.body();
        // One walk, no stack, past pre and code: a block's edges are trimmed when the walk reaches it,
        // a text's runs settled when it reaches the text.
        for (Node n = root.childNodeSize() == 0 ? null : root.childNode(0); n != null; ) {
            if (n instanceof Element e && (e.nameIs("pre") || e.nameIs("code"))) {
                n = skip(e, root);
                continue;
            }
            if (n instanceof Element e && TEXT_BLOCKS.contains(e.normalName())) {
                trimEdge(e, true);
                trimEdge(e, false);
            } else if (n instanceof TextNode t) {
                String s = t.getWholeText();
                String settled = SPACE_WITH_BREAK.matcher(s).replaceAll("\n");
                if (!settled.equals(s)) {
                    t.text(settled);
                }
            }
            n = BodyTree.next(n, root);
        }
        // The body followed the profile already: normalised again, nothing is repaired or reported.
        return BodyNormalizer.builder().limits(ctx.limits()).build().normalize(root);
    }

    /**
     * Whether a body's XHTML, {@code pre} and {@code code} elements left out, has white space to
     * settle: a space or tab before a line break, a line break before white space, or white space
     * just inside a text block's tags. One pass over the text, no copy of it.
     */
    static boolean unsettled(String html) {
        char prev = 0; // the last character outside pre and code
        boolean afterOpen = false; // prev ended a text block's opening tag
        int openEnd = -1; // where the text block's opening tag being read ends
        int n = html.length();
        for (int i = 0; i < n; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                String name = tagName(html, i + 1);
                if (name.equals("pre") || name.equals("code")) {
                    int end = html.indexOf("</" + name + ">", i);
                    if (end >= 0) {
                        i = end + name.length() + 2; // the loop steps past the closing '>'
                        continue;
                    }
                } else if (TEXT_BLOCKS.contains(name)) {
                    openEnd = html.indexOf('>', i);
                } else if (name.isEmpty() && i + 1 < n && html.charAt(i + 1) == '/') {
                    String closing = tagName(html, i + 2);
                    int gt = i + 2 + closing.length();
                    if (TEXT_BLOCKS.contains(closing) && gt < n && html.charAt(gt) == '>'
                            && (prev == ' ' || prev == '\t' || prev == '\n')) {
                        return true;
                    }
                }
            }
            boolean space = c == ' ' || c == '\t' || c == '\n';
            if (afterOpen && space || c == '\n' && (prev == ' ' || prev == '\t') || prev == '\n' && space) {
                return true;
            }
            afterOpen = i == openEnd;
            prev = c;
        }
        return false;
    }

    /** The tag name at {@code from}: letters and digits, followed by no other word character; else empty. */
    private static String tagName(String html, int from) {
        int end = from;
        while (end < html.length() && (Character.isLetterOrDigit(html.charAt(end)))) {
            end++;
        }
        if (end < html.length() && html.charAt(end) == '_') {
            return "";
        }
        return html.substring(from, end);
    }

    private static Node skip(Element e, Element root) {
        Node n = e;
        while (n != root && n.nextSibling() == null) {
            n = n.parent();
        }
        return n == root ? null : n.nextSibling();
    }

    /**
     * Drops the white space that opens ({@code start}) or closes a block's text, going into the
     * inline elements it starts or ends with; white space between the block and a nested block
     * (a loose list item's paragraphs) is layout and stays.
     */
    private static void trimEdge(Element block, boolean start) {
        Node n = start ? block.firstChild() : block.lastChild();
        while (n != null) {
            if (n instanceof TextNode t) {
                String s = t.getWholeText();
                String trimmed = start ? s.stripLeading() : s.stripTrailing();
                Node beside = start ? t.nextSibling() : t.previousSibling();
                if (trimmed.isEmpty() && beside instanceof Element b && BLOCKS.contains(b.normalName())) {
                    return;
                }
                if (!trimmed.isEmpty()) {
                    if (!trimmed.equals(s)) {
                        t.text(trimmed);
                    }
                    return;
                }
                Node next = beside;
                Node parent = t.parent();
                t.remove();
                n = next != null ? next : null;
                if (n == null && parent != block && parent instanceof Element p) {
                    // the inline element is done; go on after it
                    n = start ? p.nextSibling() : p.previousSibling();
                }
            } else if (n instanceof Element e) {
                if (BLOCKS.contains(e.normalName()) || e.nameIs("br") || e.nameIs("img") || e.nameIs("code")
                        || e.nameIs("input")) {
                    return;
                }
                Node inner = start ? e.firstChild() : e.lastChild();
                n = inner != null ? inner : start ? e.nextSibling() : e.previousSibling();
            } else {
                n = start ? n.nextSibling() : n.previousSibling();
            }
        }
    }
}
