package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.spi.BodyTree;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * Footnotes in the form commonmark-java's footnotes extension writes them ({@code sup > a#fnref-x}
 * references and a closing {@code section.footnotes} list of {@code li#fn-x}), written back as
 * {@code [^x]} and {@code [^x]: …}. A body whose footnotes do not match up one to one, in order,
 * keeps them as HTML.
 */
final class MarkdownFootnotes {

    private static final Pattern LABEL = Pattern.compile("[^\\s\\]\\[\\\\^]+");
    private static final Pattern REF_ID = Pattern.compile("fnref-(.+?)(-\\d+)?");

    private MarkdownFootnotes() {
    }

    /** The label of a footnote reference, or null when {@code sup} is not one. */
    static String reference(Element sup) {
        if (!sup.attributes().isEmpty() || sup.childNodeSize() != 1 || !(sup.childNode(0) instanceof Element a)
                || !a.tagName().equals("a") || a.attributes().size() != 2) {
            return null;
        }
        String href = a.attr("href");
        if (!href.startsWith("#fn-")) {
            return null;
        }
        String label = href.substring(4);
        Matcher m = REF_ID.matcher(a.attr("id"));
        if (!m.matches() || !m.group(1).equals(label) || !LABEL.matcher(label).matches()) {
            return null;
        }
        return label;
    }

    /** Whether the body's footnotes can be written as Markdown footnotes. */
    static boolean expressible(Element root) {
        List<Element> sections = new ArrayList<>(BodyTree.elementsByTag(root, "section"));
        sections.removeIf(s -> !s.hasClass("footnotes"));
        if (sections.isEmpty()) {
            for (Element a : BodyTree.elementsByTag(root, "a")) {
                if (footnoteLink(a) && a.parent() != null && a.parent().nameIs("sup")) {
                    return false;
                }
            }
            return true;
        }
        if (sections.size() != 1 || root.children().last() != sections.get(0)) {
            return false;
        }
        Element section = sections.get(0);
        if (section.childrenSize() != 1 || !section.child(0).tagName().equals("ol")) {
            return false;
        }
        List<String> defined = new ArrayList<>();
        for (Element li : section.child(0).children()) {
            String id = li.id();
            if (!li.tagName().equals("li") || !id.startsWith("fn-") || !LABEL.matcher(id.substring(3)).matches()) {
                return false;
            }
            defined.add(id.substring(3));
        }
        Set<String> referenced = new LinkedHashSet<>();
        for (Element sup : BodyTree.elementsByTag(root, "sup")) {
            if (closestSection(sup) == section) {
                continue;
            }
            String label = reference(sup);
            if (label != null) {
                referenced.add(label);
            } else {
                for (Element a : BodyTree.elementsByTag(sup, "a")) {
                    if (footnoteLink(a)) {
                        return false;
                    }
                }
            }
        }
        return new ArrayList<>(referenced).equals(defined);
    }

    /** The nearest {@code section} that is the element or holds it, or null. */
    private static @Nullable Element closestSection(Element e) {
        Element s = e;
        while (s != null && !s.nameIs("section")) {
            s = s.parent();
        }
        return s;
    }

    /** Whether the element is a link to a footnote, {@code a[href^=#fn-]}. */
    private static boolean footnoteLink(Element a) {
        return a.attr("href").regionMatches(true, 0, "#fn-", 0, 4);
    }

    /** The definitions, {@code [^x]: text}, with their back-references removed. */
    static String definitions(MarkdownBlocks w, Element section, int depth) {
        List<String> out = new ArrayList<>();
        for (Element li : section.child(0).children()) {
            Element copy = li.clone();
            for (Element back : BodyTree.elementsByTag(copy, "a")) {
                if (!back.hasClass("footnote-backref")) {
                    continue;
                }
                Node prev = back.previousSibling();
                if (prev instanceof TextNode t && t.getWholeText().endsWith(" ")) {
                    t.text(t.getWholeText().substring(0, t.getWholeText().length() - 1));
                }
                back.remove();
            }
            String content = w.container(copy, depth + 1);
            String label = li.id().substring(3);
            String indented = MarkdownBlocks.prefix(content, "    ", "");
            out.add("[^" + label + "]:" + (indented.isEmpty() ? "" : " " + indented.substring(4)));
        }
        return String.join("\n\n", out);
    }
}
