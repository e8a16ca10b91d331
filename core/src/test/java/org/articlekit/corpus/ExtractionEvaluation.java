package org.articlekit.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.internal.json.Json;
import org.jsoup.Jsoup;

/**
 * Scores main-content extraction against the corpus in {@code ../shared/corpus}: token F1 of the
 * extracted body text against the expected text, and whether the title matches exactly. Used by
 * {@link ExtractionCorpusTest} and by the {@code extraction-eval.sh} benchmark script (through
 * core's test jar).
 *
 * <p>Tokens: every CJK character (Han, kana, hangul) is one token; other text is split on white
 * space and punctuation, and compared in lower case. F1 is computed over token multisets.
 */
public final class ExtractionEvaluation {

    /**
     * The outcome for one page.
     *
     * @param name the page's folder or file
     * @param f1 token F1 of the body text
     * @param titleMatch whether the title equals the expected one (white space collapsed)
     * @param title the title found
     * @param expectedTitle the expected title
     * @param bytes the page's size
     * @param nanos the time the read took
     */
    public record Page(String name, double f1, boolean titleMatch, String title, String expectedTitle, long bytes,
            long nanos) {
    }

    /**
     * The outcome for a set of pages.
     *
     * @param set the set's name
     * @param pages the pages
     */
    public record Result(String set, List<Page> pages) {
        /** @return mean token F1 */
        public double meanF1() {
            return pages.stream().mapToDouble(Page::f1).average().orElse(0);
        }

        /** @return the share of exact title matches, 0..1 */
        public double titleShare() {
            return pages.isEmpty() ? 0 : pages.stream().filter(Page::titleMatch).count() / (double) pages.size();
        }

        /** @return the slowest page's time in milliseconds */
        public double maxMillis() {
            return pages.stream().mapToLong(Page::nanos).max().orElse(0) / 1e6;
        }

        /** @return one table row */
        public String row() {
            return String.format(Locale.ROOT, "%-12s pages %4d  mean F1 %.4f  titles %5.1f%%  slowest %6.1f ms", set,
                    pages.size(), meanF1(), titleShare() * 100, maxMillis());
        }
    }

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A(?:---\\s*\\n)?(.*?)\\n---\\s*\\n", Pattern.DOTALL);
    private static final Pattern TITLE_LINE = Pattern.compile("(?m)^title:\\s*(.*)$");
    private static final Pattern HEXO_TAG = Pattern.compile("\\{%.*?%}", Pattern.DOTALL);
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)]\\([^)]*\\)");
    private static final Pattern REF_DEF = Pattern.compile("(?m)^\\s*\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>|<!--.*?-->", Pattern.DOTALL);
    private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>]+)>");

    private ExtractionEvaluation() {
    }

    /**
     * The readability set: {@code source.html} against {@code expected.html} and the title of
     * {@code expected-metadata.json}.
     *
     * @param dir the {@code readability} folder
     * @param converter the converter that reads the pages
     * @return the scores
     * @throws IOException when a file cannot be read
     */
    public static Result readability(Path dir, Converter converter) throws IOException {
        List<Path> pages;
        try (Stream<Path> dirs = Files.list(dir)) {
            pages = dirs.filter(d -> Files.isRegularFile(d.resolve("source.html"))).sorted().toList();
        }
        List<Page> out = new ArrayList<>();
        for (Path p : pages) {
            String expectedText = Jsoup.parse(Files.readString(p.resolve("expected.html"))).text();
            String expectedTitle = "";
            try {
                if (Json.parse(Files.readString(p.resolve("expected-metadata.json"))) instanceof Map<?, ?> m
                        && m.get("title") instanceof String t) {
                    expectedTitle = t;
                }
            } catch (Json.JsonException e) {
                throw new IOException(p + ": " + e.getMessage(), e);
            }
            out.add(score(p.getFileName().toString(), p.resolve("source.html"), converter, expectedText,
                    expectedTitle));
        }
        return new Result("readability", out);
    }

    /**
     * The Chinese page pairs: each page of {@code pairs.tsv} against the Markdown it was made from,
     * with the Markdown syntax stripped.
     *
     * @param corpus the {@code corpus} folder (holding {@code html-pages} and {@code posts})
     * @param converter the converter that reads the pages
     * @return the scores
     * @throws IOException when a file cannot be read
     */
    public static Result htmlPages(Path corpus, Converter converter) throws IOException {
        List<String> lines = Files.readAllLines(corpus.resolve("html-pages/pairs.tsv"));
        List<Page> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length < 6) {
                continue;
            }
            String md = Files.readString(corpus.resolve(f[5])).replace("\r\n", "\n");
            out.add(score(f[4], corpus.resolve(f[1]), converter, markdownText(md), frontMatterTitle(md)));
        }
        return new Result("html-pages", out);
    }

    private static Page score(String name, Path page, Converter converter, String expectedText, String expectedTitle)
            throws IOException {
        long t0 = System.nanoTime();
        Article a = converter.read(page, "html");
        long nanos = System.nanoTime() - t0;
        String title = a.metadata().title().orElse("");
        return new Page(name, f1(tokens(a.body().text()), tokens(expectedText)),
                collapse(title).equals(collapse(expectedTitle)), title, expectedTitle, Files.size(page), nanos);
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /**
     * @param md a Markdown post with front matter
     * @return its {@code title:} value, unquoted, or ""
     */
    static String frontMatterTitle(String md) {
        Matcher fm = FRONT_MATTER.matcher(md);
        if (!fm.find()) {
            return "";
        }
        Matcher t = TITLE_LINE.matcher(fm.group(1));
        if (!t.find()) {
            return "";
        }
        String v = t.group(1).strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    /**
     * The text of a Markdown post as a reader sees it, roughly: front matter, Hexo tags, link and
     * image addresses, HTML tags and reference definitions removed (the remaining syntax is
     * punctuation, which the tokenizer ignores).
     *
     * @param md the post
     * @return its text
     */
    static String markdownText(String md) {
        String body = md;
        Matcher fm = FRONT_MATTER.matcher(md);
        if (fm.find() && TITLE_LINE.matcher(fm.group(1)).find()) {
            body = md.substring(fm.end());
        }
        body = HEXO_TAG.matcher(body).replaceAll(" ");
        body = IMAGE.matcher(body).replaceAll(" ");
        body = LINK.matcher(body).replaceAll("$1");
        body = AUTOLINK.matcher(body).replaceAll("$1");
        body = REF_DEF.matcher(body).replaceAll(" ");
        body = HTML_TAG.matcher(body).replaceAll(" ");
        return org.jsoup.parser.Parser.unescapeEntities(body, false);
    }

    /**
     * @param text any text
     * @return its tokens: one per CJK character, else runs of letters and digits, in lower case
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flush(word, out);
                out.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else {
                flush(word, out);
            }
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (!word.isEmpty()) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
                || s == Character.UnicodeScript.KATAKANA || s == Character.UnicodeScript.HANGUL;
    }

    /**
     * @param found the tokens found
     * @param expected the tokens expected
     * @return the F1 of the two multisets; 1 when both are empty
     */
    public static double f1(List<String> found, List<String> expected) {
        if (found.isEmpty() && expected.isEmpty()) {
            return 1;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String t : expected) {
            counts.merge(t, 1, Integer::sum);
        }
        int common = 0;
        for (String t : found) {
            Integer c = counts.get(t);
            if (c != null && c > 0) {
                common++;
                counts.put(t, c - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = common / (double) found.size();
        double recall = common / (double) expected.size();
        return 2 * precision * recall / (precision + recall);
    }
}
