package org.articlekit.internal.html;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.html.HtmlOptions;
import org.articlekit.internal.json.Json;
import org.articlekit.spi.ArticleHeader;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Writes an article as a standalone HTML5 page that carries every metadata field (meta tags for
 * other tools, JSON-LD for exact round trips), or as a bare body fragment.
 */
public final class HtmlWriter implements ArticleWriter {

    /** The reading stylesheet: a narrow column, a CJK-aware font stack, images that fit. */
    static final String CSS = """
            :root { color-scheme: light dark; }
            body { margin: 0 auto; max-width: 42em; padding: 2em 1.25em 4em; line-height: 1.75;
              font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial,
                "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
                "WenQuanYi Micro Hei", sans-serif;
              font-size: 1.0625rem; color: #222; background: #fff; text-align: justify;
              word-wrap: break-word; line-break: strict; }
            @media (prefers-color-scheme: dark) { body { color: #ddd; background: #161616; } a { color: #8ab4f8; } }
            h1, h2, h3, h4 { line-height: 1.35; text-align: left; }
            header.articlekit-header h1 { margin-bottom: .2em; font-size: 1.9em; }
            .articlekit-subtitle { margin: 0 0 .5em; font-size: 1.2em; color: #555; }
            .articlekit-byline { margin: 0 0 2em; color: #777; font-size: .9em; }
            img { max-width: 100%; height: auto; }
            figure { margin: 1.5em 0; text-align: center; }
            figcaption { color: #666; font-size: .9em; }
            blockquote { margin: 1em 0; padding: 0 1em; border-left: 4px solid #ccc; color: #555; }
            pre { overflow-x: auto; padding: .8em; background: rgba(127,127,127,.1); line-height: 1.45; }
            code { font-family: "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: .92em; }
            table { border-collapse: collapse; } th, td { border: 1px solid #ccc; padding: .3em .6em; }
            """;

    @Override
    public void write(Article article, OutputStream out, ConversionContext context) throws IOException {
        HtmlOptions options = context.options().get(HtmlOptions.class, HtmlOptions::defaults);
        String content;
        if (options.embedImages()) {
            Document bodyDoc = article.body().document();
            Xhtml.htmlOutput(bodyDoc);
            embedImages(bodyDoc.body(), article, context);
            content = bodyDoc.body().html();
        } else {
            // The body is already well-formed XHTML, which HTML parsers read the same: it goes in as it is,
            // without parsing and serialising it again.
            content = article.body().html();
        }
        String html = options.fragment() ? content + "\n" : page(article, options, content);
        out.write(html.getBytes(StandardCharsets.UTF_8));
    }

    private static void embedImages(Element body, Article article, ConversionContext ctx) throws IOException {
        for (Element img : body.getElementsByTag("img")) {
            String src = img.attr("src");
            if (src.startsWith("data:")) {
                continue;
            }
            Optional<Resource> res = article.resources().find(src);
            if (res.isEmpty()) {
                try {
                    res = Optional.of(ctx.resolver().resolve(src));
                } catch (ResourceUnavailableException e) {
                    ctx.warn("image.unresolved", 0, "image " + e.reference() + " " + e.reason() + "; kept as a link");
                    continue;
                }
            }
            Resource r = res.get();
            img.attr("src", "data:" + r.mediaType() + ";base64," + Base64.getEncoder().encodeToString(r.bytes()));
        }
    }

