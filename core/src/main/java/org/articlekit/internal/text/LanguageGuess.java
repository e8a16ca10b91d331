package org.articlekit.internal.text;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.articlekit.Article;

/**
 * A small guess of an article's language from its text, for articles that declare none: Chinese,
 * Japanese and Korean by their scripts, English by its commonest words, anything else left
 * undetermined. It looks at the title and the first {@value #SAMPLE} characters of the body.
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
        String text = a.metadata().title().orElse("") + "\n" + a.body().text();
        return of(text.length() > SAMPLE ? text.substring(0, SAMPLE) : text);
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
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        int all = 0;
        int common = 0;
        for (String w : words) {
            if (!w.isEmpty()) {
                all++;
                common += ENGLISH.contains(w) ? 1 : 0;
            }
        }
        return all >= 8 && common * 8 >= all ? Optional.of("en") : Optional.empty();
    }
}
