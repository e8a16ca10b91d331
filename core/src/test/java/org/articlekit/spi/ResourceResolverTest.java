package org.articlekit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.articlekit.Limits;
import org.articlekit.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceResolverTest {

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(dir.resolve("posts"));
        Files.createDirectories(root.resolve("img"));
        BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", root.resolve("img/ok.png").toFile());
        Files.writeString(dir.resolve("secret.png"), "root:x:0:0:root:/root:/bin/bash");
        Files.writeString(root.resolve("img/text.png"), "root:x:0:0:not an image");
    }

    @Test
    void readsAnImageInsideTheFolderAndTakesItsTypeFromItsContent() throws IOException {
        Resource r = ResourceResolver.localFiles(root).resolve("img/ok.png");
        assertThat(r.mediaType()).isEqualTo("image/png");
        assertThat(r.source()).contains("img/ok.png");
        assertThat(ResourceResolver.localFiles(root).resolve("./img/ok.png?v=2#x").name()).isEqualTo(r.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "/etc/passwd", "../secret.png", "img/../../secret.png",
        "%2e%2e/secret.png", "img%2f..%2f..%2fsecret.png", "..%5csecret.png", "jar:file:/x.jar!/a.png",
        "netdoc:/etc/passwd", "C:\\Windows\\win.ini", "//server/share/a.png", "http://127.0.0.1/a.png",
        "img/text.png", "img", "missing.png", "img/ok.png%00.txt"})
    void refusesEverythingOutsideTheFolderOrNotAnImage(String reference) {
        assertThatThrownBy(() -> ResourceResolver.localFiles(root).resolve(reference))
                .isInstanceOf(ResourceUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("root:x:0:0"));
    }

    @Test
    void refusesASymbolicLinkThatLeavesTheFolder() throws IOException {
        Files.createSymbolicLink(root.resolve("img/link.png"), dir.resolve("secret.png"));
        assertThatThrownBy(() -> ResourceResolver.localFiles(root).resolve("img/link.png"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("outside");
    }

    @Test
    void refusesImagesOverTheSizeOrPixelLimit() throws IOException {
        BufferedImage big = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(big, "png", root.resolve("big.png").toFile());
        Limits pixels = Limits.builder().maxPixels(10_000).build();
        assertThatThrownBy(() -> ResourceResolver.localFiles(root, pixels).resolve("big.png"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("pixels");
        Limits bytes = Limits.builder().maxResourceBytes(10).build();
        assertThatThrownBy(() -> ResourceResolver.localFiles(root, bytes).resolve("big.png"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("larger");
    }

    @Test
    void theNoneResolverReadsNothing() {
        assertThatThrownBy(() -> ResourceResolver.none().resolve("img/ok.png"))
                .isInstanceOf(ResourceUnavailableException.class);
    }
}
