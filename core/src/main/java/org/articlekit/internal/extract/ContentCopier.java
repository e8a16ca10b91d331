package org.articlekit.internal.extract;

import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Copies the chosen blocks of a page into a new, detached element, leaving out furniture and,
 * when cleaning, what does not belong to the article (see {@link MainContentExtractor}). Copying
 * (rather than removing nodes one by one from long sibling lists) keeps the work linear.
 */
final class ContentCopier {

    private static final Evaluator CODE = Selector.evaluatorOf("code, pre, kbd, samp");
    private static final Evaluator TABLE_HEADS = Selector.evaluatorOf("th, caption");
    private static final Evaluator PICTURE = Selector.evaluatorOf("img, picture, svg, video");

    private static final Set<String> CONDITIONAL = Set.of("div", "section", "ul", "ol", "table", "dl", "header",
            "center");
    private static final Set<String> LINE_BLOCKS = Set.of("p", "div", "section", "li", "dd", "span", "h1", "h2", "h3",
            "h4", "h5", "h6", "strong", "b", "font", "center", "td", "blockquote");

    /** Blocks that stand on a line of their own, so that their whole text can be a heading. */
    private static final Set<String> STANDALONE = Set.of("p", "div", "section", "header", "dt", "center");

    /** Furniture inside the article that is left to the body normaliser, which reports what it drops. */
    private static final Set<String> PASSED_ON = Set.of("script", "style", "iframe", "frame", "object", "embed",
            "template", "link", "meta", "noscript", "canvas", "audio", "video", "map");

    private final PageAnalysis a;
    private final ExtractionReport report;
    private final List<String> titles;
    private final boolean clean;
    private final Set<Element> cut = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean titleSeen;
    /** The part being copied. */
    private int currentPart;
    private boolean stopped;
    private boolean stopAfterThisPart;
    /** Whether the part being copied is a gallery whose captions are its text. */
    private boolean gallery;
    private int visited;
    private @Nullable ArticleFormatException late;

    ContentCopier(PageAnalysis a, ExtractionReport report, List<String> titles, boolean clean) {
        this.a = a;
        this.report = report;
        this.titles = titles;
        this.clean = clean;
    }

