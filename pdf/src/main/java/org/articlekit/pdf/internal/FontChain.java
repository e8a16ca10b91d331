package org.articlekit.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
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
 * the characters no font has. System fonts are tried best text face first (regular sans and serif
 * faces of well-known families, then other regular faces, then styled ones), so each script gets a
 * text face; maths, symbol, dingbat and emoji fonts are tried only for characters no text face has.
 * Parsed fonts are kept for the life of the process (parsing a 10 MB CJK font per document would
 * dominate the run time); PDFBox locks its table reads, so sharing them between threads is safe.
 */
final class FontChain {

    /** The Noto Sans SC artifact's files, regular and bold. */
    private static final String NOTO_REGULAR = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final String NOTO_BOLD = "fonts/ttf/NotoSansSC/NotoSansSC-Bold.ttf";

    private static final Map<String, Optional<LoadedFont>> CACHE = new ConcurrentHashMap<>();
    private static volatile @Nullable List<Path> systemFontFiles;

    /** Words in a font's name or file name that mark a face as no text face. */
    private static final List<String> NOT_TEXT = List.of("math", "symbol", "dingbat", "emoji");

    /** Words that mark a styled or special-purpose face; a regular face of the same family is preferred. */
    private static final List<String> STYLED = List.of("bold", "italic", "oblique", "light", "thin", "black", "heavy",
            "medium", "semibold", "demi", "condensed", "narrow", "mono", "extralight");

    /** Families (file names without separators, lower case) tried first for text, best first. */
    private static final List<String> PREFERRED_TEXT = List.of("dejavusans", "liberationsans", "notosans", "arial",
            "helvetica", "freesans", "roboto", "opensans", "sourcesans", "dejavuserif", "liberationserif", "notoserif",
            "times", "freeserif");

    /**
     * A parsed TrueType font and what it covers.
     *
     * @param label where it came from (a file, or the class path resource)
     * @param name its PostScript name
     * @param ttf the parsed font
     * @param cmap its Unicode character map
     */
    record LoadedFont(String label, String name, TrueTypeFont ttf, CmapLookup cmap) {
        boolean covers(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        /** @return the PostScript name and where the font came from */
        String description() {
            return name + " (" + label + ")";
        }
    }

    /**
     * The fonts of one document: the regular faces in fallback order, an optional bold face of
     * the first one, and for each regular face what it sets.
     *
     * @param regular the regular faces, in fallback order
     * @param bold the bold face of the first one, or null
     * @param roles for each regular face, the scripts of the characters it is the first to cover
     *        ("Latin, Han"), or "no character"
     */
    record FontSet(List<LoadedFont> regular, @Nullable LoadedFont bold, List<String> roles) {
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
        return select(options, text, sourceName, FontChain::systemFontFiles);
    }

    /** {@link #select(PdfOptions, String, String)} with the installed font files given (tests). */
    static FontSet select(PdfOptions options, String text, @Nullable String sourceName,
            Supplier<List<Path>> systemFiles) throws ArticleFormatException {
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
            // Text faces first; the maths, symbol and dingbat fonts only for what no text face has.
            List<LoadedFont> notText = new ArrayList<>();
            for (Path file : byTextPreference(systemFiles.get())) {
                for (LoadedFont f : systemFont(file)) {
                    if (!isTextFace(f.name()) || !isTextFace(file.getFileName().toString())) {
                        notText.add(f);
                    } else if (chosen.isEmpty() || coversAny(f, missing)) {
                        chosen.add(f);
                        missing = uncovered(needed, chosen);
                    }
                }
                if (missing.isEmpty() && !chosen.isEmpty()) {
                    break;
                }
            }
            for (LoadedFont f : notText) {
                if (missing.isEmpty()) {
                    break;
                }
                if (coversAny(f, missing)) {
                    chosen.add(f);
                    missing = uncovered(needed, chosen);
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
        return new FontSet(List.copyOf(chosen), bold, roles(needed, chosen));
    }

    /**
     * Whether a font or file name looks like a face for ordinary text, not one of maths, symbols,
     * dingbats or emoji.
     */
    static boolean isTextFace(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return NOT_TEXT.stream().noneMatch(n::contains);
    }

    /**
     * Orders font files for text: faces that are not maths or symbol fonts first, among them regular
     * faces before styled ones, and the preferred sans and serif families before others; then by path.
     */
    static List<Path> byTextPreference(List<Path> files) {
        List<Path> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingInt(FontChain::textRank).thenComparing(Path::toString));
        return sorted;
    }

    private static int textRank(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String base = (dot > 0 ? n.substring(0, dot) : n).replaceAll("[-_ ]", "");
        if (!isTextFace(base)) {
            return 3000;
        }
        String rest = base;
        int family = PREFERRED_TEXT.size();
        for (int i = 0; i < PREFERRED_TEXT.size(); i++) {
            String p = PREFERRED_TEXT.get(i);
            if (base.startsWith(p)) {
                family = i;
                rest = base.substring(p.length());
                break;
            }
        }
        boolean styled = STYLED.stream().anyMatch(rest::contains);
        // "NotoSansArabic" is a regular face of another family than Noto Sans: after the preferred ones.
        boolean sameFamily = rest.isEmpty() || rest.equals("regular") || rest.equals("book")
                || rest.equals("roman");
        if (styled) {
            return 2000 + family;
        }
        return sameFamily ? family : 1000 + family;
    }

    /** For each font, the scripts of the characters it is the first to cover. */
    private static List<String> roles(BitSet needed, List<LoadedFont> fonts) {
        List<Set<String>> scripts = new ArrayList<>();
        for (int i = 0; i < fonts.size(); i++) {
            scripts.add(new TreeSet<>());
        }
        for (int cp = needed.nextSetBit(0); cp >= 0; cp = needed.nextSetBit(cp + 1)) {
            for (int i = 0; i < fonts.size(); i++) {
                if (fonts.get(i).covers(cp)) {
                    scripts.get(i).add(scriptName(cp));
                    break;
                }
            }
        }
        List<String> roles = new ArrayList<>();
        for (Set<String> s : scripts) {
            roles.add(s.isEmpty() ? "no character" : String.join(", ", s));
        }
        return List.copyOf(roles);
    }

    private static String scriptName(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        if (script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED) {
            return "common punctuation and symbols";
        }
        String n = script.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
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
        return new LoadedFont(label, ttf.getName(), ttf, cmap);
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
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(inflated(in)));
                return Optional.of(checked(ttf, "bundled, class path " + resource));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * A jar entry's bytes, read into one array of the size the entry declares (its stream's
     * {@code available()}): {@code readAllBytes} would allocate twice the 10 MB of a face in growing
     * pieces and copy them, which costs a collection before the book is read.
     */
    private static byte[] inflated(InputStream in) throws IOException {
        byte[] bytes = new byte[Math.max(0, in.available())];
        int n = in.readNBytes(bytes, 0, bytes.length);
        int next = n == bytes.length ? in.read() : -1;
        if (n == bytes.length && next < 0) {
            return bytes;
        }
        // The entry was shorter or longer than declared: what was read, then the rest.
        ByteArrayOutputStream all = new ByteArrayOutputStream(n + 8192);
        all.write(bytes, 0, n);
        if (next >= 0) {
            all.write(next);
            in.transferTo(all);
        }
        return all.toByteArray();
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
