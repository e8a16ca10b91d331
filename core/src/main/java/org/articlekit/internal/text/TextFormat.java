package org.articlekit.internal.text;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;

/**
 * The plain-text format ({@code txt}): any text reads as an article, and articles write as
 * readable text with a metadata header. Its content sniffing is deliberately weak, so that every
 * more specific text format (HTML, Markdown) wins.
 */
public final class TextFormat implements ArticleFormat {

    /** The score for content that looks like text: plausible, never likely. */
    static final int TEXT_SCORE = 10;

    private static final TextReader READER = new TextReader();
    private static final TextWriter WRITER = new TextWriter();

    @Override
    public String id() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public List<String> extensions() {
        return List.of("txt", "text");
    }

    /**
     * {@value #TEXT_SCORE} for content that is text: not empty, no NUL or other control bytes
     * (tab, line breaks, form feed, escape and the DOS end-of-file mark are allowed), and not
     * starting with {@code <} after a UTF-8 byte-order mark and white space; UTF-16 with a
     * byte-order mark is judged by its characters. Otherwise 0.
     */
    @Override
    public int sniff(byte[] head) {
        if (head.length >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE)) {
            boolean bigEndian = (head[0] & 0xFF) == 0xFE;
            StringBuilder chars = new StringBuilder();
            for (int i = 2; i + 1 < head.length; i += 2) {
                int high = head[bigEndian ? i : i + 1] & 0xFF;
                int low = head[bigEndian ? i + 1 : i] & 0xFF;
                chars.append((char) (high << 8 | low));
            }
            return looksLikeText(chars) ? TEXT_SCORE : 0;
        }
        int from = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
                ? 3 : 0;
        // Each byte as a Latin-1 character: control bytes and a leading '<' are all that matter here.
        return looksLikeText(new String(head, from, head.length - from, StandardCharsets.ISO_8859_1))
                ? TEXT_SCORE : 0;
    }

    private static boolean looksLikeText(CharSequence s) {
        boolean content = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A && c != 0x1B || c == 0x7F) {
                return false;
            }
            if (!content && !Character.isWhitespace(c)) {
                if (c == '<') {
                    return false;
                }
                content = true;
            }
        }
        return content;
    }

    @Override
    public Optional<ArticleReader> reader() {
        return Optional.of(READER);
    }

    @Override
    public Optional<ArticleWriter> writer() {
        return Optional.of(WRITER);
    }
}
