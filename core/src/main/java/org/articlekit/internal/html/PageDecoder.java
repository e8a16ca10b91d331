package org.articlekit.internal.html;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Decodes the bytes of a web page: the charset comes from a byte-order mark, then a {@code meta}
 * declaration, then detection, then the configured fallback. GB2312 and GBK labels decode as
 * GB18030, their superset, as browsers do.
 */
public final class PageDecoder {

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.+-]+)");
    private static final int PRESCAN = 4096;

    private PageDecoder() {
    }

    /**
     * @param data the page's bytes
     * @param fallback the charset when nothing else tells
     * @param ctx for warnings
     * @return the text, without a BOM
     * @throws ArticleFormatException in strict mode, when bytes could not be decoded
     */
    public static String decode(byte[] data, Charset fallback, ConversionContext ctx) throws ArticleFormatException {
        int bomLength = 0;
        Charset charset = null;
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        }
        if (charset == null && ctx.charset().isPresent()) {
            // The HTTP header outranks the page's own <meta>; GB2312 and GBK are read as their superset.
            charset = forLabel(ctx.charset().get().name()).orElse(ctx.charset().get());
        }
        if (charset == null) {
            charset = declared(data).orElse(null);
            if (charset != null && !charset.equals(StandardCharsets.UTF_8) && !charset.name().startsWith("UTF-16")
                    && isMultibyteUtf8(data)) {
                // Saved pages are often re-encoded to UTF-8 and keep their old declaration.
                ctx.warn("html.charset", 0, "the page declares " + charset.name()
                        + " but its bytes are UTF-8; read as UTF-8");
                charset = StandardCharsets.UTF_8;
            }
        }
        if (charset == null) {
            charset = detected(data).orElse(fallback);
        }
        ByteBuffer bytes = ByteBuffer.wrap(data, bomLength, data.length - bomLength);
        try {
            return strict(charset).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            Charset other = bomLength == 0 ? detected(data).orElse(null) : null;
            if (other != null && !other.equals(charset)) {
                try {
                    String text = strict(other).decode(ByteBuffer.wrap(data)).toString();
                    ctx.warn("html.charset", 0, "the page declares " + charset.name() + " but its bytes are "
                            + other.name() + "; read as " + other.name());
                    return text;
                } catch (CharacterCodingException notThatEither) {
                    // fall through to the lenient decoding of the declared charset, with its warning
                }
            }
            ctx.warn("html.charset", 0, "some bytes are not valid " + charset.name()
                    + "; they were replaced with U+FFFD");
            CharsetDecoder lenient = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            try {
                return lenient.decode(ByteBuffer.wrap(data, bomLength, data.length - bomLength)).toString();
            } catch (CharacterCodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** @return whether the bytes are valid UTF-8 with at least a few multi-byte sequences */
    static boolean isMultibyteUtf8(byte[] data) {
        int multibyte = 0;
        for (int i = 0; i < data.length; ) {
            int b = data[i] & 0xFF;
            int extra = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                    : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (extra < 0 || i + extra >= data.length && extra > 0) {
                return false;
            }
            for (int k = 1; k <= extra; k++) {
                if ((data[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            if (extra > 0) {
                multibyte++;
            }
            i += extra + 1;
        }
        return multibyte >= 4;
    }

    private static CharsetDecoder strict(Charset c) {
        return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * @param data the page's bytes
     * @return the charset a {@code meta} element in the first 4 KiB declares
     */
    static Optional<Charset> declared(byte[] data) {
        String head = new String(data, 0, Math.min(data.length, PRESCAN), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        return forLabel(m.group(1));
    }

    /**
     * Maps a charset label as the WHATWG Encoding Standard does for the cases that matter:
     * {@code gb2312}, {@code gbk} and friends become GB18030; {@code latin1}/{@code ascii} become
     * windows-1252.
     *
     * @param label the label
     * @return the charset, when Java knows it
     */
    public static Optional<Charset> forLabel(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "chinese", "csgb2312", "iso-ir-58",
                    "gb18030", "euc-cn" -> {
                return Optional.of(Charset.forName("GB18030"));
            }
            case "latin1", "iso-8859-1", "us-ascii", "ascii", "iso8859-1", "l1" -> {
                return Optional.of(Charset.forName("windows-1252"));
            }
            case "big5", "big5-hkscs", "cn-big5", "x-x-big5" -> {
                return Optional.of(Charset.forName("Big5-HKSCS"));
            }
            case "utf8", "unicode-1-1-utf-8" -> {
                return Optional.of(StandardCharsets.UTF_8);
            }
            default -> {
                try {
                    return Optional.of(Charset.forName(l));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return Optional.empty();
                }
            }
        }
    }

    private static Optional<Charset> detected(byte[] data) {
        if (isValidUtf8(data)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(data, 0, Math.min(data.length, 1 << 20));
        detector.dataEnd();
        String name = detector.getDetectedCharset();
        return name == null ? Optional.empty() : forLabel(name);
    }

    private static boolean isValidUtf8(byte[] data) {
        try {
            strict(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

}
