package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.junit.jupiter.api.Test;

/** PDFs that ArticleKit did not write, made here with PDFBox: text, headings, outline, encryption. */
class PdfReaderTest {

    /** Two chapters, each a page: a large heading, then body lines wrapped mid-sentence. */
    static byte[] foreignBook(String userPassword, String ownerPassword) throws IOException {
        try (PDDocument pd = new PDDocument();
                InputStream font = PdfReaderTest.class.getClassLoader()
                        .getResourceAsStream("fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf")) {
            PDType0Font f = PDType0Font.load(pd, font);
            PDDocumentOutline outline = new PDDocumentOutline();
            String[][] chapters = {
                {"第一章 雨季", "南方的雨季总是来得很突然，街上的行人", "纷纷躲进骑楼下面。", "Second paragraph in English."},
                {"第二章 晴天", "天晴以后，晒衣服的竹竿伸满了窗口，", "整条巷子都是肥皂的味道。", "The end."}};
            for (String[] ch : chapters) {
                PDPage page = new PDPage();
                pd.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(pd, page)) {
                    cs.beginText();
                    cs.setFont(f, 24);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(ch[0]);
                    cs.setFont(f, 12);
                    cs.newLineAtOffset(0, -40);
                    cs.showText(ch[1]);
                    cs.newLineAtOffset(0, -16);
                    cs.showText(ch[2]);
                    cs.newLineAtOffset(0, -40);
                    cs.showText(ch[3]);
                    cs.endText();
                }
                PDOutlineItem item = new PDOutlineItem();
                item.setTitle(ch[0]);
                PDPageFitDestination dest = new PDPageFitDestination();
                dest.setPage(page);
                item.setDestination(dest);
                outline.addLast(item);
            }
            pd.getDocumentCatalog().setDocumentOutline(outline);
            PDDocumentInformation info = pd.getDocumentInformation();
            info.setTitle("南方小记");
            info.setAuthor("周雨, 陈晴");
            info.setKeywords("散文; 天气");
            pd.getDocumentCatalog().setLanguage("zh-CN");
            if (!userPassword.isEmpty() || !ownerPassword.isEmpty()) {
                StandardProtectionPolicy policy = new StandardProtectionPolicy(ownerPassword, userPassword,
                        new AccessPermission());
                policy.setEncryptionKeyLength(128);
                pd.protect(policy);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pd.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void readsAForeignPdfAsOneArticlePerTopLevelBookmark() throws IOException {
        Book book = PdfFixtures.read(foreignBook("", ""), PdfOptions.defaults());
        assertThat(book.metadata().title()).contains("南方小记");
        assertThat(book.metadata().authors()).containsExactly("周雨", "陈晴");
        assertThat(book.metadata().tags()).containsExactly("散文", "天气");
        assertThat(book.metadata().language()).contains("zh-CN");
        assertThat(book.articles()).hasSize(2);
        Article first = book.articles().get(0);
        assertThat(first.metadata().title()).contains("第一章 雨季");
        assertThat(first.body().html()).contains("<h2>第一章 雨季</h2>")
                .contains("南方的雨季总是来得很突然，街上的行人纷纷躲进骑楼下面。")
                .contains("<p>Second paragraph in English.</p>");
        assertThat(book.articles().get(1).body().text()).contains("整条巷子都是肥皂的味道。").doesNotContain("雨季");
    }

    @Test
    void aUserPasswordProtectedPdfFailsWithAClearErrorUnlessThePasswordIsGiven() throws IOException {
        byte[] pdf = foreignBook("secret", "owner");
        assertThatThrownBy(() -> PdfFixtures.read(pdf, PdfOptions.defaults()))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("test.pdf")
                .hasMessageContaining("password-protected");
        Book book = PdfFixtures.read(pdf, PdfOptions.builder().password("secret").build());
        assertThat(book.articles()).hasSize(2);
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordOpensWithoutOne() throws IOException {
        Book book = PdfFixtures.read(foreignBook("", "owner"), PdfOptions.defaults());
        assertThat(book.articles().get(1).body().text()).contains("天晴以后");
    }

    @Test
    void notAPdfFailsWithATypedError() {
        assertThatThrownBy(() -> PdfFixtures.read("%PDF-1.7\nthis is not a PDF at all".getBytes(), PdfOptions.defaults()))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("test.pdf");
    }

    @Test
    void anArticleWithoutSourceAttachmentReadsBackFromItsText() throws IOException {
        byte[] pdf = PdfFixtures.write(PdfFixtures.english(3), PdfOptions.builder().embedSource(false).build());
        Book book = PdfFixtures.read(pdf, PdfOptions.defaults());
        Article a = book.articles().get(0);
        assertThat(a.metadata().title()).contains("Notes from the harbour, part 3");
        assertThat(a.metadata().authors()).containsExactly("Mira Jones");
        assertThat(a.body().text()).contains("The ferry left at seven, and the gulls followed it out past the "
                + "breakwater.").contains("Fishermen mended nets");
        assertThat(a.body().document().select("h2, h3").eachText()).contains("Morning");
        assertThat(List.of(pdf.length)).allMatch(n -> n > 1000);
    }

    /** RELIABILITY row 19, reader side: JavaScript, Launch actions and attachments are never run, shown or saved. */
    @Test
    void javascriptLaunchActionsAndForeignAttachmentsAreIgnoredAndNeverWritten() throws IOException {
        String canary = "articlekit-canary-" + Long.toUnsignedString(System.nanoTime(), 36) + ".txt";
        byte[] hostile;
        try (org.apache.pdfbox.pdmodel.PDDocument pd = org.apache.pdfbox.Loader.loadPDF(foreignBook("", ""))) {
            pd.getDocumentCatalog().setOpenAction(
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('js-canary')"));
            org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink link =
                    new org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink();
            org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch launch =
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch();
            launch.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification(
                    new org.apache.pdfbox.cos.COSString("/bin/sh")));
            link.setAction(launch);
            link.setRectangle(new org.apache.pdfbox.pdmodel.common.PDRectangle(72, 600, 100, 20));
            pd.getPage(0).getAnnotations().add(link);
            org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification spec =
                    new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile("../../" + canary);
            spec.setFileUnicode("../../" + canary);
            spec.setEmbeddedFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(pd,
                    new ByteArrayInputStream("<script>attachment-canary</script>".getBytes(StandardCharsets.UTF_8))));
            org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode tree =
                    new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("../../" + canary, spec));
            org.apache.pdfbox.pdmodel.PDDocumentNameDictionary names =
                    new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(pd.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            pd.getDocumentCatalog().setNames(names);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pd.save(out);
            hostile = out.toByteArray();
        }

        Book book = PdfFixtures.read(hostile, PdfOptions.defaults());

        assertThat(book.articles()).hasSize(2);
        assertThat(book.articles().get(0).body().text()).contains("南方的雨季");
        for (Article a : book.articles()) {
            assertThat(a.body().html()).doesNotContain("js-canary").doesNotContain("attachment-canary")
                    .doesNotContain("<script").doesNotContain("/bin/sh");
        }
        for (java.nio.file.Path dir : java.util.List.of(java.nio.file.Path.of(""), java.nio.file.Path.of(".."),
                java.nio.file.Path.of("../.."), java.nio.file.Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(dir.toAbsolutePath().resolve(canary)).doesNotExist();
        }
    }
}
