package org.articlekit.internal.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The copier's text is in NFC whatever it is made of, and text already in NFC is returned as it is. */
class ComposedTextTest {

    @Test
    void copiedTextIsWhatNfcMakesOfIt() {
        // Letters, accents written apart, CJK ideographs and punctuation, kana with a separate voicing mark,
        // Hangul jamo that compose into syllables, a compatibility ideograph and a space NFC replaces.
        String[] pieces = {"a", "e", "ü", "\u0301", "\u0308", "渡", "轮", "。", "「", "」", "，", "か", "\u3099", "ｈ",
            "\u1100", "\u1161", "\u11a8", "\uf900", "\u2000", "\u3000", "য", "\u09bc", " ", "\uD83D\uDE00"};
        Random random = new Random(20261204);
        int changed = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = random.nextInt(8); i >= 0; i--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = s.toString();
            String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
            String copied = ContentCopier.composed(text);
            assertThat(copied).as(text).isEqualTo(nfc);
            if (nfc.equals(text)) {
                assertThat(copied).as("text already in NFC is not copied").isSameAs(text);
            } else {
                changed++;
            }
        }
        assertThat(changed).as("texts NFC changes").isGreaterThan(5_000);
    }
}
