package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.articlekit.ArticleFormatException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RELIABILITY row 13, run in the small resilience JVM (-Xmx256m): bombs are refused, never inflated. */
@Tag("resilience")
class ZipBombTest {

    private static void read(byte[] epub) throws IOException {
        new EpubReader().readBook(new ByteArrayInputStream(epub), Fixtures.context(new ArrayList<>()));
    }

    private static byte[] zeros(String name, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("mimetype"));
            zip.write("application/epub+zip".getBytes(StandardCharsets.US_ASCII));
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1 << 20];
            for (long n = 0; n < size; n += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aOneGibibyteEntryIsRefusedQuickly() throws IOException {
        byte[] bomb = zeros("OEBPS/big.xhtml", 1L << 30);

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> read(bomb))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("OEBPS/big.xhtml")
                .hasMessageContaining("zip bomb"));
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i <= SafeZip.MAX_ENTRIES; i++) {
                zip.putNextEntry(new ZipEntry("f" + i));
                zip.closeEntry();
            }
        }
        byte[] many = out.toByteArray();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> read(many))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("more than 10000 entries"));
    }

    @Test
    void aSizeThatLiesIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("OEBPS/a.xhtml"));
            zip.write("<p>some honest content of a chapter</p>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        byte[] z = out.toByteArray();
        // The data descriptor (PK 7 8, crc, compressed size, size) follows the data: make the size lie.
        for (int i = 0; i + 16 <= z.length; i++) {
            if (z[i] == 'P' && z[i + 1] == 'K' && z[i + 2] == 7 && z[i + 3] == 8) {
                z[i + 12] = 3;
                break;
            }
        }

        assertThatThrownBy(() -> read(z)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("OEBPS/a.xhtml");
    }

    @Test
    void manyHighlyCompressedEntriesAreRefusedByTheirRatio() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            byte[] block = new byte[4 << 20];
            for (int i = 0; i < 60; i++) {
                zip.putNextEntry(new ZipEntry("OEBPS/f" + i + ".xhtml"));
                zip.write(block);
                zip.closeEntry();
            }
        }
        byte[] bomb = out.toByteArray();

        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(() -> read(bomb))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("zip bomb"));
    }
}
