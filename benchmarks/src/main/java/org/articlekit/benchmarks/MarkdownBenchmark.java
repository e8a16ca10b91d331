package org.articlekit.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatRegistry;

/**
 * Throughput of the Markdown format on one thread: every post of a folder is read (front matter,
 * CommonMark, the body normaliser) and written back as Markdown, in memory, over and over; the
 * rate is input megabytes per second once warm, by the wall clock and per second of CPU time used by
 * the whole process (which stays meaningful on a busy machine).
 *
 * <p>Usage: {@code MarkdownBenchmark DIR [SECONDS [WARM-UP SECONDS]]} (default 20 s measured after 30 s of warm-up, which the JIT compilers need to finish).
 */
public final class MarkdownBenchmark {

    private MarkdownBenchmark() {
    }

    /**
     * @param args {@code DIR [SECONDS]}
     * @throws IOException when a post cannot be read or converted
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: MarkdownBenchmark DIR [SECONDS [WARM-UP SECONDS]]");
            System.exit(2);
        }
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 20;
        long warmUp = args.length > 2 ? Long.parseLong(args[2]) : 30;
        List<byte[]> posts = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                posts.add(Files.readAllBytes(p));
            }
        }
        long bytes = posts.stream().mapToLong(b -> b.length).sum();
        System.out.printf("%d posts, %.2f MB of Markdown%n", posts.size(), bytes / 1e6);
        ArticleFormat md = FormatRegistry.defaults().byId("markdown");
        ArticleReader reader = md.reader().orElseThrow();
        ArticleWriter writer = md.writer().orElseThrow();
        run(posts, reader, writer, warmUp * 1_000_000_000L, "warm-up");
        run(posts, reader, writer, seconds * 1_000_000_000L, "measured");
        baseline(posts, seconds * 1_000_000_000L);
    }

    /** commonmark-java alone (parse and render to HTML, no front matter, no normaliser): calibrates the machine. */
    private static void baseline(List<byte[]> posts, long nanos) {
        org.commonmark.parser.Parser parser = org.commonmark.parser.Parser.builder().build();
        org.commonmark.renderer.html.HtmlRenderer renderer = org.commonmark.renderer.html.HtmlRenderer.builder().build();
        List<String> texts = posts.stream().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).toList();
        for (int warm = 0; warm < 3; warm++) {
            texts.forEach(t -> renderer.render(parser.parse(t)));
        }
        long start = System.nanoTime();
        long bytes = 0;
        while (System.nanoTime() - start < nanos) {
            for (int i = 0; i < texts.size(); i++) {
                renderer.render(parser.parse(texts.get(i)));
                bytes += posts.get(i).length;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf("baseline, commonmark-java parse+render alone: %.1f MB/s wall%n", bytes / 1e6 / secs);
    }

    private static void run(List<byte[]> posts, ArticleReader reader, ArticleWriter writer, long nanos, String label)
            throws IOException {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.OperatingSystemMXBean sun = os instanceof com.sun.management.OperatingSystemMXBean x ? x : null;
        long cpuStart = sun == null ? 0 : sun.getProcessCpuTime();
        long start = System.nanoTime();
        long bytes = 0;
        long count = 0;
        long readNanos = 0;
        while (System.nanoTime() - start < nanos) {
            for (byte[] post : posts) {
                ConversionContext ctx = ConversionContext.builder().sourceName("post.md").build();
                long t = System.nanoTime();
                Article a = reader.read(new ByteArrayInputStream(post), ctx);
                readNanos += System.nanoTime() - t;
                ByteArrayOutputStream out = new ByteArrayOutputStream(post.length);
                writer.write(a, out, ctx);
                bytes += post.length;
                count++;
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        double cpu = sun == null ? Double.NaN : (sun.getProcessCpuTime() - cpuStart) / 1e9;
        System.out.printf("%s: %d posts in %.1f s wall, %.1f s CPU (all threads): read+normalise+write %.1f MB/s wall, "
                + "%.1f MB/s per CPU second (read+normalise alone %.1f MB/s wall)%n",
                label, count, secs, cpu, bytes / 1e6 / secs, bytes / 1e6 / cpu, bytes / 1e6 / (readNanos / 1e9));
    }
}
