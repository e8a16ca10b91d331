package org.articlekit.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.articlekit.Converter;
import org.articlekit.corpus.ExtractionEvaluation;
import org.articlekit.spi.ContentExtractor;
import org.articlekit.spi.ConversionContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Prints one extraction quality table for every visible set (mean token F1 and exact-title share on
 * the readability pages and the Chinese page pairs; on the public benchmarks of
 * {@code extraction-ext} the metrics of its README) and the warm extraction speed on one thread.
 *
 * <p>Usage: {@code ExtractionEval CORPUS_DIR [SECONDS]}, CORPUS_DIR holding {@code readability},
 * {@code html-pages} and optionally {@code extraction-ext}. With {@code -Deval.details=true} it
 * also lists the pages that fall short ({@code -Deval.snippets=true}: with the trafilatura set's
 * snippets missed and found unwanted); {@code -Deval.sets=trafilatura,cwced} scores only the sets
 * named, and SECONDS 0 skips the speed measurement.
 */
public final class ExtractionEval {

    private ExtractionEval() {
    }

    /**
     * @param args the corpus folder and, optionally, the seconds of each speed measurement (default 10)
     * @throws IOException when the corpus cannot be read
     */
    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus");
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Converter c = Converter.builder().build();
        List<String> only = List.of(System.getProperty("eval.sets", "").split(",")).stream()
                .filter(s -> !s.isBlank()).toList();
        List<ExtractionEvaluation.Result> own = new ArrayList<>();
        if (only.isEmpty() || only.contains("readability")) {
            ExtractionEvaluation.readability(corpus.resolve("readability"), c);
            own.add(ExtractionEvaluation.readability(corpus.resolve("readability"), c));
        }
        if (only.isEmpty() || only.contains("html-pages")) {
            own.add(ExtractionEvaluation.htmlPages(corpus, c));
        }
        List<ExternalSets.Result> ext = new ArrayList<>();
        Path extDir = corpus.resolve("extraction-ext");
        for (String set : List.of("scrapinghub", "trafilatura", "cwced")) {
            if ((only.isEmpty() || only.contains(set)) && Files.isRegularFile(extDir.resolve(set).resolve("truth.json"))) {
                ext.add(ExternalSets.score(extDir.resolve(set), c));
            }
        }
        System.out.println("| set | pages | score | metric | exact titles | empty | pages/s (whole read) |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|");
        for (ExtractionEvaluation.Result r : own) {
            // These sets record the F1, not the text: pages scoring 0 are counted (not necessarily empty).
            long zero = r.pages().stream().filter(p -> p.f1() == 0).count();
            double secs = r.pages().stream().mapToLong(ExtractionEvaluation.Page::nanos).sum() / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | mean token F1 | %.2f | (F1 0: %d) | %.0f |%n",
                    r.set(), r.pages().size(), r.meanF1(), r.titleShare(), zero, r.pages().size() / secs);
        }
        for (ExternalSets.Result r : ext) {
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %s | %s | %d | %.0f |%n", r.set(), r.pages().size(),
                    r.score(), r.snippets() ? "snippet micro F1" : "mean token F1",
                    Double.isNaN(r.titleShare()) ? "-" : String.format(Locale.ROOT, "%.2f", r.titleShare()),
                    r.empty(), r.pagesPerSecond());
        }
        if (Boolean.getBoolean("eval.details")) {
            for (ExtractionEvaluation.Result r : own) {
                double low = Boolean.getBoolean("eval.all") ? 1.01 : 0.8;
                r.pages().stream().filter(p -> p.f1() < low).forEach(p -> System.out.printf(Locale.ROOT,
                        "  %s low F1 %.3f %s%n", r.set(), p.f1(), p.name()));
                r.pages().stream().filter(p -> !p.titleMatch()).forEach(p -> System.out.printf(Locale.ROOT,
                        "  %s %s title [%s] want [%s]%n", r.set(), p.name(), p.title(), p.expectedTitle()));
            }
            for (ExternalSets.Result r : ext) {
                for (ExternalSets.Page p : r.pages()) {
                    if (r.snippets() ? p.fn() + p.fp() > 0 : p.f1() < (Boolean.getBoolean("eval.all") ? 1.01 : 0.9)) {
                        System.out.printf(Locale.ROOT, "  %s %s f1 %.3f tp %d fn %d fp %d%s%n", r.set(), p.id(),
                                p.f1(), p.tp(), p.fn(), p.fp(), p.empty() ? " EMPTY" : "");
                    }
                    if (Boolean.getBoolean("eval.snippets")) {
                        p.missing().forEach(m -> System.out.println("      missing: " + m));
                        p.unwanted().forEach(m -> System.out.println("      unwanted: " + m));
                    }
                    if (p.titleKnown() && !p.titleMatch()) {
                        System.out.printf(Locale.ROOT, "  %s %s title [%s] want [%s]%n", r.set(), p.id(), p.title(),
                                p.expectedTitle());
                    }
                }
            }
        }

        if (seconds <= 0) {
            return;
        }
        List<String> pages = new ArrayList<>();
        long bytes = 0;
        try (var dirs = Files.list(corpus.resolve("readability"))) {
            for (Path d : dirs.sorted().toList()) {
                Path src = d.resolve("source.html");
                if (Files.isRegularFile(src)) {
                    pages.add(Files.readString(src, StandardCharsets.UTF_8));
                    bytes += Files.size(src);
                }
            }
        }
        List<Document> parsed = pages.stream().map(p -> Jsoup.parse(p, "")).toList();
        ConversionContext ctx = ConversionContext.builder().build();
        // Extraction alone (pages parsed once), then the whole HTML read (parse, metadata, extraction, normaliser).
        double extractOnly = speed(bytes, seconds, () -> {
            for (Document d : parsed) {
                ContentExtractor.mainContent().extract(d, ctx);
            }
        });
        double wholeRead = speed(bytes, seconds, () -> {
            for (String p : pages) {
                c.read(new java.io.ByteArrayInputStream(p.getBytes(StandardCharsets.UTF_8)), "html", "p.html");
            }
        });
        double mbPerPage = bytes / 1e6 / pages.size();
        System.out.printf(Locale.ROOT, "speed (warm, 1 thread, %d readability pages, %.1f MB): extraction %.1f MB/s "
                + "(%.0f pages/s), whole HTML read %.1f MB/s (%.0f pages/s)%n", pages.size(), bytes / 1e6, extractOnly,
                extractOnly / mbPerPage, wholeRead, wholeRead / mbPerPage);
    }

    private interface Run {
        void run() throws IOException;
    }

    private static double speed(long bytes, int seconds, Run run) throws IOException {
        long warmUntil = System.nanoTime() + seconds * 500_000_000L;
        while (System.nanoTime() < warmUntil) {
            run.run();
        }
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int rounds = 0;
        while (System.nanoTime() < end || rounds == 0) {
            run.run();
            rounds++;
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return bytes * rounds / 1e6 / secs;
    }
}
