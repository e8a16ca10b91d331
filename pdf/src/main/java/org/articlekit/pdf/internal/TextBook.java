package org.articlekit.pdf.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.Book;
import org.articlekit.BodyNormalizer;
import org.articlekit.Metadata;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Turns a PDF that ArticleKit did not write into a book: metadata from the Info dictionary and
 * XMP, paragraphs rebuilt from lines (no spaces between CJK characters across line ends),
 * headings from a larger font size, and one article per top-level bookmark when the outline has
 * two or more.
 */
final class TextBook {

    private static final int MAX_BOOKMARKS = 10_000;

    private TextBook() {
    }

    static Book of(PDDocument pd, PdfOptions options, ConversionContext ctx) throws IOException {
        Metadata meta = metadata(pd, ctx);
        List<PageText.Line> lines = PageText.of(pd, ctx, options.maxPages());
        List<Chapter> chapters = chapters(pd, ctx);
        Book.Builder book = Book.builder().metadata(meta);
        if (chapters.size() < 2) {
            Body body = body(lines, ctx);
            Metadata m = meta.title().isPresent() ? meta
                    : meta.toBuilder().title(firstHeading(body).orElse(null)).build();
            return book.metadata(m).article(Article.builder().metadata(m).body(body).build()).build();
        }
        int firstPage = chapters.get(0).page();
        if (firstPage > 1) {
            ctx.warn("pdf.front-matter", 0, "pages 1 to " + (firstPage - 1)
                    + " come before the first bookmark and are not part of any article");
        }
        for (int i = 0; i < chapters.size(); i++) {
            int from = chapters.get(i).page();
            int to = i + 1 < chapters.size() ? chapters.get(i + 1).page() : Integer.MAX_VALUE;
            List<PageText.Line> part = new ArrayList<>();
            for (PageText.Line l : lines) {
                if (l.page() >= from && l.page() < to) {
                    part.add(l);
                }
            }
            Metadata m = Metadata.builder().title(chapters.get(i).title()).authors(meta.authors())
                    .language(meta.language().orElse(null)).build();
            book.article(Article.builder().metadata(m).body(body(part, ctx)).build());
        }
        return book.build();
    }

    private record Chapter(String title, int page) {
    }

    /** Top-level bookmarks with a page, in increasing page order; anything else gives no split. */
    private static List<Chapter> chapters(PDDocument pd, ConversionContext ctx) throws IOException {
        PDDocumentOutline outline = pd.getDocumentCatalog().getDocumentOutline();
        List<Chapter> result = new ArrayList<>();
        if (outline == null) {
            return result;
        }
        int seen = 0;
        int last = 0;
        for (PDOutlineItem item : outline.children()) {
            if (++seen > MAX_BOOKMARKS) {
                return List.of();
            }
            ctx.checkDeadline();
            PDPage page;
            try {
                page = item.findDestinationPage(pd);
            } catch (IOException | RuntimeException e) {
                ctx.warn("pdf.outline", 0, "bookmark \"" + item.getTitle() + "\" has no usable destination: "
                        + e.getMessage());
                return List.of();
            }
            int index = page == null ? -1 : pd.getPages().indexOf(page);
            if (index < 0 || index + 1 < last) {
                return List.of();
            }
            last = index + 1;
            String title = item.getTitle() == null ? "" : item.getTitle().strip();
            result.add(new Chapter(title.isEmpty() ? "Untitled" : title, last));
        }
        return result;
    }

