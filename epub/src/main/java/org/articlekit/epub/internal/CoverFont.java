package org.articlekit.epub.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the font the generated cover is drawn with: the Noto Sans SC of the
 * {@code ph-fonts-noto-sans-sc} jar (the one the PDF module uses) first, then installed families.
 * It exists so that a cover shows Chinese and Latin titles on a machine without installed fonts,
 * and so that the bundled files are loaded once per process, from the class path or the module path.
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

    /**
     * The faces to draw with.
     *
     * @param regular the face of the authors and dates lines
     * @param bold the face of the title
     * @param name what the face is, for messages
     * @param problem why the cover cannot show every character, or null when it can
     */
    record Choice(Font regular, Font bold, String name, @Nullable String problem) {
    }

    /** One bundled face, or why it could not be loaded; neither when the jar is not there. */
    record Loaded(@Nullable Font font, @Nullable String failure) {
    }

    /** Loads the bundled faces on first use, once per process. */
    private static final class Bundled {
        static final Loaded REGULAR_FACE = load(REGULAR);
        static final Loaded BOLD_FACE = load(BOLD);
    }

    private CoverFont() {
    }

    /**
     * The bundled regular face.
     *
     * @return the face, or why it is missing
     */
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
        Loaded bundled = Bundled.REGULAR_FACE;
        if (bundled.font() != null && bundled.font().canDisplayUpTo(text) == -1) {
            return bundledChoice(bundled.font(), null);
        }
        Optional<Font> installed = installed(text);
        if (installed.isPresent()) {
            Font f = installed.get();
            return new Choice(f, f.deriveFont(Font.BOLD), f.getFamily(Locale.ROOT), null);
        }
        Font fallback = bundled.font() != null ? bundled.font() : new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        String missing = missing(fallback, text);
        String problem;
        if (bundled.font() != null) {
            problem = "neither the bundled Noto Sans SC nor an installed font can show " + missing
                    + " of the title and authors; the generated cover shows placeholders for them";
        } else if (bundled.failure() != null) {
            problem = bundled.failure() + ", and no installed font can show " + missing
                    + " of the title and authors; the generated cover shows placeholders for them";
        } else {
            problem = "no installed font can show " + missing + " of the title and authors, and the font jar "
                    + "com.helger.font:ph-fonts-noto-sans-sc is not on the class path; the generated cover shows "
                    + "placeholders for them";
        }
        if (bundled.font() != null) {
            return bundledChoice(bundled.font(), problem);
        }
        return new Choice(fallback, fallback.deriveFont(Font.BOLD), fallback.getFamily(Locale.ROOT), problem);
    }

    private static Choice bundledChoice(Font regular, @Nullable String problem) {
        Font bold = Bundled.BOLD_FACE.font();
        // Without the bold file (a trimmed jar) Java2D emboldens the regular face.
        return new Choice(regular, bold != null ? bold : regular.deriveFont(Font.BOLD), BUNDLED_NAME, problem);
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

    /** Names the characters a face cannot show, the first eight of them. */
    static String missing(Font font, String text) {
        StringBuilder sb = new StringBuilder();
        int[] cps = text.codePoints().distinct().filter(cp -> !Character.isWhitespace(cp) && !font.canDisplay(cp))
                .toArray();
        for (int i = 0; i < cps.length && i < 8; i++) {
            sb.append(i == 0 ? "" : ", ").append('\'').appendCodePoint(cps[i]).append("' (U+")
                    .append(String.format(Locale.ROOT, "%04X", cps[i])).append(')');
        }
        if (cps.length > 8) {
            sb.append(" and ").append(cps.length - 8).append(" more");
        }
        return cps.length == 0 ? "every character" : (cps.length == 1 ? "the character " : "the characters ") + sb;
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
            return new Loaded(Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.PLAIN, 12f), null);
        } catch (IOException | FontFormatException e) {
            return new Loaded(null, "the bundled font " + resource + " cannot be loaded (" + e + ")");
        }
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
}
