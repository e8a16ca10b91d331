package org.articlekit.internal.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.articlekit.ArticleFormatException;
import org.articlekit.internal.html.Xhtml;
import org.articlekit.spi.ConversionContext;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.located.Located;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jspecify.annotations.Nullable;

/**
 * Maps an RSS (0.9x, 1.0, 2.0) or Atom 1.0 document to a {@link FeedDraft}, reading the raw text of
 * every field, dates included, so that nothing is lost on the way (a parsed {@code Date} would drop
 * the offset the feed wrote).
 */
final class XmlFeed {

    static final Namespace RDF = Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
    static final Namespace DC = Namespace.getNamespace("http://purl.org/dc/elements/1.1/");
    static final Namespace DCTERMS = Namespace.getNamespace("http://purl.org/dc/terms/");
    static final Namespace CONTENT = Namespace.getNamespace("http://purl.org/rss/1.0/modules/content/");
    static final Namespace MEDIA = Namespace.getNamespace("http://search.yahoo.com/mrss/");
    static final Namespace ATOM = Namespace.getNamespace(FeedFormat.ATOM);

    private XmlFeed() {
    }

    static FeedDraft read(byte[] data, ConversionContext ctx) throws ArticleFormatException {
        SafeFeedXml.Parsed parsed = SafeFeedXml.parse(data, ctx);
        Element root = parsed.document().getRootElement();
        int count = parsed.itemCount();
        String local = root.getName();
        String ns = root.getNamespaceURI();
        if (local.equals("rss")) {
            // Almost always in no namespace; UserLand's RSS 2.0 namespace and the like are taken as they are.
            Namespace rss = root.getNamespace();
            Element channel = root.getChild("channel", rss);
            if (channel == null) {
                throw ctx.error(line(root), "is an RSS document without a <channel>", null);
            }
            return rss(channel, channel.getChildren("item", rss), count, rss, ctx);
        }
        if (local.equals("RDF") && ns.equals(RDF.getURI())) {
            Namespace rss = rssNamespace(root);
            Element channel = root.getChild("channel", rss);
            if (channel == null) {
                throw ctx.error(line(root), "is an RDF document without an RSS <channel>", null);
            }
            return rss(channel, root.getChildren("item", rss), count, rss, ctx);
        }
        if (local.equals("feed") && ns.equals(ATOM.getURI())) {
            return atom(root, count, ctx);
        }
        throw ctx.error(line(root), "is XML but not a feed: its root element is <" + root.getQualifiedName()
                + ">", null);
    }

    private static Namespace rssNamespace(Element root) {
        for (Element e : root.getChildren()) {
            if (e.getNamespaceURI().equals(FeedFormat.RSS_090)) {
                return e.getNamespace();
            }
        }
        return Namespace.getNamespace(FeedFormat.RSS_10);
    }

    // --- RSS ---

    private static FeedDraft rss(Element channel, List<Element> items, int count, Namespace ns,
            ConversionContext ctx) throws ArticleFormatException {
        FeedDraft feed = new FeedDraft();
        feed.base = base(channel, ctx);
        feed.title = rssTitle(text(channel, "title", ns));
        feed.link = text(channel, "link", ns);
        String description = text(channel, "description", ns);
        feed.summary = description == null ? null : BookAssembler.plain(description);
        feed.language = first(text(channel, "language", ns), text(channel, "language", DC));
        for (Element c : channel.getChildren("creator", DC)) {
            feed.authors.add(c.getTextNormalize());
        }
        Element image = channel.getChild("image", ns);
        if (image != null) {
            feed.image = image.getChildTextTrim("url", ns);
            if (feed.image == null) {
                feed.image = image.getAttributeValue("resource", RDF);
            }
        }
        feed.itemCount = Math.max(count, items.size());
        int max = Math.min(items.size(), ctx.limits().maxFeedItems());
        for (int i = 0; i < max; i++) {
            feed.items.add(rssItem(items.get(i), i + 1, ns, ctx));
        }
        return feed;
    }

