package org.articlekit.markdown.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.articlekit.spi.BodyTree;
import org.commonmark.ext.footnotes.FootnoteDefinition;
import org.commonmark.ext.footnotes.FootnoteReference;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.DefinitionMap;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Builds, straight from commonmark-java's syntax tree, the jsoup tree that its HTML renderer followed by jsoup's
 * HTML parser would give, without writing and parsing the HTML in between (together a third of the time it takes
 * to read a post).
 *
 * <p>It follows the renderer call for call, down to the line breaks the renderer puts between blocks and the way
 * the parser joins neighbouring text into one text node, so the body normaliser sees the same tree either way
 * ({@code MarkdownDomTest} compares the two on every post it can find). Raw HTML blocks are parsed by jsoup in
 * their place when they are self-contained: every tag they open they close, and none of them is one whose parse
 * depends on what surrounds it. Footnotes are numbered and listed at the end as the footnotes extension does. Anything
 * else it does not mirror (inline HTML, an open-ended HTML block, footnotes that cite other footnotes, task lists,
 * text with carriage returns or NULs, which the parser rewrites) makes {@link #build} give up, and the caller renders
 * and parses as before.
 */
final class MarkdownDom {

    /** Thrown to give up; carries no stack trace, as it is expected. */
    private static final class Unsupported extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    /** Elements that never have content, so an HTML block may use them without closing them. */
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");

    /**
     * Elements whose parse depends on what surrounds them wherever they stand (raw-text elements swallow what
     * follows them, foreign content, forms, frames) or that change the document itself; an HTML block that uses
     * one is not mirrored.
     */
    private static final Set<String> CONTEXTUAL = Set.of("html", "head", "body", "frameset", "frame", "form",
            "template", "svg", "math", "plaintext", "textarea", "title", "script", "style", "xmp", "iframe",
            "noembed", "noframes", "noscript", "select", "option", "optgroup", "image", "isindex", "button", "nobr",
            "menuitem", "search", "keygen", "listing");

    /** Parts of a table, mirrored only inside a table the block opened itself. */
    private static final Set<String> TABLE_PARTS = Set.of("tr", "td", "th", "tbody", "thead", "tfoot", "caption",
            "col", "colgroup");

    /** A footnote definition that the text cites: its number, its id key and the ids of its citations. */
    private record Cited(int number, String key, List<String> references) {
    }

    private final org.commonmark.node.Document root;
    /** Every footnote definition by label, found on the first citation. */
    private @Nullable DefinitionMap<FootnoteDefinition> definitions;
    /** Cited definitions in the order of their first citation, which is the order they are listed in. */
    private final Map<FootnoteDefinition, Cited> cited = new LinkedHashMap<>();

    private Element parent;
    private final StringBuilder pending = new StringBuilder(256);
    /** The last character the renderer would have written: it decides whether a block adds a line break. */
    private char lastChar;

    private MarkdownDom(org.commonmark.node.Document root, Element parent) {
        this.root = root;
        this.parent = parent;
    }

    /**
     * @param document commonmark-java's tree of a whole body
     * @return a document whose body holds what rendering and parsing would give, or null when this class does not
     *         mirror something in the tree
     */
    static @Nullable Document build(org.commonmark.node.Document document) {
        Document out = Document.createShell("");
        MarkdownDom dom = new MarkdownDom(document, out.body());
        try {
            dom.children(document);
            dom.footnotes();
            dom.flush();
        } catch (Unsupported e) {
            return null;
        }
        return out;
    }

    private void children(Node parentNode) {
        for (Node n = parentNode.getFirstChild(); n != null; n = n.getNext()) {
            node(n);
        }
    }

    private void node(Node n) {
        if (n instanceof Text t) {
            text(t.getLiteral());
        } else if (n instanceof Paragraph p) {
            paragraph(p);
        } else if (n instanceof SoftLineBreak) {
            text("\n");
        } else if (n instanceof Emphasis) {
            inline("em", n);
        } else if (n instanceof StrongEmphasis) {
            inline("strong", n);
        } else if (n instanceof Code c) {
            open("code");
            text(c.getLiteral());
            close();
        } else if (n instanceof Link l) {
            link(l);
        } else if (n instanceof Image i) {
            image(i);
        } else if (n instanceof Heading h) {
            String name = "h" + h.getLevel();
            line();
            open(name);
            children(h);
            close();
            line();
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            list((ListBlock) n);
        } else if (n instanceof ListItem) {
            open("li");
            children(n);
            close();
            line();
        } else if (n instanceof BlockQuote) {
            line();
            open("blockquote");
            line();
            children(n);
            line();
            close();
            line();
        } else if (n instanceof FencedCodeBlock f) {
            String info = f.getInfo();
            String language = info == null || info.isEmpty() ? null
                    : info.indexOf(' ') < 0 ? info : info.substring(0, info.indexOf(' '));
            codeBlock(f.getLiteral(), language);
        } else if (n instanceof IndentedCodeBlock c) {
            codeBlock(c.getLiteral(), null);
        } else if (n instanceof HardLineBreak) {
            empty("br");
            line();
        } else if (n instanceof ThematicBreak) {
            line();
            empty("hr");
            line();
        } else if (n instanceof HtmlBlock b) {
            htmlBlock(b.getLiteral());
        } else if (n instanceof Strikethrough) {
            inline("del", n);
        } else if (n instanceof TableBlock || n instanceof TableHead || n instanceof TableBody
                || n instanceof TableRow) {
            tablePart(n);
        } else if (n instanceof TableCell c) {
            line();
            open(c.isHeader() ? "th" : "td");
            if (c.getAlignment() != null) {
                attr("align", c.getAlignment().name().toLowerCase(Locale.ROOT));
            }
            children(c);
            close();
            line();
        } else if (n instanceof FootnoteReference r) {
            citation(r);
        } else if (!(n instanceof LinkReferenceDefinition) && !(n instanceof FootnoteDefinition)) {
            // Definitions are listed at the end, in the order they are cited.
            // Inline HTML, task-list markers and anything else: not mirrored.
            throw UNSUPPORTED;
        }
    }

    private void paragraph(Paragraph p) {
        Node grandparent = p.getParent() == null ? null : p.getParent().getParent();
        boolean tight = grandparent instanceof ListBlock list && list.isTight();
        if (tight) {
            children(p);
            return;
        }
        line();
        open("p");
        children(p);
        close();
        line();
    }

    private void inline(String name, Node n) {
        open(name);
        children(n);
        close();
    }

    private void link(Link l) {
        if (insideLink()) {
            throw UNSUPPORTED; // the parser would close the outer link
        }
        open("a");
        attr("href", l.getDestination());
        if (l.getTitle() != null) {
            attr("title", l.getTitle());
        }
        children(l);
        close();
    }

    private void image(Image i) {
        StringBuilder alt = new StringBuilder();
        altText(i, alt);
        flush();
        Element img = BodyTree.element("img");
        parent.appendChild(img);
        set(img, "src", i.getDestination());
        set(img, "alt", alt.toString());
        if (i.getTitle() != null) {
            set(img, "title", i.getTitle());
        }
        lastChar = '>';
    }

    /** The text of an image's description, as the renderer writes it into {@code alt}. */
    private static void altText(Node n, StringBuilder out) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Text t) {
                out.append(t.getLiteral());
            } else if (c instanceof Code code) {
                out.append(code.getLiteral());
            } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
                out.append('\n');
            } else {
                altText(c, out);
            }
        }
    }

    private void list(ListBlock list) {
        line();
        open(list instanceof OrderedList ? "ol" : "ul");
        if (list instanceof OrderedList o && o.getMarkerStartNumber() != null && o.getMarkerStartNumber() != 1) {
            attr("start", String.valueOf(o.getMarkerStartNumber()));
        }
        line();
        children(list);
        line();
        close();
        line();
    }

    private void tablePart(Node n) {
        String name = n instanceof TableBlock ? "table" : n instanceof TableHead ? "thead"
                : n instanceof TableBody ? "tbody" : "tr";
        line();
        open(name);
        children(n);
        close();
        line();
    }

    private void codeBlock(String literal, @Nullable String language) {
        line();
        open("pre");
        open("code");
        if (language != null) {
            attr("class", "language-" + language);
        }
        text(literal);
        close();
        close();
        line();
    }

    // ---- footnotes, as the footnotes extension renders them -----------------------------------

    /** A citation: a numbered link to the definition, or the label as text when there is no definition. */
    private void citation(FootnoteReference r) {
        if (definitions == null) {
            definitions = new DefinitionMap<>(FootnoteDefinition.class);
            collectDefinitions(root, definitions);
        }
        FootnoteDefinition def = definitions.get(r.getLabel());
        if (def == null) {
            text("[^" + r.getLabel() + "]");
            return;
        }
        if (insideLink() || cites(def)) {
            throw UNSUPPORTED; // a link in a link, or footnotes citing footnotes
        }
        Cited c = cited.computeIfAbsent(def, d -> new Cited(cited.size() + 1, "-" + d.getLabel(), new ArrayList<>()));
        String id = "fnref" + c.key() + (c.references().isEmpty() ? "" : "-" + (c.references().size() + 1));
        c.references().add(id);
        open("sup");
        attr("class", "footnote-ref");
        open("a");
        attr("href", "#fn" + c.key());
        attr("id", id);
        parent.attributes().put("data-footnote-ref", true);
        text(String.valueOf(c.number()));
        close();
        close();
    }

    /** Footnote definitions anywhere in the tree but inside other definitions, the first of each label winning. */
    private static void collectDefinitions(Node n, DefinitionMap<FootnoteDefinition> into) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof FootnoteDefinition d) {
                into.putIfAbsent(d.getLabel(), d);
            } else {
                collectDefinitions(c, into);
            }
        }
    }

    private static boolean cites(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof FootnoteReference || cites(c)) {
                return true;
            }
        }
        return false;
    }

    private boolean insideLink() {
        for (Element e = parent; e != null; e = e.parent()) {
            if (e.nameIs("a")) {
                return true;
            }
        }
        return false;
    }

    /** The list of cited definitions after the text, each with links back to its citations. */
    private void footnotes() {
        if (cited.isEmpty()) {
            return;
        }
        open("section");
        attr("class", "footnotes");
        parent.attributes().put("data-footnotes", true);
        line();
        open("ol");
        line();
        for (Map.Entry<FootnoteDefinition, Cited> e : cited.entrySet()) {
            definition(e.getKey(), e.getValue());
        }
        close();
        line();
        close();
        line();
    }

    private void definition(FootnoteDefinition def, Cited c) {
        open("li");
        attr("id", "fn" + c.key());
        line();
        if (def.getLastChild() instanceof Paragraph last) {
            for (Node n = def.getFirstChild(); n != last; n = n.getNext()) {
                if (n instanceof Paragraph) {
                    open("p");
                    children(n);
                    close();
                    line();
                } else {
                    node(n);
                }
            }
            open("p");
            children(last);
            text(" ");
            backReferences(c);
            close();
            line();
        } else {
            children(def);
            line();
            backReferences(c);
        }
        close();
        line();
    }

    private void backReferences(Cited c) {
        List<String> refs = c.references();
        for (int i = 0; i < refs.size(); i++) {
            String index = c.number() + (i > 0 ? "-" + (i + 1) : "");
            open("a");
            attr("href", "#" + refs.get(i));
            attr("class", "footnote-backref");
            parent.attributes().put("data-footnote-backref", true);
            attr("data-footnote-backref-idx", index);
            attr("aria-label", "Back to reference " + index);
            if (i > 0) {
                open("sup");
                attr("class", "footnote-ref");
                text(String.valueOf(i + 1));
                close();
            }
            text("\u21A9");
            close();
            if (i + 1 < refs.size()) {
                text(" ");
            }
        }
    }

    /**
     * An HTML block is built by {@link SimpleHtml} when it is plain, else parsed by jsoup where it stands when it
     * is self-contained; text at its edges joins the text next to it, as it would in one parse.
     */
    private void htmlBlock(String literal) {
        line();
        List<org.jsoup.nodes.Node> nodes = SimpleHtml.parse(literal);
        if (nodes == null) {
            if (!selfContained(literal)) {
                throw UNSUPPORTED;
            }
            nodes = Parser.parseFragment(literal, parent, "");
        }
        int from = 0;
        int to = nodes.size();
        if (to > 0 && nodes.get(0) instanceof TextNode t) {
            pending.append(t.getWholeText());
            from = 1;
        }
        String tail = null;
        if (to > from && nodes.get(to - 1) instanceof TextNode t) {
            tail = t.getWholeText();
            to--;
        }
        if (to > from) {
            flush();
            for (int i = from; i < to; i++) {
                parent.appendChild(nodes.get(i));
            }
        }
        if (tail != null) {
            pending.append(tail);
        }
        if (!literal.isEmpty()) {
            lastChar = literal.charAt(literal.length() - 1);
        }
        line();
    }

    /**
     * Whether an HTML block parses the same on its own as inside the whole body: plain tags only, each opened
     * tag closed in order, quotes and comments closed, and no tag from {@link #CONTEXTUAL}.
     */
    static boolean selfContained(String html) {
        ArrayDeque<String> open = new ArrayDeque<>();
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '\r' || c == '\0') {
                return false;
            }
            if (c != '<') {
                i++;
                continue;
            }
            if (i + 1 >= n) {
                return false;
            }
            char d = html.charAt(i + 1);
            if (d == '!') {
                if (!html.startsWith("<!--", i)) {
                    return false; // doctype, CDATA or a bogus comment
                }
                int end = html.indexOf("-->", i + 4);
                String body = end < 0 ? "" : html.substring(i + 4, end);
                if (end < 0 || body.startsWith(">") || body.startsWith("->") || body.contains("--")
                        || body.endsWith("-")) {
                    return false;
                }
                i = end + 3;
                continue;
            }
            boolean closing = d == '/';
            int start = closing ? i + 2 : i + 1;
            if (start >= n || !isAsciiLetter(html.charAt(start))) {
                if (closing || d == '?') {
                    return false; // a bogus comment
                }
                i++; // a lone '<' is text
                continue;
            }
            int j = start;
            while (j < n && (isAsciiLetter(html.charAt(j)) || Character.isDigit(html.charAt(j))
                    || html.charAt(j) == '-')) {
                j++;
            }
            if (j >= n) {
                return false;
            }
            char after = html.charAt(j);
            if (after != '>' && after != '/' && after != ' ' && after != '\t' && after != '\n' && after != '\f') {
                return false;
            }
            String name = html.substring(start, j).toLowerCase(Locale.ROOT);
            if (CONTEXTUAL.contains(name)
                    || TABLE_PARTS.contains(name) && !open.contains("table")
                    || name.equals("li") && !open.contains("ul") && !open.contains("ol")
                    || (name.equals("dd") || name.equals("dt")) && !open.contains("dl")) {
                return false;
            }
            int end = tagEnd(html, j);
            if (end < 0) {
                return false;
            }
            boolean selfClosing = html.charAt(end - 1) == '/';
            if (closing) {
                if (open.isEmpty() || !open.pop().equals(name)) {
                    return false;
                }
            } else if (!VOID.contains(name)) {
                if (selfClosing) {
                    return false;
                }
                open.push(name);
            }
            i = end + 1;
        }
        return open.isEmpty();
    }

    /** The index of the {@code >} that ends a tag whose name ends at {@code from}, or -1. */
    private static int tagEnd(String html, int from) {
        int n = html.length();
        int i = from;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '"' || c == '\'') {
                int close = html.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
                continue;
            }
            if (c == '<' || c == '=' && i + 1 < n && html.charAt(i + 1) == '`') {
                return -1;
            }
            i++;
        }
        return -1;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    // ---- the renderer's writer, mirrored -------------------------------------------------------

    /** The renderer's {@code line()}: a line break unless at the start or after one. */
    private void line() {
        if (lastChar != 0 && lastChar != '\n') {
            text("\n");
        }
    }

    private void text(String s) {
        if (s.isEmpty()) {
            return;
        }
        if (s.indexOf('\r') >= 0 || s.indexOf('\0') >= 0) {
            throw UNSUPPORTED;
        }
        pending.append(s);
        lastChar = s.charAt(s.length() - 1);
    }

    private void flush() {
        if (pending.length() > 0) {
            parent.appendChild(new TextNode(pending.toString()));
            pending.setLength(0);
        }
    }

    private void open(String name) {
        flush();
        Element e = BodyTree.element(name);
        parent.appendChild(e);
        parent = e;
        lastChar = '>';
    }

    private void attr(String key, String value) {
        set(parent, key, value);
    }

    private static void set(Element e, String key, String value) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0) {
            throw UNSUPPORTED;
        }
        e.attr(key, value);
    }

    private void close() {
        flush();
        parent = parent.parent();
        lastChar = '>';
    }

    private void empty(String name) {
        flush();
        parent.appendChild(BodyTree.element(name));
        lastChar = '>';
    }
}
