package org.articlekit.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.internal.extract.Hints;
import org.articlekit.spi.ConversionContext;

/**
 * Removes what a web page adds around an article when its text is copied or scraped: breadcrumb
 * and navigation lines before the title, share counters ({@code 0} / {@code 分享至}), platform
 * disclaimers ({@code 特别声明…}, {@code Notice: The content above…}, {@code 声明:个人原创…}) and
 * everything from a "相关推荐 / 热点推荐 / Related" heading on, when what follows it is a list of
 * short lines (headlines, sources, times) rather than more paragraphs.
 *
 * <p>Every rule needs a line that is nothing but the boilerplate, so ordinary text is left alone.
 * Each removal is an informational {@code extract.removed} warning (not a failure in strict mode).
 */
final class ScrapedText {

    private static final Pattern BREADCRUMB_SEPARATOR = Pattern.compile("\\s[>›»/]\\s|\\s*[>›»]\\s*");
    private static final Pattern BREADCRUMB_WORD = Pattern.compile("(?i)首页|主页|正文|网易号|频道|home\\b");
    private static final Pattern SHARE = Pattern.compile("(?i)\\s*(?:分享至|分享到|分享|转发|share(?: this)?)\\s*[:：]?\\s*");
    private static final Pattern COUNT = Pattern.compile("\\s*\\d{1,9}\\s*");
    private static final Pattern DISCLAIMER = Pattern.compile("(?is)\\s*(?:特别声明\\s*[:：]|免责声明\\s*[:：]?"
            + "|声明\\s*[:：]\\s*(?:个人原创|本文|以上|图片|文章|内容|仅供)|notice\\s*:\\s*the content above"
            + "|disclaimer\\s*:).*");
    /** Lines after a related heading that are at most this long count as list entries. */
    private static final int SHORT_LINE = 60;

    private ScrapedText() {
    }

    /**
     * @param lines the text's lines
     * @param ctx for the informational warnings
     * @return the lines without the boilerplate (the same list when nothing was removed)
     * @throws ArticleFormatException never in practice: the warnings are sent without strictness
     */
    static List<String> clean(List<String> lines, ConversionContext ctx) throws ArticleFormatException {
        ConversionContext info = ctx.strict() ? ctx.toBuilder().strict(false).build() : ctx;
        List<String> out = new ArrayList<>(lines.size());
        int firstText = 0;
        while (firstText < lines.size() && lines.get(firstText).isBlank()) {
            firstText++;
        }
        int i = firstText;
        // Breadcrumbs: only among the first lines, before the title.
        for (int seen = 0; i < lines.size() && seen < 3; i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            seen++;
            if (!isBreadcrumb(l)) {
                break;
            }
            info.warn("extract.removed", i + 1, "removed a navigation line: '" + l.strip() + "'");
            firstText = i + 1;
        }
        int end = relatedListStart(lines);
        if (end < lines.size()) {
            info.warn("extract.removed", end + 1, "removed the related list from '" + lines.get(end).strip()
                    + "' on (" + (lines.size() - end) + " lines)");
        }
        for (int k = firstText; k < end; k++) {
            String l = lines.get(k);
            if (SHARE.matcher(l).matches()) {
                info.warn("extract.removed", k + 1, "removed a share counter: '" + l.strip() + "'");
                // A count on the line before belongs to it.
                int last = out.size() - 1;
                while (last >= 0 && out.get(last).isBlank()) {
                    last--;
                }
                if (last >= 0 && COUNT.matcher(out.get(last)).matches()) {
                    out.subList(last, out.size()).clear();
                }
                continue;
            }
            if (DISCLAIMER.matcher(l).matches()) {
                info.warn("extract.removed", k + 1, "removed a disclaimer: '" + excerpt(l) + "'");
                continue;
            }
            out.add(l);
        }
        return out.size() == lines.size() ? lines : out;
    }

    private static boolean isBreadcrumb(String line) {
        String l = line.strip();
        if (l.length() > 80) {
            return false;
        }
        int separators = 0;
        var m = BREADCRUMB_SEPARATOR.matcher(l);
        while (m.find()) {
            separators++;
        }
        return separators >= 2 || separators >= 1 && BREADCRUMB_WORD.matcher(l).find();
    }

    /**
     * @return the index of a related heading line followed by a list of short lines, or the number
     *     of lines when there is none
     */
    private static int relatedListStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.length() > 40 || !Hints.RELATED_HEADING.matcher(l).matches()) {
                continue;
            }
            int entries = 0;
            int shortEntries = 0;
            for (int k = i + 1; k < lines.size(); k++) {
                String s = lines.get(k).strip();
                if (!s.isEmpty()) {
                    entries++;
                    if (s.codePointCount(0, s.length()) <= SHORT_LINE) {
                        shortEntries++;
                    }
                }
            }
            if (entries >= 2 && shortEntries * 10 >= entries * 8) {
                return i;
            }
        }
        return lines.size();
    }

    private static String excerpt(String l) {
        String s = l.strip();
        return s.codePointCount(0, s.length()) <= 40 ? s : s.substring(0, s.offsetByCodePoints(0, 40)) + "…";
    }
}
