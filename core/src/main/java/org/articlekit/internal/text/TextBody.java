package org.articlekit.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Turns the body lines of a text file into paragraphs, lists and quotes, built as jsoup elements
 * (text is never spliced into HTML), for the body normaliser to finish.
 *
 * <p>Paragraphs end at blank lines. A line also ends its paragraph when it is a CJK sentence of at
 * least {@value CjkText#LONG_LINE} characters ending in {@code 。！？」』} (or {@code …”} in a mostly CJK
 * line), when the next line is indented with an ideographic space, and always when the text has no
 * blank line at all, is mostly CJK and does not mark paragraphs with ideographic-space indents
 * (one paragraph per line, as scraped Chinese text is). Other lines are hard wraps: they join with
 * nothing where both sides are CJK (or one is CJK punctuation), else with a space. Lines starting
 * with {@code - }, {@code * }, {@code • } or {@code 1. } make list items (indented lines continue
 * an item), and a block whose lines all start with {@code >} is a quotation.
 */
final class TextBody {

    private static final Pattern BULLET = Pattern.compile("[-*•]\\s+(\\S.*)");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,9})(?:[.)]\\s+|、\\s*)(\\S.*)");

    private final Element root;
    private final ConversionContext ctx;

    private TextBody(Element root, ConversionContext ctx) {
        this.root = root;
        this.ctx = ctx;
    }

    /**
     * Appends the body's blocks to {@code root}.
     *
     * @param lines all lines of the text
     * @param from the first body line
     * @param root the element that receives the blocks
     * @param ctx for the deadline
     * @throws ArticleFormatException when the conversion runs past its deadline
     */
    static void build(List<String> lines, int from, Element root, ConversionContext ctx)
            throws ArticleFormatException {
        new TextBody(root, ctx).build(lines, from);
    }

    private void build(List<String> lines, int from) throws ArticleFormatException {
        List<List<String>> blocks = blocks(lines, from);
        int nonBlank = 0;
        int cjk = 0;
        boolean indented = false;
        for (List<String> b : blocks) {
            for (String l : b) {
                nonBlank++;
                if (CjkText.isMostlyCjk(l)) {
                    cjk++;
                }
                indented |= l.startsWith("\u3000");
            }
        }
        boolean oneLinePerParagraph = blocks.size() == 1 && !indented && cjk * 2 >= nonBlank;
        int seen = 0;
        for (List<String> block : blocks) {
            seen += block.size();
            if (seen > 4096) {
                ctx.checkDeadline();
                seen = 0;
            }
            if (block.stream().allMatch(l -> l.stripLeading().startsWith(">"))) {
                quote(block);
            } else {
                paragraphs(block, root, oneLinePerParagraph, true);
            }
        }
    }

    private static List<List<String>> blocks(List<String> lines, int from) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            } else {
                current.add(line.stripTrailing());
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private void quote(List<String> block) {
        Element quote = root.appendElement("blockquote");
        List<String> inner = new ArrayList<>();
        for (String l : block) {
            String s = l.stripLeading().substring(1);
            s = s.startsWith(" ") ? s.substring(1) : s;
            if (s.isBlank()) {
                paragraphs(inner, quote, false, false);
                inner.clear();
            } else {
                inner.add(s);
            }
        }
        paragraphs(inner, quote, false, false);
    }

    /** Splits one block of non-blank lines into paragraphs and, when allowed, lists. */
    private static void paragraphs(List<String> block, Element parent, boolean oneLinePerParagraph,
            boolean lists) {
        List<String> para = new ArrayList<>();
        List<String> item = new ArrayList<>();
        Element list = null;
        for (String line : block) {
            String s = line.strip();
            Matcher bullet = BULLET.matcher(s);
            Matcher numbered = NUMBERED.matcher(s);
            boolean isBullet = lists && bullet.matches();
            boolean isNumbered = lists && !isBullet && numbered.matches();
            if (isBullet || isNumbered) {
                append(parent, "p", para);
                if (list != null) {
                    append(list, "li", item);
                }
                String tag = isBullet ? "ul" : "ol";
                if (list == null || !list.nameIs(tag)) {
                    list = parent.appendElement(tag);
                    if (isNumbered && !numbered.group(1).equals("1")) {
                        list.attr("start", String.valueOf(Integer.parseInt(numbered.group(1))));
                    }
                }
                item.add(isBullet ? bullet.group(1) : numbered.group(2));
            } else if (list != null && Character.isWhitespace(line.codePointAt(0)) && !line.startsWith("\u3000")) {
                item.add(s);
            } else {
                if (list != null) {
                    append(list, "li", item);
                    list = null;
                }
                if (!para.isEmpty() && (oneLinePerParagraph || CjkText.endsParagraph(para.get(para.size() - 1))
                        || line.startsWith("\u3000"))) {
                    append(parent, "p", para);
                }
                para.add(s);
            }
        }
        append(parent, "p", para);
        if (list != null) {
            append(list, "li", item);
        }
    }

    /** Appends the joined lines as a new {@code tag} element and clears them; nothing when empty. */
    private static void append(Element parent, String tag, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String next = lines.get(i);
            if (!CjkText.joinsTight(lines.get(i - 1), next)) {
                sb.append(' ');
            }
            sb.append(next);
        }
        parent.appendElement(tag).appendChild(new TextNode(sb.toString()));
        lines.clear();
    }
}
