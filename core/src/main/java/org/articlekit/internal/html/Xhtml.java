package org.articlekit.internal.html;

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
