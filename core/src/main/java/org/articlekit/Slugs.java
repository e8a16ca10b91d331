package org.articlekit;

import java.text.Normalizer;
import java.util.Locale;

/**
 * File-name slugs, as ArticleKit names the posts it writes ({@link BookBinder#writePosts}) and the
 * outputs of the Spark job: {@code "西湖的秋天：游客 & 桂花"} → {@code "西湖的秋天-游客-桂花"}.
 *
 * <pre>{@code
 * String name = Slugs.of("Hello, World!", 60) + ".md";   // hello-world.md
 * }</pre>
 */
public final class Slugs {

    private Slugs() {
    }

    /**
     * Letters and digits of any script are kept (Chinese stays Chinese), after NFKC normalisation
     * and lower-casing; every other run of characters becomes one hyphen, none at either end.
     *
     * @param text the text, such as a title or an address's host and path
     * @param maxCodePoints the most code points of the slug, hyphens included
     * @return the slug, possibly empty
     * @throws IllegalArgumentException when {@code maxCodePoints} is not positive
     */
    public static String of(String text, int maxCodePoints) {
        if (maxCodePoints < 1) {
            throw new IllegalArgumentException("maxCodePoints must be 1 or more, not " + maxCodePoints);
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        int count = 0;
        boolean hyphen = false;
        for (int i = 0; i < t.length() && count < maxCodePoints;) {
            int c = t.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLetterOrDigit(c)) {
                if (hyphen && sb.length() > 0) {
                    if (count + 2 > maxCodePoints) {
                        break;
                    }
                    sb.append('-');
                    count++;
                }
                hyphen = false;
                sb.appendCodePoint(c);
                count++;
            } else {
                hyphen = true;
            }
        }
        return sb.toString();
    }
}