    /**
     * The whole page, written out directly (as compact HTML5: every head element and every header line on a line
     * of its own, the body as it is).
     */
    private static String page(Article article, HtmlOptions options, String content) {
        Metadata m = article.metadata();
        StringBuilder out = new StringBuilder(content.length() + 4096);
        String lang = m.language().map(l -> " lang=\"" + attr(l) + "\"").orElse("");
        out.append("<!doctype html>\n<html").append(lang).append(">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        text(out, m.title().orElse("Untitled"));
        out.append("</title>\n");
        meta(out, "name", "generator", "ArticleKit");
        meta(out, "name", "description", m.summary().orElse(null));
        for (String a : m.authors()) {
            meta(out, "name", "author", a);
        }
        if (!m.tags().isEmpty()) {
            meta(out, "name", "keywords", String.join(", ", m.tags()));
        }
        m.canonicalUrl().ifPresent(u -> out.append("<link rel=\"canonical\" href=\"").append(attr(u.toString()))
                .append("\">\n"));
        meta(out, "property", "og:type", "article");
        meta(out, "property", "og:title", m.title().orElse(null));
        meta(out, "property", "og:description", m.summary().orElse(null));
        meta(out, "property", "og:image", m.cover().orElse(null));
        meta(out, "property", "og:url", m.canonicalUrl().map(Object::toString).orElse(null));
        meta(out, "property", "og:site_name", m.publisher().orElse(null));
        meta(out, "property", "og:locale", m.language().map(l -> l.replace('-', '_')).orElse(null));
        meta(out, "property", "article:published_time", m.published().flatMap(ArticleDate::isoString).orElse(null));
        meta(out, "property", "article:modified_time", m.updated().flatMap(ArticleDate::isoString).orElse(null));
        for (CategoryPath c : m.categories()) {
            meta(out, "property", "article:section", c.toString());
        }
        for (String t : m.tags()) {
            meta(out, "property", "article:tag", t);
        }
        meta(out, "name", "thumbnail", m.thumbnail().orElse(null));
        out.append("<script type=\"application/ld+json\">").append(Json.writePretty(jsonLd(m))).append("</script>\n");
        if (options.stylesheet()) {
            out.append("<style>").append(CSS).append("</style>\n");
        }
        if (options.css() != null) {
            // the user's stylesheet, after ours so that its rules win; "</" cannot end the element early
            out.append("<style>").append(options.css().replace("</", "<\\/")).append("</style>\n");
        }
        out.append("</head>\n<body>\n<article").append(lang).append(">\n");
        StringBuilder header = new StringBuilder();
        ArticleHeader h = ArticleHeader.of(m, m.title().orElse(""));
        m.title().ifPresent(t -> text(header.append("<h1>"), t).append("</h1>\n"));
        h.subtitle().ifPresent(t -> text(header.append("<p class=\"articlekit-subtitle\">"), t)
                .append("</p>\n"));
        String byline = Xhtml.xmlSafe(h.bylineText());
        if (!byline.isEmpty()) {
            text(header.append("<p class=\"articlekit-byline\">"), byline).append("</p>\n");
        }
        if (header.length() > 0) {
            out.append("<header class=\"articlekit-header\">\n").append(header).append("</header>\n");
        }
        return out.append(content).append("\n</article>\n</body>\n</html>\n").toString();
    }

    /** Escapes text as jsoup's HTML output does; characters XML does not allow are left out. */
    private static StringBuilder text(StringBuilder out, String s) {
        return Xhtml.escape(s, false, "&nbsp;", out);
    }

    /** Escapes an attribute value for double quotes, as jsoup's HTML output does. */
    private static String attr(String s) {
        return Xhtml.escape(s, true, "&nbsp;", new StringBuilder(s.length() + 16)).toString();
    }

    private static void meta(StringBuilder out, String attr, String key, @Nullable String content) {
        if (content != null && !content.isBlank()) {
            out.append("<meta ").append(attr).append("=\"").append(key).append("\" content=\"")
                    .append(attr(content)).append("\">\n");
        }
    }

    /** The schema.org description of the article plus an {@code articlekit} member for exact round trips. */
    static Map<String, Object> jsonLd(Metadata m) {
        Map<String, Object> ld = new LinkedHashMap<>();
        ld.put("@context", "https://schema.org");
        ld.put("@type", "Article");
        m.title().ifPresent(t -> ld.put("headline", t));
        m.subtitle().ifPresent(t -> ld.put("alternativeHeadline", t));
        if (!m.authors().isEmpty()) {
            List<Object> authors = new ArrayList<>();
            for (String a : m.authors()) {
                authors.add(typed("Person", a));
            }
            ld.put("author", authors);
        }
        m.published().flatMap(ArticleDate::isoString).ifPresent(d -> ld.put("datePublished", d));
        m.updated().flatMap(ArticleDate::isoString).ifPresent(d -> ld.put("dateModified", d));
        m.language().ifPresent(l -> ld.put("inLanguage", l));
        m.summary().ifPresent(s -> ld.put("description", s));
        if (!m.tags().isEmpty()) {
            ld.put("keywords", m.tags());
        }
        if (!m.categories().isEmpty()) {
            ld.put("articleSection", m.categories().stream().map(CategoryPath::toString).toList());
        }
        m.cover().ifPresent(c -> ld.put("image", c));
        m.thumbnail().ifPresent(c -> ld.put("thumbnailUrl", c));
        m.canonicalUrl().ifPresent(u -> ld.put("url", u.toString()));
        m.sourceUrl().ifPresent(u -> ld.put("isBasedOn", u.toString()));
        m.identifier().ifPresent(i -> ld.put("identifier", i));
        m.publisher().ifPresent(p -> ld.put("publisher", typed("Organization", p)));

        Map<String, Object> ours = new LinkedHashMap<>();
        m.published().ifPresent(d -> ours.put("published", d.text()));
        m.updated().ifPresent(d -> ours.put("updated", d.text()));
        if (!m.categories().isEmpty()) {
            ours.put("categories", m.categories().stream().map(CategoryPath::segments).toList());
        }
        if (!m.extra().isEmpty()) {
            Map<String, @Nullable Object> extra = new LinkedHashMap<>();
            m.extra().forEach((k, v) -> extra.put(k, toJson(v)));
            ours.put("extra", extra);
        }
        if (!ours.isEmpty()) {
            ld.put("articlekit", ours);
        }
        return ld;
    }

    /** {@code {"@type": type, "name": name}} in that order: {@code Map.of} would order them differently in each run. */
    private static Map<String, Object> typed(String type, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("@type", type);
        m.put("name", name);
        return m;
    }

    private static @Nullable Object toJson(@Nullable Object v) {
        if (v instanceof ArticleDate d) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("@type", "ArticleDate");
            m.put("text", d.text());
            d.isoString().ifPresent(iso -> m.put("iso", iso));
            return m;
        }
        if (v instanceof List<?> l) {
            List<@Nullable Object> out = new ArrayList<>();
            l.forEach(x -> out.add(toJson(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, @Nullable Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), toJson(x)));
            return out;
        }
        if (v instanceof BigDecimal || v instanceof BigInteger || v instanceof Number || v instanceof Boolean
                || v instanceof String || v == null) {
            return v;
        }
        return v.toString();
    }
}
