package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * Reads JSON front matter: a whole object (Hugo) or Hexo's members without braces ending at
 * {@code ;;;}. Strings in ISO-8601 date form become {@link ArticleDate}s, as the YAML reader's bare
 * dates do, so that extra dates keep their type through JSON.
 */
final class JsonFrontMatter {

    private JsonFrontMatter() {
    }

    static FrontMatterValues read(String text, int firstLine, ConversionContext ctx) throws ArticleFormatException {
        FrontMatterValues out = new FrontMatterValues();
        if (text.isBlank()) {
            return out;
        }
        String json = text.strip().startsWith("{") ? text : "{" + text + "}";
        int shift = json == text ? 0 : 1;
        Object root;
        Map<String, Integer> offsets = new LinkedHashMap<>();
        try {
            root = JsonValues.parse(json, FrontMatterValues.MAX_DEPTH, offsets);
        } catch (JsonValues.JsonProblem e) {
            throw ctx.error(line(json, shift, e.offset, firstLine), "front matter is not valid JSON: " + e.getMessage(),
                    null);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw ctx.error(firstLine, "front matter is not a JSON object", null);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            out.values.put(key, dates(e.getValue()));
            Integer at = offsets.get(key);
            out.lines.put(key, at == null ? firstLine : line(json, shift, at, firstLine));
        }
        return out;
    }

    /** The file line of an offset into the parsed text, which may have a brace added in front. */
    private static int line(String json, int shift, int offset, int firstLine) {
        int line = firstLine;
        for (int i = 0; i < Math.min(json.length(), offset) - shift; i++) {
            if (json.charAt(i + shift) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static @Nullable Object dates(@Nullable Object v) {
        if (v instanceof String s && !s.isEmpty() && Character.isDigit(s.charAt(0))
                && FrontMatterValues.plain(s) instanceof ArticleDate d) {
            return d;
        }
        if (v instanceof List<?> l) {
            List<@Nullable Object> out = new ArrayList<>();
            l.forEach(x -> out.add(dates(x)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put((String) k, dates(x)));
            return out;
        }
        return v;
    }
}
