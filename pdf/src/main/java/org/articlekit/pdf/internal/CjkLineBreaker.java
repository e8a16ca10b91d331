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

    /**
     * A run this long without a break opportunity cannot fit on any line; it gets one every
     * {@link #CHUNK} characters. The renderer's own forced breaking measures ever longer prefixes
     * and grows with the square of the run (about 6 s for 100,000 characters).
     */
    static final int MAX_UNBROKEN = 200;

    /** The spacing of the break opportunities given inside such a run. */
    static final int CHUNK = 8;

    private final BreakIterator lines;
    private final boolean chunkLongRuns;
    private String text = "";
    private int pos;
    private int natural = BreakIterator.DONE;

    private CjkLineBreaker(BreakIterator iterator, boolean chunkLongRuns) {
        lines = iterator;
        this.chunkLongRuns = chunkLongRuns;
    }

    /** @return a breaker between lines (words, CJK characters) */
    static CjkLineBreaker lines() {
        return new CjkLineBreaker(BreakIterator.getLineInstance(Locale.CHINESE), true);
    }

    /**
     * @return a breaker between characters, which the renderer uses to split a word too long for
     *     its line ({@code overflow-wrap: break-word}); it too never puts closing punctuation first
     */
    static CjkLineBreaker characters() {
        return new CjkLineBreaker(BreakIterator.getCharacterInstance(Locale.CHINESE), false);
    }

    @Override
    public void setText(String newText) {
        text = newText;
        pos = 0;
        natural = BreakIterator.DONE;
        lines.setText(newText);
    }

    @Override
    public int next() {
        if (pos >= text.length()) {
            return BreakIterator.DONE;
        }
        int b = natural;
        if (b == BreakIterator.DONE || b <= pos) {
            // Inside a long run, the natural break after it is found once, not once per chunk.
            b = lines.following(pos);
            while (b != BreakIterator.DONE && b < text.length() && !allowed(b)) {
                b = lines.next();
            }
            natural = b == BreakIterator.DONE ? text.length() : b;
        }
        int end = natural;
        if (chunkLongRuns && end - pos > MAX_UNBROKEN) {
            int forced = pos + CHUNK;
            while (forced < end && (Character.isLowSurrogate(text.charAt(forced)) || !allowed(forced))) {
                forced++;
            }
            if (forced < end) {
                pos = forced;
                return forced;
            }
        }
        pos = end;
        return end;
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
