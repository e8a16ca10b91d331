package org.articlekit.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.articlekit.ArticleFormatException;
import org.articlekit.pdf.PdfOptions;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the fonts a document needs: the user's font files, then the Noto Sans SC artifact on the
 * class path, then installed TrueType system fonts for whatever is still uncovered; fails listing
 * the characters no font has. Parsed fonts are kept for the life of the process (parsing a 10 MB
 * CJK font per document would dominate the run time); PDFBox locks its table reads, so sharing
 * them between threads is safe.
 */
final class FontChain {

    /** The Noto Sans SC artifact's files, regular and bold. */
    private static final String NOTO_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String NOTO_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private static final Map<String, Optional<LoadedFont>> CACHE = new ConcurrentHashMap<>();
    private static volatile @Nullable List<Path> systemFontFiles;

    /** A parsed TrueType font and what it covers. */
    record LoadedFont(String label, TrueTypeFont ttf, CmapLookup cmap) {
        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }
    }

    /**
     * The fonts of one document: the regular faces in fallback order and an optional bold face of
     * the first one.
     */
    record FontSet(List<LoadedFont> regular, @Nullable LoadedFont bold) {
    }

    private FontChain() {
    }

    /**
     * Picks fonts that cover every character of a document.
     *
     * @param options the PDF options (font files, whether to use the class path and system fonts)
     * @param text every character the document shows
     * @param sourceName the document's name for the error
     * @return the fonts
     * @throws ArticleFormatException when a font file cannot be read or some characters are in no font
     */
    static FontSet select(PdfOptions options, String text, @Nullable String sourceName) throws ArticleFormatException {
        BitSet needed = neededCharacters(text);
        List<LoadedFont> chosen = new ArrayList<>();
        LoadedFont bold = null;
        for (PdfOptions.FontFile f : options.fonts()) {
            chosen.add(userFont(f, sourceName));
        }
        if (options.classpathFont()) {
            Optional<LoadedFont> noto = classpathFont(NOTO_REGULAR);
            if (noto.isPresent()) {
                chosen.add(noto.get());
                if (options.fonts().isEmpty()) {
                    bold = classpathFont(NOTO_BOLD).orElse(null);
                }
            }
        }
        BitSet missing = uncovered(needed, chosen);
        if ((!missing.isEmpty() || chosen.isEmpty()) && options.systemFonts()) {
            for (Path file : systemFontFiles()) {
                for (LoadedFont f : systemFont(file)) {
                    if (chosen.isEmpty() || coversAny(f, missing)) {
                        chosen.add(f);
                        missing = uncovered(needed, chosen);
                    }
                }
                if (missing.isEmpty() && !chosen.isEmpty()) {
                    break;
                }
            }
        }
        if (chosen.isEmpty()) {
            throw new ArticleFormatException(sourceName, "no font is available: give a TrueType font with --font FILE "
                    + "(PdfOptions.font), or add com.helger.font:ph-fonts-noto-sans-sc to the class path");
        }
        if (!missing.isEmpty()) {
            throw new ArticleFormatException(sourceName, "no font covers the characters " + describe(missing)
                    + "; give a TrueType font that has them with --font FILE (PdfOptions.font)");
        }
        return new FontSet(List.copyOf(chosen), bold);
    }

    /** The characters that need a glyph: not white space, controls, format characters or variation selectors. */
    static BitSet neededCharacters(String text) {
        BitSet set = new BitSet();
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean invisible = Character.isWhitespace(cp) || cp == 0xA0 || cp == 0x3000 || type == Character.CONTROL
                    || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || (cp >= 0xFE00 && cp <= 0xFE0F)
                    || (cp >= 0xE0100 && cp <= 0xE01EF);
            if (!invisible) {
                set.set(cp);
            }
        });
        return set;
    }

    private static BitSet uncovered(BitSet needed, List<LoadedFont> fonts) {
        BitSet missing = new BitSet();
        for (int cp = needed.nextSetBit(0); cp >= 0; cp = needed.nextSetBit(cp + 1)) {
            boolean found = false;
            for (LoadedFont f : fonts) {
                if (f.covers(cp)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.set(cp);
            }
        }
        return missing;
    }

    private static boolean coversAny(LoadedFont f, BitSet missing) {
        for (int cp = missing.nextSetBit(0); cp >= 0; cp = missing.nextSetBit(cp + 1)) {
            if (f.covers(cp)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(BitSet missing) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (int cp = missing.nextSetBit(0); cp >= 0; cp = missing.nextSetBit(cp + 1)) {
            if (n == 12) {
                sb.append(", … (").append(missing.cardinality()).append(" in all)");
                break;
            }
            if (n > 0) {
                sb.append(", ");
            }
            sb.append('\'').appendCodePoint(cp).append("' (U+").append(String.format(Locale.ROOT, "%04X", cp)).append(')');
            n++;
        }
        return sb.toString();
    }

    private static LoadedFont userFont(PdfOptions.FontFile f, @Nullable String sourceName) throws ArticleFormatException {
        String key = "file:" + f.file().toAbsolutePath() + "#" + f.postScriptName();
        try {
            Optional<LoadedFont> font = CACHE.get(key);
            if (font == null) {
                font = Optional.of(loadFile(f.file(), f.postScriptName()));
                CACHE.put(key, font);
            }
            return font.orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new ArticleFormatException(sourceName, 0, null, "font " + f + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static LoadedFont loadFile(Path file, @Nullable String psName) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc")) {
            TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
            TrueTypeFont ttf;
            if (psName != null) {
                ttf = ttc.getFontByName(psName);
                if (ttf == null) {
                    List<String> names = new ArrayList<>();
                    ttc.processAllFonts(t -> names.add(t.getName()));
                    ttc.close();
                    throw new IOException("the collection has no font named " + psName + "; it has " + names);
                }
            } else {
                List<TrueTypeFont> all = new ArrayList<>();
                ttc.processAllFonts(all::add);
                if (all.isEmpty()) {
                    throw new IOException("the collection is empty");
                }
                ttf = all.get(0);
            }
            return checked(ttf, file + "#" + ttf.getName());
        }
        TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file.toFile()));
        if (psName != null && !psName.equals(ttf.getName())) {
            throw new IOException("the font is " + ttf.getName() + ", not " + psName);
        }
        return checked(ttf, file.toString());
    }

    private static LoadedFont checked(TrueTypeFont ttf, String label) throws IOException {
        if (ttf instanceof OpenTypeFont otf && otf.isPostScript()) {
            throw new IOException("it has CFF (PostScript) outlines, which PDFBox cannot embed; use a TrueType (glyf) font");
        }
        // No glyph substitution: PDFBox would otherwise apply the font's ligatures (Noto draws "——" as one
        // two-em-dash glyph, and text extraction then differs from the source) and rebuild its substitution
        // matcher for every page.
        ttf.getTableMap().remove("GSUB");
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null) {
            throw new IOException("it has no Unicode character map");
        }
        return new LoadedFont(label, ttf, cmap);
    }

    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    /**
     * Parses the class path faces on a daemon thread, once per process, so that {@link #select}
     * finds them ready; a {@code select} that comes first waits for the same parse instead of
     * repeating it.
     */
    static void preload() {
        if (!PRELOADING.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(() -> {
            classpathFont(NOTO_REGULAR);
            classpathFont(NOTO_BOLD);
        }, "articlekit-font-preload");
        t.setDaemon(true);
        t.start();
    }

    /** The Noto Sans SC face at a class path location, parsed once per process. */
    static Optional<LoadedFont> classpathFont(String resource) {
        return CACHE.computeIfAbsent("classpath:" + resource, k -> {
            try (InputStream in = FontChain.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    return Optional.empty();
                }
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                return Optional.of(checked(ttf, "Noto Sans SC (" + resource + ")"));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** The usable faces of one system font file; CFF fonts and unreadable files give none. */
    private static List<LoadedFont> systemFont(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc")) {
            Optional<LoadedFont> first = CACHE.computeIfAbsent("system:" + file + "#0", k -> {
                try {
                    TrueTypeCollection ttc = new TrueTypeCollection(file.toFile());
                    List<TrueTypeFont> all = new ArrayList<>();
                    ttc.processAllFonts(all::add);
                    for (TrueTypeFont t : all) {
                        try {
                            return Optional.of(checked(t, file + "#" + t.getName()));
                        } catch (IOException e) {
                            continue;
                        }
                    }
                    return Optional.empty();
                } catch (IOException | RuntimeException e) {
                    return Optional.empty();
                }
            });
            return first.map(List::of).orElse(List.of());
        }
        Optional<LoadedFont> f = CACHE.computeIfAbsent("system:" + file, k -> {
            try {
                return Optional.of(loadFile(file, null));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
        return f.map(List::of).orElse(List.of());
    }

    /** TrueType files in the usual font folders (fontconfig's and the platforms'), sorted, found once. */
    static List<Path> systemFontFiles() {
        List<Path> files = systemFontFiles;
        if (files != null) {
            return files;
        }
        Set<Path> found = new LinkedHashSet<>();
        String home = System.getProperty("user.home", "");
        List<Path> roots = new ArrayList<>(List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
                Path.of("/Library/Fonts"), Path.of("/System/Library/Fonts"), Path.of("C:\\Windows\\Fonts")));
        if (!home.isEmpty()) {
            roots.add(Path.of(home, ".fonts"));
            roots.add(Path.of(home, ".local", "share", "fonts"));
            roots.add(Path.of(home, "Library", "Fonts"));
        }
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, 6)) {
                walk.filter(p -> {
                    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                    return (n.endsWith(".ttf") || n.endsWith(".ttc")) && Files.isRegularFile(p);
                }).sorted().forEach(found::add);
            } catch (IOException | RuntimeException e) {
                // an unreadable font folder only means fewer fallback fonts
                continue;
            }
        }
        files = List.copyOf(found);
        systemFontFiles = files;
        return files;
    }
}
