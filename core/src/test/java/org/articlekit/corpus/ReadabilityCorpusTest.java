package org.articlekit.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.internal.json.Json;
import org.junit.jupiter.api.Test;

/**
 * Optional check against real third-party pages in {@code ../shared/corpus/readability}: skipped
 * when that folder is absent (as in a user's clone). Every page must read without failing, and
 * the title, language and excerpt we find must match the expected metadata on most pages.
 */
class ReadabilityCorpusTest {

    static final Path CORPUS = Path.of("../../shared/corpus/readability");

    @Test
    void readsEveryPageAndFindsMostTitlesLanguagesAndExcerpts() throws IOException {
        assumeTrue(Files.isDirectory(CORPUS), "corpus not present");
        Converter converter = Converter.builder().build();
        List<Path> pages;
        try (Stream<Path> dirs = Files.list(CORPUS)) {
            pages = dirs.filter(d -> Files.isRegularFile(d.resolve("source.html"))).sorted().toList();
        }
        int titles = 0;
        int langs = 0;
        int langsExpected = 0;
        int excerpts = 0;
        int excerptsExpected = 0;
        List<String> misses = new ArrayList<>();
        for (Path dir : pages) {
            Article a = converter.read(dir.resolve("source.html"));
            Map<?, ?> expected;
            try {
                expected = (Map<?, ?>) Json.parse(Files.readString(dir.resolve("expected-metadata.json")));
            } catch (Json.JsonException e) {
                throw new IOException(dir + ": " + e.getMessage(), e);
            }
            String title = a.metadata().title().orElse("");
            if (expected.get("title") instanceof String t && (title.equals(t.strip()) || title.contains(t.strip())
                    || t.contains(title) && title.length() > 5)) {
                titles++;
            } else {
                misses.add(dir.getFileName() + ": title '" + title + "' vs '" + expected.get("title") + "'");
            }
            if (expected.get("lang") instanceof String l) {
                langsExpected++;
                if (a.metadata().language().map(x -> x.toLowerCase(Locale.ROOT))
                        .filter(x -> x.startsWith(l.toLowerCase(Locale.ROOT).split("[-_]")[0])).isPresent()) {
                    langs++;
                }
            }
            if (expected.get("excerpt") instanceof String x && !x.isBlank()) {
                excerptsExpected++;
                if (a.metadata().summary().filter(s -> s.strip().equals(x.strip())).isPresent()) {
                    excerpts++;
                }
            }
        }
        System.out.printf("readability corpus: %d pages, titles %d, languages %d/%d, excerpts %d/%d%n",
                pages.size(), titles, langs, langsExpected, excerpts, excerptsExpected);
        assertThat(titles).as("titles found: %s", misses).isGreaterThanOrEqualTo(pages.size() * 97 / 100);
        assertThat(langs).isGreaterThanOrEqualTo(langsExpected * 9 / 10);
    }
}
