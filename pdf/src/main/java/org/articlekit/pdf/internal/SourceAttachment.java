package org.articlekit.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Book;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.articlekit.html.HtmlOptions;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The ArticleKit source attachment: the articles embedded in the PDF so that reading it back is
 * exact. Embedded files (PDF/A-3 associated files with relationship {@code Source}), all named
 * under {@code articlekit/}:
 * <ul>
 *   <li>{@code articlekit/book.html}: the book's metadata as an ArticleKit HTML page (JSON-LD) with
 *       an empty body;</li>
 *   <li>{@code articlekit/00001.html}, {@code 00002.html}…: each article's metadata, in order, as an
 *       ArticleKit HTML page (JSON-LD) with an empty body;</li>
 *   <li>{@code articlekit/00001.body.xhtml}…: each article's normalised body (the article HTML
 *       profile, UTF-8), whose images refer to resources by name;</li>
 *   <li>{@code articlekit/00001/images/<hash>.png}…: each article's resources by name (and
 *       {@code articlekit/book/…} for the book's), the original reference as the file's
 *       description.</li>
 * </ul>
 * The reader trusts nothing else embedded in a PDF and never writes attachments to disk.
 */
final class SourceAttachment {

    /** The prefix of every embedded file the writer adds. */
    static final String PREFIX = "articlekit/";
    private static final String BOOK = PREFIX + "book.html";
    private static final int MAX_ENTRIES = 200_000;

    private SourceAttachment() {
    }

    private static ArticleFormat html() {
        return FormatRegistry.defaults().byId("html");
    }

    static void write(PDDocument pd, Book book, ConversionContext ctx) throws IOException {
        ArticleFormat html = html();
        ConversionContext htmlCtx = ctx.toBuilder()
                .options(FormatOptions.of(HtmlOptions.builder().stylesheet(false).embedImages(false).build())).build();
        Calendar now = PdfMetadata.stamp(book, ctx);
        Shared shared = new Shared(pd, SharedImages.index(pd), now);
        Map<String, PDComplexFileSpecification> files = new TreeMap<>();
        Article bookPage = Article.builder().metadata(book.metadata()).build();
        files.put(BOOK, file(pd, BOOK, page(html, bookPage, htmlCtx), "text/html", null, now));
        addResources(shared, files, PREFIX + "book/", book.resources());
        for (int i = 0; i < book.articles().size(); i++) {
            ctx.checkDeadline();
            Article a = book.articles().get(i);
            String n = String.format(Locale.ROOT, "%05d", i + 1);
            Article metadataOnly = Article.builder().metadata(a.metadata()).build();
            files.put(PREFIX + n + ".html", file(pd, PREFIX + n + ".html", page(html, metadataOnly, htmlCtx),
                    "text/html", null, now));
            files.put(PREFIX + n + ".body.xhtml", file(pd, PREFIX + n + ".body.xhtml",
                    a.body().html().getBytes(StandardCharsets.UTF_8), "application/xhtml+xml", null, now));
            addResources(shared, files, PREFIX + n + "/", a.resources());
        }
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(files);
        PDDocumentCatalog catalog = pd.getDocumentCatalog();
        PDDocumentNameDictionary names = catalog.getNames() != null ? catalog.getNames()
                : new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(tree);
        catalog.setNames(names);
        COSArray af = new COSArray();
        for (PDComplexFileSpecification f : files.values()) {
            af.add(f);
        }
        catalog.getCOSObject().setItem(COSName.AF, af);
    }

    private static byte[] page(ArticleFormat html, Article a, ConversionContext ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        html.writer().orElseThrow().write(a, out, ctx);
        return out.toByteArray();
    }

    private static void addResources(Shared shared, Map<String, PDComplexFileSpecification> files, String folder,
            Resources resources) throws IOException {
        for (Resource r : resources.all()) {
            String name = folder + r.name();
            files.put(name, shared.file(name, r));
        }
    }

    /**
     * Stores each distinct resource once however many articles hold it: one embedded file stream
     * per content, shared by the file specifications that name it; an image that a page already
     * shows is not stored again but refers to the page's image object (see {@link SharedImages}).
     */
    private static final class Shared {
        private final PDDocument pd;
        private final SharedImages.Index pageImages;
        private final Calendar now;
        private final Map<Resource, PDEmbeddedFile> stored = new java.util.HashMap<>();

