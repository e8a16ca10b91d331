package org.articlekit.internal.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.articlekit.internal.json.Json;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Reads an article's metadata from a whole page: JSON-LD first, then Open Graph, {@code article:*}
 * and Twitter tags, then plain {@code meta} tags and {@code <title>}. The {@code articlekit}
 * member our writer adds to its JSON-LD restores what schema.org cannot say (date texts, category
 * paths, extra values).
 */
public final class PageMetadata {

    /** What separates keywords: commas, semicolons and the enumeration comma, in both widths. */
    private static final Pattern KEYWORD_SEPARATORS = Pattern.compile("[,，;；、]");

    // Selectors parsed once: jsoup parses a selector string again on every call.
    private static final Evaluator HTML = Selector.evaluatorOf("html");
    private static final Evaluator H1 = Selector.evaluatorOf("h1");
    private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type=application/ld+json]");
    private static final Evaluator TIME_PUBDATE = Selector.evaluatorOf("time[pubdate]");
    private static final Evaluator ARTICLE_TIME = Selector.evaluatorOf("article time[datetime]");
    private static final Evaluator TIME = Selector.evaluatorOf("time[datetime]");
    private static final Evaluator CANONICAL = Selector.evaluatorOf("link[rel=canonical]");

    static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "technicalarticle", "techarticle", "scholarlyarticle",
            "report", "socialmediaposting", "liveblogposting", "webpage", "posting");

    private final Document page;
    private final ConversionContext ctx;
    private final @Nullable Map<?, ?> ld;
    /** The page's meta elements, found once (each lookup would otherwise walk the whole page). */
    private final List<Element> metaElements;

    private PageMetadata(Document page, ConversionContext ctx) throws ArticleFormatException {
        this.page = page;
        this.ctx = ctx;
        this.metaElements = page.getElementsByTag("meta");
        this.ld = findJsonLd();
    }

    /**
     * @param page the parsed page
     * @param ctx for warnings
     * @return the metadata found
     * @throws ArticleFormatException in strict mode, on a broken JSON-LD block or bad value
     */
    public static Metadata read(Document page, ConversionContext ctx) throws ArticleFormatException {
        return new PageMetadata(page, ctx).read();
    }

    private Metadata read() throws ArticleFormatException {
        Metadata.Builder b = Metadata.builder();
        Map<?, ?> ours = ld != null && ld.get("articlekit") instanceof Map<?, ?> m ? m : null;

        b.title(PageTitle.find(page, ldTitle(), first(meta("dc:title"), meta("dc.title"), meta("dcterms.title"),
                meta("og:title"), meta("twitter:title"), meta("parsely-title")), siteNames()));
        b.subtitle(first(ldString("alternativeHeadline")));
        List<String> authors = ldNames("author");
        if (authors.isEmpty()) {
            authors = metas("author");
        }
        if (authors.isEmpty()) {
            authors = metas("article:author").stream().filter(a -> !a.startsWith("http")).toList();
        }
        if (authors.isEmpty()) {
            authors = VisibleMetadata.byline(page);
        }
        b.authors(authors.stream().map(VisibleMetadata::cleanAuthor).filter(a -> !a.isEmpty()).distinct().toList());

        b.published(date(ours, "published", first(ldString("datePublished"), meta("article:published_time"),
                meta("og:published_time"), meta("pubdate"), meta("publishdate"), meta("date"), meta("dc.date"),
                meta("dcterms.created"), attr(TIME_PUBDATE, "datetime"), attr(ARTICLE_TIME, "datetime"),
                attr(TIME, "datetime"))));
        if (b.build().published().isEmpty()) {
            b.published(VisibleMetadata.date(page));
        }
        b.updated(date(ours, "updated", first(ldString("dateModified"), meta("article:modified_time"),
                meta("og:updated_time"), meta("dcterms.modified"))));

        String lang = first(page.selectFirst(HTML) != null ? page.selectFirst(HTML).attr("lang") : null,
                ldString("inLanguage"), meta("content-language"), meta("og:locale"));
        if (lang != null) {
            try {
                b.language(lang);
            } catch (IllegalArgumentException e) {
                ctx.warn("metadata.invalid", 0, "ignored the language '" + lang + "': not a BCP 47 tag");
            }
        }
        String dir = page.selectFirst(HTML) != null ? page.selectFirst(HTML).attr("dir") : "";
        if (dir.isBlank() && page.body() != null) {
            dir = page.body().attr("dir");
        }
        if (dir.strip().equalsIgnoreCase("rtl")) {
            b.extra("direction", "rtl");
        }
        b.summary(first(ldString("description"), meta("og:description"), meta("description"),
                meta("twitter:description")));

        List<String> tags = ldList("keywords");
        if (tags.isEmpty()) {
            tags = metas("article:tag");
        }
        if (tags.isEmpty()) {
            tags = splitKeywords(meta("keywords"));
        }
        b.tags(tags);

        List<CategoryPath> categories = new ArrayList<>();
        if (ours != null && ours.get("categories") instanceof List<?> paths) {
            for (Object p : paths) {
                if (p instanceof List<?> segs && !segs.isEmpty()) {
                    categories.add(new CategoryPath(segs.stream().map(String::valueOf).toList()));
                }
            }
        } else {
            List<String> sections = ldList("articleSection");
            if (sections.isEmpty()) {
                sections = metas("article:section");
            }
            for (String s : sections) {
                if (!s.isBlank()) {
                    categories.add(CategoryPath.parse(s));
                }
            }
        }
        b.categories(categories);

        b.cover(first(picture(ldImage("image")), picture(meta("og:image")), picture(meta("og:image:url")),
                picture(meta("twitter:image"))));
        b.thumbnail(first(ldImage("thumbnailUrl"), meta("thumbnail")));
        b.canonicalUrl(uri(first(attr(CANONICAL, "href"), meta("og:url"), ldString("url"))));
        b.sourceUrl(uri(first(ldString("isBasedOn"))));
        b.identifier(first(ldString("identifier")));
        b.publisher(first(ldNames("publisher").stream().findFirst().orElse(null), meta("og:site_name"),
                meta("application-name")));
        if (ours != null && ours.get("extra") instanceof Map<?, ?> extra) {
            for (Map.Entry<?, ?> e : extra.entrySet()) {
                b.extra(String.valueOf(e.getKey()), fromJson(e.getValue()));
            }
        }
        return b.build();
    }

    /** Restores values our writer encoded (dates) in the extra map. */
    static @Nullable Object fromJson(@Nullable Object v) {
        if (v instanceof Map<?, ?> m && "ArticleDate".equals(m.get("@type")) && m.get("text") instanceof String t) {
            return m.get("iso") instanceof String iso ? ArticleDate.of(t, iso) : ArticleDate.parse(t);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, @Nullable Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), fromJson(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<@Nullable Object> out = new ArrayList<>();
            l.forEach(x -> out.add(fromJson(x)));
            return out;
        }
        return v;
    }

    private @Nullable ArticleDate date(@Nullable Map<?, ?> ours, String key, @Nullable String iso) {
        Object text = ours == null ? null : ours.get(key);
        if (text instanceof String t && !t.isBlank()) {
            return iso == null ? ArticleDate.parse(t) : ArticleDate.of(t, iso);
        }
        return iso == null ? null : ArticleDate.parse(iso);
    }

    private @Nullable URI uri(@Nullable String s) throws ArticleFormatException {
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                ctx.warn("metadata.invalid", 0, "ignored the address '" + s + "': only http and https are kept");
                return null;
            }
            return u;
        } catch (URISyntaxException e) {
            ctx.warn("metadata.invalid", 0, "ignored the address '" + s + "': " + e.getReason());
            return null;
        }
    }

    private @Nullable Map<?, ?> findJsonLd() throws ArticleFormatException {
        Map<?, ?> fallback = null;
        for (Element script : page.select(JSON_LD)) {
            Object parsed;
            try {
                parsed = Json.parse(withoutCdata(script.data()));
            } catch (Json.JsonException e) {
                ctx.warn("metadata.invalid", 0, "ignored a JSON-LD block that is not valid JSON: " + e.getMessage());
                continue;
            }
            List<Object> nodes = new ArrayList<>();
            collect(parsed, nodes, 0);
            for (Object n : nodes) {
                if (n instanceof Map<?, ?> m) {
                    for (String type : types(m)) {
                        if (ARTICLE_TYPES.contains(type)) {
                            if (!type.equals("webpage")) {
                                return m;
                            }
                            if (fallback == null) {
                                fallback = m;
                            }
                        }
                    }
                }
            }
        }
        return fallback;
    }

    /**
     * A script's text less the CDATA wrapper that pages written as XHTML put around it
     * ({@code <![CDATA[ … ]]>}, often behind {@code //} or inside a comment).
     */
    static String withoutCdata(String script) {
        String s = script.strip();
        if (!s.startsWith("<![CDATA[") && !s.startsWith("//") && !s.startsWith("/*")) {
            return script;
        }
        int open = s.indexOf("<![CDATA[");
        int close = s.lastIndexOf("]]>");
        if (open < 0 || close < open || !s.substring(0, open).matches("(?://|/\\*)?\\s*")) {
            return script;
        }
        String inner = s.substring(open + "<![CDATA[".length(), close).strip();
        if (inner.startsWith("*/")) {
            inner = inner.substring(2);
        }
        if (inner.endsWith("//")) {
            inner = inner.substring(0, inner.length() - 2);
        } else if (inner.endsWith("/*")) {
            inner = inner.substring(0, inner.length() - 2);
        }
        return inner;
    }

    private static void collect(@Nullable Object v, List<Object> out, int depth) {
        if (depth > 4 || v == null) {
            return;
        }
        if (v instanceof List<?> l) {
            l.forEach(x -> collect(x, out, depth + 1));
        } else if (v instanceof Map<?, ?> m) {
            out.add(m);
            collect(m.get("@graph"), out, depth + 1);
        }
    }

    private static List<String> types(Map<?, ?> m) {
        Object t = m.get("@type");
        List<String> out = new ArrayList<>();
        if (t instanceof String s) {
            out.add(s.toLowerCase(Locale.ROOT));
        } else if (t instanceof List<?> l) {
            l.forEach(x -> out.add(String.valueOf(x).toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    /** JSON-LD's headline or name; when they differ, the one the page's title or h1 repeats. */
    private @Nullable String ldTitle() {
        String headline = ldString("headline");
        String name = ldString("name");
        if (headline == null || name == null || headline.equals(name)) {
            return headline != null ? headline : name;
        }
        String shown = page.title() + " " + (text(H1) == null ? "" : text(H1));
        if (shown.contains(name) && !shown.contains(headline)) {
            return name;
        }
        return headline;
    }

    /** Names of the site, for recognising them in titles. */
    private List<String> siteNames() {
        List<String> out = new ArrayList<>();
        for (String s : new String[] {meta("og:site_name"), meta("application-name"), meta("twitter:site_name"),
                ldNames("publisher").stream().findFirst().orElse(null)}) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private @Nullable String ldString(String key) {
        if (ld == null) {
            return null;
        }
        Object v = ld.get(key);
        if (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
        }
        if (v instanceof Map<?, ?> m) {
            v = m.get("@id") != null ? m.get("@id") : m.get("url");
        }
        return v instanceof String || v instanceof Number ? String.valueOf(v) : null;
    }

    /** @return the address unless it names a spacer or tracking pixel */
    private static @Nullable String picture(@Nullable String src) {
        return src == null || org.articlekit.internal.extract.Hints.spacerImage(src, "", "") ? null : src;
    }

    private @Nullable String ldImage(String key) {
        if (ld == null) {
            return null;
        }
        Object v = ld.get(key);
        if (v instanceof List<?> l && !l.isEmpty()) {
            v = l.get(0);
        }
        if (v instanceof Map<?, ?> m) {
            v = m.get("url") != null ? m.get("url") : m.get("contentUrl");
        }
        return v instanceof String s ? s : null;
    }

    private List<String> ldNames(String key) {
        List<String> out = new ArrayList<>();
        if (ld == null) {
            return out;
        }
        Object v = ld.get(key);
        List<?> items = v instanceof List<?> l ? l : v == null ? List.of() : List.of(v);
        for (Object o : items) {
            if (o instanceof String s) {
                out.add(s);
            } else if (o instanceof Map<?, ?> m && m.get("name") instanceof String n) {
                out.add(n);
            }
        }
        return out;
    }

    private List<String> ldList(String key) {
        if (ld == null) {
            return List.of();
        }
        Object v = ld.get(key);
        if (v instanceof List<?> l) {
            return l.stream().filter(x -> x instanceof String).map(String::valueOf).toList();
        }
        if (v instanceof String s) {
            return key.equals("keywords") ? splitKeywords(s) : List.of(s);
        }
        return List.of();
    }

    static List<String> splitKeywords(@Nullable String s) {
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String k : KEYWORD_SEPARATORS.split(s)) {
            if (!k.isBlank()) {
                out.add(k.strip());
            }
        }
        return out;
    }

    private @Nullable String meta(String name) {
        List<String> all = metas(name);
        return all.isEmpty() ? null : all.get(0);
    }

    private List<String> metas(String name) {
        List<String> out = new ArrayList<>();
        for (Element m : metaElements) {
            String key = m.hasAttr("property") ? m.attr("property") : m.hasAttr("name") ? m.attr("name")
                    : m.attr("http-equiv");
            if (key.equalsIgnoreCase(name) || m.attr("itemprop").equalsIgnoreCase(name)
                    || key.indexOf(' ') > 0 && List.of(key.toLowerCase(Locale.ROOT).split("\\s+"))
                            .contains(name.toLowerCase(Locale.ROOT))) {
                String c = m.attr("content").strip();
                if (!c.isEmpty()) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    private @Nullable String attr(Evaluator selector, String attr) {
        Element e = page.selectFirst(selector);
        return e == null || e.attr(attr).isBlank() ? null : e.attr(attr);
    }

    private @Nullable String text(Evaluator selector) {
        Element e = page.selectFirst(selector);
        return e == null ? null : e.text();
    }

    @SafeVarargs
    private static <T> @Nullable T first(@Nullable T... values) {
        for (T v : values) {
            if (v != null && !(v instanceof String s && s.isBlank())) {
                return v;
            }
        }
        return null;
    }
}
