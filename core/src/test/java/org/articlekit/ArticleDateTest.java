package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ArticleDateTest {

    @Test
    void readsRfc1123DatesWithTheirZoneAndKeepsTheText() {
        ArticleDate d = ArticleDate.parse("Fri, 16 Jul 2021 20:06:53 GMT");
        assertThat(d.text()).isEqualTo("Fri, 16 Jul 2021 20:06:53 GMT");
        assertThat(d.hasZone()).isTrue();
        assertThat(d.instant()).contains(Instant.parse("2021-07-16T20:06:53Z"));
        assertThat(d.isoString()).contains("2021-07-16T20:06:53Z");
    }

    @Test
    void readsIsoOffsetDates() {
        ArticleDate d = ArticleDate.parse("2024-03-01T08:30:00+08:00");
        assertThat(d.instant()).contains(Instant.parse("2024-03-01T00:30:00Z"));
        assertThat(d.offset()).contains(ZoneOffset.ofHours(8));
    }

    @Test
    void neverPlacesAZonelessDateInTheMachineZone() {
        TimeZone saved = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            ArticleDate d = ArticleDate.parse("2021-07-16 20:06");
            assertThat(d.hasZone()).isFalse();
            assertThat(d.instant()).isEmpty();
            assertThat(d.dateTime()).contains(LocalDateTime.of(2021, 7, 16, 20, 6));
            assertThat(d.isoString()).contains("2021-07-16T20:06:00");
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void readsChineseDatesWithAfternoonMarker() {
        ArticleDate d = ArticleDate.parse("2023年5月4日 下午3:20");
        assertThat(d.dateTime()).contains(LocalDateTime.of(2023, 5, 4, 15, 20));
        assertThat(ArticleDate.parse("2023年5月4日").isoString()).contains("2023-05-04");
    }

    @Test
    void readsSlashedDatesAndDateOnly() {
        assertThat(ArticleDate.parse("2022/1/9 7:05").dateTime()).contains(LocalDateTime.of(2022, 1, 9, 7, 5));
        ArticleDate day = ArticleDate.parse("2022-01-09");
        assertThat(day.hasTime()).isFalse();
        assertThat(day.isoString()).contains("2022-01-09");
    }

    @Test
    void keepsTextItCannotParse() {
        ArticleDate d = ArticleDate.parse("last Tuesday");
        assertThat(d.isParsed()).isFalse();
        assertThat(d.text()).isEqualTo("last Tuesday");
        assertThat(d.isoString()).isEmpty();
        assertThat(ArticleDate.parse("2021-02-30").isParsed()).isFalse();
    }

    @Test
    void factoriesWriteIsoText() {
        assertThat(ArticleDate.of(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)).text())
                .isEqualTo("2020-01-02T03:04:05Z");
        assertThat(ArticleDate.of(LocalDate.of(2020, 1, 2)).text()).isEqualTo("2020-01-02");
    }

    @Test
    void rebuildsADateFromTextAndMeaning() {
        ArticleDate original = ArticleDate.parse("Fri, 16 Jul 2021 20:06:53 GMT");
        ArticleDate rebuilt = ArticleDate.of(original.text(), original.isoString().orElseThrow());
        assertThat(rebuilt).isEqualTo(original);
        ArticleDate local = ArticleDate.parse("2021/07/16 20:06");
        assertThat(ArticleDate.of(local.text(), local.isoString().orElseThrow())).isEqualTo(local);
    }

    @Test
    void sortsByTimeWithUnparsedLast() {
        assertThat(ArticleDate.parse("2020-01-01").sortKey()).isLessThan(ArticleDate.parse("2021-01-01").sortKey());
        assertThat(ArticleDate.parse("someday").sortKey()).isEqualTo(Long.MAX_VALUE);
    }
}
