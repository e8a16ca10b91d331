package org.articlekit.epub.internal;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import org.articlekit.Metadata;
import org.articlekit.spi.ArticleHeader;
import org.articlekit.spi.BodyTree;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The XHTML pages of a book: a chapter per article (its header, then its body made valid for an
 * EPUB), the title page and the cover page.
 */
final class ChapterPage {

    static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    static final String OPS_NS = "http://www.idpf.org/2007/ops";
    static final String STYLESHEET = "styles/book.css";

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,6}");

    private ChapterPage() {
    }

    /**
     * An XHTML page of the book: the declaration, the doctype, the head (title, stylesheet) and a
     * body of the given class holding what {@code content} writes.
     */
    static String page(String title, String lang, String bodyClass, Xml.Content content) {
        return Xml.document(w -> {
            w.dtd("<!DOCTYPE html>").nl();
            w.start("html").ns(XHTML_NS).ns("epub", OPS_NS).attr("lang", lang)
                    .attr("xml", XMLConstants.XML_NS_URI, "lang", lang).nl();
            w.start("head").nl().empty("meta").attr("charset", "utf-8").nl();
            w.start("title").text(title).end().nl();
            w.empty("link").attr("rel", "stylesheet").attr("type", "text/css").attr("href", STYLESHEET).nl();
            w.end().nl().start("body").attr("class", bodyClass).nl();
            content.write(w);
            w.end().nl().end().nl();
        });
    }

    /** A section with an {@code epub:type}, as every page's body holds. */
    static Xml.Writer section(Xml.Writer w, String type) throws XMLStreamException {
        return w.start("section").attr("epub", OPS_NS, "type", type);
    }

    /** A paragraph of the given class holding only text. */
    private static void para(Xml.Writer w, String cls, String text) throws XMLStreamException {
        w.start("p").attr("class", cls).text(text).end().nl();
    }

    /**
     * A chapter: the article's header and its body.
     *
     * @param m the article's metadata
     * @param title the title to show (the article's, or a stand-in)
     * @param lang the chapter's language
     * @param body the body as a document whose image sources already name files of the book; changed here
     * @param files the paths of every file in the book, to keep links to them
     * @return the XHTML page
     */
    static String chapter(Metadata m, String title, String lang, Document body, Predicate<String> files) {
        makeValid(body, files);
        String bodyXhtml = BodyTree.xhtml(body.body());
        ArticleHeader h = ArticleHeader.of(m, title);
        return page(title, lang, "chapter", w -> {
            section(w, "chapter").attr("role", "doc-chapter").attr("aria-labelledby", "ak-title").nl();
            w.start("header").attr("class", "ak-header").nl();
            w.start("h1").attr("id", "ak-title").text(h.title()).end().nl();
            if (h.subtitle().isPresent()) {
                para(w, "ak-subtitle", h.subtitle().get());
            }
            if (!h.byline().isEmpty()) {
                para(w, "ak-byline", h.bylineText());
            }
            if (h.link().isPresent()) {
                URI link = h.link().get();
                w.start("p").attr("class", "ak-source").start("a").attr("href", link.toASCIIString())
                        .text(link.toString()).end().end().nl();
            }
            if (!h.categories().isEmpty()) {
                para(w, "ak-categories", String.join(" · ", h.categories()));
            }
            if (!h.tags().isEmpty()) {
                w.start("p").attr("class", "ak-tags");
                for (int i = 0; i < h.tags().size(); i++) {
                    if (i > 0) {
                        w.text(" ");
                    }
                    w.start("span").attr("class", "ak-tag").text("#" + h.tags().get(i)).end();
                }
                w.end().nl();
            }
            w.end().nl().raw(bodyXhtml).nl().end().nl();
        });
    }

    /**
     * Changes a body so epubcheck accepts it: unique ids; links to missing fragments or to files
     * outside the book lose their address; presentational attributes become styles; odd sizes go.
     */
    static void makeValid(Document doc, Predicate<String> files) {
        Element root = doc.body();
        Set<String> ids = new HashSet<>();
        ids.add("ak-title");
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            String id = e.attr("id");
            if (!id.isEmpty() && !ids.add(id)) {
                e.removeAttr("id");
            }
        }
        for (Element e : root.getAllElements()) {
            if (e == root) {
                continue;
            }
            switch (e.normalName()) {
                case "a" -> fixLink(e, "href", ids, files);
                case "blockquote", "q", "del", "ins" -> {
                    if (e.hasAttr("cite") && !isWebLink(e.attr("cite"))) {
                        e.removeAttr("cite");
                    }
                }
                case "td", "th" -> {
                    String align = e.attr("align").toLowerCase(Locale.ROOT);
                    if (e.hasAttr("align")) {
                        e.removeAttr("align");
                        if (align.equals("left") || align.equals("right") || align.equals("center")
                                || align.equals("justify")) {
                            e.attr("style", "text-align: " + align);
                        }
                    }
                    sizeAttr(e, "colspan");
                    sizeAttr(e, "rowspan");
                }
                case "img" -> {
                    sizeAttr(e, "width");
                    sizeAttr(e, "height");
                    if (!e.hasAttr("alt")) {
                        e.attr("alt", "");
                    }
                }
                case "ol" -> sizeAttr(e, "start");
                default -> {
                }
            }
        }
    }

    private static void fixLink(Element a, String attr, Set<String> ids, Predicate<String> files) {
        if (!a.hasAttr(attr)) {
            return;
        }
        String href = a.attr(attr).strip();
        if (href.startsWith("#")) {
            if (!ids.contains(href.substring(1))) {
                a.removeAttr(attr);
            }
            return;
        }
        if (SCHEME.matcher(href).find()) {
            if (!isWebLink(href) && !href.toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                a.removeAttr(attr);
            } else {
                try {
                    URI u = new URI(href);
                    a.attr(attr, u.toASCIIString());
                } catch (java.net.URISyntaxException e) {
                    a.removeAttr(attr);
                }
            }
            return;
        }
        int hash = href.indexOf('#');
        String path = hash >= 0 ? href.substring(0, hash) : href;
        if (!files.test(path) || hash >= 0) {
            a.removeAttr(attr);
        }
    }

    private static void sizeAttr(Element e, String attr) {
        if (e.hasAttr(attr) && !DIGITS.matcher(e.attr(attr).strip()).matches()) {
            e.removeAttr(attr);
        }
    }

    static boolean isWebLink(String href) {
        String h = href.toLowerCase(Locale.ROOT);
        if (!(h.startsWith("http://") || h.startsWith("https://"))) {
            return false;
        }
        try {
            URI u = new URI(href);
            return u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** The title page. */
    static String titlePage(String title, List<String> authors, String dates, int count, String lang) {
        boolean zh = lang.toLowerCase(Locale.ROOT).startsWith("zh");
        String n = zh ? "共 " + count + " 篇文章" : count == 1 ? "1 article" : String.format(Locale.ROOT, "%,d articles", count);
        return page(title, lang, "titlepage", w -> {
            section(w, "titlepage").attr("class", "ak-titlepage").nl();
            w.start("h1").attr("class", "ak-book-title").text(title).end().nl();
            if (!authors.isEmpty()) {
                para(w, "ak-book-authors", String.join(", ", authors));
            }
            if (!dates.isEmpty()) {
                para(w, "ak-book-dates", dates);
            }
            para(w, "ak-book-count", n);
            w.end().nl();
        });
    }

    /** The cover page, showing the cover image. */
    static String coverPage(String title, String imagePath, String lang) {
        return page(title, lang, "cover", w -> section(w, "cover").attr("class", "ak-cover").nl()
                .empty("img").attr("src", imagePath).attr("alt", title).nl().end().nl());
    }
}
