package org.articlekit.internal.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Renders a body element as plain text: blocks separated by blank lines (list items and table
 * rows by single line breaks), list markers, {@code > } before quoted lines, {@code pre} kept
 * verbatim, images as {@code [image: alt] (src)} and links as {@code text (url)}. The tree is
 * walked with {@link NodeTraversor}, which keeps no call stack, so any depth is safe.
 */
final class BodyText implements NodeVisitor {

    /** Elements whose start and end end the current block of text. */
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section",
            "article", "figure", "figcaption", "caption", "dt", "table", "thead", "tbody", "tfoot", "address",
            "header", "footer", "main", "aside", "details", "summary", "center");

    private enum Kind { QUOTE, ITEM, INDENT }

    /** A container that prefixes each of its lines: a quotation, a list item, a description. */
    private static final class Frame {
        final Kind kind;
        final String marker;
        boolean markerUsed;

        Frame(Kind kind, String marker) {
            this.kind = kind;
            this.marker = marker;
        }
    }

    /** A list being numbered. */
    private static final class ListState {
        final boolean ordered;
        final int step;
        int next;

        ListState(boolean ordered, int next, int step) {
            this.ordered = ordered;
            this.next = next;
            this.step = step;
        }
    }

    private final int lineWidth;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private final Deque<Frame> frames = new ArrayDeque<>();
    private final Deque<ListState> lists = new ArrayDeque<>();
    private final Deque<Integer> linkStarts = new ArrayDeque<>();
    private final Deque<int[]> rowCells = new ArrayDeque<>();
    private int preDepth;
    private int dlDepth;
    private boolean lastTight;
    private int lastQuotes;

    private BodyText(int lineWidth) {
        this.lineWidth = lineWidth;
    }

    /**
     * @param body the element whose children are the body
     * @param lineWidth the wrapping column, or 0 for none
     * @return the text, with LF line breaks and no trailing newline; empty for an empty body
     */
    static String render(Element body, int lineWidth) {
        BodyText r = new BodyText(lineWidth);
        NodeTraversor.traverse(r, body);
        r.flush();
        return r.out.toString();
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode t) {
            text(t);
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        String name = e.normalName();
        switch (name) {
            case "br" -> {
                if (preDepth == 0) {
                    trimTrailingSpaces();
                }
                inline.append('\n');
            }
            case "pre" -> {
                flush();
                preDepth++;
            }
            case "hr" -> {
                flush();
                emit(List.of("* * *"), false);
            }
            case "blockquote" -> {
                flush();
                frames.push(new Frame(Kind.QUOTE, "> "));
            }
            case "ul", "ol" -> {
                flush();
                boolean ordered = name.equals("ol");
                boolean reversed = ordered && e.hasAttr("reversed");
                int start = reversed ? e.children().size() : 1;
                String given = e.attr("start").strip();
                if (given.matches("-?\\d{1,9}")) {
                    start = Integer.parseInt(given);
                }
                lists.push(new ListState(ordered, start, reversed ? -1 : 1));
            }
            case "li" -> {
                flush();
                ListState list = lists.peek();
                String marker = "- ";
                if (list != null && list.ordered) {
                    marker = list.next + ". ";
                    list.next += list.step;
                }
                frames.push(new Frame(Kind.ITEM, marker));
            }
            case "dl" -> {
                flush();
                dlDepth++;
            }
            case "dd" -> {
                flush();
                frames.push(new Frame(Kind.INDENT, "    "));
            }
            case "tr" -> {
                flush();
                rowCells.push(new int[1]);
            }
            case "td", "th" -> {
                int[] cells = rowCells.peek();
                if (cells != null && cells[0]++ > 0) {
                    trimTrailingSpaces();
                    inline.append(" | ");
                }
            }
            case "img" -> image(e);
            case "a" -> linkStarts.push(inline.length());
            case "rt" -> {
                if (!(e.previousElementSibling() != null && e.previousElementSibling().nameIs("rp"))) {
                    inline.append('(');
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    flush();
                }
            }
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) {
            return;
        }
        String name = e.normalName();
        switch (name) {
            case "pre" -> {
                preDepth--;
                if (preDepth == 0) {
                    String raw = verbatim(inline);
                    inline.setLength(0);
                    if (!raw.isEmpty()) {
                        emit(List.of(raw.split("\n", -1)), false);
                    }
                }
            }
            case "blockquote", "li", "dd" -> {
                flush();
                frames.pop();
            }
            case "ul", "ol" -> {
                flush();
                lists.pop();
            }
            case "dl" -> {
                flush();
                dlDepth--;
            }
            case "tr" -> {
                flush();
                rowCells.pop();
            }
            case "a" -> link(e);
            case "rt" -> {
                if (!(e.nextElementSibling() != null && e.nextElementSibling().nameIs("rp"))) {
                    inline.append(')');
                }
            }
            default -> {
                if (BLOCKS.contains(name)) {
                    flush();
                }
            }
        }
    }

    /** The text of a {@code pre} without its leading line breaks and trailing white space. */
    private static String verbatim(CharSequence s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '\n') {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return s.subSequence(from, to).toString();
    }

    private void text(TextNode t) {
        if (preDepth > 0) {
            inline.append(t.getWholeText());
            return;
        }
        String s = t.getWholeText().replaceAll("[ \\t\\n\\r\\f]+", " ");
        if (s.startsWith(" ") && (inline.length() == 0 || Character.isWhitespace(inline.charAt(inline.length() - 1)))) {
            s = s.substring(1);
        }
        inline.append(s);
    }

    private void image(Element img) {
        String alt = img.attr("alt").replaceAll("\\s+", " ").strip();
        String src = img.attr("src").strip();
        if (inline.length() > 0 && !Character.isWhitespace(inline.charAt(inline.length() - 1))) {
            inline.append(' ');
        }
        inline.append(alt.isEmpty() ? "[image]" : "[image: " + alt + "]");
        if (!src.isEmpty()) {
            inline.append(" (").append(src).append(')');
        }
    }

    private void link(Element a) {
        Integer start = linkStarts.poll();
        String href = a.attr("href").strip();
        if (start == null || href.isEmpty() || href.startsWith("#") || preDepth > 0) {
            return;
        }
        String text = inline.substring(Math.min(start, inline.length())).strip();
        if (!sameAddress(text, href)) {
            trimTrailingSpaces();
            inline.append(" (").append(href).append(')');
        }
    }

    /** Whether a link's text already shows its address, as in {@code example.org} for {@code https://example.org/}. */
    private static boolean sameAddress(String text, String href) {
        String t = text.toLowerCase(Locale.ROOT);
        String h = href.toLowerCase(Locale.ROOT);
        if (t.equals(h) || h.equals("mailto:" + t) || t.contains(h)) {
            return true;
        }
        String bare = h.replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/$", "");
        String bareText = t.replaceFirst("^https?://", "").replaceFirst("^www\\.", "").replaceFirst("/$", "");
        return bare.equals(bareText);
    }

    private void trimTrailingSpaces() {
        while (inline.length() > 0 && inline.charAt(inline.length() - 1) == ' ') {
            inline.setLength(inline.length() - 1);
        }
    }

    /** Ends the current block of inline text, if any, and writes it as a paragraph. */
    private void flush() {
        if (preDepth > 0) {
            return;
        }
        List<String> lines = new ArrayList<>();
        for (String l : inline.toString().split("\n")) {
            String s = l.strip();
            if (!s.isEmpty()) {
                lines.add(s);
            }
        }
        inline.setLength(0);
        if (!lines.isEmpty()) {
            emit(lines, true);
        }
    }

    /**
     * Writes one block: its lines, wrapped when asked, each behind the prefix of the containers
     * around it (the innermost list item's marker on the first line, spaces after).
     */
    private void emit(List<String> lines, boolean wrap) {
        int quotes = 0;
        boolean tight = !rowCells.isEmpty() || dlDepth > 0;
        for (Frame f : frames) {
            if (f.kind == Kind.QUOTE) {
                quotes++;
            } else {
                tight = true;
            }
        }
        if (out.length() > 0) {
            out.append('\n');
            if (!(tight && lastTight)) {
                out.append("> ".repeat(Math.min(quotes, lastQuotes)).stripTrailing()).append('\n');
            }
        }
        lastTight = tight;
        lastQuotes = quotes;
        boolean first = true;
        for (String line : lines) {
            String prefix = prefix(true);
            List<String> parts = wrap && lineWidth > 0
                    ? LineWrapper.wrap(line, Math.max(10, lineWidth - CjkText.width(prefix))) : List.of(line);
            for (String part : parts) {
                if (!first) {
                    out.append('\n');
                }
                String p = prefix(false);
                out.append(part.isEmpty() ? p.stripTrailing() : p + part);
                first = false;
            }
        }
    }

    /**
     * The prefix of the next line, outermost container first. With {@code peek} nothing changes;
     * otherwise an unused list marker is used up.
     */
    private String prefix(boolean peek) {
        StringBuilder sb = new StringBuilder();
        var it = frames.descendingIterator();
        while (it.hasNext()) {
            Frame f = it.next();
            if (f.kind == Kind.QUOTE) {
                sb.append(f.marker);
            } else if (f.markerUsed) {
                sb.append(" ".repeat(f.marker.length()));
            } else {
                sb.append(f.marker);
                if (!peek) {
                    f.markerUsed = true;
                }
            }
        }
        return sb.toString();
    }
}
