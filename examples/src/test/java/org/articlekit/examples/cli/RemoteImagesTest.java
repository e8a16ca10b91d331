package org.articlekit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images on a loopback server, fetched by the command line; nothing else is ever contacted. */
class RemoteImagesTest {

    @TempDir
    Path dir;
    HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    byte[] png;
    Path page;
    String url;

    @BeforeEach
    void start() throws IOException {
        BufferedImage img = new BufferedImage(6, 4, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        png = b.toByteArray();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pic", ex -> {
            requests.incrementAndGet();
            ex.sendResponseHeaders(200, png.length);
            ex.getResponseBody().write(png);
            ex.close();
        });
        server.createContext("/pics", ex -> {
            requests.incrementAndGet();
            String q = ex.getRequestURI().getQuery();
            int n = q == null ? 0 : Integer.parseInt(q.replaceAll("\\D", ""));
            BufferedImage one = new BufferedImage(5 + n, 4, BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(one, "png", bytes);
            ex.sendResponseHeaders(200, bytes.size());
            ex.getResponseBody().write(bytes.toByteArray());
            ex.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort() + "/pic?id=7";
        page = Files.writeString(dir.resolve("page.html"), Cli.page("Remote", "2024-01-02",
                "<p>Look:<img class=\"lazy\" data-original=\"" + url + "\" src=\"data:image/gif;base64,R0lGOD\"></p>"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsImagesIntoTheImagesFolderAndUsesTheCacheNextTime() throws IOException {
        Path cache = dir.resolve("cache");
        Cli.Result r = Cli.run("convert", page, "-o", dir.resolve("out/a.html"), "--images", dir.resolve("out/img"),
                "--allow-private-hosts", "--cache", cache);
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(Cli.files(dir.resolve("out/img"))).singleElement()
                .satisfies(f -> assertThat(f).hasBinaryContent(png));
        assertThat(Files.readString(dir.resolve("out/a.html"))).contains("src=\"img/");
        assertThat(requests).hasValue(1);

        Cli.Result again = Cli.run("convert", page, "-o", dir.resolve("out2/a.html"), "--images",
                dir.resolve("out2/img"), "--allow-private-hosts", "--cache", cache);
        assertThat(again.status()).as(again.err()).isZero();
        assertThat(Cli.files(dir.resolve("out2/img"))).hasSize(1);
        assertThat(requests).as("served from the cache").hasValue(1);
    }

    @Test
    void refusesLoopbackImagesByDefaultWithAWarningNamingTheUrl() throws IOException {
        Cli.Result r = Cli.run("convert", page, "-o", dir.resolve("out/a.html"), "--images", dir.resolve("out/img"),
                "--no-cache");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).filteredOn(l -> l.contains(": image ")).singleElement().satisfies(l -> assertThat(l)
                .startsWith("articlekit: warning: " + page + ": image " + url)
                .contains("private or local address"));
        assertThat(Files.readString(dir.resolve("out/a.html"))).contains("src=\"" + url.replace("&", "&amp;") + "\"");
        assertThat(requests).hasValue(0);
    }

    @Test
    void offlineNeverConnects() {
        Cli.Result r = Cli.run("convert", page, "-o", dir.resolve("out/a.html"), "--images", dir.resolve("out/img"),
                "--offline");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.err()).contains("remote images are off");
        assertThat(requests).hasValue(0);
    }

    /** A post shaped like a scraped Hexo post: raw HTML body, lazy images behind a proxy, wrapper divs. */
    private Path seedShapedPost(String imagePath) throws IOException {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        StringBuilder body = new StringBuilder("<div><p>第一段：江边的早市六点开张。</p><p></p>");
        for (int i = 0; i < 3; i++) {
            body.append("<div class=\"img_box\"><div class=\"content_img_div\"><img class=\"lazy\" alt=\"图")
                    .append(i + 1).append("\" data-original=\"").append(base).append(imagePath).append("?n=").append(i)
                    .append("\" src=\"https://proxy.example.invalid/?").append(base).append(imagePath).append("?n=")
                    .append(i).append("\"></div></div>第").append(i + 2).append("段文字。<p></p>");
        }
        body.append("</div>");
        return Files.writeString(dir.resolve("post.html"), Cli.page("早市", "2021-07-16T20:06:53Z", body.toString()));
    }

    @Test
    void aSeedShapedPostBecomesAnEpubWithItsThreeImagesInside() throws IOException {
        Path post = seedShapedPost("/pics");
        Path book = dir.resolve("post.epub");
        Cli.Result r = Cli.run("convert", post, "-o", book, "--allow-private-hosts", "--no-cache",
                "--no-generated-cover");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(EpubCommandTest.entries(book)).filteredOn(n -> n.startsWith("EPUB/images/")).hasSize(3);
        assertThat(requests).as("three addresses, one download each").hasValue(3);
        assertThat(EpubCommandTest.epubcheck(book)).isEmpty();
    }

    @Test
    void aSeedShapedPostWhoseImagesAreGoneStillMakesAValidEpubWithWarnings() throws IOException {
        Path post = seedShapedPost("/gone");
        Path book = dir.resolve("post.epub");
        Cli.Result r = Cli.run("convert", post, "-o", book, "--allow-private-hosts", "--no-cache");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.errLines()).filteredOn(l -> l.contains("HTTP 404")).hasSize(3)
                .allSatisfy(l -> assertThat(l).startsWith("articlekit: warning: " + post + ": image http://127.0.0.1:"));
        assertThat(EpubCommandTest.epubcheck(book)).isEmpty();
        String chapter = EpubCommandTest.chapterText(book);
        assertThat(chapter).contains("[图1]", "[图2]", "[图3]", "第2段文字").doesNotContain("<img");
    }

    @Test
    void aSeedShapedPostBecomesAPdfWithItsImagesDrawn() throws IOException {
        Path post = seedShapedPost("/pic");
        Path pdf = dir.resolve("post.pdf");
        Cli.Result r = Cli.run("convert", post, "-o", pdf, "--allow-private-hosts", "--no-cache");
        assertThat(r.status()).as(r.err()).isZero();
        int images = 0;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            for (org.apache.pdfbox.pdmodel.PDPage page : doc.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject) {
                        images++;
                    }
                }
            }
        }
        assertThat(images).as("the picture drawn where the three images stand").isGreaterThanOrEqualTo(1);
        assertThat(requests).hasValue(3);
    }
}
