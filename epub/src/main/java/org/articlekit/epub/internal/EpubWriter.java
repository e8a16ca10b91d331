package org.articlekit.epub.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import org.articlekit.Article;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.articlekit.Resource;
import org.articlekit.epub.EpubOptions;
import org.articlekit.spi.BodyTree;
import org.articlekit.spi.BookWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.Images;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Writes a book as an EPUB 3 (with an NCX for older readers): cover, title page, a chapter and a
 * machine-readable record per article, images stored once. Articles and images are written as they
 * are processed; only names and titles are kept until the package document is written last.
 */
public final class EpubWriter implements BookWriter {

    /** The EPUB media type, also the content of the {@code mimetype} entry. */
    public static final String MEDIA_TYPE = "application/epub+zip";

    /** The folder of the package inside the container. */
    static final String ROOT = "EPUB/";

    /** Image types every EPUB reading system shows (EPUB 3.3 core media types, SVG excluded: it may script). */
    static final Set<String> CORE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    /** Where the records point from, in the package document ({@code meta refines}). */
    static final String RECORD_PROPERTY = "articlekit:record";
    static final String PREFIX = "articlekit: https://articlekit.org/ns/epub#";

    /** The most threads that prepare chapters at once. */
    static final int PREPARE_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Override
    public void writeBook(Book book, OutputStream out, ConversionContext ctx) throws IOException {
        if (book.articles().isEmpty()) {
            throw ctx.error(0, "a book needs at least one article", null);
        }
        new Job(book, out, ctx).run();
    }

    /** A manifest item. */
    private record Item(String id, String href, String mediaType, String properties) {
    }

    /** The state of writing one book. */
    private static final class Job {
        /** Compiled when a book is written, not when the format is registered. */
        private static final Evaluator WITH_ID = Selector.evaluatorOf("[id]");

        private final Book book;
        private final ConversionContext ctx;
        private final EpubOptions options;
        private final DeterministicZip zip;
        private final BookFacts facts;
        private final Map<String, Item> manifest = new LinkedHashMap<>();
        private final List<String> spine = new ArrayList<>();
        private final List<PackageFiles.TocEntry> toc = new ArrayList<>();
        /** The chapter and record ids that {@code meta refines} pairs in the package document. */
        private final List<String[]> refines = new ArrayList<>();
        private final Set<String> files = new HashSet<>();
        /** The files written before the first chapter: stylesheet, navigation, cover and title pages. */
        private final Set<String> baseFiles = new HashSet<>();
        private @Nullable String coverId;

        Job(Book book, OutputStream out, ConversionContext ctx) {
            this.book = book;
            this.ctx = ctx;
            this.options = ctx.options().get(EpubOptions.class, EpubOptions::defaults);
            this.zip = new DeterministicZip(out);
            this.facts = BookFacts.of(book);
        }

        void run() throws IOException {
            zip.stored("mimetype", MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII));
            zip.text("META-INF/container.xml", PackageFiles.CONTAINER);
            add("nav", "nav.xhtml", "application/xhtml+xml", "nav", null);
            String css = PackageFiles.CSS + (options.verticalWriting() ? PackageFiles.VERTICAL_CSS : "")
                    + (options.css() == null ? "" : "\n/* the user's stylesheet */\n" + options.css() + "\n");
            add("css", ChapterPage.STYLESHEET, "text/css", "", css.getBytes(StandardCharsets.UTF_8));

            Resource cover = cover();
            if (cover != null) {
                Item img = image(cover);
                manifest.put(img.href(), new Item(img.id(), img.href(), img.mediaType(), "cover-image"));
                coverId = img.id();
                add("cover", "cover.xhtml", "application/xhtml+xml", "",
                        page(ChapterPage.coverPage(facts.title(), cover.name(), facts.language())));
                spine.add("cover");
            }
            if (options.titlePage()) {
                add("titlepage", "title.xhtml", "application/xhtml+xml", "", page(ChapterPage.titlePage(facts.title(),
                        facts.authors(), facts.dates(), book.articles().size(), facts.language())));
                spine.add("titlepage");
            }
            chapters();
            String heading = facts.language().toLowerCase(Locale.ROOT).startsWith("zh") ? "目录" : "Contents";
            zip.text(ROOT + "nav.xhtml", PackageFiles.nav(facts.title(), facts.language(), toc, heading));
            String identifier = book.metadata().identifier().orElseGet(() -> "urn:uuid:" + uuid(zip.contentHash()));
            add("ncx", "toc.ncx", "application/x-dtbncx+xml", "",
                    PackageFiles.ncx(identifier, facts.title(), toc).getBytes(StandardCharsets.UTF_8));
            zip.text(ROOT + "package.opf", packageDocument(identifier));
            zip.finish();
        }

