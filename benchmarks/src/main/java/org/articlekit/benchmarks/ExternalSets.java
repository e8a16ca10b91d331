package org.articlekit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.corpus.ExtractionEvaluation;
import org.articlekit.internal.json.Json;

/**
 * Scores extraction on the public benchmark pages in {@code extraction-ext} with the metrics their
 * README gives: per-page token F1 (mean) for {@code scrapinghub} and {@code cwced}, micro F1 of the
 * "with"/"without" snippets for {@code trafilatura}, exact titles where the truth has one, and the
 * count of pages that came out empty.
 */
final class ExternalSets {

    /** NFKC, lower case, runs of word characters, each CJK character on its own. */
    private static final Pattern TOKEN = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]|[\\w&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}"
                    + "\\p{IsHangul}]]+",
            Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * One page's outcome.
     *
     * @param id the page id
     * @param f1 token F1 (text sets) or -1
     * @param tp snippets found that should be
     * @param fn snippets missing that should be there
     * @param fp snippets found that should not be
     * @param titleKnown whether the truth has a title
     * @param titleMatch whether ours equals it
     * @param title our title
     * @param expectedTitle the truth's title
     * @param empty whether the extracted text is empty
     * @param nanos CPU time of the read
     * @param missing the "with" snippets not found
     * @param unwanted the "without" snippets found
     */
    record Page(String id, double f1, int tp, int fn, int fp, boolean titleKnown, boolean titleMatch, String title,
            String expectedTitle, boolean empty, long nanos, List<String> missing, List<String> unwanted) {
    }

    /**
     * One set's outcome.
     *
     * @param set its name
     * @param pages its pages
     */
    record Result(String set, List<Page> pages) {
        boolean snippets() {
            return set.equals("trafilatura");
        }

        double score() {
            if (snippets()) {
                int tp = pages.stream().mapToInt(Page::tp).sum();
                int fn = pages.stream().mapToInt(Page::fn).sum();
                int fp = pages.stream().mapToInt(Page::fp).sum();
                double p = tp / (double) Math.max(1, tp + fp);
                double r = tp / (double) Math.max(1, tp + fn);
                return p + r == 0 ? 0 : 2 * p * r / (p + r);
            }
            return pages.stream().mapToDouble(Page::f1).average().orElse(0);
        }

        double titleShare() {
            long known = pages.stream().filter(Page::titleKnown).count();
            return known == 0 ? Double.NaN : pages.stream().filter(Page::titleMatch).count() / (double) known;
        }

        long empty() {
            return pages.stream().filter(Page::empty).count();
        }

        double pagesPerSecond() {
            return pages.size() / (pages.stream().mapToLong(Page::nanos).sum() / 1e9);
        }
    }

    private ExternalSets() {
    }

    static Result score(Path dir, Converter converter) throws IOException {
        String set = dir.getFileName().toString();
        Object truth;
        try {
            truth = Json.parse(Files.readString(dir.resolve("truth.json")));
        } catch (Json.JsonException e) {
            throw new IOException(dir.resolve("truth.json") + ": " + e.getMessage(), e);
        }
        if (!(truth instanceof Map<?, ?> all)) {
            throw new IOException(dir.resolve("truth.json") + ": not an object");
        }
        List<Page> out = new ArrayList<>();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String id : all.keySet().stream().map(Object::toString).sorted().toList()) {
            Path page = dir.resolve(id + ".html");
            if (!Files.isRegularFile(page) || !(all.get(id) instanceof Map<?, ?> t)) {
                continue;
            }
            long t0 = mx.getCurrentThreadCpuTime();
            Article a = converter.read(page, "html");
            long nanos = mx.getCurrentThreadCpuTime() - t0;
            String text = a.body().text();
            boolean empty = text.isBlank();
            String title = a.metadata().title().orElse("");
            String expectedTitle = t.get("title") instanceof String s ? s : "";
            boolean known = !expectedTitle.isBlank();
            boolean match = known && normTitle(title).equals(normTitle(expectedTitle));
            if (t.get("text") instanceof String expected) {
                out.add(new Page(id, ExtractionEvaluation.f1(tokens(text), tokens(expected)), 0, 0, 0, known, match,
                        title, expectedTitle, empty, nanos, List.of(), List.of()));
            } else {
                String flat = collapse(text);
                int tp = 0;
                int fn = 0;
                int fp = 0;
                List<String> missing = new ArrayList<>();
                List<String> unwanted = new ArrayList<>();
                for (Object s : t.get("with") instanceof List<?> l ? l : List.of()) {
                    if (flat.contains(collapse(s.toString()))) {
                        tp++;
                    } else {
                        fn++;
                        missing.add(s.toString());
                    }
                }
                for (Object s : t.get("without") instanceof List<?> l ? l : List.of()) {
                    if (flat.contains(collapse(s.toString()))) {
                        fp++;
                        unwanted.add(s.toString());
                    }
                }
                out.add(new Page(id, -1, tp, fn, fp, known, match, title, expectedTitle, empty, nanos, missing,
                        unwanted));
            }
        }
        return new Result(set, out);
    }

    static List<String> tokens(String text) {
        Matcher m = TOKEN.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Case, spaces and outer punctuation normalised. */
    static String normTitle(String s) {
        String t = collapse(Normalizer.normalize(s, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        return t.replaceAll("^[\\p{P}\\p{S}\\s]+|[\\p{P}\\p{S}\\s]+$", "");
    }

}
