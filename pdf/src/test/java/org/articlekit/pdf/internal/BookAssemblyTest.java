package org.articlekit.pdf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Body;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.articlekit.pdf.PdfOptions;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** A book typeset in batches and assembled reads, looks and navigates like the same book typeset whole. */
class BookAssemblyTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

    private static Article article(int n) throws IOException {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 1 + n % 4 * 6; p++) {
            body.append("<p>第").append(n).append("篇，第").append(p + 1)
                    .append("段：江边的渡船在傍晚靠岸，卖菜的阿婆收起了摊子。The ferry docks at dusk and the market closes.</p>");
        }
        body.append("<h2>码头 ").append(n).append("</h2><p>See <a href=\"#note\">the note</a>.</p><p id=\"note\">注释。</p>");
        boolean pictured = n == 2 || n == 5; // in two batches
        if (pictured) {
            body.append("<figure><img src=\"images/boat.png\" alt=\"渡船\" /><figcaption>渡船</figcaption></figure>");
        }
        return Article.builder().metadata(Metadata.builder().title("江边笔记 River notes " + n).author("林小雨")
                        .published(ArticleDate.parse("2025-01-" + (10 + n))).language("zh-CN").build())
                .body(Body.fromHtml(body.toString()))
                .resources(pictured ? Resources.of(List.of(boat())) : Resources.of(List.of())).build();
    }

    /** A PNG drawn here: a red boat on a blue river. */
    private static Resource boat() {
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(60, 110, 190));
        g.fillRect(0, 0, 200, 100);
        g.setColor(new Color(200, 40, 40));
        g.fillRect(60, 50, 80, 20);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Resource.of(out.toByteArray(), "image/png", "images/boat.png");
    }

    private static Book book() throws IOException {
        List<Article> articles = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            articles.add(article(i));
        }
        return Book.builder().metadata(Metadata.builder().title("江边 River").author("林小雨").language("zh-CN").build())
                .articles(articles).build();
    }

    private static ConversionContext context(PdfOptions options) {
        return ConversionContext.builder().sourceName("book.pdf").clock(CLOCK).options(FormatOptions.of(options))
                .build();
    }

    private static byte[] whole(Book book, PdfOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfWriter().writeBook(book, out, context(options));
        return out.toByteArray();
    }

    private static byte[] assembled(Book book, PdfOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BookAssembly.write(book, 3, out, context(options));
        return out.toByteArray();
    }

    private static List<String> pageTexts(PDDocument pd) throws IOException {
        List<String> texts = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper();
        for (int i = 1; i <= pd.getNumberOfPages(); i++) {
            s.setStartPage(i);
            s.setEndPage(i);
            // the words of the page in order, whatever the order of the foot and the body in the content stream
            List<String> words = new ArrayList<>(List.of(s.getText(pd).trim().split("\\s+")));
            java.util.Collections.sort(words);
            texts.add(String.join(" ", words));
        }
        return texts;
    }

    private static List<String> outline(PDOutlineNode node, PDDocument pd) throws IOException {
        List<String> marks = new ArrayList<>();
        for (PDOutlineItem item : node.children()) {
            int page = item.getDestination() instanceof PDPageDestination d ? pd.getPages().indexOf(d.getPage()) : -1;
            marks.add(item.getTitle() + " @" + page);
            for (String child : outline(item, pd)) {
                marks.add("  " + child);
            }
        }
        return marks;
    }

    @Test
    void pagesNumbersContentsAndBookmarksAreThoseOfTheWholeBook() throws IOException {
        Book book = book();
        try (PDDocument whole = Loader.loadPDF(whole(book, PdfOptions.defaults()));
                PDDocument parts = Loader.loadPDF(assembled(book, PdfOptions.defaults()))) {
            assertThat(parts.getNumberOfPages()).isEqualTo(whole.getNumberOfPages()).isGreaterThan(7);
            // the same text on every page: contents with their page numbers, running headers, page numbers
            assertThat(pageTexts(parts)).isEqualTo(pageTexts(whole));
            assertThat(outline(parts.getDocumentCatalog().getDocumentOutline(), parts))
                    .isEqualTo(outline(whole.getDocumentCatalog().getDocumentOutline(), whole)).hasSize(14);
        }
    }

    @Test
    void contentsEntriesLinkToTheirArticlesFirstPage() throws IOException {
        try (PDDocument pd = Loader.loadPDF(assembled(book(), PdfOptions.defaults()))) {
            List<String> texts = new ArrayList<>();
            PDFTextStripper s = new PDFTextStripper();
            for (int i = 1; i <= pd.getNumberOfPages(); i++) {
                s.setStartPage(i);
                s.setEndPage(i);
                texts.add(s.getText(pd).replaceAll("\\s+", " "));
            }
            java.util.Set<Integer> linked = new java.util.LinkedHashSet<>(); // an entry's title and its page number
            for (PDAnnotation a : pd.getPage(1).getAnnotations()) {
                if (a instanceof PDAnnotationLink link && link.getDestination() instanceof PDPageDestination d) {
                    linked.add(pd.getPages().indexOf(d.getPage()));
                }
            }
            List<Integer> targets = new ArrayList<>(linked);
            assertThat(targets).hasSize(7);
            for (int i = 0; i < 7; i++) {
                assertThat(texts.get(targets.get(i))).contains("江边笔记 River notes " + (i + 1) + " 林小雨");
                assertThat(texts.get(1)).containsPattern("River notes " + (i + 1) + " \\.+ " + (targets.get(i) + 1));
            }
        }
    }

    @Test
    void anAssembledBookReadsBackExactlyAndPassesAsPdfA() throws Exception {
        Book book = book();
        PdfOptions pdfa = PdfOptions.builder().pdfa(true).build();
        byte[] pdf = assembled(book, pdfa);
        Book back = FormatRegistry.defaults().byId("pdf").bookReader().orElseThrow()
                .readBook(new ByteArrayInputStream(pdf), context(pdfa));
        assertThat(back).isEqualTo(book);
        VeraPdf.assertPdfA3u(pdf);
        try (PDDocument pd = Loader.loadPDF(pdf)) {
            // the picture of two batches is one image object
            java.util.Set<Object> images = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            for (PDPage page : pd.getPages()) {
                for (var n : page.getResources().getXObjectNames()) {
                    images.add(page.getResources().getXObject(n).getCOSObject());
                }
            }
            assertThat(images).hasSize(1);
            assertThat(pd.getDocumentCatalog().getMetadata()).isNotNull();
            assertThat(pd.getDocumentCatalog().getOutputIntents()).hasSize(1);
            for (PDPage page : pd.getPages()) {
                for (var n : page.getResources().getFontNames()) {
                    assertThat(page.getResources().getFont(n).getName()).matches("[A-Z]{6}\\+.+");
                }
            }
        }
    }

    @Test
    void theSpooledBatchesAreDeletedWhenTheBookIsWrittenAndWhenItFails(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path tmp) throws IOException {
        List<Integer> spooledWhileWriting = new ArrayList<>();
        ConversionContext watched = context(PdfOptions.defaults()).toBuilder()
                .progress((done, total) -> spooledWhileWriting.add(files(tmp))).build();
        BookAssembly.write(book(), 3, new ByteArrayOutputStream(), watched, tmp);
        // after each batch: the spool folder and the batches so far, each in a file of its own
        assertThat(spooledWhileWriting).hasSize(3).allMatch(n -> n >= 2);
        assertThat(files(tmp)).as("temporary files left after the book").isZero();

        // strict, and the last article's picture cannot be found: the book fails after two batches were spooled
        List<Article> articles = new ArrayList<>(book().articles());
        articles.set(6, Article.builder().metadata(articles.get(6).metadata())
                .body(Body.fromHtml("<p>船。</p><p><img src=\"images/missing.png\" alt=\"船\" /></p>")).build());
        Book broken = Book.builder().metadata(book().metadata()).articles(articles).build();
        ConversionContext strict = context(PdfOptions.defaults()).toBuilder().strict(true).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BookAssembly.write(broken, 3,
                        new ByteArrayOutputStream(), strict, tmp))
                .isInstanceOf(org.articlekit.ArticleFormatException.class).hasMessageContaining("missing.png");
        assertThat(files(tmp)).as("temporary files left after a failure").isZero();
    }

    /** @return the folders and files under a folder */
    private static int files(java.nio.file.Path dir) {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.walk(dir)) {
            return (int) s.count() - 1;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
