package org.articlekit.pdf.internal;

/**
 * Removes the spaces text extraction puts between Chinese, Japanese or Korean characters (PDFs
 * position each glyph, and gaps look like word breaks), and collapses other runs of white space.
 */
final class CjkSpacing {

    private CjkSpacing() {
    }

    /** @return whether the character is CJK script or CJK/full-width punctuation */
    static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || c == 0x2014 || c == 0x2026
                || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x00B7;
    }

    /** What the text collector writes where extraction guessed a word gap (not a space in the PDF). */
    static final char GAP = '\uE000';

    /**
     * Drops guessed gaps between CJK characters, turns the other guessed gaps into spaces, and
     * collapses runs of white space into one space. Spaces the PDF really has are kept.
     *
     * @param text the text with {@link #GAP} marks
     * @return the cleaned text
     */
    static String collapse(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = c == GAP || Character.isWhitespace(c) || c == '\u00A0';
            if (!space) {
                sb.append(c);
                continue;
            }
            boolean guessed = true;
            int j = i;
            while (j < n && (text.charAt(j) == GAP || Character.isWhitespace(text.charAt(j)) || text.charAt(j) == '\u00A0')) {
                guessed &= text.charAt(j) == GAP;
                j++;
            }
            boolean cjkJoin = guessed && sb.length() > 0 && j < n && isCjk(sb.charAt(sb.length() - 1))
                    && isCjk(text.charAt(j));
            if (sb.length() > 0 && j < n && !cjkJoin) {
                sb.append(' ');
            }
            i = j - 1;
        }
        return sb.toString();
    }
}
