package org.articlekit.pdf.internal;

import com.openhtmltopdf.extend.FSTextBreaker;
import java.text.BreakIterator;
import java.util.Locale;

/**
 * Line breaking with the Chinese rules Java's break iterator misses: no line starts with closing
 * punctuation (，。、；：？！」）》 and the like, also after a space), and no line ends with opening
 * punctuation (「（《“ and the like). Other breaks are the JDK's. Used for both line and
 * character breaking. One instance per renderer; not thread-safe.
 */
final class CjkLineBreaker implements FSTextBreaker {

    /** Characters that must not start a line. */
    static final String CLOSING = "，。、；：？！」』）》〉】〕〗〙〛”’…‥·～％！），．：；？］｝〜ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ";

    /** Characters that must not end a line. */
    static final String OPENING = "「『（《〈【〔〖〘〚“‘［｛";

    private final BreakIterator lines;
    private String text = "";

    private CjkLineBreaker(BreakIterator iterator) {
        lines = iterator;
    }

    /** @return a breaker between lines (words, CJK characters) */
    static CjkLineBreaker lines() {
        return new CjkLineBreaker(BreakIterator.getLineInstance(Locale.CHINESE));
    }

    /**
     * @return a breaker between characters, which the renderer uses to split a word too long for
     *     its line ({@code overflow-wrap: break-word}); it too never puts closing punctuation first
     */
    static CjkLineBreaker characters() {
        return new CjkLineBreaker(BreakIterator.getCharacterInstance(Locale.CHINESE));
    }

    @Override
    public void setText(String newText) {
        text = newText;
        lines.setText(newText);
    }

    @Override
    public int next() {
        int b = lines.next();
        while (b != BreakIterator.DONE && b < text.length() && !allowed(b)) {
            b = lines.next();
        }
        return b;
    }

    private boolean allowed(int b) {
        if (CLOSING.indexOf(text.charAt(b)) >= 0) {
            return false;
        }
        int p = b - 1;
        while (p > 0 && Character.isWhitespace(text.charAt(p))) {
            p--;
        }
        return p < 0 || OPENING.indexOf(text.charAt(p)) < 0;
    }
}
