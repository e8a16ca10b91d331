package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageCollectionTest {

    @Test
    void readsBodyImagesAndTheCoverIntoResourcesWithoutChangingTheBody(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("img"));
        ImageIO.write(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("img/a.png").toFile());
        ImageIO.write(new BufferedImage(5, 2, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("cover.png").toFile());
        Files.copy(dir.resolve("img/a.png"), dir.resolve("same.png"));
        Path page = dir.resolve("p.html");
        Files.writeString(page, "<html><head><meta property=\"og:image\" content=\"cover.png\"></head><body>"
                + "<p><img src=\"img/a.png\"><img src=\"same.png\"><img src=\"gone.png\"><img src=\"../x.png\"></p>"
                + "</body></html>");
        List<Diagnostic> warnings = new ArrayList<>();
        Article plain = Converter.builder().build().read(page);
        Article a = Converter.builder().collectImages(true).warnings(warnings::add).build().read(page);

        assertThat(a.body()).isEqualTo(plain.body());
        assertThat(plain.resources().isEmpty()).isTrue();
        assertThat(a.resources().size()).isEqualTo(2);
        assertThat(a.resources().find("img/a.png")).isPresent();
        assertThat(a.resources().find("same.png")).isEqualTo(a.resources().find("img/a.png"));
        assertThat(a.resources().find("cover.png").map(Resource::mediaType)).contains("image/png");
        assertThat(warnings).filteredOn(w -> w.code().equals("image.unresolved")).extracting(Diagnostic::toString)
                .containsExactly(
                page + ": image gone.png was not found",
                page + ": image ../x.png is outside the article folder");
    }

    @Test
    void writesImagesIntoAFolderAndLinksThemFromTheOutput(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        ImageIO.write(new BufferedImage(3, 3, BufferedImage.TYPE_INT_RGB), "png", in.resolve("a.png").toFile());
        Path page = in.resolve("p.html");
        Files.writeString(page, "<html><body><p>x<img src=\"a.png\" alt=\"A\"><img src=\"b.png\"></p></body></html>");
        Path out = dir.resolve("out/p.html");
        Path images = dir.resolve("out/images");
        Converter.builder().imagesDir(images).build().convert(page, out);

        String src = Converter.builder().build().read(out).body().document().select("img[alt=A]").attr("src");
        assertThat(src).startsWith("images/").endsWith(".png");
        assertThat(out.getParent().resolve(src)).exists().hasSameBinaryContentAs(in.resolve("a.png"));
        assertThat(Files.readString(out)).contains("src=\"b.png\"");
    }
}
