package org.articlekit.benchmarks;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.articlekit.Resource;

/**
 * The cost of naming resources by their content: {@link Resource#of} (which hashes the bytes for
 * the name) against the JDK's SHA-256 alone, over the images of {@link PostGenerator}'s posts
 * (seed 42; 1,000 posts have 1,520 images, 87 MB).
 *
 * <p>{@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * org.articlekit.benchmarks.ContentNames [POSTS] [ROUNDS]} (defaults 1000 and 11): the median
 * time of a round over all images, and MB/s.
 */
public final class ContentNames {

    private ContentNames() {
    }

    /**
     * @param args {@code [POSTS] [ROUNDS]}
     * @throws Exception when SHA-256 is missing
     */
    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        PostGenerator g = new PostGenerator(PostGenerator.DEFAULT_SEED);
        List<byte[]> images = new ArrayList<>();
        for (int n = 0; n < posts; n++) {
            images.addAll(g.post(n).images().values());
        }
        long bytes = images.stream().mapToLong(b -> b.length).sum();
        double of = median(rounds, () -> images.forEach(b -> Resource.of(b, "image/png", null)));
        double sha = median(rounds, () -> images.forEach(b -> sha256(b)));
        double copy = median(rounds, () -> images.forEach(b -> b.clone()));
        System.out.printf(Locale.ROOT, "%d images, %.1f MB; e.g. %s%n", images.size(), bytes / 1e6,
                Resource.of(images.get(0), "image/png", null).name());
        System.out.printf(Locale.ROOT, "  Resource.of (copy + name)  %8.1f ms  %7.1f MB/s%n", of, bytes / 1e3 / of);
        System.out.printf(Locale.ROOT, "  SHA-256 alone (JDK)        %8.1f ms  %7.1f MB/s%n", sha, bytes / 1e3 / sha);
        System.out.printf(Locale.ROOT, "  copy alone                 %8.1f ms  %7.1f MB/s%n", copy, bytes / 1e3 / copy);
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(int rounds, Runnable r) {
        for (int i = 0; i < 3; i++) {
            r.run();
        }
        double[] t = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[rounds / 2];
    }
}
