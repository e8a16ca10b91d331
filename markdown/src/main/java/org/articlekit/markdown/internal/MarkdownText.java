package org.articlekit.markdown.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;

/**
 * Decodes a post strictly: a byte-order mark decides the encoding, otherwise the configured one;
 * a byte sequence that is not valid is an error naming its byte offset and line, never a silent
 * U+FFFD. Line ends become {@code \n}.
 */
final class MarkdownText {

    private MarkdownText() {
    }

    static String decode(byte[] data, Charset charset, ConversionContext ctx) throws ArticleFormatException {
        Charset cs = charset;
        int skip = 0;
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            cs = StandardCharsets.UTF_8;
            skip = 3;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (cs.equals(StandardCharsets.UTF_8)) {
            // The JDK's own UTF-8 decoding is several times faster than a CharsetDecoder; it replaces
            // malformed bytes with U+FFFD, so only text that holds one needs the strict decoder's verdict.
            String fast = new String(data, skip, data.length - skip, StandardCharsets.UTF_8);
            if (fast.indexOf('\uFFFD') < 0) {
                return tidy(fast);
            }
        }
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, skip, data.length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) ((data.length - skip) * (double) dec.maxCharsPerByte()) + 16));
        CoderResult r = dec.decode(in, out, true);
        if (!r.isError()) {
            r = dec.flush(out);
        }
        if (r.isError()) {
            int offset = in.position();
            int line = 1;
            for (int i = skip; i < offset && i < data.length; i++) {
                if (data[i] == '\n') {
                    line++;
                }
            }
            throw ctx.error(line, "is not valid " + cs.name() + " (byte " + offset
                    + "); save it as UTF-8 or name its encoding (such as GB18030)", null);
        }
        out.flip();
        return tidy(out.toString());
    }

    /** Drops a byte-order mark that was not at the start of the bytes and makes every line break LF. */
    private static String tidy(String decoded) {
        String text = decoded;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n").replace('\r', '\n');
        }
        return text;
    }
}
