package org.articlekit.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The line rules' quick tests never change what their patterns decide. */
class HintsTest {

    /** What {@link Hints#prompt} decides without its quick test. */
    private static boolean promptByPatterns(String line) {
        return Hints.PROMPT_WORDS.matcher(line).find() || Hints.PROMPT.matcher(line).matches();
    }

    @Test
    void promptsAreFoundWhateverTheirCase() {
        for (String line : List.of("Get the harbour NEWSLETTER every Monday", "Jetzt ABONNIEREN und weiterlesen",
                "ſubscribe to the harbour weekly", "SÍGUENOS en Facebook y Twitter", "Suivez-nous sur Instagram",
                "Download the ferry app", "DOWNLOAD our new APP today", "订阅 newsletter")) {
            assertThat(Hints.prompt(line)).as(line).isTrue();
        }
        for (String line : List.of("The ferry leaves the north pier at seven.", "渡轮每天早上七点从北码头出发。",
                "The newsletters of the harbour office are archived in the library", "Follow the coast road north")) {
            assertThat(Hints.prompt(line)).as(line).isEqualTo(promptByPatterns(line));
        }
    }

    @Test
    void noCharacterPastTheFoldingLimitFoldsToALetterOfAPromptWord() {
        String letters = String.join("", Hints.PROMPT_WORD_STEMS);
        for (char c = Hints.FOLDS_TO_NO_STEM_LETTER; c < Character.MAX_VALUE; c++) {
            assertThat(letters.indexOf(Hints.fold(c))).as("U+%04X", (int) c).isNegative();
            assertThat(letters.indexOf(c)).as("U+%04X", (int) c).isNegative();
        }
        assertThat(Hints.fold('\u212a')).as("the Kelvin sign, before the limit").isEqualTo('k');
    }

    @Test
    void theQuickTestAgreesWithThePatternsOnRandomLines() {
        String[] words = {"newsletter", "Newsletter", "NEWSLETTER", "subscribe", "SUBSCRIPTION", "suscríbete",
            "SUSCRÍBETE", "abonnieren", "follow", "FOLLOW", "Folgen Sie", "síguenos", "Suivez-nous", "obserwuj",
            "download", "Download", "app", "App", "twitter", "Facebook", "YouTube", "on", "us", "the", "ferry", "渡轮",
            "码头", "ſubscribe", "ſuivez-nous", "K", "ı", "İ", "was", "this", "article", "helpful", "?", "share",
            "story", "print", "recipe", "War", "der", "Artikel", "hilfreich", "Rezept", "drucken", "  ", "\t", "-",
            "ＮＥＷＳＬＥＴＴＥＲ"};
        Random random = new Random(20261204);
        int prompts = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder line = new StringBuilder();
            for (int w = random.nextInt(9); w >= 0; w--) {
                line.append(words[random.nextInt(words.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String s = line.toString();
            boolean expected = promptByPatterns(s);
            assertThat(Hints.prompt(s)).as(s).isEqualTo(expected);
            prompts += expected ? 1 : 0;
        }
        assertThat(prompts).as("lines the patterns take for prompts").isGreaterThan(1_000);
    }
}
