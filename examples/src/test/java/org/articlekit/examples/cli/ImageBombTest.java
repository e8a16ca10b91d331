package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RELIABILITY.md row 24, in the small resilience JVM ({@code -Xmx256m}): image bombs next to a page
 * (a real 20,000 × 20,000 PNG of 400 KB, a header claiming 65,535²) and as {@code data:} addresses
 * (the same PNG inline, and one over the 2 MiB limit) never get decoded. The page still converts to
 * EPUB and PDF, each image kept out with a warning naming it.
 */
@Tag("resilience")
class ImageBombTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"epub", "pdf"})
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void bombsBesideThePageAndInlineAreLeftOutWithAWarning(String format) throws IOException {
        byte[] huge = png(20_000, 20_000, true);
        assertThat(huge.length).as("a real decompression bomb, small on disk").isLessThan(1_000_000);
        Files.write(dir.resolve("huge.png"), huge);
        Files.write(dir.resolve("claims.png"), png(65_535, 65_535, false));
        String inline = "data:image/png;base64," + Base64.getEncoder().encodeToString(huge);
        String tooBig = "data:image/png;base64," + "A".repeat(3 << 20);
        Path page = Files.writeString(dir.resolve("bombs.html"), Cli.page("炸弹", "2024-05-01",
                "<p>第一段文字。</p><p><img src=\"huge.png\" alt=\"大\"></p><p><img src=\"claims.png\" alt=\"假\"></p>"
                        + "<p><img src=\"" + inline + "\" alt=\"内联\"></p><p><img src=\"" + tooBig + "\" alt=\"超长\"></p>"
                        + "<p>最后一段文字。</p>"), StandardCharsets.UTF_8);
        Path out = dir.resolve("bombs." + format);

        Cli.Result r = Cli.run("convert", page, "-o", out, "--offline");

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("huge.png").contains("claims.png").contains("pixels");
        assertThat(Files.size(out)).isPositive().isLessThan(2_000_000);
        assertThat(r.err()).as("the inline bomb").contains(format.equals("epub")
                ? "a data: image declares 400000000 pixels" : "data:image/png;base64,iVBOR");
        assertThat(r.err()).as("the inline bomb").contains("pixel");
        if (format.equals("epub")) {
            // Only the cover the writer draws itself is left among the images.
            try (ZipFile zip = new ZipFile(out.toFile())) {
                assertThat(zip.stream().filter(e -> e.getName().contains("images/")).map(e -> e.getSize()))
                        .as(r.err()).hasSize(1).allMatch(size -> size < 200_000);
            }
        }
    }

    /** A grey PNG of the given size; with {@code rows}, real (all-zero) pixel data, else an empty data chunk. */
    private static byte[] png(int width, int height, boolean rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        if (rows) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
            try (OutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[width + 1];
                for (int y = 0; y < height; y++) {
                    z.write(row);
                }
            } finally {
                deflater.end();
            }
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
