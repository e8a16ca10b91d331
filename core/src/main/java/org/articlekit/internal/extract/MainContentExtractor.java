package org.articlekit.internal.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ContentExtractor;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Finds the article in a whole web page by scoring blocks, in the manner of Readability but
 * counting characters rather than words, so that Chinese pages made of many short paragraphs
 * score as well as English ones.
 *
 * <ol>
 *   <li>Page furniture is set aside: {@code nav}, {@code aside}, {@code footer}, form controls, hidden
 *       blocks, furniture roles, and blocks whose class or id names comments, share bars,
 *       related or recommended lists, sidebars, ads, copyright lines… in English or pinyin
 *       ({@code pinglun}, {@code fenxiang}, {@code tuijian}, {@code xiangguan}…), unless the
 *       name also says content ({@code content}, {@code article}, {@code zhengwen}, {@code neirong}…).</li>
 *   <li>Every paragraph-like block with enough text scores 1 + its punctuation + its length (up
 *       to 3), reduced by its share of link text, and passes the score to its parent, half to its
 *       grandparent and less further up. A block's own score starts from its tag and its
 *       class/id hints ({@code article}, {@code main}, {@code itemprop=articleBody} count for it).</li>
 *   <li>The best block, times one minus its link density, wins; when several of the best share
 *       an ancestor, or a parent scores higher, that ancestor wins. Siblings that score close to
 *       it, or are paragraphs of plain text, are merged in.</li>
 *   <li>The winner is cleaned: share bars, comment areas, "相关推荐 / 热点推荐 / 猜你喜欢 / Related"
 *       headings with everything after them, editor lines ({@code 责任编辑}), disclaimers and
 *       copyright notices, blocks that are mostly links, pictures' captions and credits (unless the
 *       captions hold most of the text, as in a gallery), and a heading repeating the title.</li>
 *   <li>A page whose best block has little text, or is a list of linked headlines, is reported
 *       as not an article and given back whole (its {@code main}, else its body, furniture
 *       removed), never forced into one block. A page with hardly any text at all is given back
 *       whole without a report.</li>
 * </ol>
 *
 * <p>Each step runs in time linear in the size of the page, without recursion; the page is not
 * changed: the result is a detached copy. What was removed is recorded in an
 * {@link ExtractionReport} and reported as {@code extract.removed} / {@code extract.not-article}
 * warnings. Thread-safe.
 */
public final class MainContentExtractor implements ContentExtractor {

    /** Runs of white space, collapsed to one space. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Evaluator OG_TITLE = Selector.evaluatorOf("meta[property=og:title], meta[name=twitter:title]");

    /** The shared instance. */
    public static final MainContentExtractor INSTANCE = new MainContentExtractor();

    /** The most {@code extract.removed} warnings one page gives; the rest are summed up in one. */
    static final int MAX_WARNINGS = 50;

    /** Below this text weight (about 50 CJK characters or 150 Latin ones) a page is not an article. */
    static final int MIN_ARTICLE_WEIGHT = 150;

    /** When the content found holds fewer characters, extraction is tried again without class-name hints. */
    static final int RETRY_BELOW = 250;

    private MainContentExtractor() {
    }

    @Override
    public Element extract(Document page, ConversionContext context) throws IOException {
        ExtractionReport report = new ExtractionReport();
        Element content = extract(page, context, report);
        // Removing page furniture is the purpose of extraction, not a repair: strict mode does not fail on it.
        ConversionContext info = context.strict() ? context.toBuilder().strict(false).build() : context;
        if (!report.isArticle()) {
            info.warn("extract.not-article", 0, "the page does not look like one article (" + report.verdict()
                    + "); kept its whole content");
        }
        List<ExtractionReport.Removal> removals = report.removals();
        for (int i = 0; i < removals.size() && i < MAX_WARNINGS; i++) {
            info.warn("extract.removed", 0, removals.get(i).message());
        }
        if (removals.size() > MAX_WARNINGS) {
            info.warn("extract.removed", 0, "removed " + (removals.size() - MAX_WARNINGS) + " more blocks");
        }
        return content;
    }

