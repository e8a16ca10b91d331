package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Metadata given as keys and values, by {@code -M KEY=VALUE} and {@code --metadata-file FILE} (pandoc's flags), made
 * into {@link Metadata}. The keys are pandoc's and the front matter's: {@code title}, {@code subtitle},
 * {@code author}/{@code authors}, {@code date}, {@code updated}, {@code lang}/{@code language},
 * {@code description}/{@code summary}/{@code abstract}, {@code tags}/{@code keywords}, {@code categories},
 * {@code cover}/{@code cover-image}, {@code publisher}, {@code identifier}, {@code canonical}/{@code source};
 * any other key is kept as an extra field (written in Markdown front matter).
 */
final class MetadataValues {

    /** The largest metadata file read: metadata, not a document. */
    static final int MAX_FILE_BYTES = 1 << 20;

    private MetadataValues() {
    }

    /**
     * Parses {@code -M} values: {@code KEY=VALUE}, or {@code KEY} alone for {@code true}; a key given twice is a
     * list, as in pandoc.
     *
     * @throws IllegalArgumentException naming the value when it has no key
     */
    static Map<String, Object> pairs(List<String> given) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String pair : given) {
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).strip();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("-M " + pair + ": give KEY=VALUE, such as -M title=Notes");
            }
            Object value = eq < 0 ? Boolean.TRUE : pair.substring(eq + 1);
            map.merge(key, value, (a, b) -> {
                List<Object> list = a instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>(List.of(a));
                list.add(b);
                return list;
            });
        }
        return map;
    }

    /**
     * Reads a metadata file: a YAML mapping or a JSON object (JSON is read as YAML 1.2, which it is part of).
     *
     * @throws ArticleFormatException naming the file, and the line where known, when it is not a mapping of
     *     metadata
     * @throws IOException when it cannot be read
     */
    static Map<String, Object> file(Path file) throws IOException {
        String text = utf8(file, "metadata file");
        LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(20).setCodePointLimit(MAX_FILE_BYTES).build();
        Object root;
        try {
            root = new Load(settings).loadFromString(text);
        } catch (YamlEngineException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            int line = lineOf(message);
            throw new ArticleFormatException(file.toString(), line, null, "is not valid YAML or JSON: "
                    + message.lines().findFirst().orElse(message).strip(), e);
        }
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ArticleFormatException(file.toString(), "holds a " + kind(root)
                    + ", not a mapping of metadata keys (such as title: …)");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                out.put(String.valueOf(k), v);
            }
        });
        return out;
    }

    /**
     * Reads a small UTF-8 file the user names (a metadata file, a stylesheet), without its byte order mark.
     *
     * @param what what the file is, for the message
     * @throws ArticleFormatException naming the file when it is over {@link #MAX_FILE_BYTES} or not UTF-8
     * @throws IOException when it cannot be read
     */
    static String utf8(Path file, String what) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ArticleFormatException(file.toString(), "is larger than " + (MAX_FILE_BYTES >> 10)
                    + " KiB, too large for a " + what);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ArticleFormatException(file.toString(), "is not UTF-8 text");
        }
        return text.startsWith("\ufeff") ? text.substring(1) : text;
    }

    /** The line a SnakeYAML message names ("line 3, column 5"), or 0. */
    private static int lineOf(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+),").matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String kind(Object v) {
        return v instanceof List<?> ? "list" : v instanceof String ? "string" : v.getClass().getSimpleName()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * @param values keys and values, as {@link #pairs} and {@link #file} give them
     * @param where what to name in an error: {@code -M} or the file
     * @return the metadata they set
     * @throws IllegalArgumentException naming {@code where} and the key when a value cannot be that field
     */
    static Metadata toMetadata(Map<String, Object> values, String where) {
        Metadata.Builder b = Metadata.builder();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            try {
                switch (key.toLowerCase(Locale.ROOT)) {
                    case "title" -> b.title(text(v));
                    case "subtitle" -> b.subtitle(text(v));
                    case "author", "authors" -> b.authors(texts(v));
                    case "date", "published" -> b.published(ArticleDate.parse(text(v)));
                    case "updated", "modified", "lastmod" -> b.updated(ArticleDate.parse(text(v)));
                    case "lang", "language" -> b.language(Metadata.normalizeLanguage(text(v)));
                    case "description", "summary", "abstract" -> b.summary(text(v));
                    case "tags", "keywords" -> b.tags(texts(v));
                    case "categories", "category" -> b.categories(texts(v).stream().map(CategoryPath::parse).toList());
                    case "cover", "cover-image" -> b.cover(text(v));
                    case "publisher" -> b.publisher(text(v));
                    case "identifier", "id" -> b.identifier(text(v));
                    case "canonical", "canonical-url" -> b.canonicalUrl(uri(v));
                    case "source", "source-url", "url" -> b.sourceUrl(uri(v));
                    default -> b.extra(key, v);
                }
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(where + ": " + key + ": " + ex.getMessage(), ex);
            }
        }
        return b.build();
    }

    private static String text(Object v) {
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            throw new IllegalArgumentException("give one value, not a " + kind(v));
        }
        String s = String.valueOf(v).strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("the value is empty");
        }
        return s;
    }

    /** A list, or one value; a single string of several is one item (tags with commas stay whole). */
    private static List<String> texts(Object v) {
        if (v instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                out.add(text(item));
            }
            return out;
        }
        return List.of(text(v));
    }

    private static URI uri(Object v) {
        try {
            return new URI(text(v));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an address: " + e.getMessage());
        }
    }
}