    private static Metadata metadata(PDDocument pd, ConversionContext ctx) throws IOException {
        Metadata.Builder b = Metadata.builder();
        PDDocumentInformation info = pd.getDocumentInformation();
        Dc dc = dublinCore(pd, ctx);
        String title = text(info.getTitle());
        if (title == null && dc != null) {
            title = text(dc.title());
        }
        b.title(title);
        String author = text(info.getAuthor());
        if (author != null) {
            Arrays.stream(author.split("[,;，；、]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(b::author);
        } else if (dc != null) {
            dc.creators().stream().map(TextBook::text).filter(s -> s != null).forEach(b::author);
        }
        String subject = text(info.getSubject());
        if (subject == null && dc != null) {
            subject = text(dc.description());
        }
        b.summary(subject);
        String keywords = text(info.getKeywords());
        if (keywords != null) {
            Arrays.stream(keywords.split("[,;，；、]")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                    .forEach(b::tag);
        } else if (dc != null) {
            dc.subjects().stream().map(TextBook::text).filter(s -> s != null).distinct().forEach(b::tag);
        }
        String lang = text(pd.getDocumentCatalog().getLanguage());
        if (lang == null && dc != null && !dc.languages().isEmpty()) {
            lang = text(dc.languages().get(0));
        }
        if (lang != null) {
            try {
                b.language(lang);
            } catch (IllegalArgumentException e) {
                ctx.warn("pdf.metadata", 0, "the document language \"" + lang + "\" is not a language tag; ignored");
            }
        }
        try {
            if (info.getCreationDate() != null) {
                PdfReader.dateOf(info.getCreationDate()).ifPresent(d -> b.published(ArticleDate.of(d)));
            }
        } catch (RuntimeException e) {
            ctx.warn("pdf.metadata", 0, "the creation date is not a valid PDF date; ignored");
        }
        return b.build();
    }

    /** The Dublin Core values the reader uses. */
    private record Dc(@Nullable String title, List<String> creators, @Nullable String description,
            List<String> subjects, List<String> languages) {
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static @Nullable Dc dublinCore(PDDocument pd, ConversionContext ctx) throws IOException {
        PDMetadata md = pd.getDocumentCatalog().getMetadata();
        if (md == null) {
            return null;
        }
        try (InputStream in = md.createInputStream()) {
            byte[] xml = in.readNBytes(1 << 20);
            DomXmpParser parser = new DomXmpParser();
            parser.setStrictParsing(false);
            XMPMetadata xmp = parser.parse(xml);
            DublinCoreSchema dc = xmp.getDublinCoreSchema();
            if (dc == null) {
                return null;
            }
            return new Dc(dc.getTitle(), list(dc.getCreators()), dc.getDescription(), list(dc.getSubjects()),
                    list(dc.getLanguages()));
        } catch (XmpParsingException | BadFieldValueException | RuntimeException e) {
            ctx.warn("pdf.metadata", 0, "the XMP metadata cannot be read (" + e.getMessage() + "); the Info "
                    + "dictionary is used alone");
            return null;
        }
    }

    private static @Nullable String text(@Nullable String s) {
        if (s == null) {
            return null;
        }
        String t = s.replace('\u0000', ' ').strip();
        return t.isEmpty() ? null : t;
    }

    /** Paragraphs from lines; larger type that fits on one line becomes a heading. */
    static Body body(List<PageText.Line> lines, ConversionContext ctx) throws IOException {
        float median = medianSize(lines);
        Document doc = Document.createShell("");
        Element body = doc.body();
        StringBuilder para = new StringBuilder();
        float paraSize = 0;
        int paraLines = 0;
        for (PageText.Line line : lines) {
            boolean sizeChange = paraSize > 0 && line.size() > 0 && Math.abs(line.size() - paraSize) > paraSize * 0.15f;
            if ((line.paragraphStart() || sizeChange) && para.length() > 0) {
                flush(body, para, paraSize, paraLines, median);
                paraLines = 0;
            }
            if (para.length() > 0) {
                join(para, line.text());
            } else {
                para.append(line.text());
                paraSize = line.size();
            }
            paraLines++;
        }
        flush(body, para, paraSize, paraLines, median);
        ctx.checkDeadline();
        return BodyNormalizer.of(ctx).normalize(body);
    }

    private static void flush(Element body, StringBuilder para, float size, int lines, float median) {
        String text = CjkSpacing.collapse(para.toString());
        para.setLength(0);
        if (text.isBlank()) {
            return;
        }
        if (median > 0 && lines <= 2 && text.length() <= 120 && size >= median * 1.5f) {
            body.appendElement("h2").text(text);
        } else if (median > 0 && lines <= 2 && text.length() <= 120 && size >= median * 1.2f) {
            body.appendElement("h3").text(text);
        } else {
            body.appendElement("p").text(text);
        }
    }

    private static void join(StringBuilder para, String next) {
        char last = para.charAt(para.length() - 1);
        char first = next.charAt(0);
        if (last == '-' && para.length() > 1 && Character.isLetter(para.charAt(para.length() - 2))
                && Character.isLowerCase(first)) {
            para.setLength(para.length() - 1);
        } else if (!(CjkSpacing.isCjk(last) || CjkSpacing.isCjk(first))) {
            para.append(' ');
        }
        para.append(next);
    }

    private static float medianSize(List<PageText.Line> lines) {
        List<Float> sizes = new ArrayList<>();
        for (PageText.Line l : lines) {
            if (l.size() > 0) {
                for (int i = 0; i < Math.min(l.text().length(), 200); i += 10) {
                    sizes.add(l.size());
                }
            }
        }
        if (sizes.isEmpty()) {
            return 0;
        }
        sizes.sort(null);
        return sizes.get(sizes.size() / 2);
    }

    /** @return the text of the first heading, the title of a PDF whose metadata has none */
    static Optional<String> firstHeading(Body body) {
        Element h = body.document().selectFirst("h1, h2, h3");
        return h == null ? Optional.empty() : Optional.of(h.text());
    }
}