    /**
     * @param parts the elements to copy, in document order ({@code 0}, the body, copies its children)
     * @param ctx for the deadline, or null
     * @return a {@code div} holding the copies
     * @throws ArticleFormatException past the deadline
     */
    Element copy(List<Integer> parts, @Nullable ConversionContext ctx) throws ArticleFormatException {
        Element root = new Element("div");
        for (int part : parts) {
            if (stopped) {
                break;
            }
            Element src = a.elements.get(part);
            currentPart = part;
            gallery = clean && captionsHoldMostOf(part);
            // The traversal meets elements in the analysis's document order: the index is a counter.
            int[] next = {part};
            Deque<Element> dst = new ArrayDeque<>();
            dst.push(root);
            NodeTraversor.filter(new NodeFilter() {
                @Override
                public FilterResult head(Node node, int depth) {
                    if (late != null) {
                        return FilterResult.STOP;
                    }
                    Node parent = node.parentNode();
                    if (node != src && parent instanceof Element pe && cut.contains(pe)) {
                        if (node instanceof Element) {
                            next[0] = a.end[next[0]];
                        }
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (node instanceof TextNode t) {
                        dst.peek().appendChild(new TextNode(composed(t.getWholeText())));
                        return FilterResult.CONTINUE;
                    }
                    if (!(node instanceof Element e)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if ((++visited & 4095) == 0 && ctx != null) {
                        try {
                            ctx.checkDeadline();
                        } catch (ArticleFormatException x) {
                            late = x;
                            return FilterResult.STOP;
                        }
                    }
                    int k = next[0];
                    next[0] = k + 1;
                    if (e == src && part == 0) {
                        dst.push(root);
                        return FilterResult.CONTINUE;
                    }
                    if (e != src && leaveOut(k, e, src)) {
                        next[0] = a.end[k];
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    // Not shallowClone(): it looks up the base URI through every ancestor (quadratic on deep trees).
                    // A form is a container here (some pages wrap everything in one): its text is kept in a plain
                    // div, without what made it a form; its controls are furniture.
                    Element copy = e.normalName().equals("form") ? new Element("div")
                            : new Element(e.tag(), "", e.attributesSize() == 0 ? null : e.attributes().clone());
                    dst.peek().appendChild(copy);
                    dst.push(copy);
                    return FilterResult.CONTINUE;
                }

                @Override
                public FilterResult tail(Node node, int depth) {
                    if (node instanceof Element) {
                        dst.pop();
                    }
                    return FilterResult.CONTINUE;
                }
            }, src);
            if (late != null) {
                throw late;
            }
            stopped = stopAfterThisPart;
        }
        return root;
    }

    /**
     * The article's text in Unicode's composed form (NFC), which is what readers search and compare
     * with: a page may spell the same letters with characters NFC replaces (Bengali {@code য়}
     * as one character, letters with separate accents). Text without such characters is returned as is.
     */
    static String composed(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!composedAsIs(text.charAt(i))) {
                return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text
                        : Normalizer.normalize(text, Normalizer.Form.NFC);
            }
        }
        return text;
    }

    /**
     * Whether NFC leaves a character as it is whatever surrounds it (it has no decomposition and
     * never combines with a neighbour): what comes before the combining marks (U+0300), the CJK
     * unified ideographs, the CJK symbols and punctuation before their tone marks (U+3000–U+3029) and
     * the full-width ASCII forms. A Chinese page is almost all of these.
     */
    private static boolean composedAsIs(char c) {
        return c < '\u0300' || (c >= '\u4e00' && c <= '\u9fff') || (c >= '\u3000' && c <= '\u3029')
                || (c >= '\uff01' && c <= '\uff5e');
    }

    /** Decides whether to leave an element out, reporting why. */
    private boolean leaveOut(int k, Element e, Element partRoot) {
        if (a.furniture[k] != null && PASSED_ON.contains(e.normalName())) {
            // The body normaliser removes these and warns about active content; it must see them.
            return false;
        }
        if (a.furniture[k] != null) {
            if (clean && a.rawChars[k] > 0) {
                report.removed(a.furniture[k], e.text(), a.rawChars[k]);
            }
            return true;
        }
        if (e.normalName().equals("img") && Hints.spacerImage(e.attr("src"), e.attr("width"), e.attr("height"))
                && !lazy(e)) {
            // A spacer or tracking pixel is no picture (and must not become the cover).
            return true;
        }
        if (!clean) {
            return false;
        }
        String tag = e.normalName();
        boolean heading = a.headings[k] == 1;
        if (heading && !titleSeen && a.paragraphs[k] == 0 && (tag.equals("h1") || tag.equals("h2"))) {
            titleSeen = true;
            String text = MainContentExtractor.squash(e.text());
            if (text.length() >= 2 && repeatsTitle(text)) {
                report.removed("heading repeating the title", e.text(), a.chars[k]);
                return true;
            }
        }
        boolean lineBlock = LINE_BLOCKS.contains(tag);
        // The text of a short line, which the rules below test, taken once (empty for other elements).
        String line = a.rawChars[k] > 0 && a.rawChars[k] <= 300 && (lineBlock || (heading && a.rawChars[k] <= 60))
                ? e.text() : "";
        if (a.rawChars[k] > 0 && a.rawChars[k] <= 60 && (heading || lineBlock)) {
            String text = line;
            // A heading, or a line of its own (not a bold "Related" inside a sentence), that opens a related
            // box or the comments.
            boolean alone = heading || hasCjk(text) || STANDALONE.contains(tag);
            if (alone && (Hints.RELATED_LINE.matches(text)
                    || Hints.COMMENTS_LINE.matches(text))) {
                if (articleFollows(k)) {
                    // A "related" box in the middle of the article: the heading goes, its list of links is
                    // left to the link-density rule, and the article goes on.
                    report.removed("related list heading", text, a.chars[k]);
                    return true;
                }
                int box = a.parent[k];
                if (box > currentPart && linksBox(box, k) && paragraphFollows(box)) {
                    // The heading and its links have a box of their own, and the story goes on after it.
                    report.removed("related list", a.elements.get(box).text(), a.chars[box]);
                    cut.add(a.elements.get(box));
                    return true;
                }
                report.removed("related list (from its heading on)", text, a.chars[k]);
                for (Element p = e.parent(); p != null; p = p.parent()) {
                    cut.add(p);
                    if (p == partRoot) {
                        break;
                    }
                }
                stopAfterThisPart = true;
                return true;
            }
            if (a.linkWeight[k] == 0 && a.rawChars[k] <= 24 && Hints.AD_LINE.matches(text)) {
                report.removed("advertisement label", text, a.chars[k]);
                return true;
            }
        }
        if (!gallery && caption(k, e) && a.weight[k] * 3 < a.weight[currentPart]) {
            // A picture's caption or credit describes the picture, not the story; the picture stays.
            report.removed("picture caption", e.text(), a.chars[k]);
            return true;
        }
        if (a.rawChars[k] > 0 && a.rawChars[k] <= 250 && lineBlock && a.linkWeight[k] * 2 >= a.weight[k]
                && Hints.SEE_ALSO_LINE.matches(line)) {
            // "Read also: <a link to another story>" between the paragraphs.
            report.removed("link to another story", line, a.chars[k]);
            return true;
        }
        if (!a.blockChild[k] && a.rawChars[k] > 0 && a.rawChars[k] <= 300 && lineBlock) {
            String text = line;
            // A paragraph opening with a picture whose credit reads "© …" is no copyright notice.
            if (a.images[k] == 0 && Hints.TRAILER_LINE.matches(text)) {
                String t = text.stripLeading();
                boolean editor = t.matches("(?s)[（(【\\[]?\\s*(?:责任编辑|责编|编辑|校对|审核|监制).*");
                report.removed(editor ? "editor line" : "disclaimer or copyright notice", text, a.chars[k]);
                return true;
            }
            // A heading is a prompt only when it is all prompt ("Rate this article"), not when it opens with one.
            if (a.rawChars[k] <= 160 && (heading ? Hints.PROMPT_LINE.matches(text) : Hints.prompt(text))
                    && !code(e)) {
                report.removed("prompt to rate, share, print or subscribe", text, a.chars[k]);
                return true;
            }
            if (a.rawChars[k] <= 40 && Hints.SHARE_LINE.matches(text)) {
                report.removed("share bar", text, a.chars[k]);
                return true;
            }
            if (a.rawChars[k] <= MAX_DATE_LINE && !heading && Hints.DATE_OR_CATEGORY_LINE.matches(text) && !code(e)) {
                report.removed("date or category line", text, a.chars[k]);
                return true;
            }
        }
        if (tag.equals("a") && a.rawChars[k] > 0 && a.rawChars[k] <= 40) {
            String link = e.text();
            if (Hints.PROMPT_LINE.matches(link)) {
                // A link that is a prompt of its own ("Print recipe").
                report.removed("prompt to rate, share, print or subscribe", link, a.chars[k]);
                return true;
            }
        }
        if (CONDITIONAL.contains(tag)) {
            String why = conditional(k, e, tag);
            if (why != null) {
                report.removed(why, e.text(), a.chars[k]);
                return true;
            }
        }
        return false;
    }

    /**
     * @param k a heading
     * @return whether article text follows it in the part being copied: at least two paragraphs
     *     (or blocks of 150 units of text) and {@value #ARTICLE_AFTER} units of text outside links
     */
    private boolean articleFollows(int k) {
        int plain = 0;
        int paragraphs = 0;
        for (int j = a.end[k]; j < a.end[currentPart]; j = a.end[j]) {
            if (a.dropped[j] || a.linkDensity(j) > 0.3) {
                continue;
            }
            int own = a.weight[j] - a.linkWeight[j];
            plain += own;
            // Paragraphs written as divs (no <p>) count by their text.
            paragraphs += Math.max(a.paragraphs[j], own >= 150 ? 1 : 0);
        }
        return paragraphs >= 2 && plain >= ARTICLE_AFTER;
    }

    /** @return whether box {@code box} holds heading {@code k} and, besides it, mostly links */
    private boolean linksBox(int box, int k) {
        int rest = a.weight[box] - a.weight[k];
        return rest > 0 && a.linkWeight[box] - a.linkWeight[k] >= rest * 0.6;
    }

    /** @return whether a paragraph of plain text follows {@code box} in the part being copied */
    private boolean paragraphFollows(int box) {
        for (int j = a.end[box]; j < a.end[currentPart]; j = a.end[j]) {
            if (!a.dropped[j] && a.linkDensity(j) <= 0.3 && a.weight[j] - a.linkWeight[j] >= PARAGRAPH_AFTER) {
                return true;
            }
        }
        return false;
    }

    /** The plain text of the paragraph that, after a box of links, shows the story goes on. */
    static final int PARAGRAPH_AFTER = 100;

    /** @return whether an element is or holds code, or is inside code: commands are never prompts */
    private static boolean code(Element e) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p.nameIs("pre") || p.nameIs("code")) {
                return true;
            }
        }
        return e.selectFirst(CODE) != null;
    }

    /** The most characters of a line giving the article's date or category. */
    static final int MAX_DATE_LINE = 60;

    /** The most characters a picture's caption has; a longer block named so is text. */
    static final int MAX_CAPTION = 400;

    /** @return whether element {@code k} is a picture's caption or credit: short, without pictures, named so */
    private boolean caption(int k, Element e) {
        return a.rawChars[k] > 0 && a.rawChars[k] <= MAX_CAPTION && a.images[k] == 0
                && (e.normalName().equals("figcaption") || Hints.captionText(e)) && !besidePicture(e);
    }

    /**
     * @return whether a caption goes with a picture the article keeps: it is in a figure that holds
     *     one, or the element just before or after it is or holds one. Such a caption stays with its
     *     picture; a caption or credit on its own (its picture gone, or never there) does not.
     */
    private static boolean besidePicture(Element caption) {
        Element box = caption.parent();
        if (box != null && box.nameIs("figure") && box.selectFirst(PICTURE) != null) {
            return true;
        }
        Element before = caption.previousElementSibling();
        Element after = caption.nextElementSibling();
        return (before != null && before.selectFirst(PICTURE) != null)
                || (after != null && after.selectFirst(PICTURE) != null);
    }

    /**
     * @return whether the captions inside a part hold at least half of its text: a gallery told in
     *     its captions, whose captions are the story
     */
    private boolean captionsHoldMostOf(int part) {
        int captions = 0;
        for (int k = part + 1; k < a.end[part]; k++) {
            if (a.dropped[k]) {
                k = a.end[k] - 1;
            } else if (caption(k, a.elements.get(k))) {
                captions += a.weight[k];
                k = a.end[k] - 1;
            }
        }
        return captions * 2 >= a.weight[part];
    }

    /** The text after a "related" heading that makes it a box inside the article, not its end. */
    static final int ARTICLE_AFTER = 400;

    /** @return whether an image names its real picture elsewhere (lazy loading: a placeholder in src) */
    private static boolean lazy(Element img) {
        for (org.jsoup.nodes.Attribute at : img.attributes()) {
            String k = at.getKey();
            if (k.contains("srcset") || k.startsWith("data-") && at.getValue().indexOf('/') >= 0) {
                return true;
            }
        }
        return false;
    }

    private boolean repeatsTitle(String heading) {
        for (String t : titles) {
            if (t.equals(heading) || t.startsWith(heading) && heading.length() * 2 >= t.length()
                    || heading.startsWith(t) && t.length() >= 4) {
                return true;
            }
        }
        return false;
    }

    /** The text a block needs to count as prose whatever its name says. */
    static final int PROSE_WEIGHT = 100;

    /**
     * @return whether a block reads as prose: some text, sentences with commas or clause marks, few
     *     links. Such a block is not dropped for a name that only says what kind of box it is
     *     ({@code widget}, {@code list}, {@code info}: page builders wrap every paragraph in such boxes).
     */
    private boolean prose(int k) {
        return a.weight[k] >= PROSE_WEIGHT && a.punctuation[k] >= 2 && a.linkDensity(k) < 0.25;
    }

    /**
     * @return whether a block holds text a box word's name does not make furniture: prose, or a
     *     paragraph or heading with few links (a page builder's text or heading module)
     */
    private boolean boxedText(int k) {
        return prose(k) || (a.paragraphs[k] > 0 || a.headings[k] > 0) && a.weight[k] > 0 && a.linkDensity(k) < 0.25;
    }

    /** Readability-style clean-up of a block inside the article; null keeps it. */
    private @Nullable String conditional(int k, Element e, String tag) {
        int classWeight = Hints.weight(e);
        // A name does not outweigh the text: a block with a good share of the article's text stays.
        if (classWeight < 0 && a.weight[k] * 3 < a.weight[currentPart] && !(boxedText(k) && Hints.wrapperName(e))) {
            return "block named like page furniture (" + Hints.names(e) + ")";
        }
        if (a.codeBlocks[k] > 0 || a.headings[k] > 0 && a.weight[k] < 400) {
            return null;
        }
        if (tag.equals("table") && (e.selectFirst(TABLE_HEADS) != null)) {
            return null;
        }
        if (a.punctuation[k] >= 10) {
            return null;
        }
        int w = a.weight[k];
        double ld = a.linkDensity(k);
        int images = a.images[k];
        boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
        if (w < 25 && images == 0 && a.rawChars[k] == a.chars[k] && a.chars[k] > 0) {
            return "block with too little text";
        }
        if (images > 2 && a.paragraphs[k] * 2 < images && w < 100) {
            return "block of images";
        }
        if (list ? ld > 0.5 && w < 600 : classWeight < 25 && ld > 0.33) {
            return "block of links";
        }
        if (classWeight >= 25 && ld > 0.5) {
            return "block of links";
        }
        return null;
    }

    private static boolean hasCjk(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (PageAnalysis.isCjk(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
