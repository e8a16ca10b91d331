package org.articlekit.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The formats ArticleKit knows, found by id, file extension or content.
 *
 * <pre>{@code
 * FormatRegistry registry = FormatRegistry.defaults();
 * ArticleFormat md = registry.byId("markdown");
 * Optional<ArticleFormat> f = registry.detect("post.html", firstBytes);
 * }</pre>
 *
 * <p>{@link #defaults()} holds every provider on the class path or module path, loaded once.
 * Immutable and thread-safe.
 */
public final class FormatRegistry {

    /** A sniff score from which content is taken to be in a format whatever its extension says. */
    public static final int LIKELY = 50;

    private static volatile FormatRegistry defaults;

    private final List<ArticleFormat> formats;
    private final Map<String, ArticleFormat> byId;

    private FormatRegistry(Collection<ArticleFormat> formats) {
        Map<String, ArticleFormat> ids = new LinkedHashMap<>();
        for (ArticleFormat f : formats) {
            Objects.requireNonNull(f, "format");
            if (ids.putIfAbsent(f.id().toLowerCase(Locale.ROOT), f) != null) {
                throw new IllegalArgumentException("two formats have the id '" + f.id() + "'");
            }
        }
        this.formats = List.copyOf(ids.values());
        this.byId = Map.copyOf(ids);
    }

    /**
     * The formats found with {@link ServiceLoader} (class path and module path), sorted by id.
     *
     * @return the shared default registry
     */
    public static FormatRegistry defaults() {
        FormatRegistry r = defaults;
        if (r == null) {
            synchronized (FormatRegistry.class) {
                r = defaults;
                if (r == null) {
                    List<ArticleFormat> found = new ArrayList<>();
                    ServiceLoader.load(ArticleFormat.class, FormatRegistry.class.getClassLoader())
                            .forEach(found::add);
                    found.sort(Comparator.comparing(ArticleFormat::id));
                    r = new FormatRegistry(found);
                    defaults = r;
                }
            }
        }
        return r;
    }

    /**
     * @param formats the formats; ids must be unique
     * @return a registry of exactly these formats
     */
    public static FormatRegistry of(Collection<? extends ArticleFormat> formats) {
        return new FormatRegistry(List.copyOf(formats));
    }

    /** @return every format */
    public List<ArticleFormat> formats() {
        return formats;
    }

    /** @return the ids of every format, sorted */
    public List<String> ids() {
        return formats.stream().map(ArticleFormat::id).sorted().toList();
    }

    /**
     * Finds a format by id, or by one of its extensions ({@code md} finds {@code markdown}).
     *
     * @param idOrExtension the id or extension, in any case
     * @return the format, when known
     */
    public Optional<ArticleFormat> find(String idOrExtension) {
        String key = Objects.requireNonNull(idOrExtension, "idOrExtension").toLowerCase(Locale.ROOT).strip();
        ArticleFormat f = byId.get(key);
        if (f != null) {
            return Optional.of(f);
        }
        return formats.stream().filter(x -> x.extensions().contains(key)).findFirst();
    }

    /**
     * @param idOrExtension the id or extension
     * @return the format
     * @throws IllegalArgumentException listing the known ids when there is none such
     */
    public ArticleFormat byId(String idOrExtension) {
        return find(idOrExtension).orElseThrow(() -> new IllegalArgumentException(
                "unknown format '" + idOrExtension + "'; known formats: " + String.join(", ", ids())));
    }

    /**
     * Finds the format a file name's extension names. A two-part extension such as {@code warc.gz}
     * is tried before the last part alone, so {@code crawl.warc.gz} is a web archive while
     * {@code x.tar.gz} names no format (no format claims {@code gz} alone).
     *
     * @param fileName a file name or path
     * @return the format its extension names, when one does
     */
    public Optional<ArticleFormat> forFileName(String fileName) {
        String name = Objects.requireNonNull(fileName, "fileName");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        int dot = name.lastIndexOf('.');
        if (dot <= slash + 1 || dot == name.length() - 1) {
            return Optional.empty();
        }
        int before = name.lastIndexOf('.', dot - 1);
        if (before > slash + 1) {
            String twoPart = name.substring(before + 1).toLowerCase(Locale.ROOT);
            Optional<ArticleFormat> f = formats.stream().filter(x -> x.extensions().contains(twoPart)).findFirst();
            if (f.isPresent()) {
                return f;
            }
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return formats.stream().filter(x -> x.extensions().contains(ext)).findFirst();
    }

    /**
     * Detects a document's format from its content and its name. Content beats the extension
     * when a format is at least {@link #LIKELY} sure of the content and the extension's format is
     * not; otherwise the extension decides; without a known extension, the most confident format
     * does.
     *
     * @param fileName the file name, or {@code ""} when unknown
     * @param head up to the first 8 KiB of the content
     * @return the format, when any fits
     */
    public Optional<ArticleFormat> detect(String fileName, byte[] head) {
        Optional<ArticleFormat> byName = forFileName(fileName);
        // A name whose format also recognises the content settles it: no other format is asked.
        int namedScore = byName.isPresent() ? byName.get().sniff(head) : 0;
        if (namedScore >= LIKELY) {
            return byName;
        }
        ArticleFormat best = null;
        int bestScore = 0;
        for (ArticleFormat f : formats) {
            int s = byName.isPresent() && f == byName.get() ? namedScore : f.sniff(head);
            if (s > bestScore) {
                best = f;
                bestScore = s;
            }
        }
        if (byName.isPresent()) {
            ArticleFormat named = byName.get();
            if (best != null && best != named && bestScore >= LIKELY) {
                return Optional.of(best);
            }
            return byName;
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return formats.stream().map(ArticleFormat::id).collect(Collectors.joining(", ", "FormatRegistry[", "]"));
    }
}
