package org.articlekit.internal.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a page's title: the JSON-LD headline or a title meta tag as written (character
 * references decoded, also when encoded twice), else {@code <title>} cleaned of the site's
 * name: the part the article's {@code h1} repeats, else the part before the last spaced separator
 * ({@code |}, {@code -}, {@code –}, {@code —}, {@code /}, {@code »}…) when it is long enough. A known site
 * name is always cut; a guessed cut that would leave four tokens or fewer is not made, and the
 * {@code <title>} stays whole ({@code Mozilla - Wikipedia}).
 */
final class PageTitle {

    /** Runs of white space, collapsed to one space. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Evaluator ARTICLE_H1 = Selector.evaluatorOf("article h1");

    private static final Pattern SPACED_SEPARATOR = Pattern.compile("\\s+[|\\-–—\\\\/>»·]\\s+");
    private static final Pattern HIERARCHICAL_SEPARATOR = Pattern.compile("\\s[\\\\/>»]\\s");
    private static final String SEPARATORS = "|-–—_/\\>»·:：｜";

    private PageTitle() {
    }

    /**
     * @param page the page
     * @param ld the JSON-LD headline or name, if any
     * @param meta a title from meta tags, if any
     * @param siteNames the site's names (og:site_name…)
     * @return the title, or null when the page has none
     */
    static @Nullable String find(Document page, @Nullable String ld, @Nullable String meta, List<String> siteNames) {
        String given = ld != null && !ld.isBlank() ? decode(ld) : meta != null && !meta.isBlank() ? decode(meta) : null;
        if (given != null && !given.isEmpty()) {
            // Declared titles are kept as written (decoded): other readers (Readability) keep them so too.
            return given;
        }
        String h1 = articleHeading(page);
        String doc = decode(page.title());
        if (doc.isEmpty()) {
            return h1;
        }
        String stripped = withoutSite(doc, siteNames);
        String guess = guess(doc, stripped, h1);
        return guess == null || tooShort(guess, doc) ? stripped : guess;
    }

    /**
     * Where the title is cut by guessing which end is the site's: the part the {@code h1} repeats,
     * else the part before the last spaced separator, else the part after the first.
     *
     * @return the guess, or null when nothing is guessed (the title less a known site name stands)
     */
    private static @Nullable String guess(String doc, String stripped, @Nullable String h1) {
        if (h1 != null && h1.length() >= 2 && !h1.equals(stripped) && stripped.startsWith(h1)
                && SEPARATORS.indexOf(stripped.substring(h1.length()).strip().charAt(0)) >= 0) {
            return h1;
        }
        if (!stripped.equals(doc)) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        Matcher m = SPACED_SEPARATOR.matcher(doc);
        int from = 0;
        int lastStart = -1;
        while (m.find()) {
            parts.add(doc.substring(from, m.start()));
            lastStart = m.start();
            from = m.end();
        }
        if (lastStart < 0) {
            return null;
        }
        parts.add(doc.substring(from));
        if (h1 != null) {
            for (String p : parts) {
                if (p.strip().equalsIgnoreCase(h1)) {
                    return p.strip();
                }
            }
        }
        String before = doc.substring(0, lastStart).strip();
        if (words(before) >= 3) {
            return before;
        }
        String afterFirst = doc.substring(doc.indexOf(parts.get(1), parts.get(0).length())).strip();
        return words(afterFirst) >= 3 ? afterFirst : words(before) >= 2 ? before : doc;
    }

    /**
     * A title as text: character references decoded (also those encoded twice, {@code &amp;#8211;}),
     * white space collapsed.
     */
    static String decode(String title) {
        String t = title;
        for (int i = 0; i < 3 && t.indexOf('&') >= 0; i++) {
            String d = Parser.unescapeEntities(t, false);
            if (d.equals(t)) {
                break;
            }
            t = d;
        }
        return SPACES.matcher(t.strip()).replaceAll(" ");
    }

    /**
     * Whether a guessed cut leaves too little to be the article's title rather than a name or a
     * topic ({@code Mozilla} of {@code Mozilla - Wikipedia}): four tokens or fewer, counting each CJK
     * character as one, as Readability does; unless the title is a path ({@code /}, {@code \},
     * {@code >}, {@code »}) of which the cut dropped a single token.
     */
    static boolean tooShort(String cut, String title) {
        int n = tokens(cut);
        return n <= 4 && !(HIERARCHICAL_SEPARATOR.matcher(title).find() && n == tokens(title) - 1);
    }

    /** The page's one {@code h1}, or the first {@code h1} inside its {@code article}. */
    private static @Nullable String articleHeading(Document page) {
        Element h = page.selectFirst(ARTICLE_H1);
        if (h == null) {
            var all = page.getElementsByTag("h1");
            h = all.size() == 1 ? all.first() : null;
        }
        if (h == null) {
            return null;
        }
        String t = SPACES.matcher(h.text().strip()).replaceAll(" ");
        return t.isEmpty() ? null : t;
    }

    /** The title less a known site name at its end, with the separator between. */
    static String withoutSite(String title, List<String> siteNames) {
        String lower = title.toLowerCase(Locale.ROOT);
        for (String site : siteNames) {
            String s = site.toLowerCase(Locale.ROOT);
            if (s.length() < 2 || s.length() >= title.length()) {
                continue;
            }
            if (lower.endsWith(s)) {
                String rest = title.substring(0, title.length() - s.length()).stripTrailing();
                if (!rest.isEmpty() && SEPARATORS.indexOf(rest.charAt(rest.length() - 1)) >= 0) {
                    String t = rest.substring(0, rest.length() - 1).strip();
                    if (!t.isEmpty()) {
                        return t;
                    }
                }
            }
        }
        return title;
    }

    /** Runs of letters and digits, each CJK character counting as one. */
    static int tokens(String s) {
        int tokens = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u3040' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF') {
                tokens++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    tokens++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return tokens;
    }

    /** Latin words plus half the CJK characters: a length that works for both scripts. */
    static int words(String s) {
        int words = 0;
        int cjk = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u3040' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF') {
                cjk++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return words + cjk / 2;
    }
}
