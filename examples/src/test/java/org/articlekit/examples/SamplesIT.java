package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.ArticleKit;
import org.articlekit.Metadata;
import org.articlekit.examples.cli.Main;
import org.articlekit.internal.json.Json;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** End to end: the sample articles through the command line, to every format this build writes. */
class SamplesIT {

    private static final Path ARTICLES = Path.of("articles");

    @TempDir
    Path tmp;

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(ARTICLES)) {
            return s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Formats an article can be written to and read back from. */
    static List<ArticleFormat> roundTripFormats() {
        return FormatRegistry.defaults().formats().stream()
                .filter(f -> f.reader().isPresent() && f.writer().isPresent()).toList();
    }

    private record Run(int status, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void thereAreChineseAndEnglishSamples() throws IOException {
        List<String> languages = samples().stream().map(p -> {
            try {
                return ArticleKit.read(p).metadata().language().orElse("");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
        assertThat(samples()).hasSizeBetween(4, 6);
        assertThat(languages).anyMatch(l -> l.startsWith("zh")).anyMatch(l -> l.startsWith("en"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleConvertsToEveryFormatAndKeepsItsTitle(Path sample) throws IOException {
        Metadata original = ArticleKit.read(sample).metadata();
        assertThat(original.title()).isPresent();
        assertThat(roundTripFormats()).isNotEmpty();
        for (ArticleFormat f : roundTripFormats()) {
            String base = sample.getFileName().toString().replaceFirst("\\.html$", "");
            Path out = tmp.resolve(f.id()).resolve(base + "." + f.extensions().get(0));

            Run r = cli("convert", sample.toString(), "-o", out.toString(), "--to", f.id());

            assertThat(r.status()).as("%s to %s: %s", sample, f.id(), r.err()).isZero();
            assertThat(r.err()).as("warnings for %s to %s", sample, f.id()).isEmpty();
            Article back = ArticleKit.converter().read(out, f.id());
            assertThat(back.metadata().title()).as("%s to %s", sample, f.id()).isEqualTo(original.title());
        }
    }

    @Test
    void theSamplesFolderConvertsInOneCommand() throws IOException {
        Path out = tmp.resolve("all");

        Run r = cli("convert", ARTICLES.toString(), "-o", out.toString(), "--to", "html", "--jobs", "2");

        assertThat(r.status()).as(r.err()).isZero();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(samples().stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void infoJsonDescribesEverySample() throws Exception {
        Run r = cli("info", "--json", ARTICLES.toString());

        assertThat(r.status()).as(r.err()).isZero();
        Map<String, Object> root = (Map<String, Object>) Json.parse(r.out());
        List<Map<String, Object>> articles = (List<Map<String, Object>>) root.get("articles");
        assertThat(articles).hasSize(samples().size()).allSatisfy(a -> {
            assertThat(a.get("title")).isNotNull();
            assertThat((List<Object>) a.get("authors")).isNotEmpty();
            assertThat(a.get("language")).isNotNull();
            assertThat((Map<String, Object>) a.get("published")).containsKeys("text", "instant", "zone");
            assertThat((List<Object>) a.get("tags")).isNotEmpty();
            assertThat((List<Object>) a.get("categories")).isNotEmpty();
            assertThat((Long) a.get("images")).isPositive();
        });
        assertThat(articles).anySatisfy(a -> assertThat(a.get("published")).isEqualTo(
                Map.of("text", "2024-06-03 21:10", "instant", "2024-06-03T21:10:00", "zone", false)));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleImageExistsAndIsASmallPng(Path sample) throws IOException {
        List<Element> images = Jsoup.parse(sample.toFile(), "UTF-8").select("img[src], meta[property=og:image]");
        assertThat(images).isNotEmpty();
        for (Element img : images) {
            String src = img.hasAttr("src") ? img.attr("src") : img.attr("content");
            Path file = sample.resolveSibling(src);
            assertThat(file).as(src).isRegularFile();
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).as(src).isLessThan(50 * 1024);
            assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
        }
    }
}
