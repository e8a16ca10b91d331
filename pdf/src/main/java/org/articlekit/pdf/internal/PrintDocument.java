package org.articlekit.pdf.internal;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ArticleHeader;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Builds the XHTML document openhtmltopdf typesets: an optional title page and table of contents,
 * then one section per article (title, byline, date, source link, body), the outline as
 * {@code <bookmarks>}, and the print stylesheet. Images become {@code ak-res:N} addresses whose
 * bytes this class holds, so the renderer never reads a file or the network.
 */
final class PrintDocument {

    /** The URI scheme of images handed to the renderer from memory. */
    static final String SCHEME = "ak-res";

    private final Document doc;
    private final Map<String, byte[]> images;
    private final StringBuilder shownText;

    private final boolean frontMatter;

    private final boolean pageNumbers;

    /** The address prefix of a contents entry typeset apart from its article, made a link to it on assembly. */
    static final String CONTENTS_LINK = "https://articlekit.invalid/contents/";

    private PrintDocument(Document doc, Map<String, byte[]> images, StringBuilder shownText, boolean frontMatter,
            boolean pageNumbers) {
        this.doc = doc;
        this.images = images;
        this.shownText = shownText;
        this.frontMatter = frontMatter;
        this.pageNumbers = pageNumbers;
    }

    /**
     * Adds the print stylesheet once the fonts are known.
     *
     * @param options the PDF options
     * @param fonts the CSS font-family list of the chosen fonts
     */
    void style(PdfOptions options, String fonts) {
        doc.head().appendElement("style").attr("type", "text/css")
                .appendChild(new org.jsoup.nodes.DataNode(PrintStyle.css(options, frontMatter, fonts, pageNumbers)));
    }

    /** @return the jsoup document, in XHTML output mode */
    Document document() {
        return doc;
    }

    /** @return the image bytes by {@code ak-res:} address */
    Map<String, byte[]> images() {
        return images;
    }

    /** @return every character the document shows (for choosing fonts) */
    String shownText() {
        return shownText.toString();
    }

    /**
     * Builds the document of a book (or of one article, as a book of one).
     *
     * @param book the book
     * @param single whether this is a single article (no title page, contents or book header)
     * @param options the PDF options
     * @param ctx the context, for resolving images and for warnings
     * @return the document
     * @throws java.io.IOException in strict mode when an image is missing, or past the deadline
     */
    static PrintDocument of(Book book, boolean single, PdfOptions options, ConversionContext ctx)
            throws java.io.IOException {
        return of(book, single, !single && options.bookFrontMatter() && book.articles().size() > 1, null, 0,
                book.articles().size(), options, ctx);
    }

    /**
     * Builds the title page and contents of a book whose articles are typeset apart: each entry
     * shows its article's page number as given and links to {@link #CONTENTS_LINK} and the
     * article's number (from 1), which assembly turns into a link to the article's page.
     *
     * @param book the book
     * @param pages the first page of each article (from 1, counting the title page)
     * @param options the PDF options
     * @param ctx the context
     * @return the document, without page numbers
     * @throws java.io.IOException past the deadline
     */
    static PrintDocument front(Book book, int[] pages, PdfOptions options, ConversionContext ctx)
            throws java.io.IOException {
        return of(book, false, true, pages, 0, 0, options, ctx);
    }

    /**
     * Builds some articles of a book, typeset apart from the others: no title page or contents,
     * no page numbers (assembly adds them), the book's running header.
     *
     * @param book the book
     * @param from the first article (from 0)
     * @param to after the last article
     * @param options the PDF options
     * @param ctx the context
     * @return the document
     * @throws java.io.IOException in strict mode when an image is missing, or past the deadline
     */
    static PrintDocument articles(Book book, int from, int to, PdfOptions options, ConversionContext ctx)
            throws java.io.IOException {
        return of(book, false, false, new int[0], from, to, options, ctx);
    }

