package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --dialect} (and its detection from the site) and {@code --resource-root}. */
class SiteFlagsTest {

    static final String JEKYLL_POST = """
            ---
            layout: post
            title: 两个分类
            categories: blog tech
            ---
            第一段。

            第二段，图表见下。

            ![图表](/images/chart.png)
            """;

    @TempDir
    Path dir;

    private Path jekyllSite() throws IOException {
        Path posts = Files.createDirectories(dir.resolve("site/_posts"));
        Files.writeString(dir.resolve("site/_config.yml"), "title: 站点\n");
        Files.createDirectories(dir.resolve("site/images"));
        ImageIO.write(new BufferedImage(5, 4, BufferedImage.TYPE_INT_RGB), "png",
                dir.resolve("site/images/chart.png").toFile());
        return Files.writeString(posts.resolve("2024-03-05-two.md"), JEKYLL_POST, StandardCharsets.UTF_8);
    }

    @Test
    void dialectJekyllReadsASpaceSeparatedStringAsTwoCategories() throws IOException {
        Path post = Files.writeString(dir.resolve("post.md"), JEKYLL_POST, StandardCharsets.UTF_8);
        Path jekyll = dir.resolve("jekyll.html");
        Path hexo = dir.resolve("hexo.html");

        Cli.Result a = Cli.run("convert", post, "--dialect", "jekyll", "-o", jekyll);
        Cli.Result b = Cli.run("convert", post, "-o", hexo);

        assertThat(a.status()).as(a.err()).isZero();
        assertThat(Files.readString(jekyll)).contains("\"article:section\" content=\"blog\"")
                .contains("\"article:section\" content=\"tech\"");
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(Files.readString(hexo)).contains("\"article:section\" content=\"blog tech\"");
    }

    @Test
    void aJekyllPostWrittenBackKeepsItsFrontMatterAsWritten() throws IOException {
        Path post = Files.writeString(dir.resolve("post.md"), JEKYLL_POST, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.md");

        Cli.Result r = Cli.run("convert", post, "--dialect", "jekyll", "-o", out);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("---\nlayout: post\ntitle: 两个分类\ncategories: blog tech\n");
    }

    @Test
    void theDialectIsDetectedFromAJekyllSite() throws IOException {
        Path post = jekyllSite();
        Path out = dir.resolve("out.md");

        Cli.Result r = Cli.run("convert", post, "-o", out);

        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Files.readString(out)).startsWith("---\nlayout: post\ntitle: 两个分类\ncategories: blog tech\n");
        Path html = dir.resolve("out.html");
        Cli.Result h = Cli.run("convert", post, "-o", html);
        assertThat(h.status()).as(h.err()).isZero();
        assertThat(Files.readString(html)).contains("\"article:section\" content=\"tech\"");
    }

    @Test
    void anUnknownDialectIsRefused() throws IOException {
        Path post = Files.writeString(dir.resolve("post.md"), JEKYLL_POST, StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("convert", post, "--dialect", "wordpress", "-o", dir.resolve("x.md"));
        assertThat(r.status()).isNotZero();
        assertThat(r.err()).contains("--dialect");
    }

    @Test
    void resourceRootReadsSiteRootImagesAndTheBookTakesTheDetectedLanguage() throws IOException {
        Path post = jekyllSite();
        Path without = dir.resolve("without.epub");
        Path with = dir.resolve("with.epub");

        Cli.Result a = Cli.run("convert", post, "-o", without);
        Cli.Result b = Cli.run("convert", post, "--resource-root", dir.resolve("site"), "-o", with);

        assertThat(a.status()).as(a.err()).isZero();
        assertThat(a.err()).contains("/images/chart.png");
        assertThat(b.status()).as(b.err()).isZero();
        assertThat(b.err()).doesNotContain("/images/chart.png");
        List<String> names = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(with))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                names.add(e.getName());
                if (e.getName().endsWith(".opf") || e.getName().endsWith(".xhtml")) {
                    text.append(new String(readAll(zip), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(names).anyMatch(n -> n.endsWith(".png"));
        assertThat(text).contains("<dc:language>zh</dc:language>").contains("lang=\"zh\"").doesNotContain("und");
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
