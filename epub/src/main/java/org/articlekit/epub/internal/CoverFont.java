package org.articlekit.epub.internal;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the faces the generated cover is drawn with: the Noto Sans SC of the
 * {@code ph-fonts-noto-sans-sc} jar (the one the PDF module uses) first, then installed families.
 * It exists so that a cover shows Chinese and Latin titles on a machine without installed fonts.
 * The bundled faces are read once per process, from the class path or the module path, and drawn
 * from their outlines (FontBox) rather than through {@code java.awt.Font}: where fontconfig finds
 * no font, Java 17 cannot make any {@code Font}, not even with {@code Font.createFont}
 * ("Problem reading font data").
 */
final class CoverFont {

    /** The automatic module name of the font jar. */
    static final String FONT_MODULE = "com.helger.font.noto_sans_sc";
    static final String REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    static final String BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";
    static final String BUNDLED_NAME = "Noto Sans SC (bundled, " + REGULAR + ")";

    /** Installed CJK-capable families, best first, tried when the bundled font is absent or lacks a character. */
    private static final List<String> PREFERRED = List.of("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC",
            "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK JP", "Droid Sans Fallback",
            "AR PL UMing CN", "AR PL UKai CN", "DejaVu Sans", "Liberation Sans");

    /** A face that can be set at a size. */
    interface Face {
        /** @return whether the face has a glyph for the character */
        boolean canDisplay(int codePoint);

        /** @return the face at {@code size} pixels, measured for {@code g} */
        Sized at(float size, Graphics2D g);
    }

    /** A face at one size. */
    interface Sized {
        int width(String s);

        int ascent();

        int lineHeight();

        /** Draws {@code s} with its baseline at {@code y}, in the current colour. */
        void draw(Graphics2D g, String s, int x, int y);
    }

    /**
     * The faces to draw with.
     *
     * @param regular the face of the authors and dates lines
     * @param bold the face of the title
     * @param name what the face is, for messages
     * @param problem why the cover cannot show every character, or null when it can
     */
    record Choice(Face regular, Face bold, String name, @Nullable String problem) {
    }

    /** One bundled face, or why it could not be read; neither when the jar is not there. */
    record Loaded(@Nullable Face face, @Nullable String failure) {
    }

    /** Reads the bundled faces on first use, once per process. */
    private static final class Bundled {
        static final Loaded REGULAR_FACE = load(REGULAR);
        static final Loaded BOLD_FACE = load(BOLD);
    }

    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    private CoverFont() {
    }

