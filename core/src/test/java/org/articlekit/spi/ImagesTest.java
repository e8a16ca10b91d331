package org.articlekit.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.articlekit.Resource;
import org.junit.jupiter.api.Test;

class ImagesTest {

    private static Resource image(int w, int h, String format, String type) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return Resource.of(out.toByteArray(), type, "pics/" + w + "." + format);
    }

    @Test
    void scalesLargePngAndJpegDownKeepingShapeTypeAndSource() throws IOException {
        for (String[] f : new String[][] {{"png", "image/png"}, {"jpeg", "image/jpeg"}}) {
            Resource big = image(3000, 1200, f[0], f[1]);
            Resource fitted = Images.fitWithin(big, 2000);
            BufferedImage read = ImageIO.read(new ByteArrayInputStream(fitted.bytes()));
            assertThat(read.getWidth()).isEqualTo(2000);
            assertThat(read.getHeight()).isEqualTo(800);
            assertThat(fitted.mediaType()).isEqualTo(f[1]);
            assertThat(fitted.source()).isEqualTo(big.source());
            assertThat(fitted.name()).isNotEqualTo(big.name());
        }
    }

    @Test
    void readsThePicturesDeclaredSizeOrNothingForWhatHasNoHeader() throws IOException {
        assertThat(Images.size(image(640, 360, "png", "image/png").bytes())).contains(new Images.Size(640, 360));
        assertThat(Images.size(image(320, 200, "jpeg", "image/jpeg").bytes())).contains(new Images.Size(320, 200));
        assertThat(Images.size("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(Images.size(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
    }

    @Test
    void leavesSmallImagesOtherTypesAndZeroAlone() throws IOException {
        Resource small = image(100, 80, "png", "image/png");
        assertThat(Images.fitWithin(small, 2000)).isSameAs(small);
        Resource gif = image(3000, 10, "gif", "image/gif");
        assertThat(Images.fitWithin(gif, 2000)).isSameAs(gif);
        Resource big = image(3000, 10, "png", "image/png");
        assertThat(Images.fitWithin(big, 0)).isSameAs(big);
    }
}