        /**
         * Writes every article. Chapters are prepared (body parsed, images embedded, XHTML and record
         * serialised) on up to {@link #PREPARE_THREADS} threads, a bounded number ahead of the one
         * being written, and written to the archive strictly in order, so the book is the same byte
         * for byte and memory holds only the chapters in flight. Each chapter's warnings are passed on
         * in book order, on this thread.
         */
        private void chapters() throws IOException {
            List<Article> articles = book.articles();
            int width = Math.max(4, String.valueOf(articles.size()).length());
            baseFiles.addAll(files);
            int threads = Math.min(PREPARE_THREADS, articles.size());
            if (threads <= 1) {
                for (int i = 0; i < articles.size(); i++) {
                    ctx.checkDeadline();
                    commit(prepare(articles.get(i), i, width));
                }
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "articlekit-epub-chapter");
                t.setDaemon(true);
                return t;
            });
            try {
                Deque<Future<Prepared>> ahead = new ArrayDeque<>();
                int next = 0;
                for (int i = 0; i < articles.size(); i++) {
                    while (next < articles.size() && ahead.size() < threads * 2) {
                        int index = next++;
                        ahead.add(pool.submit(() -> prepare(articles.get(index), index, width)));
                    }
                    ctx.checkDeadline();
                    commit(await(ahead.removeFirst()));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private static Prepared await(Future<Prepared> f) throws IOException {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the book");
            } catch (ExecutionException e) {
                Throwable t = e.getCause();
                if (t instanceof IOException io) {
                    throw io;
                }
                if (t instanceof RuntimeException re) {
                    throw re;
                }
                if (t instanceof Error err) {
                    throw err;
                }
                throw new IOException(t);
            }
        }

        /** One chapter, ready to be written. */
        private record Prepared(String number, String title, List<Resource> images, byte[] page, byte[] record,
                List<Diagnostic> warnings, List<PackageFiles.TocEntry> headings) {
        }

        /**
         * Gives the chapter's headings down to the contents depth ids (keeping those they have) and returns them as
         * contents entries, {@code h3} nested under the {@code h1}/{@code h2} before it.
         */
        private List<PackageFiles.TocEntry> headings(Document doc, String href) {
            int depth = options.tocDepth();
            if (depth < 2) {
                return List.of();
            }
            Set<String> ids = new HashSet<>();
            for (Element e : doc.body().select(WITH_ID)) {
                ids.add(e.id());
            }
            List<PackageFiles.TocEntry> top = new ArrayList<>();
            List<PackageFiles.TocEntry> under = null;
            int n = 0;
            for (Element h : doc.body().select(depth >= 3 ? "h1, h2, h3" : "h1, h2")) {
                String label = h.text().strip();
                if (label.isEmpty()) {
                    continue;
                }
                if (h.id().isEmpty()) {
                    String id;
                    do {
                        id = "toc-" + (++n);
                    } while (ids.contains(id));
                    ids.add(id);
                    h.attr("id", id);
                }
                if (h.tagName().equals("h3") && under != null) {
                    under.add(new PackageFiles.TocEntry(href + "#" + h.id(), label, List.of()));
                } else {
                    under = new ArrayList<>();
                    top.add(new PackageFiles.TocEntry(href + "#" + h.id(), label, under));
                }
            }
            return top;
        }

        /**
         * Prepares one chapter without touching the archive or the job's state. The files a chapter
         * may link to are the book's own pages, the chapters and records before it and its images.
         */
        private Prepared prepare(Article a, int index, int width) throws IOException {
            String number = String.format(Locale.ROOT, "%0" + width + "d", index + 1);
            List<Diagnostic> warnings = new ArrayList<>();
            ConversionContext local = ctx.toBuilder().warnings(warnings::add).build();
            String title = a.metadata().title().orElse(facts.language().startsWith("zh") ? "第 " + (index + 1)
                    + " 篇" : "Article " + (index + 1));
            Document doc = a.body().document();
            ImageEmbedder.Result images = ImageEmbedder.embed(a, title, doc, local);
            Set<String> own = new HashSet<>();
            for (Resource r : images.resources()) {
                own.add(r.name());
            }
            Predicate<String> known = f -> baseFiles.contains(f) || own.contains(f) || isEarlier(f, index, width);
            String recordBody;
            if (images.changed()) {
                recordBody = BodyTree.xhtml(doc.body());
            } else {
                recordBody = a.body().html();
            }
            for (Element img : doc.body().getElementsByTag("img")) {
                if (!known.test(img.attr("src"))) {
                    // The reader sees what the picture was, not a broken reference.
                    String alt = img.attr("alt").strip();
                    img.replaceWith(new Element("span").addClass("articlekit-missing-image")
                            .text(alt.isEmpty() ? "[image unavailable]" : "[" + alt + "]"));
                }
            }
            String lang = a.metadata().language().orElse(facts.language());
            List<PackageFiles.TocEntry> headings = headings(doc, "c" + number + ".xhtml");
            String xhtml = ChapterPage.chapter(a.metadata(), title, lang, doc, known);
            byte[] record = ArticleRecord.write(a.metadata(), recordBody, images.resources())
                    .getBytes(StandardCharsets.UTF_8);
            return new Prepared(number, title, images.resources(), page(xhtml), record, warnings, headings);
        }

        /** Whether a path names the page or record of a chapter before the one at {@code index}. */
        private static boolean isEarlier(String path, int index, int width) {
            String rest = path.startsWith("records/c") && path.endsWith(".xml")
                    ? path.substring(9, path.length() - 4)
                    : path.startsWith("c") && path.endsWith(".xhtml") ? path.substring(1, path.length() - 6) : null;
            if (rest == null || rest.length() != width || !rest.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return false;
            }
            int n = Integer.parseInt(rest);
            return n >= 1 && n <= index;
        }

        private void commit(Prepared p) throws IOException {
            for (Diagnostic d : p.warnings()) {
                ctx.warn(d.code(), d.line(), d.message());
            }
            for (Resource r : p.images()) {
                image(r);
            }
            String chapterId = "c" + p.number();
            String href = "c" + p.number() + ".xhtml";
            add(chapterId, href, "application/xhtml+xml", "", p.page());
            spine.add(chapterId);
            toc.add(new PackageFiles.TocEntry(href, p.title(), p.headings()));
            ctx.progress().chapterWritten(toc.size(), book.articles().size());
            String recordId = "r" + p.number();
            add(recordId, "records/c" + p.number() + ".xml", "application/xml", "", p.record());
            refines.add(new String[] {chapterId, recordId});
        }

        private @Nullable Resource cover() throws IOException {
            String ref = book.metadata().cover().orElse(null);
            Article only = book.articles().size() == 1 ? book.articles().get(0) : null;
            if (ref == null && only != null) {
                ref = only.metadata().cover().orElse(null);
            }
            if (ref != null) {
                Resource r = book.resources().find(ref).orElse(null);
                if (r == null && only != null) {
                    r = only.resources().find(ref).orElse(null);
                }
                if (r == null && ctx.resolver() == ResourceResolver.none()) {
                    // Not among the images read with the articles (their reader has reported why), and
                    // there is nothing to read it with now.
                    ctx.warn("image.unresolved", 0, "the cover " + ImageEmbedder.shorten(ref)
                            + " is not among the book's images; " + coverFallback());
                } else if (r == null) {
                    r = ImageEmbedder.resolve(ref, "the cover", ctx);
                }
                if (r != null && CORE_IMAGES.contains(r.mediaType())) {
                    try {
                        return Images.fitWithin(r, 0, ctx.limits()); // checks the pixel budget, keeps the size
                    } catch (ResourceUnavailableException e) {
                        ctx.warn("image.unresolved", 0, "the cover " + ImageEmbedder.shorten(ref) + " " + e.reason()
                                + "; " + coverFallback());
                        r = null;
                    }
                }
                if (r != null) {
                    ctx.warn("image.unsupported", 0, "the cover " + ref + " is " + r.mediaType()
                            + ", which EPUB readers need not show; " + coverFallback());
                }
            }
            if (!options.generateCover()) {
                return null;
            }
            String t = facts.title().length() > 200 ? facts.title().substring(0, 200) + "…" : facts.title();
            String authors = String.join(", ", facts.authors());
            authors = authors.length() > 200 ? authors.substring(0, 200) + "…" : authors;
            byte[] png = CoverPainter.paint(t, authors, facts.dates(), options.coverWidth(), options.coverHeight(), ctx);
            return Resource.of(png, "image/png", null);
        }

        /** What happens when the named cover cannot be used, for the warning that says so. */
        private String coverFallback() {
            return options.generateCover() ? "a cover was drawn instead" : "the book has no cover";
        }

        /** Writes an image once; returns its manifest item. */
        private Item image(Resource r) throws IOException {
            Item existing = manifest.get(r.name());
            if (existing != null) {
                return existing;
            }
            String base = r.name().substring(r.name().lastIndexOf('/') + 1);
            int dot = base.indexOf('.');
            String id = "img-" + (dot > 0 ? base.substring(0, dot) : base);
            Item item = new Item(id, r.name(), r.mediaType(), "");
            manifest.put(r.name(), item);
            files.add(r.name());
            if (r.mediaType().equals("image/svg+xml")) {
                zip.deflated(ROOT + r.name(), r.bytes());
            } else {
                // PNG, JPEG, GIF and WebP are compressed already: deflating them again costs time and saves nothing.
                zip.stored(ROOT + r.name(), r.bytes());
            }
            return item;
        }

        private void add(String id, String href, String mediaType, String properties, byte @Nullable [] data)
                throws IOException {
            manifest.put(href, new Item(id, href, mediaType, properties));
            files.add(href);
            if (data != null) {
                zip.deflated(ROOT + href, data);
            }
        }

        private static byte[] page(String xhtml) {
            return xhtml.getBytes(StandardCharsets.UTF_8);
        }

        private String packageDocument(String identifier) {
            String dc = "http://purl.org/dc/elements/1.1/";
            return Xml.document(w -> {
                w.start("package").ns("http://www.idpf.org/2007/opf").attr("version", "3.0").attr("unique-identifier", "bookid")
                        .attr("xml", XMLConstants.XML_NS_URI, "lang", facts.language()).attr("prefix", PREFIX).nl();
                w.start("metadata").ns("dc", dc).nl();
                w.start("dc", "identifier", dc).attr("id", "bookid").text(identifier).end().nl();
                w.line("dc", "title", dc, facts.title());
                w.line("dc", "language", dc, facts.language());
                for (String author : facts.authors()) {
                    w.line("dc", "creator", dc, author);
                }
                if (facts.date() != null) {
                    w.line("dc", "date", dc, String.valueOf(facts.date()));
                }
                for (String subject : facts.subjects()) {
                    w.line("dc", "subject", dc, subject);
                }
                if (book.metadata().summary().isPresent()) {
                    w.line("dc", "description", dc, book.metadata().summary().get());
                }
                if (book.metadata().publisher().isPresent()) {
                    w.line("dc", "publisher", dc, book.metadata().publisher().get());
                }
                w.start("meta").attr("property", "dcterms:modified").text(String.valueOf(facts.modified())).end().nl();
                if (coverId != null) {
                    w.empty("meta").attr("name", "cover").attr("content", coverId).nl();
                }
                for (String[] r : refines) {
                    w.start("meta").attr("refines", "#" + r[0]).attr("property", RECORD_PROPERTY).text(r[1]).end().nl();
                }
                w.end().nl().start("manifest").nl();
                for (Item item : manifest.values()) {
                    w.empty("item").attr("id", item.id()).attr("href", item.href()).attr("media-type", item.mediaType());
                    if (!item.properties().isEmpty()) {
                        w.attr("properties", item.properties());
                    }
                    w.nl();
                }
                w.end().nl().start("spine").attr("toc", "ncx");
                if (options.verticalWriting()) {
                    w.attr("page-progression-direction", "rtl");
                }
                w.nl();
                for (String id : spine) {
                    w.empty("itemref").attr("idref", id).nl();
                }
                w.end().nl().end().nl();
            });
        }
    }

    /** A name-based UUID (version 5 layout) from a content hash. */
    static UUID uuid(byte[] hash) {
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = msb << 8 | (hash[i] & 0xff);
            lsb = lsb << 8 | (hash[8 + i] & 0xff);
        }
        msb = msb & ~0xF000L | 0x5000L;
        lsb = lsb & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
