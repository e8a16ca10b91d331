package org.articlekit.epub.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Reads an EPUB (2 or 3): {@code container.xml}, the package document, the spine, the documents.
 * A book ArticleKit wrote gives back its articles from their records; any other book gives one
 * article per spine document, titled from the navigation document (or NCX). Images become
 * resources; the book's metadata comes from the package document.
 */
public final class EpubReader implements BookReader {

    /** Selectors parsed once (jsoup parses a selector string on every call), when a book is first read. */
    private static final class Selectors {
        static final Evaluator NAV_LABEL = Selector.evaluatorOf("navLabel > text");
        static final Evaluator CONTENT = Selector.evaluatorOf("content");
        static final Evaluator HEADING = Selector.evaluatorOf("h1, h2, h3");
    }

    /** A manifest item, its address resolved inside the archive. */
    private record Item(String id, String path, String mediaType, Set<String> properties) {
    }

    @Override
    public Book readBook(InputStream in, ConversionContext ctx) throws IOException {
        String file = ctx.sourceName().orElse(null);
        long max = ctx.limits().maxContainerBytes();
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw ctx.error(0, "is over the input limit of " + max + " bytes", null);
        }
        SafeZip zip = SafeZip.read(data, file);
        checkMimetype(zip, ctx);
        String opfPath = rootfile(zip, file);
        byte[] opfBytes = zip.get(opfPath).orElseThrow(() -> new ArticleFormatException(file, 0, opfPath,
                "the package document named by META-INF/container.xml is missing (RSC-001)", null));
        Document opf = unprefixed(SecureXml.parse(opfBytes, file, opfPath));
        Element pkg = first(opf, "package");
        if (pkg == null) {
            throw new ArticleFormatException(file, 0, opfPath, "is not a package document (no <package>; RSC-005)",
                    null);
        }
        Map<String, Item> manifest = manifest(pkg, opfPath, file);
        List<Item> spine = spine(pkg, manifest, opfPath, ctx);
        Metadata bookMeta = bookMetadata(pkg);
        Map<String, String> records = new HashMap<>();
        for (Element meta : pkg.getElementsByTag("meta")) {
            if (EpubWriter.RECORD_PROPERTY.equals(meta.attr("property")) && meta.attr("refines").startsWith("#")) {
                records.put(meta.attr("refines").substring(1), meta.text().strip());
            }
        }
        List<Article> articles = new ArrayList<>();
        Map<String, String> titles = null;
        for (Item doc : spine) {
            ctx.checkDeadline();
            String recordId = records.get(doc.id());
            Item record = recordId == null ? null : manifest.get(recordId);
            if (record != null) {
                articles.add(fromRecord(zip, record, ctx, file));
                continue;
            }
            if (!records.isEmpty()) {
                continue; // our own book: the cover and title pages are not articles
            }
            if (titles == null) {
                titles = titles(zip, pkg, manifest, file);
            }
            Article a = fromDocument(zip, doc, manifest, titles, bookMeta, ctx, file);
            if (a != null) {
                articles.add(a);
            }
        }
        Book.Builder book = Book.builder().metadata(bookMeta).articles(articles);
        Item cover = coverItem(pkg, manifest);
        if (cover != null) {
            Optional<byte[]> bytes = zip.get(cover.path());
            String type = bytes.map(ImageEmbedder::sniff).orElse(null);
            if (type != null) {
                Resource r = Resource.of(bytes.get(), type, cover.path());
                book.resources(Resources.of(List.of(r)));
                book.metadata(bookMeta.toBuilder().cover(r.name()).build());
            }
        }
        return book.build();
    }

    private static void checkMimetype(SafeZip zip, ConversionContext ctx) throws ArticleFormatException {
        Optional<byte[]> m = zip.get("mimetype");
        if (m.isEmpty()) {
            ctx.warn("epub.mimetype", 0, "the mimetype entry is missing (PKG-006); read anyway");
        } else if (!new String(m.get(), StandardCharsets.US_ASCII).equals(EpubWriter.MEDIA_TYPE)) {
            ctx.warn("epub.mimetype", 0, "the mimetype entry does not say " + EpubWriter.MEDIA_TYPE
                    + " (PKG-007); read anyway");
        } else if (!zip.firstName().orElse("").equals("mimetype")) {
            ctx.warn("epub.mimetype", 0, "the mimetype entry is not the first in the archive (PKG-006); read anyway");
        }
    }

    private static String rootfile(SafeZip zip, @Nullable String file) throws ArticleFormatException {
        String entry = "META-INF/container.xml";
        byte[] bytes = zip.get(entry).orElseThrow(() -> new ArticleFormatException(file, 0, entry,
                "is missing, so the package document cannot be found (RSC-002)", null));
        Document c = unprefixed(SecureXml.parse(bytes, file, entry));
        Element chosen = null;
        for (Element r : c.getElementsByTag("rootfile")) {
            if (r.hasAttr("full-path") && (chosen == null
                    || "application/oebps-package+xml".equals(r.attr("media-type")) && !"application/oebps-package+xml"
                            .equals(chosen.attr("media-type")))) {
                chosen = r;
            }
        }
        if (chosen == null) {
            throw new ArticleFormatException(file, 0, entry, "names no rootfile (RSC-003)", null);
        }
        String path = chosen.attr("full-path").strip();
        return SafeZip.resolve("", path).orElseThrow(() -> new ArticleFormatException(file, 0, entry,
                "the rootfile path " + path + " leaves the archive or is not a path", null));
    }

    private static Map<String, Item> manifest(Element pkg, String opfPath, @Nullable String file)
            throws ArticleFormatException {
        Map<String, Item> items = new LinkedHashMap<>();
        Element manifest = first(pkg, "manifest");
        if (manifest == null) {
            throw new ArticleFormatException(file, 0, opfPath, "has no manifest (RSC-005)", null);
        }
        for (Element item : manifest.getElementsByTag("item")) {
            String id = item.attr("id");
            String href = item.attr("href").strip();
            if (id.isEmpty() || href.isEmpty()) {
                continue;
            }
            if (href.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                continue; // a remote resource: nothing to read
            }
            String path = SafeZip.resolve(opfPath, href).orElseThrow(() -> new ArticleFormatException(file, 0, opfPath,
                    "the manifest item " + id + " points outside the archive: " + href, null));
            Set<String> props = new LinkedHashSet<>(List.of(item.attr("properties").strip().split("\\s+")));
            items.putIfAbsent(id, new Item(id, path, item.attr("media-type").strip().toLowerCase(Locale.ROOT), props));
        }
        return items;
    }

    private static List<Item> spine(Element pkg, Map<String, Item> manifest, String opfPath, ConversionContext ctx)
            throws ArticleFormatException {
        Element spine = first(pkg, "spine");
        if (spine == null) {
            throw ctx.error(0, opfPath + ": has no spine (RSC-005)", null);
        }
        List<Item> docs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element ref : spine.getElementsByTag("itemref")) {
            String idref = ref.attr("idref");
            Item item = manifest.get(idref);
            if (item == null) {
                ctx.warn("epub.spine", 0, "the spine names " + idref + ", which the manifest does not have; skipped");
                continue;
            }
            if (!seen.add(idref)) {
                ctx.warn("epub.spine", 0, "the spine names " + idref + " twice; read once");
                continue;
            }
            if (item.path().equals(opfPath) || !(item.mediaType().equals("application/xhtml+xml")
                    || item.mediaType().equals("text/html") || item.mediaType().equals("application/x-dtbook+xml")
                    || item.mediaType().startsWith("image/"))) {
                continue;
            }
            docs.add(item);
        }
        return docs;
    }

    private static Metadata bookMetadata(Element pkg) {
        Metadata.Builder b = Metadata.builder();
        Element meta = first(pkg, "metadata");
        if (meta == null) {
            return b.build();
        }
        String uid = pkg.attr("unique-identifier");
        for (Element e : meta.children()) {
            String name = e.tagName().toLowerCase(Locale.ROOT);
            String text = e.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            switch (name) {
                case "dc:title" -> {
                    if (b.build().title().isEmpty()) {
                        b.title(text);
                    }
                }
                case "dc:creator" -> b.author(text);
                case "dc:language" -> {
                    try {
                        if (b.build().language().isEmpty()) {
                            b.language(Metadata.normalizeLanguage(text));
                        }
                    } catch (IllegalArgumentException ignored) {
                        // not a language tag: the book simply has no language
                    }
                }
                case "dc:identifier" -> {
                    if (e.attr("id").equals(uid) || b.build().identifier().isEmpty()) {
                        b.identifier(text);
                    }
                }
                case "dc:date" -> b.published(ArticleDate.parse(text));
                case "dc:subject" -> b.tag(text);
                case "dc:description" -> b.summary(org.jsoup.Jsoup.parse(text).text());
                case "dc:publisher" -> b.publisher(text);
                default -> {
                }
            }
        }
        return b.build();
    }

    private static @Nullable Item coverItem(Element pkg, Map<String, Item> manifest) {
        for (Item i : manifest.values()) {
            if (i.properties().contains("cover-image")) {
                return i;
            }
        }
        for (Element meta : pkg.getElementsByTag("meta")) {
            if ("cover".equals(meta.attr("name")) && manifest.containsKey(meta.attr("content"))) {
                Item i = manifest.get(meta.attr("content"));
                return i.mediaType().startsWith("image/") ? i : null;
            }
        }
        return null;
    }

    private static Article fromRecord(SafeZip zip, Item record, ConversionContext ctx, @Nullable String file)
            throws IOException {
        byte[] bytes = zip.get(record.path()).orElseThrow(() -> new ArticleFormatException(file, 0, record.path(),
                "the article record is missing (RSC-001)", null));
        Document doc = SecureXml.parse(bytes, file, record.path());
        ArticleRecord.Parsed parsed;
        try {
            parsed = ArticleRecord.read(doc);
        } catch (IllegalArgumentException e) {
            throw new ArticleFormatException(file, 0, record.path(), "the article record is damaged: "
                    + e.getMessage(), e);
        }
        List<Resource> resources = new ArrayList<>();
        for (ArticleRecord.ResourceRef ref : parsed.resources()) {
            Optional<String> path = SafeZip.resolve(EpubWriter.ROOT + "package.opf", ref.name());
            Optional<byte[]> content = path.flatMap(zip::get);
            if (content.isEmpty()) {
                ctx.warn("image.unresolved", 0, record.path() + ": the resource " + ref.name()
                        + " is missing from the book; left out");
                continue;
            }
            Resource r = Resource.of(content.get(), ref.mediaType(), ref.source());
            if (!r.name().equals(ref.name())) {
                ctx.warn("image.unresolved", 0, record.path() + ": the resource " + ref.name()
                        + " does not have the content its name promises; kept as " + r.name());
            }
            resources.add(r);
        }
        Body body = BodyNormalizer.of(ctx).normalize(parsed.bodyHtml());
        return Article.builder().metadata(parsed.metadata()).body(body).resources(Resources.of(resources)).build();
    }

    /** Titles of documents from the navigation document, else the NCX: path → label. */
    private static Map<String, String> titles(SafeZip zip, Element pkg, Map<String, Item> manifest,
            @Nullable String file) throws ArticleFormatException {
        Map<String, String> titles = new HashMap<>();
        for (Item i : manifest.values()) {
            if (i.properties().contains("nav")) {
                Optional<byte[]> bytes = zip.get(i.path());
                if (bytes.isPresent()) {
                    Document nav = SecureXml.parse(bytes.get(), file, i.path());
                    for (Element n : nav.getElementsByTag("nav")) {
                        if (!n.attr("epub:type").contains("toc")) {
                            continue;
                        }
                        for (Element a : n.getElementsByTag("a")) {
                            SafeZip.resolve(i.path(), a.attr("href"))
                                    .ifPresent(p -> titles.putIfAbsent(p, a.text().strip()));
                        }
                    }
                }
            }
        }
        Element spine = first(pkg, "spine");
        Item ncx = spine == null ? null : manifest.get(spine.attr("toc"));
        if (ncx != null && zip.get(ncx.path()).isPresent()) {
            Document doc = unprefixed(SecureXml.parse(zip.get(ncx.path()).get(), file, ncx.path()));
            for (Element point : doc.getElementsByTag("navPoint")) {
                Element label = point.selectFirst(Selectors.NAV_LABEL);
                Element content = point.selectFirst(Selectors.CONTENT);
                if (label != null && content != null) {
                    SafeZip.resolve(ncx.path(), content.attr("src"))
                            .ifPresent(p -> titles.putIfAbsent(p, label.text().strip()));
                }
            }
        }
        titles.values().removeIf(String::isEmpty);
        return titles;
    }

    private static @Nullable Article fromDocument(SafeZip zip, Item item, Map<String, Item> manifest,
            Map<String, String> titles, Metadata bookMeta, ConversionContext ctx, @Nullable String file)
            throws IOException {
        Optional<byte[]> bytes = zip.get(item.path());
        if (bytes.isEmpty()) {
            ctx.warn("epub.missing", 0, item.path() + " is in the spine but not in the archive (RSC-001); skipped");
            return null;
        }
        if (item.mediaType().startsWith("image/")) {
            return imagePage(item, bytes.get(), titles, bookMeta, ctx);
        }
        Document doc = SecureXml.parse(bytes.get(), file, item.path());
        Element html = first(doc, "html");
        Element body = first(doc, "body");
        if (body == null) {
            return null;
        }
        // Fixed-layout pages often show their picture as an SVG <image>: keep it as an <img>.
        for (Element image : new ArrayList<>(body.getElementsByTag("image"))) {
            String href = image.hasAttr("xlink:href") ? image.attr("xlink:href") : image.attr("href");
            Element svg = image.closest("svg");
            if (!href.isBlank() && svg != null && svg.parent() != null) {
                svg.replaceWith(new Element("img").attr("src", href).attr("alt", ""));
            }
        }
        Map<String, String> typeByPath = new HashMap<>();
        manifest.values().forEach(i -> typeByPath.put(i.path(), i.mediaType()));
        List<Resource> resources = new ArrayList<>();
        int images = 0;
        for (Element img : body.getElementsByTag("img")) {
            Optional<String> path = SafeZip.resolve(item.path(), img.attr("src"));
            if (path.isEmpty()) {
                continue;
            }
            Optional<byte[]> content = zip.get(path.get());
            String type = content.map(ImageEmbedder::sniff).orElse(null);
            if (type == null) {
                String declared = typeByPath.get(path.get());
                type = "image/svg+xml".equals(declared) ? declared : null;
            }
            if (content.isEmpty() || type == null) {
                ctx.warn("image.unresolved", 0, item.path() + ": image " + img.attr("src")
                        + " is missing from the book or not an image; left out");
                img.remove();
                continue;
            }
            if (++images > ctx.limits().maxImages()) {
                ctx.warn("image.limit", 0, item.path() + " has more than " + ctx.limits().maxImages()
                        + " images; the rest are left out");
                img.remove();
                continue;
            }
            Resource r = Resource.of(content.get(), type, path.get());
            resources.add(r);
            img.attr("src", r.name());
        }
        Body normalized = BodyNormalizer.of(ctx.toBuilder().baseUri(null).build()).normalize(body);
        String title = titles.get(item.path());
        if (title == null) {
            Element t = first(doc, "title");
            Element h = doc.selectFirst(Selectors.HEADING);
            title = h != null && !h.text().isBlank() ? h.text() : t != null ? t.text() : null;
        }
        if (normalized.isEmpty() && resources.isEmpty()) {
            return null;
        }
        Metadata.Builder m = Metadata.builder().title(title);
        String lang = html == null ? "" : html.hasAttr("xml:lang") ? html.attr("xml:lang") : html.attr("lang");
        try {
            m.language(lang.isBlank() ? bookMeta.language().orElse(null) : Metadata.normalizeLanguage(lang));
        } catch (IllegalArgumentException e) {
            ctx.warn("metadata.language", 0, item.path() + ": '" + lang + "' is not a language tag; ignored");
            m.language(bookMeta.language().orElse(null));
        }
        return Article.builder().metadata(m.build()).body(normalized).resources(Resources.of(resources)).build();
    }

    /** A picture in the spine (as in fixed-layout comics): an article holding that picture. */
    private static @Nullable Article imagePage(Item item, byte[] bytes, Map<String, String> titles, Metadata bookMeta,
            ConversionContext ctx) throws IOException {
        String type = ImageEmbedder.sniff(bytes);
        if (type == null && item.mediaType().equals("image/svg+xml")) {
            type = item.mediaType();
        }
        if (type == null) {
            ctx.warn("image.unresolved", 0, item.path() + " is in the spine but is not an image ArticleKit reads; "
                    + "skipped");
            return null;
        }
        Resource r = Resource.of(bytes, type, item.path());
        String title = titles.get(item.path());
        Body body = BodyNormalizer.of(ctx.toBuilder().baseUri(null).build()).normalize("<figure><img src=\""
                + r.name() + "\" alt=\"\"></figure>");
        return Article.builder().metadata(Metadata.builder().title(title).language(bookMeta.language().orElse(null))
                .build()).body(body).resources(Resources.of(List.of(r))).build();
    }

    /** Drops the prefix of the root element's namespace ({@code opf:package} becomes {@code package}). */
    private static Document unprefixed(Document doc) {
        Element root = doc.children().first();
        int colon = root == null ? -1 : root.tagName().indexOf(':');
        if (colon > 0) {
            String prefix = root.tagName().substring(0, colon + 1);
            for (Element e : doc.getAllElements()) {
                if (e.tagName().startsWith(prefix)) {
                    e.tagName(e.tagName().substring(prefix.length()));
                }
            }
        }
        return doc;
    }

    private static @Nullable Element first(Element root, String tag) {
        for (Element e : root.getElementsByTag(tag)) {
            return e;
        }
        return null;
    }
}
