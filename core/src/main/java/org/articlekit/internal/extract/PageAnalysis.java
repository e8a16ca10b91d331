package org.articlekit.internal.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a page's body that numbers its elements in document order and adds up, bottom
 * up, what each element holds: text weight, link text weight, punctuation, paragraphs, images.
 * Everything is computed once, in time linear in the size of the page; nothing is recomputed per
 * ancestor (which would be quadratic on deep trees), and the page is not changed.
 *
 * <p>Text weight counts characters, not words: a CJK character weighs {@value #CJK_WEIGHT} (it
 * carries about as much as a short Latin word), any other non-space character weighs 1.
 * Punctuation counts commas and the CJK sentence and clause marks.
 */
final class PageAnalysis {

    /** The weight of one CJK character. */
    static final int CJK_WEIGHT = 3;

    /** Elements that start a block, for telling whether a div holds only a paragraph's text. */
    static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
            "fieldset", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
            "nav", "ol", "p", "pre", "section", "table", "ul");

    final List<Element> elements = new ArrayList<>();
    int[] parent;
    /** Exclusive end of each element's subtree: its descendants are {@code i+1 .. end-1}. */
    int[] end;
    /** Why the element (not an ancestor) is page furniture, or null. */
    @Nullable String[] furniture;
    /** Whether the element or an ancestor is furniture. */
    boolean[] dropped;
    boolean[] blockChild;
    /** Sums over the subtree, furniture excluded. */
    int[] weight;
    int[] linkWeight;
    int[] punctuation;
    int[] chars;
    int[] paragraphs;
    int[] images;
    int[] headings;
    int[] codeBlocks;
    /** Non-space characters of the subtree, furniture included. */
    int[] rawChars;

    private PageAnalysis() {
        parent = end = new int[0];
        furniture = new String[0];
        dropped = blockChild = new boolean[0];
        weight = linkWeight = punctuation = chars = paragraphs = images = headings = codeBlocks = rawChars = new int[0];
    }

    /**
     * @param root the page's body
     * @param byName whether class and id names can make a block furniture
     * @return the analysis
     */
    static PageAnalysis of(Element root, boolean byName) {
        PageAnalysis a = new PageAnalysis();
        a.run(root, byName);
        return a;
    }

    int size() {
        return elements.size();
    }

    /** @return whether {@code j} is {@code i} or inside it */
    boolean contains(int i, int j) {
        return j >= i && j < end[i];
    }

    /** @return the index of the first child element of {@code i}, or {@code end[i]} when it has none */
    int firstChild(int i) {
        return i + 1;
    }

    /** @return the index of the sibling after child {@code j} (its subtree skipped) */
    int nextSibling(int j) {
        return end[j];
    }

    /** @return link weight over text weight, 0 for an empty element */
    double linkDensity(int i) {
        return weight[i] == 0 ? 0 : Math.min(1, linkWeight[i] / (double) weight[i]);
    }

    private void run(Element root, boolean byName) {
        // Own text first: each text node is counted once, for the element that holds it.
        int[][] own = {new int[4 * 1024]};
        int[][] parents = {new int[1024]};
        boolean[][] inLink = {new boolean[1024]};
        int[][] stack = {new int[64]};
        int[] top = {-1};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    int i = elements.size();
                    int p = top[0] >= 0 ? stack[0][top[0]] : -1;
                    elements.add(e);
                    if (i == parents[0].length) {
                        parents[0] = Arrays.copyOf(parents[0], i * 2);
                        inLink[0] = Arrays.copyOf(inLink[0], i * 2);
                        own[0] = Arrays.copyOf(own[0], i * 8);
                    }
                    parents[0][i] = p;
                    inLink[0][i] = e.normalName().equals("a") || p >= 0 && inLink[0][p];
                    if (++top[0] == stack[0].length) {
                        stack[0] = Arrays.copyOf(stack[0], stack[0].length * 2);
                    }
                    stack[0][top[0]] = i;
                } else if (node instanceof TextNode t && top[0] >= 0) {
                    int i = stack[0][top[0]];
                    count(t.getWholeText(), own[0], 4 * i, inLink[0][i]);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element) {
                    top[0]--;
                }
            }
        }, root);
        int n = elements.size();
        parent = new int[n];
        end = new int[n];
        furniture = new String[n];
        dropped = new boolean[n];
        blockChild = new boolean[n];
        weight = new int[n];
        linkWeight = new int[n];
        punctuation = new int[n];
        chars = new int[n];
        paragraphs = new int[n];
        images = new int[n];
        headings = new int[n];
        codeBlocks = new int[n];
        rawChars = new int[n];
        // Link and text weight of each subtree, furniture included, to weigh a name against the text it names.
        int[] rawWeight = new int[n];
        int[] rawLinkWeight = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = parents[0][i];
            rawChars[i] = own[0][4 * i + 3];
            rawWeight[i] = own[0][4 * i];
            rawLinkWeight[i] = own[0][4 * i + 1];
        }
        for (int i = n - 1; i > 0; i--) {
            if (parent[i] >= 0) {
                rawChars[parent[i]] += rawChars[i];
                rawWeight[parent[i]] += rawWeight[i];
                rawLinkWeight[parent[i]] += rawLinkWeight[i];
            }
        }
        for (int i = 0; i < n; i++) {
            Element e = elements.get(i);
            furniture[i] = i == 0 ? null : Hints.furniture(e, byName);
            if (furniture[i] != null && Hints.namedLineOrMenu(furniture[i]) && Hints.furniture(e, false) == null
                    && rawChars[i] >= TEXT_NOT_LINE && rawLinkWeight[i] * 10 < rawWeight[i] * 3 && !Hints.byline(e)) {
                // Named a header, a menu or a meta line, but it holds paragraphs of plain text, not links or a line.
                furniture[i] = null;
            }
            if ("header block".equals(furniture[i]) && rawLinkWeight[i] == 0 && sectionHeading(e)) {
                // Named a header, but it is a section heading or only wraps one (a page builder's heading module).
                furniture[i] = null;
            }
            if (furniture[i] != null && holdsMostOfPage(i) && !furniture[i].equals("hidden block")) {
                // A class or tag does not outweigh the text: a block with most of the page's text is the page.
                furniture[i] = null;
            }
            dropped[i] = furniture[i] != null || parent[i] >= 0 && dropped[parent[i]];
            int[] o = own[0];
            weight[i] = o[4 * i];
            linkWeight[i] = o[4 * i + 1];
            punctuation[i] = o[4 * i + 2];
            chars[i] = o[4 * i + 3];
            end[i] = i + 1;
            String tag = e.normalName();
            if (tag.equals("p")) {
                paragraphs[i] = 1;
            } else if (tag.equals("img")) {
                images[i] = 1;
            } else if (tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') {
                headings[i] = 1;
            } else if (tag.equals("pre")) {
                codeBlocks[i] = 1;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int p = parent[i];
            if (p < 0) {
                continue;
            }
            end[p] = Math.max(end[p], end[i]);
            if (BLOCKS.contains(elements.get(i).normalName())) {
                blockChild[p] = true;
            }
            if (dropped[i]) {
                continue;
            }
            weight[p] += weight[i];
            linkWeight[p] += linkWeight[i];
            punctuation[p] += punctuation[i];
            chars[p] += chars[i];
            paragraphs[p] += paragraphs[i];
            images[p] += images[i];
            headings[p] += headings[i];
            codeBlocks[p] += codeBlocks[i];
        }
    }

    /**
     * @param i an element
     * @return whether it holds more than half of the page's text (and the page has some): such a
     *     block is never set aside for its class, id or tag
     */
    boolean holdsMostOfPage(int i) {
        return rawChars[0] >= MOST_OF_PAGE_MIN && rawChars[i] * 2 > rawChars[0];
    }

    /**
     * @param e an element
     * @return whether it is a section heading ({@code h2}..{@code h6}, not the title's {@code h1}) or
     *     holds one and nothing else: one element child, and no text of its own
     */
    private static boolean sectionHeading(Element e) {
        Element h = e;
        while (!subheading(h.normalName())) {
            if (h.childrenSize() != 1 || h.textNodes().stream().anyMatch(t -> !t.isBlank())) {
                return false;
            }
            h = h.child(0);
        }
        return true;
    }

    private static boolean subheading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '2' && tag.charAt(1) <= '6';
    }

    /**
     * A block named a header, a menu or a meta line that holds this many characters, few of them
     * links, holds text (a story's header with its lead, a recipe's tips, a product's tabs).
     */
    static final int TEXT_NOT_LINE = 200;

    /** Below this many characters a page has too little text for {@link #holdsMostOfPage} to mean anything. */
    static final int MOST_OF_PAGE_MIN = 200;

    /** Adds a text's weight, link weight, punctuation and characters to {@code o}. */
    private static void count(String s, int[] o, int at, boolean link) {
        int w = 0;
        int punct = 0;
        int c = 0;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (ch <= ' ' || Character.isWhitespace(ch) || ch == '\u00A0' || ch == '\u3000') {
                continue;
            }
            c++;
            if (ch == ',' || ch == '，' || ch == '、' || ch == '。' || ch == '；' || ch == '：' || ch == '！'
                    || ch == '？') {
                punct++;
                w++;
            } else if (isCjk(ch)) {
                w += CJK_WEIGHT;
            } else {
                w++;
            }
        }
        o[at] += w;
        if (link) {
            o[at + 1] += w;
        }
        o[at + 2] += punct;
        o[at + 3] += c;
    }

    /** @return whether the char is a CJK ideograph, kana or hangul syllable (BMP) */
    static boolean isCjk(char ch) {
        return ch >= '\u4E00' && ch <= '\u9FFF' || ch >= '\u3400' && ch <= '\u4DBF' || ch >= '\u3040' && ch <= '\u30FF'
                || ch >= '\uAC00' && ch <= '\uD7AF' || ch >= '\uF900' && ch <= '\uFAFF';
    }
}
