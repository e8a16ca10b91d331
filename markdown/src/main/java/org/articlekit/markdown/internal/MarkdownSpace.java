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
    /**
     * Raw elements whose white space is kept: those the normaliser renames to {@code pre} or
     * {@code code}, and those whose text it drops or keeps as it is.
     */
    private static final Set<String> VERBATIM = Set.of("tt", "listing", "xmp", "plaintext", "textarea", "script",
            "style", "template", "svg", "math");
    /** Inline elements at which trimming a block's edge stops. */
    private static final Set<String> EDGE_STOPS = Set.of("br", "img", "code", "input");
    static final Pattern SPACE_WITH_BREAK = Pattern.compile("[ \\t\\r\\f]*\\n[ \\t\\n\\r\\f]*");

    private MarkdownSpace() {
    }

    /**
     * Normalises a post's body with its invisible white space settled. The raw tree is settled
     * before the one normalisation; only a body whose normalisation brought white space to settle
     * (a {@code div} unwrapped inside a list item) is settled and normalised a second time.
     *
     * @param raw the body of the document the Markdown was rendered to; changed in place
     */
    static Body normalize(Element raw, ConversionContext ctx) throws ArticleFormatException {
        settleTree(raw, true);
        Body body = BodyNormalizer.of(ctx).normalize(raw);
        if (body.isEmpty() || !unsettled(body.html())) {
            return body;
        }
        Element root = body.document().body();
        settleTree(root, false);
        // The body followed the profile already: normalised again, nothing is repaired or reported.
        return BodyNormalizer.builder().limits(ctx.limits()).build().normalize(root);
    }

    /**
     * One walk, no stack, past {@code pre} and {@code code} (and, in a raw tree, the elements the
     * normaliser renames to them): a block's edges are trimmed when the walk reaches it, a text's
     * runs settled when it reaches the text.
     */
    static void settleTree(Element root, boolean raw) {
        for (Node n = root.childNodeSize() == 0 ? null : root.childNode(0); n != null; ) {
            if (n instanceof Element e && (e.nameIs("pre") || e.nameIs("code") || raw && VERBATIM.contains(e.normalName()))) {
                n = skip(e, root);
                continue;
            }
            if (n instanceof Element e && TEXT_BLOCKS.contains(e.normalName())) {
                trimEdge(e, true);
                trimEdge(e, false);
            } else if (n instanceof TextNode t) {
                String s = t.getWholeText();
                if (spaceAtBreak(s)) {
                    t.text(SPACE_WITH_BREAK.matcher(s).replaceAll("\n"));
                }
            }
            n = BodyTree.next(n, root);
        }
    }

    /**
     * @return whether {@link #SPACE_WITH_BREAK} would change the text: a line break with a space,
     *     tab, carriage return or form feed before it, or any of those or another break after it
     */
    static boolean spaceAtBreak(String s) {
        for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
            char before = i > 0 ? s.charAt(i - 1) : 'x';
            char after = i + 1 < s.length() ? s.charAt(i + 1) : 'x';
            if (before == ' ' || before == '\t' || before == '\r' || before == '\f'
                    || after == ' ' || after == '\t' || after == '\n' || after == '\r' || after == '\f') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a body's XHTML has white space that {@link #settleTree} would change, outside
     * {@code pre} and {@code code}: a space or tab before a line break, a line break before white
     * space, or white space at the start or end of a text block's text (looking into the inline
     * elements it starts or ends with), unless that white space only separates the text from a
     * nested block (a loose list item's {@code <li>\n<p>}), which is layout and stays. One pass over
     * the text, no copy of it.
     */
    static boolean unsettled(String html) {
        // Only two places can show unsettled white space: a line break (by its neighbours) and a tag
        // (a text block's edges); the walk goes from one to the next, skipping pre and code.
        int n = html.length();
        int lt = html.indexOf('<');
        int nl = html.indexOf('\n');
        while (lt >= 0 || nl >= 0) {
            if (nl >= 0 && (lt < 0 || nl < lt)) {
                char before = nl > 0 ? html.charAt(nl - 1) : 0;
                char after = nl + 1 < n ? html.charAt(nl + 1) : 0;
                if (before == ' ' || before == '\t' || after == ' ' || after == '\t' || after == '\n') {
                    return true;
                }
                nl = html.indexOf('\n', nl + 1);
                continue;
            }
            int resume = lt + 1;
            String name = tagName(html, lt + 1);
            if (name.equals("pre") || name.equals("code")) {
                int end = html.indexOf("</" + name + ">", lt);
                if (end >= 0) {
                    resume = end + name.length() + 3; // past the closing tag's '>'
                }
            } else if (TEXT_BLOCKS.contains(name)) {
                int gt = html.indexOf('>', lt);
                if (gt >= 0 && spaceAfterOpening(html, gt + 1)) {
                    return true;
                }
            } else if (name.isEmpty() && lt + 1 < n && html.charAt(lt + 1) == '/') {
                String closing = tagName(html, lt + 2);
                int gt = lt + 2 + closing.length();
                if (TEXT_BLOCKS.contains(closing) && gt < n && html.charAt(gt) == '>' && spaceBeforeClosing(html, lt)) {
                    return true;
                }
            }
            lt = html.indexOf('<', resume);
            if (nl >= 0 && nl < resume) {
                nl = html.indexOf('\n', resume);
            }
        }
        return false;
    }

    /**
     * Whether the text a block's opening tag (ending before {@code from}) starts with, past the
     * inline tags trimming goes into, starts with white space that trimming removes.
     */
    private static boolean spaceAfterOpening(String html, int from) {
        int i = from;
        while (i < html.length() && html.charAt(i) == '<' && trimmedThrough(html, i)) {
            int gt = html.indexOf('>', i);
            if (gt < 0) {
                return false;
            }
            i = gt + 1;
        }
        if (i >= html.length() || !isSpace(html.charAt(i))) {
            return false;
        }
        while (i < html.length() && isSpace(html.charAt(i))) {
            i++;
        }
        // white space alone between the text block and a nested block is layout
        return !(i < html.length() && html.charAt(i) == '<' && BLOCKS.contains(tagName(html, i + 1)));
    }

    /**
     * Whether the text a block's closing tag (at {@code lt}) ends, past the inline tags trimming
     * goes into, ends with white space that trimming removes.
     */
    private static boolean spaceBeforeClosing(String html, int lt) {
        int i = lt - 1;
        while (i >= 0 && html.charAt(i) == '>') {
            int open = html.lastIndexOf('<', i);
            if (open < 0 || !trimmedThrough(html, open)) {
                return false;
            }
            i = open - 1;
        }
        if (i < 0 || !isSpace(html.charAt(i))) {
            return false;
        }
        while (i >= 0 && isSpace(html.charAt(i))) {
            i--;
        }
        // white space alone between a nested block (or a rule) and the text block's end is layout
        if (i >= 0 && html.charAt(i) == '>') {
            int open = html.lastIndexOf('<', i);
            if (open >= 0) {
                boolean closing = open + 1 < html.length() && html.charAt(open + 1) == '/';
                String name = tagName(html, open + (closing ? 2 : 1));
                return !(closing ? BLOCKS.contains(name) : name.equals("hr"));
            }
        }
        return true;
    }

    /** Whether the tag at {@code lt} is an inline element's, which trimming a block's edge goes through. */
    private static boolean trimmedThrough(String html, int lt) {
        boolean closing = lt + 1 < html.length() && html.charAt(lt + 1) == '/';
        String name = tagName(html, lt + (closing ? 2 : 1));
        return !name.isEmpty() && !BLOCKS.contains(name) && !EDGE_STOPS.contains(name);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n';
    }

    /** {@link Character#isLetterOrDigit(char)}, with ASCII (every tag name we write) answered first. */
    private static boolean letterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')
                || (c > 127 && Character.isLetterOrDigit(c));
    }

    /** The tag name at {@code from}: letters and digits, followed by no other word character; else empty. */
    private static String tagName(String html, int from) {
        int end = from;
        while (end < html.length() && letterOrDigit(html.charAt(end))) {
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
                if (BLOCKS.contains(e.normalName()) || EDGE_STOPS.contains(e.normalName())) {
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
