package org.articlekit.internal.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.articlekit.Article;

/**
 * A small guess of an article's language from its text, for articles that declare none: Chinese,
 * Japanese and Korean by their scripts, English by its commonest words, anything else left
 * undetermined. It looks at the title and the first {@value #SAMPLE} characters of the body's text.
 */
public final class LanguageGuess {

    /** How many characters of the body are looked at. */
    static final int SAMPLE = 4000;

    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "in", "a", "that", "it",
            "for", "on", "with", "as", "are", "this", "be", "was", "by", "not", "you", "we", "or", "an", "can");

    private LanguageGuess() {
    }

    /**
     * @param a the article
     * @return {@code zh}, {@code ja}, {@code ko} or {@code en}, or empty when the text does not say
     */
    public static Optional<String> of(Article a) {
        String title = a.metadata().title().orElse("");
        String html = a.body().html();
        // Scripts first, counted on the markup itself; the text is copied out only for the English word count.
        Scripts scripts = new Scripts();
        scripts.count(title, 0, title.length());
        int n = html.length();
        int taken = 0;
        for (int i = 0; i < n && taken < SAMPLE; ) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                i = end < 0 ? n : end + 1;
            } else if (c == '&') {
                int end = html.indexOf(';', i + 1);
                i = end > 0 && end - i <= 12 ? end + 1 : i + 1;
            } else {
                int stop = i + 1;
                while (stop < n && taken + (stop - i) < SAMPLE && html.charAt(stop) != '<' && html.charAt(stop) != '&') {
                    stop++;
                }
                scripts.count(html, i, stop);
                taken += stop - i;
                i = stop;
            }
        }
        Optional<String> cjk = scripts.cjk();
        if (cjk.isPresent() || scripts.latin == 0) {
            return cjk;
        }
        StringBuilder text = new StringBuilder(SAMPLE + 64).append(title).append('\n');
        sample(html, text, SAMPLE);
        return english(text.toString());
    }

    /**
     * Appends the first {@code max} characters of text of a body's XHTML, read straight from the
     * markup: tags and character references become spaces. It does not parse the body, so the
     * tree the normaliser made is left for the writer that needs it ({@code Body.document()}
     * gives that tree away once), and a long body costs no more than its first tags.
     */
    static void sample(String html, StringBuilder out, int max) {
        int taken = 0;
        int n = html.length();
        for (int i = 0; i < n && taken < max; i++) {
            char c = html.charAt(i);
            if (c == '<') {
                int end = html.indexOf('>', i + 1);
                i = end < 0 ? n : end;
                out.append(' ');
            } else if (c == '&') {
                int end = html.indexOf(';', i + 1);
                if (end > 0 && end - i <= 12) {
                    i = end;
                }
                out.append(' ');
            } else {
                out.append(c);
                taken++;
            }
        }
    }

    /**
     * @param text some text
     * @return {@code zh}, {@code ja}, {@code ko} or {@code en}, or empty when the text does not say
     */
    public static Optional<String> of(String text) {
        Scripts scripts = new Scripts();
        scripts.count(text, 0, text.length());
        Optional<String> cjk = scripts.cjk();
        return cjk.isPresent() ? cjk : english(text);
    }

    /** The letters of each script that counts, in the text seen so far. */
    private static final class Scripts {
        int han;
        int kana;
        int hangul;
        int latin;

        void count(String text, int from, int to) {
            for (int i = from; i < to; ) {
                char ch = text.charAt(i);
                if (ch < 0x80) {
                    // ASCII, most of any page: a letter is Latin, nothing else counts
                    latin += (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z' ? 1 : 0;
                    i++;
                    continue;
                }
                if (ch >= 0x4E00 && ch <= 0x9FFF) {
                    han++; // the unified ideographs, without a lookup
                    i++;
                    continue;
                }
                int cp = text.codePointAt(i);
                i += Character.charCount(cp);
                if (!Character.isLetter(cp)) {
                    continue;
                }
                switch (Character.UnicodeScript.of(cp)) {
                    case HAN -> han++;
                    case HIRAGANA, KATAKANA -> kana++;
                    case HANGUL -> hangul++;
                    case LATIN -> latin++;
                    default -> { }
                }
            }
        }

        /** Chinese, Japanese or Korean when CJK characters carry the text. */
        Optional<String> cjk() {
            int all = han + kana + hangul;
            // A CJK character carries about as much as a Latin word; five Latin letters are one word.
            if (all >= 5 && all * 5 >= latin / 5) {
                if (kana >= 5 && kana * 10 >= han + kana) {
                    return Optional.of("ja");
                }
                if (hangul >= han + kana) {
                    return Optional.of("ko");
                }
                return Optional.of("zh");
            }
            return Optional.empty();
        }
    }

    /** English when its commonest words are at least one word in eight. */
    private static Optional<String> english(String text) {
        // words: runs of letters and apostrophes
        String lower = text.toLowerCase(Locale.ROOT);
        int all = 0;
        int common = 0;
        int start = -1;
        for (int i = 0; i <= lower.length(); ) {
            int cp = i < lower.length() ? lower.codePointAt(i) : ' ';
            boolean inWord = cp == '\'' || (cp < 0x80 ? cp >= 'a' && cp <= 'z' : Character.isLetter(cp));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                all++;
                common += ENGLISH.contains(lower.substring(start, i)) ? 1 : 0;
                start = -1;
            }
            i += i < lower.length() ? Character.charCount(cp) : 1;
        }
        return all >= 8 && common * 8 >= all ? Optional.of("en") : Optional.empty();
    }
}
