package org.articlekit.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/** Parsing and serialising body fragments, shared by the body, the normaliser and the writers. */
public final class Xhtml {

    /** Elements that start a new block of text. */
    public static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body",
            "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "center", "html");

    private Xhtml() {
    }

    /**
     * @param html a body fragment
     * @return a new document whose body holds the fragment
     */
    public static Document parseFragment(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        xmlOutput(doc);
        return doc;
    }

    /**
     * The node after {@code n} in document order, staying inside {@code root}: its first child, else the
     * next sibling of it or of its nearest ancestor that has one. A walk with this needs no stack and no
     * iterator, and may change nodes it has passed.
     *
     * @param n a node inside {@code root}, or {@code root} itself
     * @param root where the walk ends
     * @return the next node, or null when the walk has left {@code root}
     */
    public static @Nullable Node next(Node n, Node root) {
        Node child = n.firstChild();
        if (child != null) {
            return child;
        }
        for (Node at = n; at != root && at != null; at = at.parent()) {
            Node sibling = at.nextSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }

    /**
     * The elements of a name, in document order, {@code root} included: what jsoup's
     * {@code getElementsByTag} gives, found with a plain walk instead of an iterator and a collector.
     *
     * @param root where to look
     * @param name the element name, lower case
     * @return the elements found
     */
    public static List<Element> byTag(Element root, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = root; n != null; n = next(n, root)) {
            if (n instanceof Element e && e.nameIs(name)) {
                found.add(e);
            }
        }
        return found;
    }

    /**
     * @param root where to look
     * @param name the element name, lower case
     * @return whether {@code root} or an element inside it has that name
     */
    public static boolean has(Element root, String name) {
        for (Node n = root; n != null; n = next(n, root)) {
            if (n instanceof Element e && e.nameIs(name)) {
                return true;
            }
        }
        return false;
    }

    /** Tags of the article profile, made once: jsoup's {@code new Element(name)} copies a fresh tag set each time. */
    private static final Map<String, Tag> PROFILE_TAGS = new ConcurrentHashMap<>();

    /**
     * A new HTML element. Names of the article profile (and the normaliser's own markers) share one
     * tag object each; any other name gets a tag of its own, as {@code new Element(name)} would.
     *
     * @param name the element's name, lower case
     * @return the element, with no attributes or children
     */
    public static Element element(String name) {
        if (!Normalizer.ALLOWED.contains(name) && !name.equals(Normalizer.BOUNDARY) && !BLOCKS.contains(name)) {
            return new Element(name);
        }
        return new Element(PROFILE_TAGS.computeIfAbsent(name, Tag::valueOf), "");
    }

    /**
     * A parser for untrusted HTML whose tree depth is capped.
     *
     * @param maxDepth the deepest nesting the tree may have
     * @return the parser
     */
    public static Parser htmlParser(int maxDepth) {
        return Parser.htmlParser().setMaxDepth(Math.max(8, maxDepth));
    }

    /**
     * Sets a document to serialise as compact XHTML in UTF-8.
     *
     * @param doc the document
     */
    public static void xmlOutput(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .charset("UTF-8").prettyPrint(false);
    }

