package org.articlekit.epub.internal;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
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

    /** The start of every page, up to and including {@code <body>}. */
    static String head(String title, String lang, String bodyClass) {
        String l = Xml.attr(lang);
        return Xml.DECLARATION + "<!DOCTYPE html>\n<html xmlns=\"" + XHTML_NS + "\" xmlns:epub=\"" + OPS_NS
                + "\" lang=\"" + l + "\" xml:lang=\"" + l + "\">\n<head>\n<meta charset=\"utf-8\"/>\n<title>"
                + Xml.escape(title) + "</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"" + STYLESHEET
                + "\"/>\n</head>\n<body class=\"" + bodyClass + "\">\n";
    }

    static final String END = "</body>\n</html>\n";

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
        StringBuilder sb = new StringBuilder(4096);
        sb.append(head(title, lang, "chapter"));
        sb.append("<section epub:type=\"chapter\" role=\"doc-chapter\" aria-labelledby=\"ak-title\">\n");
        ArticleHeader h = ArticleHeader.of(m, title);
        sb.append("<header class=\"ak-header\">\n<h1 id=\"ak-title\">").append(Xml.escape(h.title())).append("</h1>\n");
        h.subtitle().ifPresent(s -> sb.append("<p class=\"ak-subtitle\">").append(Xml.escape(s)).append("</p>\n"));
        if (!h.byline().isEmpty()) {
            sb.append("<p class=\"ak-byline\">").append(Xml.escape(h.bylineText())).append("</p>\n");
        }
        h.link().ifPresent(link -> sb.append("<p class=\"ak-source\"><a href=\"").append(Xml.attr(link.toASCIIString()))
                .append("\">").append(Xml.escape(link.toString())).append("</a></p>\n"));
        if (!h.categories().isEmpty()) {
            sb.append("<p class=\"ak-categories\">").append(Xml.escape(String.join(" · ", h.categories())))
                    .append("</p>\n");
        }
        if (!h.tags().isEmpty()) {
            sb.append("<p class=\"ak-tags\">");
            for (int i = 0; i < h.tags().size(); i++) {
                sb.append(i > 0 ? " " : "").append("<span class=\"ak-tag\">#").append(Xml.escape(h.tags().get(i)))
                        .append("</span>");
            }
            sb.append("</p>\n");
        }
        sb.append("</header>\n");
        makeValid(body, files);
        sb.append(BodyTree.xhtml(body.body()));
        sb.append("\n</section>\n").append(END);
        return sb.toString();
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
        StringBuilder sb = new StringBuilder(head(title, lang, "titlepage"));
        sb.append("<section epub:type=\"titlepage\" class=\"ak-titlepage\">\n<h1 class=\"ak-book-title\">")
                .append(Xml.escape(title)).append("</h1>\n");
        if (!authors.isEmpty()) {
            sb.append("<p class=\"ak-book-authors\">").append(Xml.escape(String.join(", ", authors))).append("</p>\n");
        }
        if (!dates.isEmpty()) {
            sb.append("<p class=\"ak-book-dates\">").append(Xml.escape(dates)).append("</p>\n");
        }
        boolean zh = lang.toLowerCase(Locale.ROOT).startsWith("zh");
        String n = zh ? "共 " + count + " 篇文章" : count == 1 ? "1 article" : String.format(Locale.ROOT, "%,d articles", count);
        sb.append("<p class=\"ak-book-count\">").append(n).append("</p>\n</section>\n").append(END);
        return sb.toString();
    }

    /** The cover page, showing the cover image. */
    static String coverPage(String title, String imagePath, String lang) {
        return head(title, lang, "cover") + "<section epub:type=\"cover\" class=\"ak-cover\">\n<img src=\""
                + Xml.attr(imagePath) + "\" alt=\"" + Xml.attr(title) + "\"/>\n</section>\n" + END;
    }
}
