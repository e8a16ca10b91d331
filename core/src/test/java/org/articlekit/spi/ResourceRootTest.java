package org.articlekit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.Limits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Site-root references ({@code /images/chart.png}) read from a named resource root, and only from there. */
class ResourceRootTest {

    @TempDir
    Path dir;
    Path site;
    Path posts;

    @BeforeEach
    void layout() throws IOException {
        site = Files.createDirectories(dir.resolve("site/static"));
        posts = Files.createDirectories(dir.resolve("site/_posts"));
        Files.createDirectories(site.resolve("images"));
        ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png",
                site.resolve("images/chart.png").toFile());
        ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", dir.resolve("secret.png").toFile());
    }

    @Test
    void aSiteRootPathIsReadFromTheResourceRoot() throws IOException {
        ResourceResolver r = ResourceResolver.localFiles(posts, site, Limits.defaults());
        assertThat(r.resolve("/images/chart.png").mediaType()).isEqualTo("image/png");
        assertThatThrownBy(() -> ResourceResolver.localFiles(posts).resolve("/images/chart.png"))
                .isInstanceOf(ResourceUnavailableException.class).hasMessageContaining("absolute path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../../secret.png", "/images/../../../secret.png", "/%2e%2e/%2e%2e/secret.png",
        "//server/images/chart.png", "/images/missing.png"})
    void aSiteRootPathCannotLeaveTheResourceRoot(String reference) {
        assertThatThrownBy(() -> ResourceResolver.localFiles(posts, site, Limits.defaults()).resolve(reference))
                .isInstanceOf(ResourceUnavailableException.class);
    }

    @Test
    void aLinkOutOfTheResourceRootIsRefused() throws IOException {
        Files.createSymbolicLink(site.resolve("images/link.png"), dir.resolve("secret.png"));
        assertThatThrownBy(() -> ResourceResolver.localFiles(posts, site, Limits.defaults())
                .resolve("/images/link.png")).isInstanceOf(ResourceUnavailableException.class)
                .hasMessageContaining("outside the resource root (through a link)");
    }

    @Test
    void theConverterReadsAPostsSiteRootImagesFromItsResourceRoot() throws IOException {
        Path post = posts.resolve("2024-03-05-chart.html");
        Files.writeString(post, "<html lang=\"zh\"><head><title>图表</title></head><body><article><h1>图表</h1>"
                + "<p>今天的图表如下。</p><p><img src=\"/images/chart.png\" alt=\"图表\"></p></article></body></html>");
        Article without = Converter.builder().collectImages(true).build().read(post);
        assertThat(without.resources().isEmpty()).isTrue();
        Article with = Converter.builder().collectImages(true).resourceRoot(site).build().read(post);
        assertThat(with.resources().isEmpty()).isFalse();
    }
}
