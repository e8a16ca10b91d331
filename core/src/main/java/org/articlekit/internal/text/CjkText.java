package org.articlekit.internal.text;

/**
 * Character classes the text reader and writer need for Chinese, Japanese and Korean text:
 * which characters are CJK, how many columns a character takes, and where a line may not break.
 */
final class CjkText {

    /** Punctuation that ends a sentence in Chinese text and so, at a line end, ends a paragraph. */
    private static final String SENTENCE_FINAL = "。！？」』";

    /** Sentence-final marks shared with Latin text: they count only in a line that is mostly CJK. */
    private static final String SHARED_FINAL = "…”";

    /** Characters that must not start a line: they stay with the text before them. */
    private static final String NO_BREAK_BEFORE = ",.;:!?)]}%，。、；：？！）」』”’》〉】〕…·‐–—～ー々ゃゅょっぁぃぅぇぉァィゥェォッャュョ";

    /** Characters that must not end a line: they stay with the text after them. */
    private static final String NO_BREAK_AFTER = "([{“‘（「『《〈【〔";

    private CjkText() {
    }

    /**
     * @param cp a code point
     * @return whether it is a CJK ideograph, kana, hangul, bopomofo, or CJK or full-width punctuation
     */
    static boolean isCjk(int cp) {
        if (cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFE30 && cp <= 0xFE4F) {
            return true;
        }
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL
                || s == Character.UnicodeScript.BOPOMOFO;
    }

    /**
     * @param cp a code point
     * @return the columns it takes in a monospaced terminal: 2 for wide and full-width characters
     *     (CJK, full-width forms, most emoji), 0 for combining marks and format characters, else 1
     */
    static int width(int cp) {
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if (cp >= 0x1100 && cp <= 0x115F || cp >= 0x2E80 && cp <= 0x303E || cp >= 0x3041 && cp <= 0x33FF
                || cp >= 0x3400 && cp <= 0x4DBF || cp >= 0x4E00 && cp <= 0x9FFF || cp >= 0xA000 && cp <= 0xA4CF
                || cp >= 0xAC00 && cp <= 0xD7A3 || cp >= 0xF900 && cp <= 0xFAFF || cp >= 0xFE30 && cp <= 0xFE4F
                || cp >= 0xFF00 && cp <= 0xFF60 || cp >= 0xFFE0 && cp <= 0xFFE6 || cp >= 0x1F300 && cp <= 0x1F64F
                || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x20000 && cp <= 0x3FFFD) {
            return 2;
        }
        return 1;
    }

    /**
     * @param s some text
     * @return the columns it takes, CJK characters counting two
     */
    static int width(CharSequence s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            w += width(cp);
            i += Character.charCount(cp);
        }
        return w;
    }

    /**
     * @param s a line
     * @return whether at least a third of its non-space characters are CJK (a third, because Chinese
     *     sentences often carry Latin names and numbers)
     */
    static boolean isMostlyCjk(String s) {
        int cjk = 0;
        int all = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                continue;
            }
            all++;
            if (isCjk(cp)) {
                cjk++;
            }
        }
        return all > 0 && cjk * 3 >= all;
    }

    /** A line at least this many code points long that ends a CJK sentence ends its paragraph. */
    static final int LONG_LINE = 20;

    /**
     * Whether the reader takes a line break after this line for the end of a paragraph: the line
     * is at least {@value #LONG_LINE} code points long and ends a CJK sentence. The writer's
     * wrapping avoids making such lines inside a paragraph.
     *
     * @param line a stripped line
     * @return whether a paragraph ends after it
     */
    static boolean endsParagraph(String line) {
        return line.codePointCount(0, line.length()) >= LONG_LINE && endsCjkSentence(line);
    }

    /**
     * @param s a stripped line
     * @return whether it ends with punctuation that closes a CJK sentence
     */
    static boolean endsCjkSentence(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int last = s.codePointBefore(s.length());
        if (SENTENCE_FINAL.indexOf(last) >= 0) {
            return true;
        }
        return SHARED_FINAL.indexOf(last) >= 0 && isMostlyCjk(s);
    }

    /**
     * Whether two hard-wrapped lines join without a space: when both sides of the join are CJK (a
     * quotation mark or dash counts when its line is mostly CJK), or either side is CJK or
     * full-width punctuation. A break between CJK and Latin text joins with a space, since the
     * writer breaks lines at spaces there and mixed text is usually spaced.
     *
     * @param before the stripped line before the break, not empty
     * @param after the stripped line after it, not empty
     * @return true to join with nothing, false to join with one space
     */
    static boolean joinsTight(String before, String after) {
        int a = before.codePointBefore(before.length());
        int b = after.codePointAt(0);
        if (isWidePunctuation(a) || isWidePunctuation(b)) {
            return true;
        }
        boolean cjkBefore = isCjk(a) || isQuote(a) && isMostlyCjk(before);
        boolean cjkAfter = isCjk(b) || isQuote(b) && isMostlyCjk(after);
        return cjkBefore && cjkAfter;
    }

    private static boolean isWidePunctuation(int cp) {
        return cp >= 0x3000 && cp <= 0x303F || cp >= 0xFF01 && cp <= 0xFF0F || cp >= 0xFF1A && cp <= 0xFF20
                || cp >= 0xFF3B && cp <= 0xFF40 || cp >= 0xFF5B && cp <= 0xFF65 || cp >= 0xFE30 && cp <= 0xFE4F;
    }

    private static boolean isQuote(int cp) {
        return cp == '“' || cp == '”' || cp == '‘' || cp == '’' || cp == '…' || cp == '—';
    }

    /** @param cp a code point @return whether a line must not start with it */
    static boolean noBreakBefore(int cp) {
        return NO_BREAK_BEFORE.indexOf(cp) >= 0;
    }

    /** @param cp a code point @return whether a line must not end with it */
    static boolean noBreakAfter(int cp) {
        return NO_BREAK_AFTER.indexOf(cp) >= 0;
    }
}