    private static PrintDocument of(Book book, boolean single, boolean frontMatter,
            int @org.jspecify.annotations.Nullable [] pages, int from, int to, PdfOptions options,
            ConversionContext ctx) throws java.io.IOException {
        Document doc = Document.createShell("");
        doc.outputSettings().syntax(Document.OutputSettings.Syntax.xml).escapeMode(Entities.EscapeMode.xhtml)
                .prettyPrint(false).charset("UTF-8");
        Map<String, byte[]> images = new LinkedHashMap<>();
        Map<java.nio.ByteBuffer, String> byContent = new java.util.HashMap<>();
        StringBuilder shown = new StringBuilder("0123456789 .…/·–—()");
        Metadata bm = book.metadata();
        List<Article> articles = book.articles();
        String lang = bm.language().or(() -> articles.isEmpty() ? Optional.empty() : articles.get(0).metadata().language())
                .orElse(null);
        Element html = doc.selectFirst("html");
        if (lang != null) {
            html.attr("lang", lang).attr("xml:lang", lang);
        }
        String bookTitle = bm.title().or(() -> articles.isEmpty() ? Optional.empty() : articles.get(0).metadata().title())
                .orElse("Untitled");
        Element head = doc.head();
        head.appendElement("title").text(bookTitle);
        shown.append(bookTitle);
        Element bookmarks = head.appendElement("bookmarks");
        Element body = doc.body();
        boolean zh = lang != null && lang.toLowerCase(Locale.ROOT).startsWith("zh");
        if (frontMatter) {
            Element title = body.appendElement("section").addClass("ak-titlepage");
            title.appendElement("h1").addClass("ak-book-title").text(bookTitle);
            bm.subtitle().ifPresent(s -> title.appendElement("p").addClass("ak-book-subtitle").text(s));
            if (!bm.authors().isEmpty()) {
                title.appendElement("p").addClass("ak-book-authors").text(String.join(", ", bm.authors()));
            }
            bm.publisher().ifPresent(s -> title.appendElement("p").addClass("ak-book-publisher").text(s));
            shown.append(bm.subtitle().orElse("")).append(bm.authors()).append(bm.publisher().orElse(""));
            Element toc = body.appendElement("nav").addClass("ak-toc");
            if (pages != null) {
                toc.addClass("ak-toc-alone"); // the articles follow in another document: no blank page after
            }
            String contents = zh ? "目录" : "Contents";
            toc.appendElement("h1").addClass("ak-toc-title").text(contents);
            shown.append(contents);
            Element list = toc.appendElement("ul");
            for (int i = 0; i < articles.size(); i++) {
                String t = articles.get(i).metadata().title().orElse("Untitled");
                Element entry = list.appendElement("li").appendElement("a").text(t);
                if (pages != null) {
                    entry.attr("href", CONTENTS_LINK + (i + 1)).attr("data-page", Integer.toString(pages[i]))
                            .addClass("ak-toc-known");
                } else {
                    entry.attr("href", "#a" + (i + 1));
                }
            }
        }
        for (int i = from; i < to; i++) {
            ctx.checkDeadline();
            if (i > 0 && pages == null) {
                // Chapters are prepared here and laid out together; the last is reported once the PDF is saved.
                ctx.progress().chapterWritten(i, articles.size());
            }
            Article a = articles.get(i);
            String id = "a" + (i + 1);
            Element section = body.appendElement("section").addClass("ak-article").attr("id", id);
            if (i > from || frontMatter) {
                section.addClass("ak-new-page");
            }
            a.metadata().language().filter(l -> !l.equals(lang)).ifPresent(l -> section.attr("lang", l));
            Element bookmark = bookmarks.appendElement("bookmark")
                    .attr("name", a.metadata().title().orElse("Untitled")).attr("href", "#" + id);
            String articleTitle = a.metadata().title().orElse("Untitled");
            String running = single || bookTitle.equals(articleTitle) ? articleTitle : bookTitle + " · " + articleTitle;
            section.appendElement("div").addClass("ak-running").text(running);
            header(section, a.metadata(), shown);
            Element content = section.appendElement("div").addClass("ak-body");
            Element source = a.body().document().body();
            for (Element child : new ArrayList<>(source.children())) {
                content.appendChild(child);
            }
            // text nodes directly under body do not occur in a normalised body, but keep them if they do
            prefixIds(content, id);
            glueClosingPunctuation(content);
            backReferenceArrows(content);
            headings(content, id, bookmark, options.tocDepth());
            images(content, a, ctx, images, byContent);
            shown.append(content.text());
            for (Element img : content.getElementsByTag("img")) {
                shown.append(img.attr("alt"));
            }
        }
        return new PrintDocument(doc, images, shown, frontMatter, pages == null);
    }

