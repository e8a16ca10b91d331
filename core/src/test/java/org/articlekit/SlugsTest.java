package org.articlekit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void keepsLettersOfEveryScriptAndJoinsTheRestWithOneHyphen() {
        assertThat(Slugs.of("西湖的秋天：游客 & 桂花", 60)).isEqualTo("西湖的秋天-游客-桂花");
        assertThat(Slugs.of("  Hello, World! ＡＢＣ ", 60)).isEqualTo("hello-world-abc");
        assertThat(Slugs.of("!!!", 60)).isEmpty();
    }

    @Test
    void neverExceedsTheLimitNorEndsWithAHyphen() {
        assertThat(Slugs.of("ab cd", 3)).isEqualTo("ab");
        assertThat(Slugs.of("ab cd", 4)).isEqualTo("ab-c");
        assertThat(Slugs.of("𠀀𠀁 x", 2)).isEqualTo("𠀀𠀁");
        assertThatThrownBy(() -> Slugs.of("a", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