        Shared(PDDocument pd, SharedImages.Index pageImages, Calendar now) {
            this.pd = pd;
            this.pageImages = pageImages;
            this.now = now;
        }

        PDComplexFileSpecification file(String name, Resource r) throws IOException {
            byte[] data = r.bytes();
            COSStream image = null;
            byte[] rest = null;
            if (!pageImages.isEmpty()) {
                SharedImages.Split split = SharedImages.split(data, r.mediaType());
                if (split != null) {
                    image = pageImages.find(split.shown());
                    rest = split.rest();
                }
            }
            PDComplexFileSpecification fs;
            if (image == null) {
                PDEmbeddedFile ef = stored.get(r);
                fs = spec(name, ef != null ? ef : store(r, data, r.mediaType()), r.source().orElse(null));
            } else {
                PDEmbeddedFile ef = stored.get(r);
                if (ef == null) {
                    ef = embedded(pd, rest, SharedImages.REST_TYPE, now);
                    stored.put(r, ef);
                }
                fs = spec(name, ef, r.source().orElse(null));
                fs.getCOSObject().setItem(SharedImages.IMAGE, image);
                fs.getCOSObject().setString(SharedImages.MEDIA_TYPE, r.mediaType());
            }
            return fs;
        }

        private PDEmbeddedFile store(Resource r, byte[] data, String mediaType) throws IOException {
            PDEmbeddedFile ef = embedded(pd, data, mediaType, now);
            stored.put(r, ef);
            return ef;
        }
    }

    private static PDComplexFileSpecification file(PDDocument pd, String name, byte[] data, String mediaType,
            @Nullable String description, Calendar now) throws IOException {
        return spec(name, embedded(pd, data, mediaType, now), description);
    }

    private static PDEmbeddedFile embedded(PDDocument pd, byte[] data, String mediaType, Calendar now)
            throws IOException {
        // Images are compressed already: deflating them again cost a tenth of a PDF book's time and saved nothing.
        PDEmbeddedFile ef = mediaType.startsWith("image/") && !mediaType.equals("image/svg+xml")
                && !mediaType.equals("image/bmp")
                ? new PDEmbeddedFile(pd, new ByteArrayInputStream(data))
                : new PDEmbeddedFile(pd, new ByteArrayInputStream(data), COSName.FLATE_DECODE);
        ef.setSubtype(mediaType);
        ef.setSize(data.length);
        ef.setCreationDate(now);
        ef.setModDate(now);
        return ef;
    }

    private static PDComplexFileSpecification spec(String name, PDEmbeddedFile ef, @Nullable String description) {
        PDComplexFileSpecification fs = new PDComplexFileSpecification();
        fs.setFile(name);
        fs.setFileUnicode(name);
        fs.setEmbeddedFile(ef);
        fs.setEmbeddedFileUnicode(ef);
        fs.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Source");
        if (description != null) {
            fs.setFileDescription(description);
        }
        return fs;
    }

    /**
     * Restores the book from the attachment, when the PDF has one.
     *
     * @param pd the open document
     * @param ctx the reader's context (limits, deadline, warnings)
     * @return the book, or empty when the PDF carries no ArticleKit attachment
     * @throws IOException when the attachment is there but broken
     */
    static Optional<Book> read(PDDocument pd, ConversionContext ctx) throws IOException {
        Map<String, PDComplexFileSpecification> files = ourFiles(pd);
        if (!files.containsKey(BOOK)) {
            return Optional.empty();
        }
        ArticleFormat html = html();
        Book.Builder book = Book.builder();
        Article bookPage = readPage(html, files.get(BOOK), BOOK, ctx);
        book.metadata(bookPage.metadata());
        book.resources(resources(files, PREFIX + "book/", ctx));
        List<String> pages = new ArrayList<>();
        for (String name : files.keySet()) {
            if (name.matches("articlekit/\\d{5,}\\.html")) {
                pages.add(name);
            }
        }
        for (String name : pages) {
            ctx.checkDeadline();
            Article a = readPage(html, files.get(name), name, ctx);
            String stem = name.substring(0, name.length() - ".html".length());
            PDComplexFileSpecification bodyFile = files.get(stem + ".body.xhtml");
            Body body = Body.empty();
            if (bodyFile != null) {
                String xhtml = new String(bytes(bodyFile, stem + ".body.xhtml", ctx), StandardCharsets.UTF_8);
                body = BodyNormalizer.of(ctx.toBuilder().sourceName(ctx.sourceName().orElse("") + ":" + stem
                        + ".body.xhtml").build()).normalize(xhtml);
            }
            book.article(a.withBody(body).withResources(resources(files, stem + "/", ctx)));
        }
        return Optional.of(book.build());
    }

