package org.articlekit.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() throws Exception {
        Path dir = Path.of("/tmp/pdf-out");
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        Files.write(dir.resolve("article.pdf"), PdfFixtures.write(PdfFixtures.chinese(), PdfOptions.defaults()));
        long t1 = System.nanoTime();
        Files.write(dir.resolve("book.pdf"), PdfFixtures.write(PdfFixtures.book(), PdfOptions.builder().pageSize(PdfOptions.PageSize.A5).build()));
        long t2 = System.nanoTime();
        Files.write(dir.resolve("article2.pdf"), PdfFixtures.write(PdfFixtures.chinese(), PdfOptions.defaults()));
        long t3 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            long a = System.nanoTime();
            PdfFixtures.write(PdfFixtures.chinese(), PdfOptions.defaults());
            System.out.println("warm " + (System.nanoTime() - a) / 1e6);
        }
        System.out.println("times ms " + (t1 - t0) / 1e6 + " " + (t2 - t1) / 1e6 + " " + (t3 - t2) / 1e6);
    }
}
