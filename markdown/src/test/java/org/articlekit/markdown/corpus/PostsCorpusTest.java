package org.articlekit.markdown.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;
import org.junit.jupiter.api.Test;

/**
 * Optional round trips over real third-party posts and pages in {@code ../shared/corpus}: skipped
 * when that folder is absent (as in a user's clone); CI has it. Posts: every one reads without an
 * exception, and Markdown → article → Markdown → article keeps the metadata for at least 99.5%.
 * Readability pages: HTML → Markdown → HTML keeps the normalised body; the counts are written to
 * {@code target/corpus-report.txt}.
 */
class PostsCorpusTest {

    static final Path CORPUS = Path.of("../../shared/corpus");

    private final ArticleFormat markdown = FormatRegistry.defaults().byId("markdown");

    private Article read(byte[] data, String name) throws IOException {
        ConversionContext ctx = ConversionContext.builder().sourceName(name).build();
        return markdown.reader().orElseThrow().read(new ByteArrayInputStream(data), ctx);
    }

    private byte[] write(Article a, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        markdown.writer().orElseThrow().write(a, out, ConversionContext.builder().sourceName(name).build());
        return out.toByteArray();
    }

    @Test
    void everyPostReadsAndKeepsItsMetadataThroughARoundTrip() throws IOException {
        Path posts = CORPUS.resolve("posts");
        assumeTrue(Files.isRegularFile(posts.resolve("index.tsv")), "corpus not present");
        List<String> rows = Files.readAllLines(posts.resolve("index.tsv"), StandardCharsets.UTF_8);
        int total = 0;
        int rejected = 0;
        int metadataEqual = 0;
        int bodyEqual = 0;
        int bodyEqualIgnoringSpace = 0;
        List<String> crashes = new ArrayList<>();
        Map<String, String> rejections = new TreeMap<>();
        Map<String, String> metadataDiffs = new TreeMap<>();
        List<String> bodyDiffs = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String file = row.split("\t")[1];
            total++;
            byte[] data = Files.readAllBytes(posts.resolve(file));
            Article first;
            try {
                first = read(data, file);
            } catch (ArticleFormatException e) {
                rejected++;
                rejections.put(file, e.getMessage());
                continue;
            } catch (RuntimeException e) {
                crashes.add(file + ": " + e);
                continue;
            }
            try {
                byte[] md = write(first, file);
                Article second = read(md, file);
                if (second.metadata().equals(first.metadata())) {
                    metadataEqual++;
                } else {
                    metadataDiffs.put(file, diff(first.metadata(), second.metadata()));
                }
                if (second.body().equals(first.body())) {
                    bodyEqual++;
                    bodyEqualIgnoringSpace++;
                } else if (squeeze(second.body()).equals(squeeze(first.body()))) {
                    bodyEqualIgnoringSpace++;
                } else {
                    bodyDiffs.add(file + ": " + firstDifference(squeeze(first.body()), squeeze(second.body())));
                }
            } catch (IOException | RuntimeException e) {
                crashes.add(file + " (round trip): " + e);
            }
        }
        int read = total - rejected - crashes.size();
        StringBuilder report = new StringBuilder();
        report.append("posts: ").append(total).append(", read: ").append(read).append(", rejected: ").append(rejected)
                .append(", exceptions: ").append(crashes.size()).append('\n');
        report.append("metadata equal after a round trip: ").append(metadataEqual).append('/').append(read).append('\n');
        report.append("body equal: ").append(bodyEqual).append('/').append(read).append(", equal ignoring white space: ")
                .append(bodyEqualIgnoringSpace).append('/').append(read).append('\n');
        rejections.forEach((f, m) -> report.append("REJECTED ").append(m).append('\n'));
        crashes.forEach(c -> report.append("EXCEPTION ").append(c).append('\n'));
        metadataDiffs.forEach((f, d) -> report.append("METADATA ").append(f).append(": ").append(d).append('\n'));
        bodyDiffs.forEach(d -> report.append("BODY ").append(d).append('\n'));
        writeReport("posts", report.toString());
        assertThat(crashes).as("posts that threw").isEmpty();
        assertThat(metadataEqual).as("posts whose metadata survives a round trip")
                .isGreaterThanOrEqualTo((int) Math.ceil(total * 0.995) - rejected);
    }

    /**
     * Each post read and written back in its own engine's dialect and front-matter syntax: the
     * share of posts whose rendered HTML (the normalised body) is identical to the character
     * afterwards, and the share whose front matter keeps its metadata and its keys in order and
     * form, each at least 99%. The README quotes the numbers.
     */
    @Test
    void eachPostWrittenBackInItsOwnDialectRendersTheSame() throws IOException {
        Path posts = CORPUS.resolve("posts");
        assumeTrue(Files.isRegularFile(posts.resolve("index.tsv")), "corpus not present (../shared/corpus/posts)");
        List<String> rows = Files.readAllLines(posts.resolve("index.tsv"), StandardCharsets.UTF_8);
        int total = 0;
        int same = 0;
        int identical = 0;
        List<String> diffs = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        int keysKept = 0;
        int withReferences = 0;
        int referencesKept = 0;
        List<String> keyDiffs = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] cols = row.split("\t");
            String set = cols[0];
            Dialect dialect = set.contains("hugo") || set.contains("spf13") ? Dialect.HUGO
                    : set.contains("jekyll") || set.contains("github.io") ? Dialect.JEKYLL : Dialect.HEXO;
            MarkdownOptions.FrontMatter syntax = switch (cols[6]) {
                case "toml" -> MarkdownOptions.FrontMatter.TOML;
                case "json" -> MarkdownOptions.FrontMatter.JSON;
                default -> MarkdownOptions.FrontMatter.YAML;
            };
            FormatOptions options = FormatOptions.of(MarkdownOptions.builder().dialect(dialect).frontMatter(syntax)
                    .build());
            String file = cols[1];
            ConversionContext ctx = ConversionContext.builder().sourceName(file).options(options).build();
            Article first;
            try {
                first = markdown.reader().orElseThrow().read(new ByteArrayInputStream(
                        Files.readAllBytes(posts.resolve(file))), ctx);
            } catch (ArticleFormatException e) {
                continue;
            }
            total++;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            markdown.writer().orElseThrow().write(first, out, ctx);
            Article second = markdown.reader().orElseThrow().read(new ByteArrayInputStream(out.toByteArray()), ctx);
            if (second.metadata().sourceKeys().equals(first.metadata().sourceKeys())
                    && second.metadata().equals(first.metadata())) {
                keysKept++;
            } else {
                keyDiffs.add(file + " (" + dialect + "): " + first.metadata().sourceKeys() + " → "
                        + second.metadata().sourceKeys());
            }
            if (!first.metadata().sourceLinks().isEmpty()) {
                withReferences++;
                if (second.metadata().sourceLinks().equals(first.metadata().sourceLinks())
                        && !new String(out.toByteArray(), StandardCharsets.UTF_8).contains("](" + first.metadata()
                                .sourceLinks().get(0).destination() + ")")) {
                    referencesKept++;
                } else {
                    keyDiffs.add(file + " (" + dialect + "): link definitions " + first.metadata().sourceLinks().size()
                            + " → " + second.metadata().sourceLinks().size());
                }
            }
            String was = first.body().html();
            String now = second.body().html();
            if (now.equals(was)) {
                identical++;
                same++;
            } else if (rendered(now).equals(rendered(was))) {
                same++;
                changed.add(file + " (" + dialect + "): " + firstDifference(was, now));
            } else {
                diffs.add(file + " (" + dialect + "): " + firstDifference(rendered(was), rendered(now)));
            }
        }
        StringBuilder report = new StringBuilder("posts: " + total + ", rendered HTML unchanged by a round trip in "
                + "their own dialect: " + same + " (" + percent(same, total) + "); HTML identical to the character: "
                + identical + " (" + percent(identical, total) + "); front matter with the same metadata and the same "
                + "keys in the same order and forms: " + keysKept + " (" + percent(keysKept, total) + "); posts with link "
                + "reference definitions: " + withReferences + ", written back with them: " + referencesKept + "\n");
        keyDiffs.forEach(d -> report.append("KEYS ").append(d).append('\n'));
        diffs.forEach(d -> report.append("BODY ").append(d).append('\n'));
        changed.forEach(d -> report.append("CHARACTERS ").append(d).append('\n'));
        writeReport("dialect-round-trip", report.toString());
        assertThat(identical).as("posts whose rendered HTML is identical to the character after a round trip in their "
                + "dialect; see target/corpus-report-dialect-round-trip.txt")
                .isGreaterThanOrEqualTo((int) Math.ceil(total * 0.99));
        assertThat(keysKept).as("posts whose front matter keys, order and forms survive a round trip")
                .isGreaterThanOrEqualTo((int) Math.ceil(total * 0.99));
    }

    @Test
    void readabilityPagesKeepTheirBodyThroughMarkdown() throws IOException {
        Path pages = CORPUS.resolve("readability");
        assumeTrue(Files.isDirectory(pages), "corpus not present");
        List<Path> files;
        try (Stream<Path> s = Files.list(pages)) {
            files = s.map(d -> d.resolve("expected.html")).filter(Files::isRegularFile).sorted().toList();
        }
        int equal = 0;
        int equalIgnoringSpace = 0;
        List<String> diffs = new ArrayList<>();
        for (Path f : files) {
            Body body = Body.fromHtml(Files.readString(f, StandardCharsets.UTF_8));
            Article a = Article.builder().body(body).build();
            Article back = read(write(a, f.toString()), f.toString());
            if (back.body().equals(body)) {
                equal++;
                equalIgnoringSpace++;
            } else if (squeeze(back.body()).equals(squeeze(body))) {
                equalIgnoringSpace++;
            } else {
                diffs.add(f.getParent().getFileName() + ": " + firstDifference(squeeze(body), squeeze(back.body())));
            }
        }
        StringBuilder report = new StringBuilder("readability pages: " + files.size() + ", body equal: " + equal
                + ", equal ignoring white space: " + equalIgnoringSpace + "\n");
        diffs.forEach(d -> report.append("BODY ").append(d).append('\n'));
        writeReport("readability", report.toString());
        assertThat(equalIgnoringSpace).as("pages whose text and markup survive HTML → Markdown → HTML")
                .isGreaterThanOrEqualTo(files.size() * 8 / 10);
    }

    private static String percent(int part, int whole) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * part / Math.max(1, whole));
    }

    private static final java.util.regex.Pattern PRE = java.util.regex.Pattern.compile("(?s)<pre\\b.*?</pre>");
    private static final java.util.regex.Pattern BLOCK_EDGE = java.util.regex.Pattern.compile(
            " ?(</?(?:p|li|ul|ol|h[1-6]|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|div|section|figure|figcaption"
                    + "|hr|br|dl|dt|dd)\\b[^>]*>) ?");

    /**
     * HTML as a browser shows it: outside {@code pre}, a run of white space is one space, and
     * white space at the start or end of a block or line is none. Inside {@code pre} every
     * character counts.
     */
    static String rendered(String html) {
        StringBuilder out = new StringBuilder(html.length());
        java.util.regex.Matcher m = PRE.matcher(html);
        int at = 0;
        while (m.find()) {
            out.append(collapse(html.substring(at, m.start()))).append(m.group());
            at = m.end();
        }
        return out.append(collapse(html.substring(at))).toString().strip();
    }

    private static String collapse(String s) {
        return BLOCK_EDGE.matcher(s.replaceAll("\\s+", " ")).replaceAll("$1");
    }

    private static String squeeze(Body b) {
        return b.html().replaceAll("\\s+", " ").replaceAll(" ?(<[^>]+>) ?", "$1").strip();
    }

    private static String firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        int from = Math.max(0, i - 60);
        return "was «" + a.substring(from, Math.min(a.length(), i + 80)).replace("\n", "\\n") + "» now «"
                + b.substring(from, Math.min(b.length(), i + 80)).replace("\n", "\\n") + "»";
    }

    private static String diff(Metadata a, Metadata b) {
        Map<String, String> x = fields(a);
        Map<String, String> y = fields(b);
        StringBuilder sb = new StringBuilder();
        for (String k : x.keySet()) {
            if (!x.get(k).equals(y.get(k))) {
                sb.append(k).append(": ").append(x.get(k)).append(" → ").append(y.get(k)).append("; ");
            }
        }
        return sb.length() == 0 ? a + " → " + b : sb.toString();
    }

    private static Map<String, String> fields(Metadata m) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", String.valueOf(m.title()));
        f.put("subtitle", String.valueOf(m.subtitle()));
        f.put("authors", String.valueOf(m.authors()));
        f.put("published", String.valueOf(m.published()));
        f.put("updated", String.valueOf(m.updated()));
        f.put("language", String.valueOf(m.language()));
        f.put("summary", String.valueOf(m.summary()));
        f.put("tags", String.valueOf(m.tags()));
        f.put("categories", String.valueOf(m.categories()));
        f.put("cover", String.valueOf(m.cover()));
        f.put("thumbnail", String.valueOf(m.thumbnail()));
        f.put("canonical", String.valueOf(m.canonicalUrl()));
        f.put("source", String.valueOf(m.sourceUrl()));
        f.put("extra", String.valueOf(m.extra()));
        f.put("extraTypes", m.extra().values().stream().map(v -> v == null ? "null" : v.getClass().getSimpleName())
                .toList().toString());
        return f;
    }

    private static void writeReport(String name, String report) throws IOException {
        Path out = Path.of("target", "corpus-report-" + name + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
    }
}