    private static Map<String, PDComplexFileSpecification> ourFiles(PDDocument pd) throws IOException {
        Map<String, PDComplexFileSpecification> found = new TreeMap<>();
        PDDocumentNameDictionary names = pd.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return found;
        }
        Deque<PDNameTreeNode<PDComplexFileSpecification>> todo = new ArrayDeque<>();
        todo.push(names.getEmbeddedFiles());
        int visited = 0;
        while (!todo.isEmpty() && visited++ < MAX_ENTRIES) {
            PDNameTreeNode<PDComplexFileSpecification> node = todo.pop();
            Map<String, PDComplexFileSpecification> here = node.getNames();
            if (here != null) {
                here.forEach((k, v) -> {
                    if (k.startsWith(PREFIX)) {
                        found.put(k, v);
                    }
                });
            }
            List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
            if (kids != null) {
                kids.forEach(todo::push);
            }
        }
        return found;
    }

    private static byte[] bytes(PDComplexFileSpecification fs, String name, ConversionContext ctx) throws IOException {
        PDEmbeddedFile ef = fs.getEmbeddedFileUnicode() != null ? fs.getEmbeddedFileUnicode() : fs.getEmbeddedFile();
        if (ef == null) {
            throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, name, "the attachment has no content", null);
        }
        long max = ctx.limits().maxContainerBytes();
        try (InputStream in = ef.createInputStream()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (data.length > max) {
                throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, name,
                        "the attachment is over the input limit of " + max + " bytes", null);
            }
            return data;
        }
    }

    /** The stored bytes of a page's image object, as the attachment shares them. */
    private static byte[] shown(COSStream image, String name, ConversionContext ctx) throws IOException {
        long max = ctx.limits().maxContainerBytes();
        try (InputStream in = image.createRawInputStream()) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (data.length > max) {
                throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, name,
                        "the image the attachment refers to is over the input limit of " + max + " bytes", null);
            }
            return data;
        }
    }

    private static Article readPage(ArticleFormat html, PDComplexFileSpecification fs, String name,
            ConversionContext ctx) throws IOException {
        // our pages hold only metadata: the plain extractor, so that an empty page is not reported
        ConversionContext pageCtx = ctx.toBuilder().sourceName(ctx.sourceName().orElse("") + ":" + name)
                .options(FormatOptions.of(HtmlOptions.builder().extraction(HtmlOptions.Extraction.SEMANTIC_ELEMENTS)
                        .build())).build();
        return html.reader().orElseThrow().read(new ByteArrayInputStream(bytes(fs, name, ctx)), pageCtx);
    }

    private static Resources resources(Map<String, PDComplexFileSpecification> files, String folder,
            ConversionContext ctx) throws IOException {
        List<Resource> list = new ArrayList<>();
        for (Map.Entry<String, PDComplexFileSpecification> e : files.entrySet()) {
            if (e.getKey().startsWith(folder)) {
                PDComplexFileSpecification fs = e.getValue();
                PDEmbeddedFile ef = fs.getEmbeddedFileUnicode() != null ? fs.getEmbeddedFileUnicode()
                        : fs.getEmbeddedFile();
                String type = ef != null && ef.getSubtype() != null ? ef.getSubtype() : "application/octet-stream";
                byte[] data = bytes(fs, e.getKey(), ctx);
                if (fs.getCOSObject().getDictionaryObject(SharedImages.IMAGE) instanceof COSStream image
                        && SharedImages.REST_TYPE.equals(type)) {
                    String mediaType = fs.getCOSObject().getString(SharedImages.MEDIA_TYPE);
                    if (mediaType == null) {
                        throw new ArticleFormatException(ctx.sourceName().orElse(null), 0, e.getKey(),
                                "the attachment refers to an image but names no media type", null);
                    }
                    data = SharedImages.join(data, shown(image, e.getKey(), ctx), mediaType, e.getKey(), ctx);
                    type = mediaType;
                }
                list.add(Resource.of(data, type, fs.getFileDescription()));
            }
        }
        return Resources.of(list);
    }
}