    /**
     * Sets the arrow of footnote back-references, ↩ (U+21A9, with or without a variation selector,
     * as Markdown footnotes and many blogs write it), as ↑ (U+2191): the bundled Noto Sans SC has no
     * ↩, so without it a machine with no other font could not typeset a post with footnotes.
     */
    private static void backReferenceArrows(Element content) {
        for (Element a : content.select("a.footnote-backref")) {
            for (TextNode t : allText(a)) {
                String text = t.getWholeText();
                String arrows = text.replaceAll("\u21A9[\uFE0E\uFE0F]?", "\u2191");
                if (!arrows.equals(text)) {
                    t.text(arrows);
                }
            }
        }
    }

    private static void header(Element section, Metadata m, StringBuilder shown) {
        ArticleHeader h = ArticleHeader.of(m);
        Element header = section.appendElement("header").addClass("ak-header");
        header.appendElement("h1").addClass("ak-title").text(h.title());
        h.subtitle().ifPresent(s -> header.appendElement("p").addClass("ak-subtitle").text(s));
        if (!h.byline().isEmpty() || h.link().isPresent()) {
            Element byline = header.appendElement("p").addClass("ak-byline");
            byline.text(h.bylineText());
            h.link().ifPresent(link -> {
                if (!h.byline().isEmpty()) {
                    byline.appendText(" · ");
                }
                byline.appendElement("a").addClass("ak-source").attr("href", link.toASCIIString()).text(link.toString());
            });
        }
        if (!h.categories().isEmpty()) {
            header.appendElement("p").addClass("ak-categories").text(String.join(" · ", h.categories()));
        }
        if (!h.tags().isEmpty()) {
            header.appendElement("p").addClass("ak-tags").text("#" + String.join(" #", h.tags()));
        }
        shown.append(h.text());
    }

    /**
     * Keeps closing punctuation right after an inline element (a link, emphasis…) on the element's
     * line: the renderer may break between two inline boxes, so {@code <a>…</a>，} could otherwise
     * break before the comma. The punctuation moves to the end of the element's last text (for a
     * link, it becomes part of the underlined text; the text itself is unchanged).
     */
    private static void glueClosingPunctuation(Element content) {
        // a space before closing (or after opening) punctuation is a break opportunity for the renderer
        // whatever the line breaker says; a no-break space looks the same and is not
        java.util.regex.Pattern spaces = java.util.regex.Pattern.compile("[ \\t\\r\\n]+(?=["
                + CjkLineBreaker.CLOSING + "])|(?<=[" + CjkLineBreaker.OPENING + "])[ \\t\\r\\n]+");
        for (TextNode t : allText(content)) {
            Element parent = t.parent();
            if (parent != null && parent.closest("pre") != null) {
                continue;
            }
            String w = t.getWholeText();
            String fixed = spaces.matcher(w).replaceAll("\u00A0");
            if (!fixed.equals(w)) {
                t.text(fixed);
            }
        }
        for (Element e : new ArrayList<>(content.getAllElements())) {
            Node next = e.nextSibling();
            if (e == content || !(next instanceof TextNode t) || t.getWholeText().isEmpty()
                    || CjkLineBreaker.CLOSING.indexOf(t.getWholeText().charAt(0)) < 0
                    || BLOCKS.contains(e.tagName())) {
                continue;
            }
            String whole = t.getWholeText();
            int n = 0;
            while (n < whole.length() && CjkLineBreaker.CLOSING.indexOf(whole.charAt(n)) >= 0) {
                n++;
            }
            Element inner = e;
            while (inner.childNodeSize() > 0 && inner.childNode(inner.childNodeSize() - 1) instanceof Element last
                    && !BLOCKS.contains(last.tagName())) {
                inner = last;
            }
            if (inner.childNodeSize() > 0 && inner.childNode(inner.childNodeSize() - 1) instanceof TextNode lastText) {
                lastText.text(lastText.getWholeText() + whole.substring(0, n));
            } else {
                inner.appendText(whole.substring(0, n));
            }
            t.text(whole.substring(n));
        }
    }

