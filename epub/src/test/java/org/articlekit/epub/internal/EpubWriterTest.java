package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.articlekit.epub.EpubOptions;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.ResourceResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpubWriterTest {

    @TempDir
    Path dir;

    static byte[] write(Book book, List<Diagnostic> warnings, org.articlekit.spi.Options... options) throws IOException {
        return write(book, Fixtures.context(warnings, options));
    }

    static byte[] write(Book book, ConversionContext ctx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new EpubWriter().writeBook(book, out, ctx);
        return out.toByteArray();
    }

    static String entry(byte[] epub, String name) throws IOException {
        return new String(SafeZip.read(epub, "t.epub").get(name).orElseThrow(), StandardCharsets.UTF_8);
    }

    @Test
    void aBookOfChineseEnglishOddAndMissingImagePostsPassesEpubcheck() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        byte[] epub = write(Fixtures.book(Fixtures.chinesePost(), Fixtures.oddPost(), Fixtures.missingImages()),
                warnings);

        EpubCheck.assertValid(epub);
        assertThat(warnings).extracting(Diagnostic::code).containsExactly("image.unresolved", "image.unresolved");
        assertThat(warnings.get(0).message()).contains("Missing images", "images/nowhere.png");
        String chapter = entry(epub, "EPUB/c0001.xhtml");
        assertThat(chapter).contains("lang=\"zh-CN\"", "阳台上的番茄", "林小禾, ZAKER · 2021-07-16", "生活 / 园艺",
                "#园艺", "https://example.org/notes/%E7%95%AA%E8%8C%84?a=1&amp;b=2", "style=\"text-align: right\"");
        assertThat(entry(epub, "EPUB/c0003.xhtml")).doesNotContain("<img").contains("Gone", "after", "[gone]",
                "[remote]");
    }

    @Test
    void theSameBookIsWrittenToTheSameBytesWithAnIdentifierFromItsContent() throws IOException {
        Book book = Fixtures.book(Fixtures.chinesePost(), Fixtures.oddPost());
        byte[] first = write(book, new ArrayList<>());
        byte[] second = write(book, new ArrayList<>());
        byte[] other = write(book.toBuilder().metadata(book.metadata().toBuilder().title("Other").build()).build(),
                new ArrayList<>());

        assertThat(second).isEqualTo(first);
        String id = entry(first, "EPUB/package.opf").replaceAll("(?s).*<dc:identifier id=\"bookid\">([^<]*)<.*", "$1");
        assertThat(id).startsWith("urn:uuid:");
        assertThat(entry(other, "EPUB/package.opf")).doesNotContain(id);
        EpubCheck.assertValid(other);
    }

    @Test
    void markupAndCharactersXmlCannotHoldInTheBookMetadataLeaveThePackageFilesValid() throws IOException {
        Book book = Fixtures.book(Fixtures.chinesePost(), Fixtures.oddPost());
        String title = "茶 & <咖啡> \"选集\"\u0001\ud800 </metadata>";
        book = book.toBuilder().metadata(book.metadata().toBuilder().title(title).summary("一 & 二 <b>粗</b>\u000b")
                .publisher("A & B").build()).build();
        byte[] epub = write(book, new ArrayList<>());

        EpubCheck.assertValid(epub);
        String opf = entry(epub, "EPUB/package.opf");
        assertThat(opf).contains("<dc:title>茶 &amp; &lt;咖啡&gt; \"选集\" &lt;/metadata&gt;</dc:title>",
                "<dc:description>一 &amp; 二 &lt;b&gt;粗&lt;/b&gt;</dc:description>", "<dc:publisher>A &amp; B</dc:publisher>")
                .doesNotContain("\u0001", "\ud800", "\u000b");
        assertThat(entry(epub, "EPUB/toc.ncx")).contains("<docTitle><text>茶 &amp; &lt;咖啡&gt; \"选集\" &lt;/metadata&gt;");
        assertThat(entry(epub, "META-INF/container.xml")).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
                <rootfiles>
                <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
                </rootfiles>
                </container>
                """);
    }

    @Test
    void imagesNextToTheInputAreEmbeddedOnceThroughTheResolver() throws IOException {
        Files.createDirectories(dir.resolve("pics"));
        byte[] png = Fixtures.png(0xaa0000);
        Files.write(dir.resolve("pics/a.png"), png);
        Article a = Article.builder().metadata(Metadata.builder().title("One").language("en").build())
                .body(Fixtures.body("<p>x</p><p><img src=\"pics/a.png\" alt=\"a\"></p><p><img src=\"pics/a.png\" "
                        + "alt=\"again\"><img src=\"../outside.png\" alt=\"out\"></p>")).build();
        Article b = a.withMetadata(Metadata.builder().title("Two").language("en").build());
        List<Diagnostic> warnings = new ArrayList<>();
        ConversionContext ctx = Fixtures.context(warnings).toBuilder().resolver(ResourceResolver.localFiles(dir)).build();

        byte[] epub = write(Book.builder().articles(List.of(a, b)).build(), ctx);

        EpubCheck.assertValid(epub);
        SafeZip zip = SafeZip.read(epub, "t.epub");
        assertThat(zip.entries().keySet().stream().filter(n -> n.startsWith("EPUB/images/"))
                .filter(n -> java.util.Arrays.equals(zip.get(n).orElseThrow(), png))).hasSize(1);
        assertThat(warnings).extracting(Diagnostic::message).allMatch(m -> m.contains("../outside.png"));
        Book back = EpubRoundTripTest.read(epub, new ArrayList<>());
        assertThat(back.articles().get(0).resources().all()).singleElement()
                .satisfies(r -> assertThat(r.source()).contains("pics/a.png"));
    }

    @Test
    void verticalWritingTurnsPagesRightToLeftAndStaysValid() throws IOException {
        byte[] epub = write(Fixtures.book(Fixtures.chinesePost()), new ArrayList<>(),
                EpubOptions.builder().verticalWriting(true).build());

        EpubCheck.assertValid(epub);
        assertThat(entry(epub, "EPUB/package.opf")).contains("page-progression-direction=\"rtl\"");
        assertThat(entry(epub, "EPUB/styles/book.css")).contains("writing-mode: vertical-rl");
    }

    @Test
    void aSingleArticleBookUsesTheArticlesOwnCoverAndNoTitlePageWhenAskedNot() throws IOException {
        Article post = Fixtures.chinesePost();
        Book book = Book.builder().metadata(post.metadata()).article(post).build();

        byte[] epub = write(book, new ArrayList<>(), EpubOptions.builder().titlePage(false).build());

        EpubCheck.assertValid(epub);
        String opf = entry(epub, "EPUB/package.opf");
        String coverName = post.metadata().cover().orElseThrow();
        assertThat(opf).contains("href=\"" + coverName + "\" media-type=\"image/png\" properties=\"cover-image\"")
                .doesNotContain("title.xhtml");
    }

    @Test
    void aCoverThatIsNotAmongTheImagesIsReportedOnceAndACoverIsDrawn() throws IOException {
        // As when the article's reader refused the picture (over the pixel budget) and named it the cover.
        Article post = Fixtures.oddPost();
        post = post.toBuilder().metadata(post.metadata().toBuilder().cover("images/refused.png").build()).build();
        List<Diagnostic> warnings = new ArrayList<>();

        byte[] epub = write(Fixtures.book(post), warnings);

        EpubCheck.assertValid(epub);
        assertThat(warnings).filteredOn(d -> d.message().contains("refused.png")).extracting(Diagnostic::message)
                .containsExactly("the cover images/refused.png is not among the book's images; a cover was drawn instead");
        assertThat(entry(epub, "EPUB/package.opf")).contains("properties=\"cover-image\"", "cover.xhtml");
    }

    /** The start of a PNG whose header declares {@code width × height} pixels; it has no pixel data. */
    static byte[] pngHeader(int width, int height) {
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII))
                .putInt(width).putInt(height).put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(ihdr.array());
        return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }

    @Test
    void imagesThatCameWithTheArticlesAreHeldToThePixelBudgetToo() throws IOException {
        // As from a book that was read: the images are the article's own resources, never checked by a resolver.
        org.articlekit.Resource claims = org.articlekit.Resource.of(pngHeader(65_535, 65_535), "image/png", "claims.png");
        org.articlekit.Resource spare = org.articlekit.Resource.of(pngHeader(40_000, 40_000), "image/png", "spare.png");
        Article post = Article.builder()
                .metadata(Metadata.builder().title("炸弹").language("zh-CN").cover("claims.png").build())
                .body(Fixtures.body("<p>第一段。</p><p><img src=\"claims.png\" alt=\"假\"></p><p>最后一段。</p>"))
                .resources(org.articlekit.Resources.of(List.of(claims, spare))).build();
        List<Diagnostic> warnings = new ArrayList<>();

        byte[] epub = write(Fixtures.book(post), warnings);

        EpubCheck.assertValid(epub);
        assertThat(warnings).extracting(Diagnostic::message).anyMatch(m -> m.startsWith("the cover claims.png declares "
                + 65_535L * 65_535 + " pixels") && m.endsWith("a cover was drawn instead"))
                .anyMatch(m -> m.contains("image claims.png declares") && m.endsWith("left out"))
                .anyMatch(m -> m.contains("resource " + spare.name() + " declares") && m.endsWith("left out"));
        SafeZip zip = SafeZip.read(epub, "t.epub");
        assertThat(zip.get("EPUB/" + claims.name())).isEmpty();
        assertThat(zip.get("EPUB/" + spare.name())).isEmpty();
        assertThat(entry(epub, "EPUB/package.opf")).contains("properties=\"cover-image\"");
    }

    @Test
    void aGeneratedCoverIsADrawnPngThatIsNotBlank() throws IOException {
        byte[] epub = write(Fixtures.book(Fixtures.oddPost()), new ArrayList<>(),
                EpubOptions.builder().coverSize(300, 450).build());
        SafeZip zip = SafeZip.read(epub, "t.epub");
        String opf = entry(epub, "EPUB/package.opf");
        String href = opf.replaceAll("(?s).*href=\"([^\"]+)\" media-type=\"image/png\" properties=\"cover-image\".*",
                "$1");

        BufferedImage img = ImageIO.read(new ByteArrayInputStream(zip.get("EPUB/" + href).orElseThrow()));

        assertThat(img.getWidth()).isEqualTo(300);
        assertThat(img.getHeight()).isEqualTo(450);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 450; y += 3) {
            for (int x = 0; x < 300; x += 3) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(2);
    }

    @Test
    void noCoverAtAllWhenGeneratingIsOff() throws IOException {
        byte[] epub = write(Fixtures.book(Fixtures.oddPost()), new ArrayList<>(),
                EpubOptions.builder().generateCover(false).build());

        assertThat(entry(epub, "EPUB/package.opf")).doesNotContain("cover-image", "cover.xhtml");
    }

    @Test
    void anEmptyBookIsRefused() {
        assertThatThrownBy(() -> write(Book.builder().build(), new ArrayList<>()))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("at least one article");
    }

    @Test
    void manyArticlesWithDatesGiveATitlePageWithTheirSpanAndCount() throws IOException {
        List<Article> articles = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            articles.add(Article.builder().metadata(Metadata.builder().title("第" + i + "篇")
                    .published(ArticleDate.parse("2024-01-" + String.format("%02d", i) + "T10:00:00+08:00"))
                    .language("zh-CN").build()).body(Fixtures.body("<p>内容 " + i + "</p>")).build());
        }
        byte[] epub = write(Fixtures.book(articles.toArray(Article[]::new)), new ArrayList<>());

        EpubCheck.assertValid(epub);
        assertThat(entry(epub, "EPUB/title.xhtml")).contains("2024-01-01 – 2024-01-12", "共 12 篇文章");
        assertThat(entry(epub, "EPUB/nav.xhtml")).contains("第12篇");
        assertThat(entry(epub, "EPUB/package.opf")).contains("<meta property=\"dcterms:modified\">2024-01-12T02:00:00Z");
    }

    @Test
    void largePicturesAreScaledDownForEReadersUnlessOriginalsAreKept() throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(3000, 1500,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        org.articlekit.Resource big = org.articlekit.Resource.of(png.toByteArray(), "image/png", "big.png");
        org.articlekit.Article a = org.articlekit.Article.builder()
                .metadata(org.articlekit.Metadata.builder().title("Wide").build())
                .body(org.articlekit.Body.fromHtml("<p>Wide picture:</p><p><img src=\"big.png\" alt=\"wide\"></p>"))
                .resources(org.articlekit.Resources.empty().with(big)).build();
        List<Diagnostic> warnings = new ArrayList<>();

        var noCover = org.articlekit.epub.EpubOptions.builder().generateCover(false);
        byte[] scaled = write(Fixtures.book(a), warnings, noCover.build());
        byte[] kept = write(Fixtures.book(a), warnings, noCover.maxImageSide(0).build());

        EpubCheck.assertValid(scaled);
        assertThat(widths(scaled)).containsExactly(2000);
        assertThat(widths(kept)).containsExactly(3000);
    }

    private static List<Integer> widths(byte[] epub) throws IOException {
        List<Integer> out = new ArrayList<>();
        var zip = SafeZip.read(epub, "t.epub");
        for (String name : zip.entries().keySet()) {
            if (name.startsWith("EPUB/images/")) {
                out.add(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(zip.get(name).orElseThrow()))
                        .getWidth());
            }
        }
        return out;
    }

    @Test
    void imagesAreStoredAsTheyAreAndTextIsCompressed() throws IOException {
        byte[] epub = write(Fixtures.book(Fixtures.chinesePost()), new ArrayList<>());
        int images = 0;
        try (java.util.zip.ZipInputStream zin = new java.util.zip.ZipInputStream(new ByteArrayInputStream(epub))) {
            for (java.util.zip.ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (e.getName().endsWith(".png")) {
                    images++;
                    assertThat(e.getMethod()).as(e.getName()).isEqualTo(java.util.zip.ZipEntry.STORED);
                } else if (e.getName().endsWith(".xhtml")) {
                    assertThat(e.getMethod()).as(e.getName()).isEqualTo(java.util.zip.ZipEntry.DEFLATED);
                }
            }
        }
        assertThat(images).as("the photo, which is also the cover").isEqualTo(1);
    }

    @Test
    void chaptersPreparedAtOnceStillReportTheirWarningsInBookOrder() throws IOException {
        List<Article> posts = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Article a = Fixtures.missingImages();
            posts.add(a.withMetadata(a.metadata().toBuilder().title("Post " + i).build()));
        }
        List<Diagnostic> warnings = new ArrayList<>();
        byte[] first = write(Fixtures.book(posts.toArray(Article[]::new)), warnings);
        List<String> titles = warnings.stream().filter(d -> d.code().equals("image.unresolved"))
                .map(d -> d.message().replaceAll("^article 'Post (\\d+)'.*", "$1")).distinct().toList();
        assertThat(titles).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
        assertThat(write(Fixtures.book(posts.toArray(Article[]::new)), new ArrayList<>())).isEqualTo(first);
    }
}
