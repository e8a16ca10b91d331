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
        StringBuilder text = new StringBuilder(SAMPLE + 64).append(a.metadata().title().orElse("")).append('\n');
        sample(a.body().html(), text, SAMPLE);
        return of(text.toString());
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
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                // ASCII, most of any page: a letter is Latin, nothing else counts
                latin += (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z' ? 1 : 0;
                continue;
            }
            if (cp >= 0x4E00 && cp <= 0x9FFF) {
                han++; // the unified ideographs, without a lookup
                continue;
            }
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
        int cjk = han + kana + hangul;
        // A CJK character carries about as much as a Latin word; five Latin letters are one word.
        if (cjk >= 5 && cjk * 5 >= latin / 5) {
            if (kana >= 5 && kana * 10 >= han + kana) {
                return Optional.of("ja");
            }
            if (hangul >= han + kana) {
                return Optional.of("ko");
            }
            return Optional.of("zh");
        }
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
