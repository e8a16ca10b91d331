package org.articlekit.markdown.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * Reads Hugo's TOML front matter with tomlj after a bracket-depth check (tomlj's parser
 * recurses). TOML dates become {@link ArticleDate}s whose text is their ISO-8601 form.
 */
final class TomlFrontMatter {

    private TomlFrontMatter() {
    }

    static FrontMatterValues read(String text, int firstLine, ConversionContext ctx) throws ArticleFormatException {
        FrontMatterValues out = new FrontMatterValues();
        if (text.isBlank()) {
            return out;
        }
        int deep = NestingScan.tomlTooDeepLine(text, FrontMatterValues.MAX_DEPTH);
        if (deep > 0) {
            throw ctx.error(firstLine + deep - 1, "front matter is nested deeper than " + FrontMatterValues.MAX_DEPTH
                    + " levels", null);
        }
        TomlParseResult result;
        try {
            result = Toml.parse(text);
        } catch (RuntimeException | AssertionError e) {
            // tomlj checks some of its parser states with assert, so with -ea odd input ends in an
            // AssertionError (found by FrontMatterFuzzTest: a table header after a NUL-broken line)
            throw ctx.error(firstLine, "front matter is not valid TOML: " + e.getMessage(), e);
        }
        if (result.hasErrors()) {
            TomlParseError e = result.errors().get(0);
            throw ctx.error(firstLine + Math.max(0, e.position().line() - 1), "front matter is not valid TOML: "
                    + e.getMessage(), e);
        }
        int[] budget = {FrontMatterValues.MAX_VALUES};
        for (String key : result.keySet()) {
            TomlPosition p = result.inputPositionOf(List.of(key));
            out.lines.put(key, p == null ? firstLine : firstLine + p.line() - 1);
            out.values.put(key, convert(result.get(List.of(key)), budget, firstLine, ctx));
        }
        return out;
    }

    private static @Nullable Object convert(@Nullable Object v, int[] budget, int line, ConversionContext ctx)
            throws ArticleFormatException {
        if (--budget[0] < 0) {
            throw ctx.error(line, "front matter holds more than " + FrontMatterValues.MAX_VALUES + " values", null);
        }
        if (v instanceof TomlTable t) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            for (String k : t.keySet()) {
                m.put(k, convert(t.get(List.of(k)), budget, line, ctx));
            }
            return m;
        }
        if (v instanceof TomlArray a) {
            List<@Nullable Object> l = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                l.add(convert(a.get(i), budget, line, ctx));
            }
            return l;
        }
        if (v instanceof OffsetDateTime o) {
            return ArticleDate.parse(o.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (v instanceof LocalDateTime l) {
            return ArticleDate.parse(l.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
        }
        if (v instanceof LocalDate d) {
            return ArticleDate.parse(d.toString());
        }
        if (v instanceof LocalTime t) {
            return t.toString();
        }
        return v;
    }

    private static final java.util.regex.Pattern TOML_DATE = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?)?");

    /**
     * @param d a date
     * @return its text when that is a TOML date literal that reads back as the same text, else null
     */
    static @Nullable String dateLiteral(ArticleDate d) {
        String text = d.text();
        if (!d.isParsed() || !TOML_DATE.matcher(text).matches()) {
            return null;
        }
        TomlParseResult r = Toml.parse("d = " + text);
        if (r.hasErrors()) {
            return null;
        }
        try {
            Object back = convert(r.get(List.of("d")), new int[] {1}, 0, ConversionContext.builder().build());
            return back instanceof ArticleDate a && a.text().equals(text) ? text : null;
        } catch (ArticleFormatException e) {
            return null;
        }
    }
}