    /**
     * Extracts the main content and fills in a report.
     *
     * @param page the page; not changed
     * @param context for the deadline
     * @param report receives what was removed and whether the page is an article
     * @return a detached copy of the main content
     * @throws ArticleFormatException past the deadline
     */
    public Element extract(Document page, ConversionContext context, ExtractionReport report)
            throws ArticleFormatException {
        ExtractionReport first = new ExtractionReport();
        Element content = attempt(page, context, first, true);
        ExtractionReport chosen = first;
        if (!first.isArticle() || first.keptCharacters() < RETRY_BELOW
                && first.pageCharacters() > 4 * first.keptCharacters()) {
            // Class names misled us (a wrapper named "sidebar" or "widget" holding the story): try without them.
            ExtractionReport second = new ExtractionReport();
            Element other = attempt(page, context, second, false);
            // Never nothing for a page with text: a poor first result gives way to any fuller second one.
            boolean fuller = second.keptCharacters() > first.keptCharacters() * 2;
            if (second.isArticle() && (!first.isArticle() || fuller)
                    || fuller && first.keptCharacters() < RETRY_BELOW) {
                content = other;
                chosen = second;
            }
        }
        report.copyOf(chosen);
        return content;
    }

    private Element attempt(Document page, ConversionContext context, ExtractionReport report, boolean byName)
            throws ArticleFormatException {
        PageAnalysis a = PageAnalysis.of(page.body(), byName);
        context.checkDeadline();
        int n = a.size();
        double[] score = new double[n];
        boolean[] candidate = new boolean[n];
        for (int i = 1; i < n; i++) {
            if (a.dropped[i] || !paragraphLike(a, i) || a.weight[i] < 25) {
                continue;
            }
            double s = (1 + a.punctuation[i] + Math.min(a.weight[i] / 100, 3)) * (1 - a.linkDensity(i));
            int p = a.parent[i];
            for (int level = 0; p >= 0 && level < 5; level++, p = a.parent[p]) {
                if (!candidate[p]) {
                    candidate[p] = true;
                    score[p] = tagScore(a.elements.get(p).normalName()) + Hints.weight(a.elements.get(p));
                }
                score[p] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
            }
        }
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (candidate[i]) {
                score[i] *= 1 - a.linkDensity(i);
                ranked.add(i);
            }
        }
        context.checkDeadline();
        int pageChars = a.rawChars[0];
        boolean small = a.weight[0] < 2 * MIN_ARTICLE_WEIGHT;
        if (ranked.isEmpty()) {
            if (!small) {
                report.notArticle("no paragraph of text");
            }
            return whole(page, a, report, pageChars);
        }
        ranked.sort(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i));
        int top = ranked.get(0);
        top = promote(a, score, candidate, ranked, top);
        top = firstOfListedPosts(a, top);
        List<String> titles = titles(page);
        int story = titledStory(a, titles, top);
        List<Integer> parts;
        if (story >= 0) {
            // The page scrolls on into other stories: the one its title names is the article.
            top = best(a, score, candidate, story);
            parts = new ArrayList<>(List.of(top));
        } else {
            parts = new ArrayList<>(siblings(a, score, candidate, top));
        }
        int lead = lead(a, parts);
        if (lead >= 0) {
            parts.add(0, lead);
        }
        int kept = 0;
        int weight = 0;
        int linkWeight = 0;
        for (int i : parts) {
            kept += a.chars[i];
            weight += a.weight[i];
            linkWeight += a.linkWeight[i];
        }
        String why = notArticle(a, parts, weight, linkWeight);
        if (why != null) {
            // A page with hardly any text is kept whole without comment: there is nothing to tell apart.
            if (!small) {
                report.notArticle(why);
            }
            return whole(page, a, report, pageChars);
        }
        report.sizes(kept, pageChars);
        return new ContentCopier(a, report, titles, true).copy(parts, context);
    }

    /** When several of the best blocks share an ancestor, or a parent scores higher, that ancestor wins. */
    private static int promote(PageAnalysis a, double[] score, boolean[] candidate, List<Integer> ranked, int top) {
        double best = score[top];
        List<Integer> close = new ArrayList<>();
        for (int k = 1; k < Math.min(5, ranked.size()); k++) {
            if (score[ranked.get(k)] >= best * 0.75) {
                close.add(ranked.get(k));
            }
        }
        int cousins = 0;
        for (int c : close) {
            if (!a.contains(top, c) && !a.contains(c, top) && score[c] >= best * COUSIN_SHARE) {
                cousins++;
            }
        }
        if (close.size() >= 2 || cousins >= 1) {
            // Two blocks of nearly the same text in different boxes (an article in sections): both are the article.
            int need = close.size() >= 2 ? 2 : 1;
            int up = 0;
            for (int p = a.parent[top]; p > 0 && (need == 2 || up++ < COUSIN_LEVELS); p = a.parent[p]) {
                int inside = 0;
                for (int c : close) {
                    if (a.contains(p, c)) {
                        inside++;
                    }
                }
                if (inside >= need) {
                    top = p;
                    break;
                }
            }
        }
        double last = score[top];
        double threshold = last / 3;
        for (int p = a.parent[top]; p > 0; p = a.parent[p]) {
            if (!candidate[p]) {
                continue;
            }
            if (score[p] < threshold) {
                break;
            }
            if (score[p] > last) {
                if (liveChildren(a, p) > 1) {
                    top = p;
                }
                // else the parent adds nothing but furniture: keep the block itself
                break;
            }
            last = score[p];
        }
        while (top > 0 && a.parent[top] > 0 && onlyChild(a, top)) {
            top = a.parent[top];
        }
        // A wrapper whose only live child holds its text, beside furniture (a sidebar), gives way to that child.
        for (int guard = 0; guard < 64; guard++) {
            int live = -1;
            int count = 0;
            for (int j = a.firstChild(top); j < a.end[top]; j = a.nextSibling(j)) {
                if (!a.dropped[j]) {
                    live = j;
                    count++;
                }
            }
            if (count != 1 || a.rawChars[top] == a.chars[top] || a.weight[live] * 10 < a.weight[top] * 9) {
                break;
            }
            top = live;
        }
        return kin(a, score, ranked, top);
    }

    /** @return what a candidate scores for its text alone: without its tag's and names' part, before links lower it */
    private static double textScore(PageAnalysis a, double[] score, int i) {
        Element e = a.elements.get(i);
        return score[i] / Math.max(0.01, 1 - a.linkDensity(i)) - tagScore(e.normalName()) - Hints.weight(e);
    }

    /** A box of the best one's kind elsewhere scoring this share of it continues the article. */
    static final double KIN_SHARE = 0.3;

    /** The most link density such a box may have. */
    static final double KIN_LINKS = 0.2;

    /** How many of the best blocks are looked at for such boxes. */
    static final int KIN_LOOKED_AT = 20;

    /**
     * A page builder lays an article out in rows, each with a text box of the same tag and class:
     * such a box near the best one (their common box at most {@value #COUSIN_LEVELS} levels up),
     * with few links, whose text scores at least {@value #KIN_SHARE} of what the best one's text
     * scores, is more of the article, and their common box is the article. The names' part of the
     * score is left out of the comparison: boxes of one class share it, and it would make a short
     * box of a few words look like a section.
     *
     * @return the common box, or {@code top}
     */
    private static int kin(PageAnalysis a, double[] score, List<Integer> ranked, int top) {
        Element e = a.elements.get(top);
        String cls = e.className();
        if (cls.isEmpty() || score[top] <= 0) {
            return top;
        }
        double best = textScore(a, score, top);
        int box = top;
        for (int k = 0; k < Math.min(KIN_LOOKED_AT, ranked.size()); k++) {
            int c = ranked.get(k);
            if (a.contains(box, c) || a.contains(c, box) || a.linkDensity(c) >= KIN_LINKS
                    || textScore(a, score, c) < best * KIN_SHARE) {
                continue;
            }
            Element other = a.elements.get(c);
            if (!other.normalName().equals(e.normalName()) || !other.className().equals(cls)) {
                continue;
            }
            int p = a.parent[box];
            for (int up = 0; p > 0 && up < COUSIN_LEVELS && !a.contains(p, c); up++) {
                p = a.parent[p];
            }
            if (p > 0 && a.contains(p, c)) {
                box = p;
            }
        }
        return box;
    }

    /**
     * An old page laid out in tables that lists several posts (a blog's front page, a forum page)
     * gives each post's text cell the same class, each with its own title before it: the first post
     * is the article, not all of them merged. An article split into same-named
     * parts has no title between them, or has them side by side under one parent.
     *
     * @return the first of the listed posts inside {@code top}, or {@code top}
     */
    private static int firstOfListedPosts(PageAnalysis a, int top) {
        java.util.Map<String, List<Integer>> groups = new java.util.HashMap<>();
        for (int j = top + 1; j < a.end[top]; j++) {
            if (a.dropped[j] || a.weight[j] < 100) {
                continue;
            }
            Element e = a.elements.get(j);
            String cls = e.className();
            if (cls.isEmpty() || !e.normalName().equals("td")) {
                continue;
            }
            List<Integer> g = groups.computeIfAbsent(e.normalName() + "." + cls, k -> new ArrayList<>());
            if (g.isEmpty() || !a.contains(g.get(g.size() - 1), j)) {
                g.add(j);
            }
        }
        List<Integer> posts = null;
        int best = 0;
        for (List<Integer> g : groups.values()) {
            int sum = 0;
            for (int j : g) {
                sum += a.weight[j];
            }
            if (g.size() >= 2 && sum > best && sum * 10 >= a.weight[top] * 6 && titled(a, g)) {
                best = sum;
                posts = g;
            }
        }
        return posts == null ? top : posts.get(0);
    }

    /** @return whether each block of a group has a title between it and the one before, and its own parent */
    private static boolean titled(PageAnalysis a, List<Integer> posts) {
        for (int k = 0; k + 1 < posts.size(); k++) {
            int from = posts.get(k);
            int to = posts.get(k + 1);
            if (a.parent[from] == a.parent[to] || !titleBetween(a, a.end[from], to)) {
                return false;
            }
        }
        return true;
    }

    /** @return whether a post title (a linked heading, or a block named as a title) lies between two indexes */
    private static boolean titleBetween(PageAnalysis a, int from, int to) {
        for (int j = from; j < to; j++) {
            if (a.dropped[j] || a.weight[j] == 0) {
                continue;
            }
            // A post's title in a list: named so, or a heading that links to the post (a section heading does not).
            if (a.headings[j] == 1 && a.linkWeight[j] * 10 >= a.weight[j] * 8
                    || a.elements.get(j).className().toLowerCase(Locale.ROOT).contains("title")) {
                return true;
            }
        }
        return false;
    }

    /** How far above its heading a story's box is looked for. */
    static final int STORY_LEVELS = 8;

    /** How many headings naming the title are looked at, so that a page repeating it cannot make the search slow. */
    static final int STORY_HEADINGS = 8;

    /**
     * A page that scrolls on into the next stories holds each story in a box of its own, side by
     * side, each with its heading: when the best block is not in the one whose heading the page's
     * title names (or takes in several), that one is the article.
     *
     * @return the titled story's box, or -1 when the page is not laid out so or the best block is in it
     */
    private static int titledStory(PageAnalysis a, List<String> titles, int top) {
        if (titles.isEmpty()) {
            return -1;
        }
        int tried = 0;
        for (int h = 1; h < a.size() && tried < STORY_HEADINGS; h++) {
            Element heading = a.elements.get(h);
            String tag = heading.normalName();
            // The heading may sit in a header set aside by its name: it still names its story.
            if (a.headings[h] != 1 || tag.compareTo("h4") >= 0 || tag.length() != 2
                    || !namesTitle(squash(heading.text()), titles)) {
                continue;
            }
            tried++;
            int box = h;
            for (int level = 0; level < STORY_LEVELS && a.parent[box] > 0; level++) {
                box = a.parent[box];
                if (a.weight[box] >= STORY_WEIGHT && firstHeading(a, box, h) && hasStoryBeside(a, box)) {
                    return a.contains(box, top) ? -1 : box;
                }
            }
        }
        return -1;
    }

    /** The text a story's box holds, and each of the other stories beside it. */
    static final int STORY_WEIGHT = 3 * MIN_ARTICLE_WEIGHT;

    /** @return whether heading {@code h} is the first heading inside {@code box}: the story starts with it */
    private static boolean firstHeading(PageAnalysis a, int box, int h) {
        for (int j = box; j < h; j++) {
            String tag = a.elements.get(j).normalName();
            if (a.headings[j] == 1 && tag.length() == 2 && tag.charAt(0) == 'h' && !a.dropped[j]) {
                return false;
            }
        }
        return true;
    }

    /** @return whether a sibling of {@code box} with its tag and class holds a heading and text: another story */
    private static boolean hasStoryBeside(PageAnalysis a, int box) {
        Element e = a.elements.get(box);
        int parent = a.parent[box];
        for (int k = a.firstChild(parent); k < a.end[parent]; k = a.nextSibling(k)) {
            if (k == box || a.dropped[k] || a.headings[k] == 0 || a.weight[k] < STORY_WEIGHT) {
                continue;
            }
            Element other = a.elements.get(k);
            if (other.normalName().equals(e.normalName()) && (e.normalName().equals("article")
                    || !e.className().isEmpty() && sameKind(other.className(), e.className()))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether two class lists share their first class (or both have none) */
    private static boolean sameKind(String c1, String c2) {
        int s1 = c1.indexOf(' ');
        int s2 = c2.indexOf(' ');
        return (s1 < 0 ? c1 : c1.substring(0, s1)).equals(s2 < 0 ? c2 : c2.substring(0, s2));
    }

    /** @return whether a heading's text is the page's title or one of its parts */
    private static boolean namesTitle(String heading, List<String> titles) {
        int hw = textWeight(heading);
        if (hw < 8) {
            return false;
        }
        for (String t : titles) {
            if (t.equals(heading) || hw >= 12 && textWeight(t) >= 12 && (t.contains(heading) || heading.contains(t))) {
                return true;
            }
        }
        return false;
    }

    /** @return a short text's weight: a CJK character counts {@value PageAnalysis#CJK_WEIGHT}, any other character 1 */
    private static int textWeight(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += PageAnalysis.isCjk(s.charAt(i)) ? PageAnalysis.CJK_WEIGHT : 1;
        }
        return w;
    }

    /** @return the best-scoring block inside {@code box}, or {@code box} */
    private static int best(PageAnalysis a, double[] score, boolean[] candidate, int box) {
        int best = box;
        for (int i = box; i < a.end[box]; i++) {
            if (candidate[i] && !a.dropped[i] && (!candidate[best] || score[i] > score[best])) {
                best = i;
            }
        }
        return best;
    }

    /** A block in another box scoring this share of the best one makes both part of the article. */
    static final double COUSIN_SHARE = 0.85;

    /** How far up the common box of two such blocks may be. */
    static final int COUSIN_LEVELS = 5;

    /** How many levels above the article a lead paragraph is looked for. */
    static final int LEAD_LEVELS = 5;

    /**
     * The article's lead (standfirst, teaser, summary) often sits in the story's header, apart from
     * the body that scored best: a block before the body, no more than {@value #LEAD_LEVELS} levels
     * above it, named as a lead or a paragraph in a {@code header}, with text and few links.
     *
     * @return the lead's index, or -1
     */
    private static int lead(PageAnalysis a, List<Integer> parts) {
        int first = parts.get(0);
        int p = first;
        for (int level = 0; level < LEAD_LEVELS && p > 0 && a.parent[p] > 0; level++) {
            p = a.parent[p];
            for (int j = p + 1; j < first; j++) {
                if (a.dropped[j] || a.contains(j, first)) {
                    if (a.dropped[j]) {
                        j = a.end[j] - 1;
                    }
                    continue;
                }
                boolean named = a.headings[j] == 0 ? Hints.lead(a.elements.get(j)) || inHeader(a, j, p)
                        : namedLead(a, j) && sentenceHeading(a, j);
                if (a.weight[j] >= 40 && a.linkDensity(j) < 0.25 && named && a.weight[j] * 2 < a.weight[first]
                        && a.images[j] == 0 && !inFigure(a, j, p)) {
                    return j;
                }
                if (isHeading(a.elements.get(j).normalName())) {
                    // A part of a heading (the title's span named a teaser) is no lead.
                    j = a.end[j] - 1;
                }
            }
        }
        return -1;
    }

    /** @return whether {@code j} is or is inside a picture's figure or caption, below {@code scope} */
    private static boolean inFigure(PageAnalysis a, int j, int scope) {
        for (int q = j; q > scope; q = a.parent[q]) {
            Element e = a.elements.get(q);
            String tag = e.normalName();
            if (tag.equals("figure") || tag.equals("figcaption") || Hints.caption(e)) {
                return true;
            }
        }
        return false;
    }

    /** The text a heading needs to be a standfirst set as a subheading rather than a title. */
    static final int LEAD_HEADING_WEIGHT = 80;

    /**
     * @return whether {@code j} is a subheading ({@code h2}..{@code h6}) that reads as a sentence
     *     or two (long, with a comma or a full stop): a standfirst set in a heading's type, not a title.
     *     Only one named as a lead counts: a plain subheading in the header is left out, as most
     *     readers of the story expect.
     */
    private static boolean sentenceHeading(PageAnalysis a, int j) {
        Element e = a.elements.get(j);
        String tag = e.normalName();
        if (!subheading(tag) || a.weight[j] < LEAD_HEADING_WEIGHT) {
            return false;
        }
        String text = e.text().strip();
        return a.punctuation[j] > 0 || !text.isEmpty() && ".。!！?？".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /**
     * @return whether a subheading is named as the lead, or sits in a box named so, or is the second
     *     heading of an {@code hgroup} (the title's subtitle)
     */
    private static boolean namedLead(PageAnalysis a, int j) {
        Element e = a.elements.get(j);
        Element parent = e.parent();
        return Hints.lead(e) || parent != null && (Hints.lead(parent) || parent.nameIs("hgroup"));
    }

    private static boolean isHeading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6';
    }

    private static boolean subheading(String tag) {
        return tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '2' && tag.charAt(1) <= '6';
    }

    /** @return whether {@code j} is a paragraph inside a {@code header} that is inside {@code scope} */
    private static boolean inHeader(PageAnalysis a, int j, int scope) {
        if (!a.elements.get(j).normalName().equals("p")) {
            return false;
        }
        for (int q = a.parent[j]; q > scope; q = a.parent[q]) {
            String tag = a.elements.get(q).normalName();
            if (tag.equals("header") || tag.equals("hgroup")) {
                return true;
            }
        }
        return false;
    }

    private static int liveChildren(PageAnalysis a, int p) {
        int count = 0;
        for (int j = a.firstChild(p); j < a.end[p]; j = a.nextSibling(j)) {
            if (!a.dropped[j]) {
                count++;
            }
        }
        return count;
    }

    private static boolean onlyChild(PageAnalysis a, int i) {
        int p = a.parent[i];
        int count = 0;
        for (int j = a.firstChild(p); j < a.end[p]; j = a.nextSibling(j)) {
            if (++count > 1) {
                return false;
            }
        }
        return true;
    }

    /** The winner and the siblings that belong with it, in document order. */
    private static List<Integer> siblings(PageAnalysis a, double[] score, boolean[] candidate, int top) {
        if (top == 0) {
            return List.of(0);
        }
        Element winner = a.elements.get(top);
        double threshold = Math.max(10, score[top] * 0.2);
        String cls = winner.className();
        List<Integer> parts = new ArrayList<>();
        int parent = a.parent[top];
        for (int k = a.firstChild(parent); k < a.end[parent]; k = a.nextSibling(k)) {
            if (a.dropped[k]) {
                continue;
            }
            Element sibling = a.elements.get(k);
            if (k == top) {
                parts.add(k);
                continue;
            }
            double bonus = !cls.isEmpty() && cls.equals(sibling.className()) ? score[top] * 0.2 : 0;
            if (candidate[k] && score[k] + bonus >= threshold) {
                parts.add(k);
            } else if (sibling.normalName().equals("p") || paragraphLike(a, k) && !sibling.normalName().equals("td")) {
                double ld = a.linkDensity(k);
                int w = a.weight[k];
                if (w > 80 && ld < 0.25) {
                    parts.add(k);
                } else if (w > 0 && w <= 80 && ld == 0) {
                    String text = sibling.text().strip();
                    if (!text.isEmpty() && ".。!！?？\"”」".indexOf(text.charAt(text.length() - 1)) >= 0) {
                        parts.add(k);
                    }
                }
            }
        }
        return parts;
    }

    /** @return why the chosen content is not an article, or null when it is one */
    private static String notArticle(PageAnalysis a, List<Integer> parts, int weight, int linkWeight) {
        if (weight < MIN_ARTICLE_WEIGHT) {
            return "its main block has only " + weight + " units of text";
        }
        if (linkWeight > weight * 0.6) {
            return "its main block is mostly links";
        }
        int headings = 0;
        int linked = 0;
        for (int part : parts) {
            for (int i = part; i < a.end[part]; i++) {
                if (a.headings[i] == 1 && !a.dropped[i] && a.elements.get(i).normalName().compareTo("h5") < 0
                        && a.weight[i] > 0) {
                    headings++;
                    if (a.linkWeight[i] * 10 >= a.weight[i] * 8) {
                        linked++;
                    }
                }
            }
        }
        if (linked >= 3 && linked * 2 >= headings && !holdsProse(a, parts)) {
            return "it is a list of " + linked + " linked headlines, like an index page";
        }
        return null;
    }

    /** A paragraph this long, with few links, is an article's, not an index page's teaser. */
    static final int LONG_PARAGRAPH = 400;

    /**
     * @return whether the parts hold a long paragraph of plain text, or {@value #PROSE_RUNS} units
     *     of text in paragraphs that follow one another with no heading between them (an index
     *     page's teasers each follow their headline): then linked headlines among them are a box of
     *     other stories beside the article, not an index page's list
     */
    private static boolean holdsProse(PageAnalysis a, List<Integer> parts) {
        int inRuns = 0;
        int longest = 0;
        for (int part : parts) {
            int run = 0;
            int previous = 0;
            for (int i = part; i < a.end[part]; i++) {
                if (a.dropped[i]) {
                    i = a.end[i] - 1;
                } else if (a.weight[i] >= LONG_PARAGRAPH && paragraphLike(a, i) && a.linkDensity(i) < 0.2) {
                    return true;
                } else if (isHeading(a.elements.get(i).normalName())) {
                    run = 0;
                    i = a.end[i] - 1;
                } else if (a.weight[i] >= PROSE_RUN_PARAGRAPH && paragraphLike(a, i) && a.linkDensity(i) < 0.2) {
                    run++;
                    // Paragraphs that follow a paragraph, not a headline: an article's, not teasers'.
                    inRuns += run == 1 ? 0 : run == 2 ? previous + a.weight[i] : a.weight[i];
                    previous = a.weight[i];
                    longest = Math.max(longest, run);
                    if (inRuns >= PROSE_RUNS && longest >= 3) {
                        return true;
                    }
                    i = a.end[i] - 1;
                }
            }
        }
        return false;
    }

    /** A paragraph this long counts towards a run of paragraphs with no heading between them. */
    static final int PROSE_RUN_PARAGRAPH = 80;

    /** The text in runs of two or more such paragraphs that makes the chosen blocks prose. */
    static final int PROSE_RUNS = 2 * LONG_PARAGRAPH;

    /** The page's main element or body, furniture removed: what a page that is not an article gives. */
    private static Element whole(Document page, PageAnalysis a, ExtractionReport report, int pageChars)
            throws ArticleFormatException {
        int root = 0;
        for (int k = 1; k < a.size(); k++) {
            Element e = a.elements.get(k);
            if (e.normalName().equals("main") || e.attr("role").equals("main")) {
                root = !a.dropped[k] && a.weight[k] * 2 >= a.weight[0] ? k : 0;
                break;
            }
        }
        report.sizes(a.chars[root], pageChars);
        return new ContentCopier(a, report, List.of(), false).copy(List.of(root), null);
    }

    /** The texts a heading repeating the title may have: og:title and the parts of {@code <title>}. */
    private static List<String> titles(Document page) {
        List<String> out = new ArrayList<>();
        Element og = page.selectFirst(OG_TITLE);
        if (og != null && !og.attr("content").isBlank()) {
            out.add(squash(og.attr("content")));
        }
        String title = page.title();
        if (!title.isBlank()) {
            out.add(squash(title));
        }
        return out;
    }

    static String squash(String s) {
        return SPACES.matcher(s.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }

    /** Paragraphs, code, cells, and divs or list items that hold only inline content. */
    static boolean paragraphLike(PageAnalysis a, int i) {
        String tag = a.elements.get(i).normalName();
        return switch (tag) {
            case "p", "pre", "td" -> true;
            case "div", "section", "li", "dd", "article", "span", "font", "blockquote" -> !a.blockChild[i];
            default -> false;
        };
    }

    private static int tagScore(String tag) {
        return switch (tag) {
            case "div", "article" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
    }
}