    private static java.util.List<TextNode> allText(Element root) {
        java.util.List<TextNode> result = new ArrayList<>();
        org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                result.add(t);
            }
        }, root);
        return result;
    }

    /** Block elements of the article profile, which never get glued to punctuation. */
    static final java.util.Set<String> BLOCKS = java.util.Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
            "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption", "table", "caption", "thead", "tbody",
            "tfoot", "tr", "th", "td", "hr", "section", "div", "img", "br");

    /** Makes ids unique across the book: {@code x} becomes {@code a3-x}, and so do {@code #x} links. */
    private static void prefixIds(Element content, String prefix) {
        for (Element e : content.getElementsByAttribute("id")) {
            e.attr("id", prefix + "-" + e.attr("id"));
        }
        for (Element a : content.getElementsByTag("a")) {
            String href = a.attr("href");
            if (href.startsWith("#") && href.length() > 1) {
                a.attr("href", "#" + prefix + "-" + href.substring(1));
            }
        }
    }

    /** Gives headings ids and adds them under the article's bookmark (h2 and h3, nested). */
    private static void headings(Element content, String prefix, Element articleMark, int depth) {
        Element lastH2 = null;
        int n = 0;
        for (Element h : content.select("h1, h2, h3")) {
            if (h.id().isEmpty()) {
                h.attr("id", prefix + "-h" + (++n));
            }
            if (depth < 2 || depth < 3 && h.tagName().equals("h3")) {
                continue; // deeper than the outline goes: the id still serves links
            }
            Element mark = new Element("bookmark").attr("name", h.text()).attr("href", "#" + h.id());
            if (h.tagName().equals("h3") && lastH2 != null) {
                lastH2.appendChild(mark);
            } else {
                articleMark.appendChild(mark);
                lastH2 = mark;
            }
        }
    }

    /** Hands each image's bytes to the renderer, or leaves its alternative text with a warning. */
    private static void images(Element content, Article a, ConversionContext ctx, Map<String, byte[]> images,
            Map<java.nio.ByteBuffer, String> byContent)
            throws java.io.IOException {
        for (Element img : new ArrayList<>(content.getElementsByTag("img"))) {
            String src = img.attr("src");
            byte[] data = null;
            Optional<Resource> res = a.resources().find(src);
            if (res.isPresent()) {
                data = res.get().bytes();
            } else if (src.startsWith("data:image/") && src.contains(";base64,")) {
                try {
                    data = Base64.getMimeDecoder().decode(src.substring(src.indexOf(";base64,") + 8));
                } catch (IllegalArgumentException e) {
                    ctx.warn("image.unresolved", 0, "an embedded data: image is not valid base64; its alt text is kept");
                }
            } else if (!src.isEmpty()) {
                try {
                    data = ctx.resolver().resolve(src).bytes();
                } catch (ResourceUnavailableException e) {
                    ctx.warn("image.unresolved", 0, "image " + e.reference() + " " + e.reason()
                            + "; its alt text is kept");
                }
            }
            if (data == null || !ImageCheck.usable(data, ctx.limits().maxPixels())) {
                if (data != null) {
                    ctx.warn("image.unusable", 0, "image " + abbreviate(src)
                            + " is not a PNG, JPEG or GIF within the pixel limit; its alt text is kept");
                }
                String alt = img.attr("alt");
                if (alt.isBlank()) {
                    img.remove();
                } else {
                    img.replaceWith(new Element("span").addClass("ak-alt").text("[" + alt + "]"));
                }
                continue;
            }
            img.attr("src", key(images, byContent, data));
        }
    }

    /**
     * The address of an image's bytes: the same bytes, wherever they come from and however often an
     * article (or the book) shows them, get one address, so that the renderer loads and embeds them
     * once and every page shares that one image object.
     */
    private static String key(Map<String, byte[]> images, Map<java.nio.ByteBuffer, String> byContent, byte[] data) {
        return byContent.computeIfAbsent(java.nio.ByteBuffer.wrap(data), d -> {
            String key = SCHEME + ":" + (images.size() + 1);
            images.put(key, data);
            return key;
        });
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "…" : s;
    }
}
