package org.articlekit.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.articlekit.spi.Images;
import org.junit.jupiter.api.Test;

class ImageProbeTest {

    @Test
    void baselineAndProgressiveJpegsGiveTheirSizeFromTheFrameHeader() throws IOException {
        assertThat(ImageProbe.dimensions(jpeg(321, 45, false, BufferedImage.TYPE_INT_RGB))).contains(new Images.Size(321, 45));
        assertThat(ImageProbe.dimensions(jpeg(17, 900, true, BufferedImage.TYPE_INT_RGB))).contains(new Images.Size(17, 900));
        assertThat(ImageProbe.dimensions(jpeg(64, 48, false, BufferedImage.TYPE_BYTE_GRAY))).contains(new Images.Size(64, 48));
    }

    @Test
    void aJpegWithAnApplicationSegmentAndFillBytesBeforeTheFrameStillGivesItsSize() throws IOException {
        byte[] plain = jpeg(200, 150, false, BufferedImage.TYPE_INT_RGB);
        byte[] app1 = new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xE1, 0, 8, 'E', 'x', 'i', 'f', 0, 0};
        byte[] withApp = new byte[plain.length + app1.length];
        System.arraycopy(plain, 0, withApp, 0, 2);
        System.arraycopy(app1, 0, withApp, 2, app1.length);
        System.arraycopy(plain, 2, withApp, 2 + app1.length, plain.length - 2);
        assertThat(ImageProbe.dimensions(withApp)).contains(new Images.Size(200, 150));
    }

    @Test
    void aJpegCutOffBeforeItsFrameHeaderIsABrokenHeaderNotAGuess() throws IOException {
        byte[] plain = jpeg(50, 50, false, BufferedImage.TYPE_INT_RGB);
        byte[] cut = Arrays.copyOf(plain, 30);
        assertThatThrownBy(() -> ImageProbe.dimensions(cut)).isInstanceOf(IOException.class);
    }

    @Test
    void aPngGivesTheSizeOfItsHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(33, 7, BufferedImage.TYPE_INT_ARGB), "png", out);
        assertThat(ImageProbe.dimensions(out.toByteArray())).contains(new Images.Size(33, 7));
    }

    private static byte[] jpeg(int w, int h, boolean progressive, int type) throws IOException {
        BufferedImage img = new BufferedImage(w, h, type);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, w / 2 + 1, h / 2 + 1);
        g.dispose();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
