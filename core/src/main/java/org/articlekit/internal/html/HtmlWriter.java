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
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
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
        String html;
        if (options.fragment()) {
            html = content + "\n";
        } else {
            String page = page(article, options).outerHtml();
            int at = page.lastIndexOf(BODY_MARK); // the last: metadata in the head could hold the same text
            html = page.substring(0, at) + content + page.substring(at + BODY_MARK.length()) + "\n";
        }
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

    /** Stands for the body in the page while it is serialised; a comment, so no text can look like it. */
    private static final String BODY_MARK = "<!--articlekit-body-->";

    private static Document page(Article article, HtmlOptions options) {
        Metadata m = article.metadata();
        Document doc = Document.createShell("");
        doc.prependChild(new TextNode("\n"));
        doc.prependChild(new DocumentType("html", "", ""));
        Xhtml.htmlOutput(doc);
        Element html = doc.selectFirst("html");
        m.language().ifPresent(l -> html.attr("lang", l));
        Element head = doc.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(Xhtml.xmlSafe(m.title().orElse("Untitled")));
        meta(head, "name", "generator", "ArticleKit");
        meta(head, "name", "description", m.summary().orElse(null));
        for (String a : m.authors()) {
            meta(head, "name", "author", a);
        }
        if (!m.tags().isEmpty()) {
            meta(head, "name", "keywords", String.join(", ", m.tags()));
        }
        m.canonicalUrl().ifPresent(u -> head.appendElement("link").attr("rel", "canonical").attr("href", u.toString()));
        meta(head, "property", "og:type", "article");
        meta(head, "property", "og:title", m.title().orElse(null));
        meta(head, "property", "og:description", m.summary().orElse(null));
        meta(head, "property", "og:image", m.cover().orElse(null));
        meta(head, "property", "og:url", m.canonicalUrl().map(Object::toString).orElse(null));
        meta(head, "property", "og:site_name", m.publisher().orElse(null));
        meta(head, "property", "og:locale", m.language().map(l -> l.replace('-', '_')).orElse(null));
        meta(head, "property", "article:published_time", m.published().flatMap(ArticleDate::isoString).orElse(null));
        meta(head, "property", "article:modified_time", m.updated().flatMap(ArticleDate::isoString).orElse(null));
        for (CategoryPath c : m.categories()) {
            meta(head, "property", "article:section", c.toString());
        }
        for (String t : m.tags()) {
            meta(head, "property", "article:tag", t);
        }
        meta(head, "name", "thumbnail", m.thumbnail().orElse(null));
        Element ld = head.appendElement("script").attr("type", "application/ld+json");
        ld.appendChild(new DataNode(Json.writePretty(jsonLd(m))));
        if (options.stylesheet()) {
            head.appendElement("style").appendChild(new DataNode(CSS));
        }

        Element articleEl = doc.body().appendElement("article");
        m.language().ifPresent(l -> articleEl.attr("lang", l));
        Element header = articleEl.appendElement("header").addClass("articlekit-header");
        m.title().ifPresent(t -> header.appendElement("h1").text(Xhtml.xmlSafe(t)));
        m.subtitle().ifPresent(t -> header.appendElement("p").addClass("articlekit-subtitle").text(Xhtml.xmlSafe(t)));
        String byline = byline(m);
        if (!byline.isEmpty()) {
            header.appendElement("p").addClass("articlekit-byline").text(byline);
        }
        if (header.childrenSize() == 0) {
            header.remove();
        }
        lineBreaks(head);
        lineBreaks(header);
        lineBreaks(articleEl);
        if (articleEl.childNodeSize() == 0) {
            articleEl.appendChild(new TextNode("\n"));
        }
        articleEl.appendChild(new Comment("articlekit-body"));
        articleEl.appendChild(new TextNode("\n"));
        lineBreaks(doc.body());
        lineBreaks(html);
        return doc;
    }

    /** Puts each child element of {@code e} on a line of its own, as pretty printing would, without touching text. */
    private static void lineBreaks(Element e) {
        for (Element child : new ArrayList<>(e.children())) {
            child.before(new TextNode("\n"));
        }
        if (e.childrenSize() > 0) {
            e.appendChild(new TextNode("\n"));
        }
    }

    private static String byline(Metadata m) {
        List<String> parts = new ArrayList<>();
        if (!m.authors().isEmpty()) {
            parts.add(String.join(", ", m.authors()));
        }
        m.published().ifPresent(d -> parts.add(d.text()));
        return Xhtml.xmlSafe(String.join(" · ", parts));
    }

    private static void meta(Element head, String attr, String key, @Nullable String content) {
        if (content != null && !content.isBlank()) {
            head.appendElement("meta").attr(attr, key).attr("content", Xhtml.xmlSafe(content));
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
                authors.add(Map.of("@type", "Person", "name", a));
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
        m.publisher().ifPresent(p -> ld.put("publisher", Map.of("@type", "Organization", "name", p)));

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
