package org.articlekit.internal.html;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.ArticleDate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Metadata a page shows but does not declare: the byline ({@code rel=author}, {@code .byline},
 * {@code 作者：…}) and a date line ({@code 2026-01-17 05:48:49}, {@code 2021年7月16日}).
 * Only short lines are read, and only the first few thousand text nodes of the page.
 */
final class VisibleMetadata {

    private static final Evaluator BYLINE = Selector.evaluatorOf(
            "[rel=author], [itemprop=author], .byline, .author, .author-name, .post-author");
    private static final Evaluator ITEMPROP_NAME = Selector.evaluatorOf("[itemprop=name]");

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*(?:[-/.]\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})"
            + "|年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?)(?:\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?))?");
    private static final Pattern AUTHOR_LINE = Pattern.compile("(?:作者|文|撰文|记者)\\s*[:：/|]\\s*([^\\s|，,：:]{2,20})");
    private static final Pattern BY = Pattern.compile("(?i)^(?:by|von|par|por|作者\\s*[:：]?|文\\s*[/:：])\\s*");
    private static final int MAX_TEXT_NODES = 3000;

    /** What a byline says before the name: "Posted by", "Zeige alle Beiträge von", "Autor:"… */
    private static final Pattern AUTHOR_PREFIX = Pattern.compile("(?iu)^\\s*(?:(?:zeige |alle )?(?:alle )?beiträge von|(?:view|see|show) all (?:posts|articles|stories) by"
            + "|(?:posted|written|published|reported) by|geschrieben von|verfasst von|ein (?:beitrag|artikel) von"
            + "|publié par|écrit par|escrito por|publicado por|scritto da|napisał[a]?|by|von|par|por|door"
            + "|autor(?:in)?|author|auteur|verfasser(?:in)?|作者|文)(?:\\s*[:：]\\s*|\\s+)");

    /** What follows the name: a date or time, an update line, an e-mail or web address. */
    private static final Pattern AUTHOR_SUFFIX = Pattern.compile("(?iu)(?:\\s*[,|·–—-]?\\s*(?:(?:am|at|on|le|el|il|um|den)\\s+)?"
            + "(?:\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\d{1,2}:\\d{2}|\\d{1,2}\\.?\\s+\\p{L}{3,}\\.?\\s+\\d{4}"
            + "|\\p{L}{3,}\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\p{L}{2,3},\\s+\\d{1,2}\\.)"
            + "|\\s+(?:updated|aktualisiert|published|veröffentlicht|actualizado|mis à jour)\\b"
            + "|(?<=\\S)\\s*[,|–—-]?\\s*(?:https?://|www\\.)\\S+|\\s+\\S+@\\S+\\.\\S+).*$");

    /**
     * @param author a name as a page gives it
     * @return it without the byline's words around it ("Posted by …", "… am 29.12.2010, 13:36 Uhr",
     *     "… Updated: January 16, 2020"), or "" when nothing like a name is left ("Archiv anzeigen →")
     */
    static String cleanAuthor(String author) {
        String t = SPACES.matcher(author.strip()).replaceAll(" ");
        // "Geschrieben vonElisa": a prefix glued to the name.
        t = AUTHOR_PREFIX.matcher(GLUED_PREFIX.matcher(t).replaceFirst("$1 ")).replaceFirst("");
        t = AUTHOR_SUFFIX.matcher(t).replaceFirst("");
        t = TRAILING_PUNCTUATION.matcher(t).replaceAll("").strip();
        // An address or a date is not a name.
        if (t.length() < 2 || !hasLetter(t) || t.contains("→")
                || NOT_A_NAME.matcher(t).matches()) {
            return "";
        }
        return t;
    }

    private static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (Character.isLetter(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern GLUED_PREFIX = Pattern.compile("(?iu)^(geschrieben von|posted by|written by)(?=\\p{Lu})");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:|·–—(-]+$");
    /** An address, a date, or a link to the author's other posts ("Alle Beiträge anzeigen"). */
    private static final Pattern NOT_A_NAME = Pattern.compile("(?i)https?://.*|\\d.*\\b(?:19|20)\\d{2}\\b.*"
            + "|(?iu).*\\b(?:anzeigen|show all|view all|see all|more posts|alle beiträge)\\b.*");

    private VisibleMetadata() {
    }

    /**
     * @param page the page
     * @return the byline's names, or an empty list
     */
    static List<String> byline(Document page) {
        Element e = page.selectFirst(BYLINE);
        if (e != null) {
            Element name = e.selectFirst(ITEMPROP_NAME);
            String t = BY.matcher((name != null ? name : e).text().strip()).replaceFirst("").strip();
            if (t.length() >= 2 && t.length() <= 60) {
                return List.of(t);
            }
        }
        String[] found = {null};
        visitShortLines(page, 60, text -> {
            Matcher m = AUTHOR_LINE.matcher(text);
            if (m.find()) {
                found[0] = m.group(1);
                return true;
            }
            return false;
        });
        return found[0] == null ? List.of() : List.of(found[0]);
    }

    /**
     * @param page the page
     * @return the first date shown on a short line of its own (a date line under a headline), or null
     */
    static @Nullable ArticleDate date(Document page) {
        ArticleDate[] found = {null};
        visitShortLines(page, 50, text -> {
            Matcher m = DATE.matcher(text);
            if (m.find() && m.group().length() * 3 >= text.strip().length()) {
                int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(4));
                int day = Integer.parseInt(m.group(3) != null ? m.group(3) : m.group(5));
                int year = Integer.parseInt(m.group(1));
                if (year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                    String iso = String.format("%04d-%02d-%02d", year, month, day)
                            + (m.group(6) != null ? "T" + (m.group(6).length() == 4 ? "0" : "") + m.group(6)
                                    + (m.group(6).length() <= 5 ? ":00" : "") : "");
                    found[0] = ArticleDate.of(m.group().strip(), iso);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** Feeds the text of short text nodes of the body, in order, until the consumer says stop. */
    private static void visitShortLines(Document page, int maxLength, java.util.function.Predicate<String> stop) {
        if (page.body() == null) {
            return;
        }
        int[] seen = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (++seen[0] > MAX_TEXT_NODES) {
                    return FilterResult.STOP;
                }
                if (node instanceof Element e && (e.normalName().equals("script") || e.normalName().equals("style")
                        || e.normalName().equals("a") || e.normalName().equals("pre"))) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (node instanceof TextNode t) {
                    String s = t.text().strip();
                    if (!s.isEmpty() && s.length() <= maxLength && stop.test(s)) {
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, page.body());
    }
}
