package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.articlekit.spi.BodyTree;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Writes a table as a GitHub table when it has one: a header row of {@code th} cells in a
 * {@code thead}, body rows of {@code td} cells, the same number of cells in every row, one
 * alignment per column, no spans, captions or line breaks. Any other table is raw HTML.
 */
final class MarkdownTables {

    private static final Set<String> ALIGNMENTS = Set.of("left", "right", "center");

    private MarkdownTables() {
    }

    /** Whether a cell's content fits on a table row: no line break, in text or as {@code br}, and no block inside. */
    private static boolean oneLine(Element cell) {
        for (Node n = BodyTree.next(cell, cell); n != null; n = BodyTree.next(n, cell)) {
            if (n instanceof TextNode t ? t.getWholeText().indexOf('\n') >= 0
                    : n instanceof Element e && (e.nameIs("br") || MarkdownBlocks.isBlock(e))) {
                return false;
            }
        }
        return true;
    }

    static String table(MarkdownBlocks w, Element table) {
        if (!w.extensions.contains(Extension.TABLES) || !table.attributes().isEmpty()) {
            return w.rawHtml(table);
        }
        Element head = null;
        Element body = null;
        for (Node n : table.childNodes()) {
            if (n instanceof Element e && e.tagName().equals("thead") && head == null && body == null) {
                head = e;
            } else if (n instanceof Element e && e.tagName().equals("tbody") && body == null && head != null) {
                body = e;
            } else if (!(n instanceof TextNode t && t.isBlank())) {
                return w.rawHtml(table);
            }
        }
        if (head == null) {
            return w.rawHtml(table);
        }
        List<Element> headRows = rows(head);
        List<Element> bodyRows = body == null ? List.of() : rows(body);
        if (headRows == null || bodyRows == null || headRows.size() != 1 || body != null && bodyRows.isEmpty()) {
            return w.rawHtml(table);
        }
        List<Element> header = cells(headRows.get(0), "th");
        if (header == null || header.isEmpty()) {
            return w.rawHtml(table);
        }
        int columns = header.size();
        List<String> aligns = new ArrayList<>();
        for (Element th : header) {
            aligns.add(th.attr("align"));
        }
        List<List<Element>> rows = new ArrayList<>();
        rows.add(header);
        for (Element tr : bodyRows) {
            List<Element> cells = cells(tr, "td");
            if (cells == null || cells.size() != columns) {
                return w.rawHtml(table);
            }
            for (int i = 0; i < columns; i++) {
                if (!cells.get(i).attr("align").equals(aligns.get(i))) {
                    return w.rawHtml(table);
                }
            }
            rows.add(cells);
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            sb.append('|');
            for (Element cell : rows.get(r)) {
                if (!oneLine(cell)) {
                    return w.rawHtml(table);
                }
                String text = w.inline.cell(cell.childNodes());
                sb.append(' ').append(text).append(text.isEmpty() ? "|" : " |");
            }
            sb.append('\n');
            if (r == 0) {
                sb.append('|');
                for (String a : aligns) {
                    sb.append(switch (a) {
                        case "left" -> " :-- |";
                        case "right" -> " --: |";
                        case "center" -> " :-: |";
                        default -> " --- |";
                    });
                }
                sb.append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }

    private static List<Element> rows(Element section) {
        List<Element> rows = new ArrayList<>();
        for (Node n : section.childNodes()) {
            if (n instanceof Element e && e.tagName().equals("tr") && e.attributes().isEmpty()) {
                rows.add(e);
            } else if (!(n instanceof TextNode t && t.isBlank())) {
                return null;
            }
        }
        return section.attributes().isEmpty() ? rows : null;
    }

    private static List<Element> cells(Element tr, String tag) {
        List<Element> cells = new ArrayList<>();
        for (Node n : tr.childNodes()) {
            if (n instanceof Element e && e.tagName().equals(tag)) {
                for (var a : e.attributes()) {
                    if (!a.getKey().equals("align") || !ALIGNMENTS.contains(a.getValue())) {
                        return null;
                    }
                }
                cells.add(e);
            } else if (!(n instanceof TextNode t && t.isBlank())) {
                return null;
            }
        }
        return cells;
    }
}
