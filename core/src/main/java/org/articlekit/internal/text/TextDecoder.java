package org.articlekit.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.articlekit.ArticleFormatException;
import org.articlekit.internal.html.PageDecoder;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a text file, which has no charset declaration: a byte-order mark decides,
 * then strict UTF-8, then charset detection (GB2312 and GBK read as GB18030), then the fallback.
 * Bytes no candidate decodes are replaced with U+FFFD and reported as {@code text.encoding}.
 */
final class TextDecoder {

    /** Detection looks at no more than this many bytes. */
    private static final int DETECT_BYTES = 1 << 20;

    private TextDecoder() {
    }

    /**
     * @param data the file's bytes
     * @param fallback the charset of last resort
     * @param ctx for the warning
     * @return the text, without a byte-order mark
     * @throws ArticleFormatException in strict mode, when bytes had to be replaced
     */
    static String decode(byte[] data, Charset fallback, ConversionContext ctx) throws ArticleFormatException {
        Charset bom = null;
        int skip = 0;
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            bom = StandardCharsets.UTF_8;
            skip = 3;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            bom = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            bom = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        Set<Charset> candidates = new LinkedHashSet<>();
        Charset best;
        if (bom != null) {
            candidates.add(bom);
            best = bom;
        } else {
            candidates.add(StandardCharsets.UTF_8);
            Charset detected = detect(data);
            if (detected != null) {
                candidates.add(detected);
            }
            candidates.add(fallback);
            best = detected != null && !detected.equals(StandardCharsets.UTF_8) ? detected : fallback;
        }
        for (Charset c : candidates) {
            try {
                return decoder(c, CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data, skip, data.length - skip))
                        .toString();
            } catch (CharacterCodingException e) {
                // not this charset; the next candidate is tried, and the last resort below reports it
            }
        }
        ctx.warn("text.encoding", 0, "some bytes are not valid " + best.name()
                + "; they were replaced with U+FFFD");
        try {
            return decoder(best, CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(data, skip, data.length - skip))
                    .toString();
        } catch (CharacterCodingException impossible) {
            throw new IllegalStateException("a replacing decoder reported an error", impossible);
        }
    }

    private static @Nullable Charset detect(byte[] data) {
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(data, 0, Math.min(data.length, DETECT_BYTES));
        detector.dataEnd();
        String label = detector.getDetectedCharset();
        return label == null ? null : PageDecoder.forLabel(label).orElse(null);
    }

    private static CharsetDecoder decoder(Charset c, CodingErrorAction action) {
        return c.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    }
}
