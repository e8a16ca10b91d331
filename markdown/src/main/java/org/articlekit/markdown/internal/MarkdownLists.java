package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code ul} and {@code ol} lists. A list is tight (items without paragraphs) or loose
 * (every item made of blocks); a list that mixes both, or whose items hold something Markdown
 * cannot put in a list item, is written as raw HTML. Two lists in a row get different markers so
 * that they stay two lists.
 */
final class MarkdownLists {

    private MarkdownLists() {
    }

    static String list(MarkdownBlocks w, Element list, int depth, String previousList) {
        boolean ordered = list.tagName().equals("ol");
        for (var a : list.attributes()) {
            if (!(ordered && a.getKey().equals("start") && plainStart(a.getValue()))) {
                return w.rawHtml(list);
            }
        }
        List<Element> items = new ArrayList<>();
        for (Node n : list.childNodes()) {
            if (n instanceof Element e && e.tagName().equals("li") && e.attributes().isEmpty()) {
                items.add(e);
            } else if (!(n instanceof TextNode t && t.isBlank())) {
                return w.rawHtml(list);
            }
        }
        if (items.isEmpty()) {
            return w.rawHtml(list);
        }
        boolean loose = false;
        for (Element li : items) {
            for (Element c = li.firstElementChild(); c != null && !loose; c = c.nextElementSibling()) {
                loose = c.nameIs("p");
            }
        }
        if (loose && items.size() == 1 && items.get(0).children().size() < 2) {
            // One item with one paragraph is always tight in Markdown.
            return w.rawHtml(list);
        }
        for (Element li : items) {
            if (!(loose ? looseItem(li) : tightItem(li))) {
                return w.rawHtml(list);
            }
        }
        char bullet = previousList != null && previousList.startsWith("- ") ? '*' : '-';
        char delimiter = previousList != null && numbered(previousList) ? ')' : '.';
        int number = ordered && list.hasAttr("start") ? Integer.parseInt(list.attr("start")) : 1;
        StringBuilder sb = new StringBuilder();
        for (Element li : items) {
            String marker = ordered ? number++ + String.valueOf(delimiter) + " " : bullet + " ";
            String content = loose ? w.container(li, depth + 1) : tightContent(w, li, depth + 1);
            if (content == null) {
                return w.rawHtml(list);
            }
            if (sb.length() > 0) {
                sb.append(loose ? "\n\n" : "\n");
            }
            if (content.startsWith("\\[ \\] ") || content.startsWith("\\[x\\] ")) {
                content = content.replace("\\", "").substring(0, 4) + content.substring(content.indexOf("] ") + 2);
            }
            if (content.isEmpty()) {
                sb.append(marker.strip());
                continue;
            }
            if (content.startsWith("    ") || content.startsWith("\t")) {
                return w.rawHtml(list);
            }
            String indent = " ".repeat(marker.length());
            String[] lines = content.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    sb.append('\n');
                }
                if (i == 0) {
                    sb.append(marker).append(lines[i]);
                } else if (!lines[i].isEmpty()) {
                    sb.append(indent).append(lines[i]);
                }
            }
        }
        return sb.toString();
    }

    /** A loose item holds only blocks. */
    private static boolean looseItem(Element li) {
        for (Node n : li.childNodes()) {
            if (n instanceof Element e ? !MarkdownBlocks.isBlock(e) : !(n instanceof TextNode t && t.isBlank())) {
                return false;
            }
        }
        return true;
    }

    /**
     * A tight item holds inline content first, then only blocks that may interrupt a paragraph. An
     * ordered list numbered from anything but 1, or a list whose first item is empty, cannot: after
     * other content it would be read as more text (both found by MarkdownWriteFuzzTest).
     */
    private static boolean tightItem(Element li) {
        boolean blockSeen = false;
        boolean contentSeen = false;
        for (Node n : li.childNodes()) {
            if (n instanceof TextNode t && t.isBlank()) {
                continue;
            }
            boolean first = !contentSeen;
            contentSeen = true;
            if (n instanceof Element e && MarkdownBlocks.isBlock(e)) {
                if (!first && (e.tagName().equals("ol") && e.hasAttr("start") && !e.attr("start").equals("1")
                        || (e.tagName().equals("ol") || e.tagName().equals("ul")) && startsEmpty(e))) {
                    return false;
                }
                switch (e.tagName()) {
                    case "ul", "ol", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr" -> blockSeen = true;
                    default -> {
                        return false;
                    }
                }
            } else if (blockSeen) {
                return false;
            }
        }
        return true;
    }

    /** The end of the ASCII digits from {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Whether a {@code start} attribute is one to nine ASCII digits, a number Markdown can write. */
    private static boolean plainStart(String v) {
        return !v.isEmpty() && v.length() <= 9 && digits(v, 0) == v.length();
    }

    /** Whether Markdown starts with an ordered list item's marker, digits and {@code ". "}. */
    private static boolean numbered(String md) {
        int end = digits(md, 0);
        return end > 0 && md.startsWith(". ", end);
    }

    /** Whether a list's first item has no content: such a list cannot interrupt a paragraph either. */
    private static boolean startsEmpty(Element list) {
        Element first = list.firstElementChild();
        return first == null || first.childNodes().stream().allMatch(n -> n instanceof TextNode t && t.isBlank());
    }

    /**
     * The content of a tight item, or null when it cannot be written tight: a block written as raw
     * HTML runs on to the next blank line, so it would swallow a block after it.
     */
    private static @Nullable String tightContent(MarkdownBlocks w, Element li, int depth) {
        List<Node> inline = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        String previousList = null;
        boolean rawBlockLast = false;
        for (Node n : li.childNodes()) {
            if (n instanceof Element e && MarkdownBlocks.isBlock(e)) {
                if (!inline.isEmpty()) {
                    String p = w.inline.paragraph(inline);
                    if (!p.isEmpty()) {
                        parts.add(p);
                        // text that is one tag alone ("<br />") is read as an HTML block too (found by
                        // MarkdownWriteFuzzTest)
                        rawBlockLast = MarkdownInline.isLoneTag(p);
                    }
                    inline.clear();
                }
                Element holder = new Element("div");
                holder.appendChild(e.clone());
                String b = e.tagName().equals("ul") || e.tagName().equals("ol")
                        ? list(w, holder.child(0), depth, previousList) : w.container(holder, depth);
                previousList = e.tagName().equals("ul") || e.tagName().equals("ol") ? b : null;
                if (rawBlockLast) {
                    return null;
                }
                rawBlockLast = b.startsWith("<");
                parts.add(b);
            } else {
                inline.add(n);
            }
        }
        if (!inline.isEmpty()) {
            String p = w.inline.paragraph(inline);
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return String.join("\n", parts);
    }
}