    /**
     * Starts reading the bundled faces on a daemon thread (once per process), so that a cover drawn
     * after the articles were read does not wait for them: parsing both faces takes about half a
     * second of CPU on a small machine.
     */
    static void preload() {
        if (!PRELOADING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            if (Bundled.REGULAR_FACE.face() != null) {
                Bundled.BOLD_FACE.face();
            }
        }, "articlekit-cover-font-preload");
        t.setDaemon(true);
        t.start();
    }

    /** @return the bundled regular face, or why it is missing */
    static Loaded bundledRegular() {
        return Bundled.REGULAR_FACE;
    }

    /**
     * Picks faces for the cover's text: the bundled Noto Sans SC when it shows every character, else
     * the first installed preferred family that does, else any installed family that does (the first
     * 300 by name), else the bundled face (or Java's logical sans-serif) with a problem naming the
     * characters that show as placeholders.
     *
     * @param text every character the cover shows
     * @return the faces
     */
    static Choice pick(String text) {
        Face bundled = Bundled.REGULAR_FACE.face();
        if (bundled != null && missing(bundled, text).length == 0) {
            return bundledChoice(bundled, null);
        }
        String noJava2d = null;
        try {
            Optional<Font> installed = installed(text);
            if (installed.isPresent()) {
                Font f = installed.get();
                return new Choice(new Java2dFace(f), new Java2dFace(f.deriveFont(Font.BOLD)), f.getFamily(Locale.ROOT),
                        null);
            }
        } catch (InternalError e) {
            // How Java2D says that it found no font at all (fontconfig has none); reported below.
            noJava2d = "Java2D finds no installed font (" + e.getMessage() + ")";
        }
        Face fallback = bundled != null ? bundled : new Java2dFace(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        String missing = describe(missing(fallback, text));
        String installedPart = noJava2d != null ? noJava2d : "no installed font can show " + missing;
        String problem;
        if (bundled != null) {
            problem = "neither the bundled Noto Sans SC nor an installed font can show " + missing
                    + " of the title and authors; the generated cover shows placeholders for them"
                    + (noJava2d != null ? " (" + noJava2d + ")" : "");
        } else if (Bundled.REGULAR_FACE.failure() != null) {
            problem = Bundled.REGULAR_FACE.failure() + ", and " + installedPart
                    + "; the generated cover shows placeholders for some characters of the title and authors";
        } else {
            problem = installedPart + ", and the font jar com.helger.font:ph-fonts-noto-sans-sc is not on the class "
                    + "path; the generated cover shows placeholders for some characters of the title and authors";
        }
        if (bundled != null) {
            return bundledChoice(bundled, problem);
        }
        Font logical = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        return new Choice(fallback, new Java2dFace(logical.deriveFont(Font.BOLD)), Font.SANS_SERIF, problem);
    }

    private static Choice bundledChoice(Face regular, @Nullable String problem) {
        Face bold = Bundled.BOLD_FACE.face();
        // Without the bold file (a trimmed jar) the title is set in the regular face.
        return new Choice(regular, bold != null ? bold : regular, BUNDLED_NAME, problem);
    }

    private static Optional<Font> installed(String text) {
        Set<String> families = new HashSet<>(Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)));
        for (String family : PREFERRED) {
            if (families.contains(family)) {
                Font f = new Font(family, Font.PLAIN, 12);
                if (f.canDisplayUpTo(text) == -1) {
                    return Optional.of(f);
                }
            }
        }
        Font logical = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        if (!families.isEmpty() && logical.canDisplayUpTo(text) == -1) {
            return Optional.of(logical);
        }
        List<String> sorted = families.stream().sorted().limit(300).toList();
        for (String family : sorted) {
            Font f = new Font(family, Font.PLAIN, 12);
            if (f.canDisplayUpTo(text) == -1) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The distinct visible characters of {@code text} that a face has no glyph for. */
    static int[] missing(Face face, String text) {
        return text.codePoints().distinct().filter(cp -> !Character.isWhitespace(cp) && !face.canDisplay(cp))
                .toArray();
    }

    /** Names characters, the first eight of them. */
    static String describe(int[] cps) {
        if (cps.length == 0) {
            return "every character";
        }
        StringBuilder sb = new StringBuilder(cps.length == 1 ? "the character " : "the characters ");
        for (int i = 0; i < cps.length && i < 8; i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').appendCodePoint(cps[i]).append("' (U+")
                    .append(String.format(Locale.ROOT, "%04X", cps[i])).append(')');
        }
        if (cps.length > 8) {
            sb.append(" and ").append(cps.length - 8).append(" more");
        }
        return sb.toString();
    }

    /**
     * Reads one face of the font jar: through the class loader that loaded this class (which finds a
     * resource outside the packages of an automatic module on the module path as well as on the
     * class path), then through the font module of this module's layer.
     */
    private static Loaded load(String resource) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                return new Loaded(null, null);
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(readAll(in)));
            CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
            if (cmap == null) {
                return new Loaded(null, "the bundled font " + resource + " has no Unicode character map");
            }
            return new Loaded(new OutlineFace(ttf, cmap), null);
        } catch (IOException e) {
            return new Loaded(null, "the bundled font " + resource + " cannot be read (" + e + ")");
        }
    }

    /**
     * The bytes of a stream. A jar entry tells its inflated size, so the 10 MB face is inflated
     * into one array of that size instead of the growing copies of {@code readAllBytes}.
     */
    static byte[] readAll(InputStream in) throws IOException {
        int expected = in.available();
        if (expected <= 0) {
            return in.readAllBytes();
        }
        byte[] bytes = new byte[expected];
        int n = in.readNBytes(bytes, 0, expected);
        byte[] rest = in.readAllBytes();
        if (n == expected && rest.length == 0) {
            return bytes;
        }
        byte[] all = Arrays.copyOf(bytes, n + rest.length);
        System.arraycopy(rest, 0, all, n, rest.length);
        return all;
    }

    private static @Nullable InputStream open(String resource) throws IOException {
        ClassLoader loader = CoverFont.class.getClassLoader();
        InputStream in = loader != null ? loader.getResourceAsStream(resource) : null;
        if (in != null) {
            return in;
        }
        ModuleLayer layer = CoverFont.class.getModule().getLayer();
        if (layer != null) {
            Optional<Module> fonts = layer.findModule(FONT_MODULE);
            if (fonts.isPresent()) {
                return fonts.get().getResourceAsStream(resource);
            }
        }
        return null;
    }

    /**
     * A TrueType face drawn by filling its glyph outlines: no kerning or shaping, which a cover's
     * title and byline do without. Glyph reads are serialised on the font.
     */
    private record OutlineFace(TrueTypeFont ttf, CmapLookup cmap) implements Face {

        @Override
        public boolean canDisplay(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        @Override
        public Sized at(float size, Graphics2D g) {
            synchronized (ttf) {
                try {
                    float scale = size / ttf.getUnitsPerEm();
                    HorizontalHeaderTable hhea = ttf.getHorizontalHeader();
                    int ascent = Math.round(hhea.getAscender() * scale);
                    int height = Math.round((hhea.getAscender() - hhea.getDescender() + hhea.getLineGap()) * scale);
                    return new OutlineSized(this, scale, ascent, height);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        float advance(String s, float scale) throws IOException {
            float w = 0;
            synchronized (ttf) {
                for (int cp : s.codePoints().toArray()) {
                    w += ttf.getAdvanceWidth(cmap.getGlyphId(cp)) * scale;
                }
            }
            return w;
        }

        void draw(Graphics2D g, String s, float scale, int x, int y) throws IOException {
            float pen = x;
            synchronized (ttf) {
                for (int cp : s.codePoints().toArray()) {
                    int gid = Character.isWhitespace(cp) ? cmap.getGlyphId(' ') : cmap.getGlyphId(cp);
                    GlyphData glyph = ttf.getGlyph().getGlyph(gid);
                    if (glyph != null) {
                        GeneralPath outline = glyph.getPath();
                        g.fill(new AffineTransform(scale, 0, 0, -scale, pen, y).createTransformedShape(outline));
                    }
                    pen += ttf.getAdvanceWidth(gid) * scale;
                }
            }
        }
    }

    private record OutlineSized(OutlineFace face, float scale, int ascent, int lineHeight) implements Sized {
        @Override
        public int width(String s) {
            try {
                return Math.round(face.advance(s, scale));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void draw(Graphics2D g, String s, int x, int y) {
            try {
                face.draw(g, s, scale, x, y);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** An installed font, drawn by Java2D. */
    private record Java2dFace(Font font) implements Face {
        @Override
        public boolean canDisplay(int codePoint) {
            return font.canDisplay(codePoint);
        }

        @Override
        public Sized at(float size, Graphics2D g) {
            Font sized = font.deriveFont(size);
            FontMetrics fm = g.getFontMetrics(sized);
            return new Sized() {
                @Override
                public int width(String s) {
                    return fm.stringWidth(s);
                }

                @Override
                public int ascent() {
                    return fm.getAscent();
                }

                @Override
                public int lineHeight() {
                    return fm.getHeight();
                }

                @Override
                public void draw(Graphics2D g2, String s, int x, int y) {
                    g2.setFont(sized);
                    g2.drawString(s, x, y);
                }
            };
        }
    }
}
