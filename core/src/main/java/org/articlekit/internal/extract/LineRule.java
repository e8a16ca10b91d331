package org.articlekit.internal.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern that must match a whole line ({@link Matcher#matches()}), with a quick test in front:
 * the line's first character. Most lines of an article start with a character no alternative of
 * the pattern can start with, and the regex engine would try each of its alternatives before
 * failing. Whether a first character can start a match is asked of the pattern itself, once per
 * character: it is matched against that character alone, and when it fails without having looked
 * for more input ({@link Matcher#hitEnd()}), no line starting with that character can match. So the
 * quick test never changes the pattern's answer.
 */
final class LineRule {

    private static final byte UNKNOWN = 0;
    private static final byte CAN_START = 1;
    private static final byte CANNOT_START = 2;

    private final Pattern pattern;
    /**
     * What each first character allows, filled in as characters are met. Threads may fill the same
     * entry at once; they write the same value, and a byte is written whole.
     */
    private final byte[] firstCharacter = new byte[Character.MAX_VALUE + 1];

    LineRule(Pattern pattern) {
        this.pattern = pattern;
    }

    /**
     * @param line the text of a line
     * @return {@code pattern.matcher(line).matches()}
     */
    boolean matches(String line) {
        if (!line.isEmpty()) {
            char c = line.charAt(0);
            // A surrogate is half a character: the pattern cannot be asked about it alone.
            if (!Character.isSurrogate(c)) {
                byte known = firstCharacter[c];
                if (known == UNKNOWN) {
                    Matcher m = pattern.matcher(String.valueOf(c));
                    known = m.matches() || m.hitEnd() ? CAN_START : CANNOT_START;
                    firstCharacter[c] = known;
                }
                if (known == CANNOT_START) {
                    return false;
                }
            }
        }
        return pattern.matcher(line).matches();
    }

    /** @return the pattern */
    Pattern pattern() {
        return pattern;
    }
}
