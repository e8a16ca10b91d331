package org.articlekit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.articlekit.internal.warc.TestArchive;
import org.junit.jupiter.api.Test;

/** Damaged archives never make the reader fail: each damage is a warning, and what is intact is read. */
class WebArchiveResilienceTest {

    @Test
    void randomDamageToPlainAndGzippedArchivesIsAlwaysSurvived() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        Random random = new Random(20260301);
        for (byte[] original : List.of(crawl.warc(), crawl.warcGz())) {
            for (int round = 0; round < 300; round++) {
                byte[] damaged = damage(original, random);
                List<Diagnostic> warnings = new ArrayList<>();
                List<WebPage> pages = new ArrayList<>();
                WebArchive.Summary s = WebArchive.pages(new ByteArrayInputStream(damaged), "damaged.warc",
                        Limits.defaults(), warnings::add, (p, o) -> pages.add(p));
                assertThat(s.records()).isEqualTo(s.pages() + s.skipped() + s.broken());
                assertThat(warnings).allSatisfy(d -> assertThat(d.code()).isEqualTo("warc.record"));
                assertThat(s.broken()).isLessThanOrEqualTo(warnings.size());
                assertThat(pages).allSatisfy(p -> assertThat(p.uri().getScheme()).isEqualTo("https"));
            }
        }
    }

    @Test
    void anUntouchedRecordAfterDamageIsStillRead() throws IOException {
        TestArchive crawl = TestArchive.crawl();
        byte[] warc = crawl.warc();
        int notes = crawl.recordLengths().subList(0, 5).stream().mapToInt(Integer::intValue).sum();
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] damaged = warc.clone();
            // Damage anywhere before the notes page, which must survive.
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                damaged[random.nextInt(notes - 4)] = (byte) random.nextInt(256);
            }
            List<String> uris = new ArrayList<>();
            WebArchive.pages(new ByteArrayInputStream(damaged), "damaged.warc", Limits.defaults(), d -> { },
                    (p, o) -> uris.add(p.uri().toString()));
            assertThat(uris).as("round " + round).contains("https://harbour.example.org/posts/notes.html");
        }
    }

    private static byte[] damage(byte[] original, Random random) {
        byte[] b = original.clone();
        switch (random.nextInt(4)) {
            case 0:
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                }
                return b;
            case 1:
                return Arrays.copyOf(b, random.nextInt(b.length));
            case 2: {
                int at = random.nextInt(b.length);
                int len = Math.min(1 + random.nextInt(200), b.length - at);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return out;
            }
            default: {
                int at = random.nextInt(b.length);
                byte[] junk = new byte[1 + random.nextInt(100)];
                random.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                return out;
            }
        }
    }
}