    private static FeedDraft.Item rssItem(Element e, int position, Namespace ns, ConversionContext ctx)
            throws ArticleFormatException {
        FeedDraft.Item item = new FeedDraft.Item();
        item.position = position;
        item.line = line(e);
        item.base = base(e, ctx);
        item.xmlBase = xmlBase(e, ctx);
        item.contentBase = item.xmlBase;
        item.title = rssTitle(first(text(e, "title", ns), text(e, "title", DC)));
        Element guid = e.getChild("guid", ns);
        String guidText = guid == null || guid.getTextTrim().isEmpty() ? null : guid.getTextTrim();
        item.identifier = first(guidText, text(e, "identifier", DC), e.getAttributeValue("about", RDF));
        item.link = text(e, "link", ns);
        if (item.link == null && guidText != null && guid != null
                && !"false".equalsIgnoreCase(guid.getAttributeValue("isPermaLink"))
                && guidText.toLowerCase(Locale.ROOT).startsWith("http")) {
            item.link = guidText;
        }
        item.published = first(text(e, "pubDate", ns), text(e, "date", DC), text(e, "issued", DCTERMS));
        item.updated = first(text(e, "updated", ATOM), text(e, "modified", DCTERMS));
        String author = text(e, "author", ns);
        if (author != null) {
            item.authors.add(rssAuthor(author));
        }
        for (Element c : e.getChildren("creator", DC)) {
            item.authors.add(c.getTextNormalize());
        }
        for (Element c : e.getChildren("category", ns)) {
            item.categories.add(c.getTextNormalize());
        }
        for (Element c : e.getChildren("subject", DC)) {
            item.categories.add(c.getTextNormalize());
        }
        item.language = text(e, "language", DC);
        item.contentHtml = text(e, "encoded", CONTENT);
        item.summaryHtml = text(e, "description", ns);
        item.image = mediaImage(e);
        if (item.image == null) {
            for (Element enc : e.getChildren("enclosure", ns)) {
                if (isImageType(enc.getAttributeValue("type"))) {
                    item.image = enc.getAttributeValue("url");
                    break;
                }
            }
        }
        return item;
    }

    /** RSS titles are text, but many feeds escape markup into them; only the text is kept. */
    private static @Nullable String rssTitle(@Nullable String title) {
        if (title == null) {
            return null;
        }
        return title.indexOf('<') >= 0 || title.indexOf('&') >= 0 ? BookAssembler.plain(title) : title;
    }

    /** RSS 2.0's author is an e-mail address, often with the name in brackets: {@code a@b.org (Name)}. */
    private static String rssAuthor(String author) {
        int open = author.indexOf('(');
        int close = author.lastIndexOf(')');
        if (open >= 0 && close > open + 1) {
            return author.substring(open + 1, close).strip();
        }
        return author;
    }

    // --- Atom ---

    private static FeedDraft atom(Element root, int count, ConversionContext ctx) {
        FeedDraft feed = new FeedDraft();
        feed.base = base(root, ctx);
        feed.title = textConstruct(root.getChild("title", ATOM));
        feed.link = alternate(root);
        String subtitle = textConstruct(root.getChild("subtitle", ATOM));
        feed.summary = subtitle;
        feed.language = root.getAttributeValue("lang", Namespace.XML_NAMESPACE);
        feed.authors.addAll(atomAuthors(root));
        feed.image = first(text(root, "logo", ATOM), text(root, "icon", ATOM));
        List<Element> entries = root.getChildren("entry", ATOM);
        feed.itemCount = Math.max(count, entries.size());
        int max = Math.min(entries.size(), ctx.limits().maxFeedItems());
        for (int i = 0; i < max; i++) {
            feed.items.add(atomEntry(entries.get(i), i + 1, ctx));
        }
        return feed;
    }

    private static FeedDraft.Item atomEntry(Element e, int position, ConversionContext ctx) {
        FeedDraft.Item item = new FeedDraft.Item();
        item.position = position;
        item.line = line(e);
        item.title = textConstruct(e.getChild("title", ATOM));
        item.identifier = text(e, "id", ATOM);
        Element link = alternateLink(e);
        item.link = link == null ? null : link.getAttributeValue("href");
        item.base = base(link != null ? link : e, ctx);
        item.xmlBase = xmlBase(e, ctx);
        item.contentBase = item.xmlBase;
        item.published = text(e, "published", ATOM);
        item.updated = text(e, "updated", ATOM);
        item.authors.addAll(atomAuthors(e));
        for (Element c : e.getChildren("category", ATOM)) {
            item.categories.add(first(c.getAttributeValue("label"), c.getAttributeValue("term")));
        }
        item.language = inheritedLang(e);
        Element content = e.getChild("content", ATOM);
        if (content != null && content.getAttribute("src") == null) {
            item.contentHtml = atomHtml(content);
            item.contentBase = xmlBase(content, ctx);
        }
        Element summary = e.getChild("summary", ATOM);
        if (summary != null) {
            item.summaryHtml = atomHtml(summary);
            if (item.contentHtml == null) {
                item.contentBase = xmlBase(summary, ctx);
            }
        }
        item.image = mediaImage(e);
        if (item.image == null) {
            for (Element l : e.getChildren("link", ATOM)) {
                if ("enclosure".equals(l.getAttributeValue("rel")) && isImageType(l.getAttributeValue("type"))) {
                    item.image = l.getAttributeValue("href");
                    break;
                }
            }
        }
        return item;
    }

    /** An entry's language only when it says one of its own; the feed's is applied later. */
    private static @Nullable String inheritedLang(Element e) {
        return e.getAttributeValue("lang", Namespace.XML_NAMESPACE);
    }

