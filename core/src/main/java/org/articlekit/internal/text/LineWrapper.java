package org.articlekit.internal.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Breaks one paragraph into lines of at most a given number of columns. Lines break at spaces and
 * between CJK characters (never before closing or after opening punctuation); a Latin word is
 * never broken, so a word longer than the width gets a line of its own and overflows. A line
 * inside a paragraph never ends a long CJK sentence, which the reader would take for a paragraph
 * end ({@link CjkText#endsParagraph}), and no line inside a paragraph starts with what looks like a
 * list marker ({@code -}, {@code 2024.}, {@code 1、}): the last piece of the line before moves down.
 */
final class LineWrapper {

    /** A piece that, at the start of a line, the reader would take for a list marker. */
    private static final Pattern MARKER = Pattern.compile("[-*•]|\\d{1,9}[.)、]");

    private LineWrapper() {
    }

    /**
     * @param text one line of text, spaces already collapsed
     * @param width the widest line in columns (CJK characters count two); 0 or less for no wrapping
     * @return the lines, without trailing spaces; one line when no wrapping was needed
     */
    static List<String> wrap(String text, int width) {
        String s = text.strip();
        if (width <= 0 || CjkText.width(s) <= width) {
            return List.of(s);
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int lastUnitStart = 0;
        boolean pendingSpace = false;
        for (String unit : units(s)) {
            if (unit.isBlank()) {
                pendingSpace = line.length() > 0;
                continue;
            }
            if (line.length() > 0 && CjkText.width(line) + (pendingSpace ? 1 : 0) + CjkText.width(unit) > width) {
                String full = line.toString();
                String carry = "";
                if (lastUnitStart > 0 && (CjkText.endsParagraph(full) || MARKER.matcher(unit).matches())) {
                    // the reader would take this break for a paragraph end or a list item: move a piece down
                    carry = full.substring(lastUnitStart).strip();
                    full = full.substring(0, lastUnitStart).stripTrailing();
                }
                lines.add(full);
                line.setLength(0);
                line.append(carry);
                lastUnitStart = 0;
                pendingSpace = pendingSpace && !carry.isEmpty();
            }
            lastUnitStart = line.length();
            if (pendingSpace) {
                line.append(' ');
            }
            line.append(unit);
            pendingSpace = false;
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Splits text into the pieces a line may break between: runs of spaces, Latin words, and single
     * wide characters, with no-break punctuation glued to its neighbour.
     */
    private static List<String> units(String s) {
        List<String> raw = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int start = i;
            if (Character.isWhitespace(cp)) {
                while (i < s.length() && Character.isWhitespace(s.codePointAt(i))) {
                    i += Character.charCount(s.codePointAt(i));
                }
            } else if (CjkText.width(cp) == 2 || CjkText.isCjk(cp)) {
                i += Character.charCount(cp);
                // keep combining marks with their base
                while (i < s.length() && CjkText.width(s.codePointAt(i)) == 0) {
                    i += Character.charCount(s.codePointAt(i));
                }
            } else {
                while (i < s.length()) {
                    int c = s.codePointAt(i);
                    if (Character.isWhitespace(c) || CjkText.width(c) == 2 || CjkText.isCjk(c)) {
                        break;
                    }
                    i += Character.charCount(c);
                }
            }
            raw.add(s.substring(start, i));
        }
        List<String> units = new ArrayList<>();
        boolean glueNext = false;
        for (String u : raw) {
            boolean space = u.isBlank();
            int last = units.size() - 1;
            if (!space && last >= 0 && !units.get(last).isBlank()
                    && (glueNext || CjkText.noBreakBefore(u.codePointAt(0)))) {
                units.set(last, units.get(last) + u);
            } else {
                units.add(u);
            }
            glueNext = !space && CjkText.noBreakAfter(u.codePointBefore(u.length()));
        }
        return units;
    }
}