    /**
     * Sets a document to serialise as compact HTML5 in UTF-8.
     *
     * @param doc the document
     */
    public static void htmlOutput(Document doc) {
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.html).escapeMode(Entities.EscapeMode.base)
                .charset("UTF-8").prettyPrint(false);
    }

    /**
     * The text of an element as a reader sees it: blocks separated by blank lines, {@code br} as a
     * line break, white space inside a block collapsed (kept in {@code pre}).
     *
     * @param root the element
     * @return the text, stripped
     */
    public static String plainText(Element root) {
        StringBuilder sb = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (inPre(t)) {
                        sb.append(t.getWholeText());
                    } else {
                        String s = t.getWholeText().replaceAll("[ \\t\\n\\r\\f]+", " ");
                        if (s.startsWith(" ") && (sb.length() == 0 || Character.isWhitespace(sb.charAt(sb.length() - 1)))) {
                            s = s.substring(1);
                        }
                        sb.append(s);
                    }
                } else if (node instanceof Element e) {
                    if (e.nameIs("br")) {
                        trimTrailingSpaces(sb);
                        sb.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        blockBreak(sb);
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    blockBreak(sb);
                }
            }
        }, root);
        return sb.toString().strip();
    }

    private static boolean inPre(TextNode t) {
        for (Element p = t.parent(); p != null; p = p.parent()) {
            if (p.nameIs("pre")) {
                return true;
            }
        }
        return false;
    }

    private static void trimTrailingSpaces(StringBuilder sb) {
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            sb.setLength(sb.length() - 1);
        }
    }

    private static void blockBreak(StringBuilder sb) {
        trimTrailingSpaces(sb);
        if (sb.length() == 0) {
            return;
        }
        int newlines = 0;
        for (int i = sb.length() - 1; i >= 0 && sb.charAt(i) == '\n'; i--) {
            newlines++;
        }
        for (int i = newlines; i < 2; i++) {
            sb.append('\n');
        }
    }

    /**
     * The content of an element as compact XHTML, exactly as {@code root.html()} gives it for a document set up by
     * {@link #xmlOutput}, but written directly: jsoup's serialiser goes through its general escaping machinery for
     * every text node and attribute, which took a tenth of the time of reading a Markdown post.
     * {@code XhtmlTest} compares the two. Trees with nodes other than elements, text and comments (scripts and styles are data), or with
     * attribute names that are not plain, are left to jsoup.
     *
     * @param root the element whose children are written
     * @return the XHTML
     */
    public static String html(Element root) {
        StringBuilder out = new StringBuilder(256);
        return content(root, out) ? out.toString() : root.html();
    }

    /**
     * An element with its content as compact XHTML, exactly as {@code outerHtml()} gives it for a document set up
     * by {@link #xmlOutput}, written as {@link #html} writes content.
     *
     * @param e the element
     * @return the XHTML, or null for a tree that only jsoup's serialiser writes (see {@link #html})
     */
    public static @Nullable String outerHtml(Element e) {
        StringBuilder out = new StringBuilder(256);
        if (!open(e, out) || !content(e, out)) {
            return null;
        }
        close(e, out);
        return out.toString();
    }

    /** Writes the children of {@code root}; false when a node is one this class leaves to jsoup. */
    private static boolean content(Element root, StringBuilder out) {
        Node node = root.childNodeSize() > 0 ? root.childNode(0) : null;
        while (node != null) {
            if (node instanceof Element e) {
                if (!open(e, out)) {
                    return false;
                }
                if (e.childNodeSize() > 0) {
                    node = e.childNode(0);
                    continue;
                }
                close(e, out);
            } else if (node instanceof TextNode t) {
                escape(t.getWholeText(), false, out);
            } else if (node instanceof org.jsoup.nodes.Comment c) {
                out.append("<!--").append(c.getData()).append("-->");
            } else {
                return false;
            }
            while (node.nextSibling() == null) {
                node = node.parent();
                if (node == root || node == null) {
                    return true;
                }
                close((Element) node, out);
            }
            node = node.nextSibling();
        }
        return true;
    }

    /**
     * Writes a start tag; false when the element is one whose output this class does not mirror: an attribute name
     * that is not plain, or an empty element that is not an HTML one.
     */
    private static boolean open(Element e, StringBuilder out) {
        if (e.childNodeSize() == 0 && !e.tag().isEmpty()
                && (!e.tag().isKnownTag() || !org.jsoup.parser.Parser.NamespaceHtml.equals(e.tag().namespace()))) {
            // jsoup remembers, per element, whether the source closed an unknown or foreign element with "/>"
            // (SVG's <circle />) and writes it so; that is not visible from outside.
            return false;
        }
        out.append('<').append(e.tagName());
        for (org.jsoup.nodes.Attribute a : e.attributes()) {
            String key = a.getKey();
            if (!plainName(key)) {
                return false;
            }
            out.append(' ').append(key).append("=\"");
            escape(a.getValue(), true, out);
            out.append('"');
        }
        out.append(selfClosed(e) ? " />" : ">");
        return true;
    }

    private static void close(Element e, StringBuilder out) {
        if (!selfClosed(e)) {
            out.append("</").append(e.tagName()).append('>');
        }
    }

    /** Void elements, and childless ones the source closed with {@code />} (as in SVG), end in {@code />}. */
    private static boolean selfClosed(Element e) {
        return e.childNodeSize() == 0 && (e.tag().isEmpty() || e.tag().isSelfClosing());
    }

    private static boolean plainName(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_'
                    || i > 0 && (c >= '0' && c <= '9' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    /** XHTML escaping of text or a double-quoted attribute value; characters XML does not allow are left out. */
    private static void escape(String s, boolean attribute, StringBuilder out) {
        escape(s, attribute, "&#xa0;", out);
    }

    /**
     * Escapes text, or an attribute value for double quotes, as jsoup's output does: {@code & < >}, {@code "} in
     * attributes, and no-break spaces; characters XML does not allow are left out.
     *
     * @param s the text
     * @param attribute whether it is an attribute value
     * @param nbsp how to write a no-break space: {@code "&#xa0;"} in XHTML, {@code "&nbsp;"} in HTML
     * @param out where the escaped text goes
     * @return {@code out}
     */
    public static StringBuilder escape(String s, boolean attribute, String nbsp, StringBuilder out) {
        int n = s.length();
        int run = 0; // start of the run of characters copied as they are
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String rep;
            if (c == '&') {
                rep = "&amp;";
            } else if (c == '<') {
                rep = "&lt;";
            } else if (c == '>') {
                rep = "&gt;";
            } else if (c == '"' && attribute) {
                rep = "&quot;";
            } else if (c == '\u00a0') {
                rep = nbsp;
            } else if (c >= 0x20 && c < 0xD800 || c == '\t' || c == '\n' || c == '\r'
                    || c >= 0xE000 && c <= 0xFFFD || allowed(s, i)) {
                continue;
            } else {
                rep = "";
            }
            out.append(s, run, i).append(rep);
            run = i + 1;
        }
        return out.append(s, run, n);
    }

    /**
     * Removes characters XML 1.0 does not allow (C0 controls but tab, CR and LF; U+FFFE, U+FFFF;
     * lone surrogates).
     *
     * @param s the text
     * @return the text without them (the same instance when there were none)
     */
    public static String xmlSafe(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && allowed(s, i)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n);
        for (int j = 0; j < n; j++) {
            if (allowed(s, j)) {
                sb.append(s.charAt(j));
            }
        }
        return sb.toString();
    }

    private static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }
}