    private static List<String> atomAuthors(Element parent) {
        List<String> names = new ArrayList<>();
        for (Element a : parent.getChildren("author", ATOM)) {
            String name = first(text(a, "name", ATOM), text(a, "email", ATOM));
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    private static @Nullable String alternate(Element parent) {
        Element l = alternateLink(parent);
        return l == null ? null : l.getAttributeValue("href");
    }

    /** The {@code rel="alternate"} link (a link without rel is one), an HTML one first. */
    private static @Nullable Element alternateLink(Element parent) {
        Element any = null;
        for (Element l : parent.getChildren("link", ATOM)) {
            String rel = l.getAttributeValue("rel");
            if (rel == null || rel.equals("alternate")) {
                String type = l.getAttributeValue("type");
                if (type == null || type.toLowerCase(Locale.ROOT).contains("html")) {
                    return l;
                }
                any = any == null ? l : any;
            }
        }
        return any;
    }

    /** An Atom text construct as plain text. */
    private static @Nullable String textConstruct(@Nullable Element e) {
        if (e == null) {
            return null;
        }
        String type = e.getAttributeValue("type", "text");
        if (type.equals("html") || type.equals("xhtml")) {
            return BookAssembler.plain(atomHtml(e));
        }
        return e.getTextNormalize();
    }

    /** An Atom text construct or content as HTML: text escaped, html as is, xhtml the inner div's content. */
    static String atomHtml(Element e) {
        String type = e.getAttributeValue("type", "text").toLowerCase(Locale.ROOT);
        if (type.equals("html") || type.equals("text/html")) {
            return e.getText();
        }
        if (type.equals("xhtml") || type.endsWith("+xml") || type.equals("application/xml")) {
            Element div = e.getChild("div", Namespace.getNamespace("http://www.w3.org/1999/xhtml"));
            Element holder = (div != null ? div : e).clone();
            for (Element x : holder.getDescendants(org.jdom2.filter.Filters.element())) {
                x.setNamespace(Namespace.NO_NAMESPACE);
                for (Namespace extra : new ArrayList<>(x.getAdditionalNamespaces())) {
                    x.removeNamespaceDeclaration(extra);
                }
            }
            List<Content> inner = holder.getContent();
            String xml = new XMLOutputter(Format.getRawFormat()).outputString(inner);
            // Read as XML and written as HTML, so that an empty <p/> stays empty and <br/> stays one break.
            org.jsoup.nodes.Document parsed = SafeFeedXml.fragment(xml);
            Xhtml.htmlOutput(parsed);
            return parsed.html();
        }
        return textToHtml(e.getText());
    }

    /** Plain text as paragraphs: blank lines separate them, a single newline is a line break. */
    static String textToHtml(String text) {
        StringBuilder sb = new StringBuilder();
        for (String para : text.strip().split("\\r?\\n\\s*\\r?\\n")) {
            if (para.isBlank()) {
                continue;
            }
            sb.append("<p>");
            String[] lines = para.strip().split("\\r?\\n");
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    sb.append("<br>");
                }
                Xhtml.escape(lines[i].strip(), false, "\u00a0", sb);
            }
            sb.append("</p>");
        }
        return sb.toString();
    }

    // --- shared ---

    private static @Nullable String mediaImage(Element e) {
        List<Element> places = new ArrayList<>();
        places.add(e);
        places.addAll(e.getChildren("group", MEDIA));
        for (Element p : places) {
            Element thumb = p.getChild("thumbnail", MEDIA);
            if (thumb != null && thumb.getAttributeValue("url") != null) {
                return thumb.getAttributeValue("url");
            }
        }
        for (Element p : places) {
            for (Element c : p.getChildren("content", MEDIA)) {
                if (c.getAttributeValue("url") != null && ("image".equals(c.getAttributeValue("medium"))
                        || isImageType(c.getAttributeValue("type")))) {
                    return c.getAttributeValue("url");
                }
            }
        }
        return null;
    }

    private static boolean isImageType(@Nullable String type) {
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("image/");
    }

    /** The element's xml:base when one is in scope, else the context's base. */
    private static @Nullable URI base(Element e, ConversionContext ctx) {
        URI b = xmlBase(e, ctx);
        return b != null ? b : ctx.baseUri().orElse(null);
    }

    /** The xml:base in scope for the element, resolved through its ancestors and the context's base. */
    private static @Nullable URI xmlBase(Element e, ConversionContext ctx) {
        URI context = ctx.baseUri().orElse(null);
        try {
            URI b = e.getXMLBaseURI();
            if (b == null) {
                return null;
            }
            return b.isAbsolute() || context == null ? b : context.resolve(b);
        } catch (URISyntaxException | IllegalArgumentException bad) {
            // An unusable xml:base is ignored: the addresses it would have based are checked later.
            return null;
        }
    }

    private static @Nullable String text(Element parent, String name, Namespace ns) {
        Element c = parent.getChild(name, ns);
        if (c == null) {
            return null;
        }
        String t = c.getText().strip();
        return t.isEmpty() ? null : t;
    }

    @SafeVarargs
    private static <T> @Nullable T first(@Nullable T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    static int line(Element e) {
        return e instanceof Located l ? Math.max(0, l.getLine()) : 0;
    }
}
