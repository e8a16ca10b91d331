package org.articlekit.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * PDFBox's font mapper for fonts a PDF names but does not embed (openhtmltopdf creates the
 * standard 14 on every run; foreign PDFs use them too). PDFBox's default scans every system font on
 * first use, which takes seconds, and writes {@code ~/.pdfbox.cache}; ArticleKit never draws with
 * these fonts (it embeds its own and only extracts text from others), so this mapper answers every
 * request with PDFBox's bundled Liberation Sans without touching the disk (and without PDFBox's "fallback font" warnings).
 * Installed once, when the PDF format is first used, unless {@code articlekit.pdf.keepFontMapper}
 * is set to {@code true}.
 */
final class QuietFontMapper implements FontMapper {

    private static final String BUNDLED = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static volatile boolean installed;

    private final TrueTypeFont fallback;

    private QuietFontMapper(TrueTypeFont fallback) {
        this.fallback = fallback;
    }

    /** Installs the mapper once per process. */
    static void install() {
        if (installed || Boolean.getBoolean("articlekit.pdf.keepFontMapper")) {
            return;
        }
        synchronized (QuietFontMapper.class) {
            if (installed) {
                return;
            }
            try (InputStream in = FontMapper.class.getResourceAsStream(BUNDLED)) {
                if (in == null) {
                    throw new IllegalStateException("PDFBox's bundled font " + BUNDLED + " is missing");
                }
                FontMappers.set(new QuietFontMapper(new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()))));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read PDFBox's bundled font " + BUNDLED, e);
            }
            installed = true;
        }
    }

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(fallback, false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
        return new FontMapping<>(fallback, false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, fallback, false);
    }
}
