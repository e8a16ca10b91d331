package org.articlekit.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.junit.jupiter.api.Test;

/**
 * Optional check of main-content extraction against {@code ../shared/corpus} (skipped when it is
 * absent): mean token F1 and exact titles on the readability pages and the Chinese page pairs, and
 * the scraped news page of {@code ../shared/seeds}. The thresholds are what the extractor reaches
 * today, a little below, so a regression fails. Timings are not asserted here: speed is measured
 * by {@code benchmarks/extraction-eval.sh}.
 */
class ExtractionCorpusTest {

    static final Path SHARED = Path.of("../../shared");

    @Test
    void readabilityPagesAreExtractedWithHighTokenF1() throws IOException {
        Path dir = SHARED.resolve("corpus/readability");
        assumeTrue(Files.isDirectory(dir), "corpus not present");
        Converter c = Converter.builder().build();
        ExtractionEvaluation.Result r = ExtractionEvaluation.readability(dir, c);
        System.out.println(r.row());
        assertThat(r.meanF1()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.titleShare()).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void chinesePagesMatchTheirMarkdownSources() throws IOException {
        Path corpus = SHARED.resolve("corpus");
        assumeTrue(Files.isRegularFile(corpus.resolve("html-pages/pairs.tsv")), "corpus not present");
        Converter c = Converter.builder().build();
        ExtractionEvaluation.Result r = ExtractionEvaluation.htmlPages(corpus, c);
        System.out.println(r.row());
        assertThat(r.meanF1()).isGreaterThanOrEqualTo(0.96);
        assertThat(r.titleShare()).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theScrapedSeedPageGivesItsTitleAndParagraphsOnly() throws IOException {
        Path seed = SHARED.resolve("seeds/scraped-news-page.txt");
        assumeTrue(Files.isRegularFile(seed), "seed not present");
        Article a = Converter.builder().build().read(seed);
        assertThat(a.metadata().title()).hasValue("英伟达并不可靠,中国不会一棵树吊死,中方高层见了一位特殊客人");
        String text = a.body().text();
        assertThat(text).startsWith("英伟达并不可靠,中国不会“在一棵树上吊死”,中方高层见了一位特殊客人。")
                .endsWith("这正是中国的发展之道。")
                .doesNotContain("网易首页", "分享至", "特别声明", "Notice:", "声明:个人原创", "相关推荐", "热点推荐");
    }
}
