package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.articlekit.Article;
import org.articlekit.Book;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One Chinese article and one book are typeset once; every test checks those PDFs as a reader would. */
class PdfRoundTripTest {

    private static byte[] article;
    private static byte[] book;

    @BeforeAll
    static void typeset() throws IOException {
        article = PdfFixtures.write(PdfFixtures.chinese(), PdfOptions.defaults());
        book = PdfFixtures.write(PdfFixtures.book(), PdfOptions.builder().pageSize(PdfOptions.PageSize.A5).build());
    }

    @Test
    void articleToPdfToArticleIsExact() throws IOException {
        Book back = PdfFixtures.read(article, PdfOptions.defaults());
        assertThat(back.articles()).hasSize(1);
        Article a = back.articles().get(0);
        Article original = PdfFixtures.chinese();
        assertThat(a.metadata()).isEqualTo(original.metadata());
        assertThat(a.body()).isEqualTo(original.body());
        assertThat(a.resources()).isEqualTo(original.resources());
        assertThat(a).isEqualTo(original);
    }

    @Test
    void bookToPdfToBookKeepsEveryArticleInOrder() throws IOException {
        assertThat(PdfFixtures.read(book, PdfOptions.defaults())).isEqualTo(PdfFixtures.book());
    }

    @Test
    void embedsOnlySubsetFontsAndNoStandardFonts() throws IOException {
        try (PDDocument pd = Loader.loadPDF(article)) {
            List<String> names = new ArrayList<>();
            for (PDPage page : pd.getPages()) {
                for (COSName n : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(n);
                    assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                    names.add(f.getName());
                }
            }
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("[A-Z]{6}\\+.+"));
            assertThat(names).anyMatch(n -> n.contains("NotoSansSC"));
        }
    }

    @Test
    void extractedTextIsTheArticleTextModuloWhiteSpace() throws IOException {
        String text = squash(pageText(article));
        Article a = PdfFixtures.chinese();
        assertThat(text).startsWith(squash(a.metadata().title().orElseThrow()));
        List<String> blocks = a.body().document().select("p, h2, h3, li, th, td, figcaption, pre").eachText();
        assertThat(blocks).hasSizeGreaterThan(10);
        for (String block : blocks) {
            assertThat(text).contains(squash(block.replace("↩", "")));
        }
    }

    @Test
    void noLineStartsWithChineseClosingPunctuation() throws IOException {
        Pattern closing = Pattern.compile("^[，。、；：？！」）》』”]");
        String text = pageText(article) + "\n" + pageText(book);
        assertThat(text.lines().map(String::strip).filter(l -> closing.matcher(l).find()).toList()).isEmpty();
    }

    @Test
    void theOutlineHasEachArticleAndItsHeadings() throws IOException {
        try (PDDocument pd = Loader.loadPDF(book)) {
            List<String> top = new ArrayList<>();
            List<String> children = new ArrayList<>();
            for (PDOutlineItem item : pd.getDocumentCatalog().getDocumentOutline().children()) {
                top.add(item.getTitle());
                item.children().forEach(c -> children.add(c.getTitle()));
            }
            assertThat(top).containsExactly("老街的早点铺子", "Notes from the harbour, part 1",
                    "Notes from the harbour, part 2");
            assertThat(children).contains("一条街的早晨", "Morning");
            assertThat(pd.getDocumentCatalog().getLanguage()).isEqualTo("zh-CN");
            assertThat(pd.getDocumentInformation().getTitle()).isEqualTo("城市笔记 City notes");
        }
    }

    @Test
    void theTableOfContentsShowsThePageEachArticleStartsOn() throws IOException {
        try (PDDocument pd = Loader.loadPDF(book)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setStartPage(2);
            s.setEndPage(2);
            String toc = s.getText(pd);
            int firstArticlePage = -1;
            for (int i = 0; i < pd.getNumberOfPages(); i++) {
                PDFTextStripper p = new PDFTextStripper();
                p.setStartPage(i + 1);
                p.setEndPage(i + 1);
                if (p.getText(pd).contains("清晨五点半")) {
                    firstArticlePage = i + 1;
                    break;
                }
            }
            assertThat(toc).contains("目录");
            assertThat(toc).containsPattern("老街的早点铺子[ .…]*" + firstArticlePage);
        }
    }

    @Test
    void carriesNoActiveContentAndOnlyOurOwnAttachment() throws IOException {
        for (byte[] pdf : List.of(article, book)) {
            try (PDDocument pd = Loader.loadPDF(pdf)) {
                for (COSObject o : pd.getDocument().getXrefTable().keySet().stream()
                        .map(k -> pd.getDocument().getObjectFromPool(k)).toList()) {
                    COSBase base = o.getObject();
                    if (base instanceof COSDictionary d) {
                        assertThat(d.containsKey(COSName.JAVA_SCRIPT)).isFalse();
                        assertThat(d.containsKey(COSName.JS)).isFalse();
                        assertThat(d.getCOSName(COSName.S)).isNotEqualTo(COSName.getPDFName("Launch"));
                        assertThat(d.containsKey(COSName.OPEN_ACTION)).isFalse();
                        if (d.getItem(COSName.URI) instanceof COSString uri) {
                            assertThat(uri.getString()).startsWith("http");
                        }
                    }
                }
                var files = pd.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
                assertThat(files.keySet()).isNotEmpty().allMatch(n -> n.startsWith("articlekit/"));
            }
        }
    }

    static String pageText(byte[] pdf) throws IOException {
        try (PDDocument pd = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(pd);
        }
    }

    static String squash(String s) {
        return s.replaceAll("[\\s\\u00A0]+", "");
    }
}
