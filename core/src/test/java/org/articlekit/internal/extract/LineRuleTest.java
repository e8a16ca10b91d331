package org.articlekit.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A line rule's first-character test never changes what its pattern decides. */
class LineRuleTest {

    private static final List<LineRule> RULES = List.of(Hints.RELATED_LINE, Hints.COMMENTS_LINE, Hints.SEE_ALSO_LINE,
            Hints.AD_LINE, Hints.PROMPT_LINE, Hints.TRAILER_LINE, Hints.DATE_OR_CATEGORY_LINE, Hints.SHARE_LINE);

    @Test
    void linesStartingWithNoAlternativesFirstCharacterAreRejectedAndOthersAskThePattern() {
        LineRule rule = new LineRule(Pattern.compile("(?iu)\\s*(?:related stories|更多|\\(c\\) \\d{4})\\s*"));
        assertThat(rule.matches("Related stories")).isTrue();
        assertThat(rule.matches("  RELATED STORIES ")).isTrue();
        assertThat(rule.matches("更多")).isTrue();
        assertThat(rule.matches("(C) 2026")).isTrue();
        assertThat(rule.matches("The ferry leaves at seven")).isFalse();
        assertThat(rule.matches("Relatedstories")).isFalse();
        assertThat(rule.matches("")).isFalse();
        assertThat(rule.matches("\uD83D\uDE00 related stories")).isFalse();
    }

    @Test
    void theRulesAgreeWithTheirPatternsOnRandomLines() {
        String[] words = {"Related", "RELATED", "related", "articles", "posts", "stories", "Read", "more", "also",
            "Lesen", "Sie", "auch", "Weitere", "Artikel", "À", "à", "lire", "aussi", "Lea", "también", "相关阅读", "推荐阅读",
            "猜你喜欢", "Comments", "comment", "Leave", "a", "reply", "Kommentare", "(3)", "3", "Advertisement",
            "Anzeige", "广告", "-", "(", ")", "[", "]", "Was", "this", "article", "helpful", "?", "Print", "recipe",
            "Share", "share", "this", "on", "分享到", "点赞", "责任编辑", "编辑", "：", ":", "©", "(c)", "2026", "Copyright",
            "All", "rights", "reserved", "版权所有", "Published", "Updated", "Veröffentlicht", "am", "Category",
            "Kategorie", "This", "entry", "was", "posted", "in", "the", "ferry", "harbour", "渡轮", "码头", "»", ">",
            "Was this article helpful", "rate this story", "PRINT THIS PAGE", "Rezept drucken",
            "ſ", "K", "İ", "ı", "Ｒelated", "  ", "\t", "\u00a0", "\uD83D\uDE00"};
        Random random = new Random(20261204);
        int[] matched = new int[RULES.size()];
        for (int n = 0; n < 30_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int w = random.nextInt(6); w >= 0; w--) {
                line.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String s = random.nextBoolean() ? line.toString().strip() : line.toString();
            for (int r = 0; r < RULES.size(); r++) {
                LineRule rule = RULES.get(r);
                boolean expected = rule.pattern().matcher(s).matches();
                assertThat(rule.matches(s)).as("%s on \"%s\"", rule.pattern().pattern(), s).isEqualTo(expected);
                matched[r] += expected ? 1 : 0;
            }
        }
        for (int r = 0; r < RULES.size(); r++) {
            assertThat(matched[r]).as("lines matched by rule %d", r).isGreaterThan(20);
        }
    }
}
