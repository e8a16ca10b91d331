package org.articlekit.markdown.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.articlekit.spi.BodyTree;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Builds the nodes of a plain HTML block without jsoup's parser, for the blocks blogs are full of (a
 * {@code <figure>} with an image and a caption, a {@code <p>} or {@code <div>} of inline markup). It accepts
 * only what an HTML parser builds exactly as written: a few block and inline tags, each closed in order,
 * blocks never inside a paragraph or an inline element, no link inside a link, quoted or plain attribute
 * values, and no character references, comments, carriage returns or NULs. Anything else gives null, and
 * the caller parses the block with jsoup. {@code MarkdownDomTest} checks the two agree on every corpus post.
 */
final class SimpleHtml {

    private static final Set<String> BLOCKS = Set.of("figure", "figcaption", "p", "div", "blockquote");

    private static final Set<String> INLINE = Set.of("a", "em", "strong", "b", "i", "code", "span", "small", "sub",
            "sup", "mark", "abbr", "cite", "q", "kbd", "del", "ins", "s", "u", "time");

    private static final Set<String> VOID = Set.of("img", "br");

    private SimpleHtml() {
    }

    /**
     * @param html an HTML block
     * @return its top-level nodes, as {@code Parser.parseFragment} would give them in a flow container, or null
     *         when the block is not plain enough to be sure of that
     */
    static @Nullable List<Node> parse(String html) {
        List<Node> top = new ArrayList<>();
        ArrayDeque<Element> open = new ArrayDeque<>();
        int inline = 0; // open inline elements and paragraphs, inside which no block may start
        boolean link = false;
        int n = html.length();
        int text = 0;
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '&' || c == '\0' || c == '\r') {
                return null;
            }
            if (c != '<') {
                i++;
                continue;
            }
            if (i > text) {
                add(new TextNode(html.substring(text, i)), open, top);
            }
            boolean closing = i + 1 < n && html.charAt(i + 1) == '/';
            int start = closing ? i + 2 : i + 1;
            int j = start;
            while (j < n && (isLetter(html.charAt(j)) || j > start && html.charAt(j) >= '0' && html.charAt(j) <= '9')) {
                j++;
            }
            if (j == start || j >= n) {
                return null;
            }
            String name = html.substring(start, j).toLowerCase(Locale.ROOT);
            boolean block = BLOCKS.contains(name);
            boolean isVoid = VOID.contains(name);
            if (!block && !isVoid && !INLINE.contains(name)) {
                return null;
            }
            if (closing) {
                if (html.charAt(j) != '>' || open.isEmpty() || !open.peek().normalName().equals(name)) {
                    return null;
                }
                open.pop();
                if (!block || name.equals("p")) {
                    inline--;
                }
                if (name.equals("a")) {
                    link = false;
                }
                i = j + 1;
                text = i;
                continue;
            }
            if (block && inline > 0 || name.equals("a") && link) {
                return null;
            }
            Element e = BodyTree.element(name);
            int end = attributes(html, j, e);
            if (end < 0) {
                return null;
            }
            boolean selfClosing = html.charAt(end - 1) == '/';
            if (selfClosing && !isVoid) {
                return null;
            }
            add(e, open, top);
            if (!isVoid) {
                open.push(e);
                if (!block || name.equals("p")) {
                    inline++;
                }
                link |= name.equals("a");
            }
            i = end + 1;
            text = i;
        }
        if (!open.isEmpty()) {
            return null;
        }
        if (n > text) {
            add(new TextNode(html.substring(text)), open, top);
        }
        return top;
    }

    private static void add(Node node, ArrayDeque<Element> open, List<Node> top) {
        if (open.isEmpty()) {
            top.add(node);
        } else {
            open.peek().appendChild(node);
        }
    }

    /**
     * Reads the attributes after a tag name into {@code e}.
     *
     * @return the index of the {@code >} that ends the tag, or -1 when the tag is not plain
     */
    private static int attributes(String html, int from, Element e) {
        int n = html.length();
        int i = from;
        while (true) {
            int ws = i;
            while (i < n && isSpace(html.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return -1;
            }
            char c = html.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '/') {
                return i + 1 < n && html.charAt(i + 1) == '>' ? i + 1 : -1;
            }
            if (i == ws || !isLetter(c) && c != '_') {
                return -1; // no space before the name, or a name jsoup would treat in its own way
            }
            int nameStart = i;
            while (i < n && (isLetter(html.charAt(i)) || "0123456789-_:.".indexOf(html.charAt(i)) >= 0)) {
                i++;
            }
            String key = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            if (i >= n || html.charAt(i) != '=' || e.hasAttr(key)) {
                return -1; // a valueless or repeated attribute
            }
            i++;
            if (i >= n) {
                return -1;
            }
            char q = html.charAt(i);
            String value;
            if (q == '"' || q == '\'') {
                int close = html.indexOf(q, i + 1);
                if (close < 0) {
                    return -1;
                }
                value = html.substring(i + 1, close);
                i = close + 1;
            } else {
                int valueStart = i;
                while (i < n && !isSpace(html.charAt(i)) && html.charAt(i) != '>') {
                    if ("\"'=<`".indexOf(html.charAt(i)) >= 0) {
                        return -1;
                    }
                    i++;
                }
                if (i == valueStart) {
                    return -1;
                }
                value = html.substring(valueStart, i);
            }
            if (value.indexOf('&') >= 0 || value.indexOf('\0') >= 0 || value.indexOf('\r') >= 0) {
                return -1;
            }
            e.attr(key, value);
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
