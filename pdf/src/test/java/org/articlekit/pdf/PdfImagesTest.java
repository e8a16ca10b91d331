package org.articlekit.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.Collections;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.junit.jupiter.api.Test;

/** Each distinct picture is stored once in a PDF, for every page that shows it and for the attachment. */
class PdfImagesTest {

    /** A JPEG drawn here: an orange sun over the sea. */
    static Resource sunset() throws IOException {
        BufferedImage img = new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(40, 80, 150));
        g.fillRect(0, 0, 240, 120);
        g.setColor(new Color(240, 150, 40));
        g.fillOval(90, 30, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return Resource.of(out.toByteArray(), "image/jpeg", "images/sunset.jpg");
    }

    static Article withPictures(String title, List<Resource> pictures) throws IOException {
        StringBuilder html = new StringBuilder("<p>海边的傍晚，渔船一只只回港。The boats come home at dusk.</p>");
        for (Resource r : pictures) {
            html.append("<figure><img src=\"").append(r.name()).append("\" alt=\"海港\" /></figure>");
            html.append("<p>同一张照片，再看一次：</p><p><img src=\"").append(r.name()).append("\" alt=\"再看\" /></p>");
        }
        return Article.builder().metadata(Metadata.builder().title(title).language("zh-CN").build())
                .body(Body.fromHtml(html.toString())).resources(Resources.of(pictures)).build();
    }

    static Book book() throws IOException {
        Resource hill = PdfFixtures.picture();
        Resource sun = sunset();
        return Book.builder().metadata(Metadata.builder().title("海港相册 Harbour album").language("zh-CN").build())
                .articles(List.of(withPictures("第一天", List.of(hill, sun)), withPictures("第二天", List.of(hill)),
                        withPictures("第三天", List.of(sun, hill))))
                .build();
    }

    @Test
    void eachPictureIsOneImageObjectSharedByEveryPage() throws IOException {
        byte[] pdf = PdfFixtures.write(book(), PdfOptions.defaults());
        try (PDDocument pd = Loader.loadPDF(pdf)) {
            Set<Object> images = Collections.newSetFromMap(new IdentityHashMap<>());
            int uses = 0;
            for (PDPage page : pd.getPages()) {
                for (COSName n : page.getResources().getXObjectNames()) {
                    PDXObject x = page.getResources().getXObject(n);
                    if (x instanceof PDImageXObject img) {
                        images.add(img.getCOSObject());
                        uses++;
                    }
                }
            }
            assertThat(uses).isGreaterThan(2);
            assertThat(images).hasSize(2);
        }
    }

    @Test
    void theFileHoldsEachPictureOnceAndReadsBackExactly() throws IOException {
        Book book = book();
        for (PdfOptions options : List.of(PdfOptions.defaults(), PdfOptions.builder().pdfa(true).build())) {
            byte[] pdf = PdfFixtures.write(book, options);
            byte[] jpeg = sunset().bytes();
            assertThat(occurrences(pdf, jpeg)).as("the JPEG's bytes").isEqualTo(1);
            byte[] pngData = idat(PdfFixtures.picture().bytes());
            assertThat(occurrences(pdf, pngData)).as("the PNG's image data").isEqualTo(1);
            assertThat(PdfFixtures.read(pdf, options)).isEqualTo(book);
        }
    }

    /** The data of a PNG's first IDAT chunk. */
    private static byte[] idat(byte[] png) {
        int at = 8;
        while (true) {
            int len = ((png[at] & 0xff) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8)
                    | (png[at + 3] & 0xff);
            if (new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("IDAT")) {
                return Arrays.copyOfRange(png, at + 8, at + 8 + len);
            }
            at += 12 + len;
        }
    }

    private static int occurrences(byte[] hay, byte[] needle) {
        int n = 0;
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            n++;
        }
        return n;
    }
}
