package org.articlekit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.articlekit.spi.RemoteImageOptions;
import org.junit.jupiter.api.Test;

class WebOptionsTest {

    @Test
    void hasTheDocumentedDefaults() {
        WebOptions d = WebOptions.defaults();
        assertThat(d.allowPrivateHosts()).isFalse();
        assertThat(d.offline()).isFalse();
        assertThat(d.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.maxBytes()).isEqualTo(20L << 20);
        assertThat(d.maxRedirects()).isEqualTo(5);
        assertThat(d.maxParallel()).isEqualTo(8);
        assertThat(d.maxPerHost()).isEqualTo(2);
        assertThat(d.waitBetweenRequests()).isEqualTo(Duration.ZERO);
        assertThat(d.maxRetryWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(d.retries()).isEqualTo(2);
        assertThat(d.cacheDir()).isEmpty();
        assertThat(d.userAgent()).startsWith("ArticleKit/");
    }

    @Test
    void survivesARoundTripThroughItsBuilder() {
        WebOptions o = WebOptions.builder().allowPrivateHosts(true).offline(true).cacheDir(Path.of("cache"))
                .waitBetweenRequests(Duration.ofSeconds(2)).retries(0).maxPerHost(1).build();
        assertThat(o.toBuilder().build()).isEqualTo(o).hasSameHashCodeAs(o);
        assertThat(o).isNotEqualTo(WebOptions.defaults());
    }

    @Test
    void givesImagesTheSamePolicy() {
        WebOptions o = WebOptions.builder().allowPrivateHosts(true).cacheDir(Path.of("cache")).userAgent("Test/1")
                .connectTimeout(Duration.ofSeconds(3)).readTimeout(Duration.ofSeconds(4)).maxPerHost(1).build();
        RemoteImageOptions images = o.imageOptions();
        assertThat(images.allowPrivateHosts()).isTrue();
        assertThat(images.cacheDir()).contains(Path.of("cache", "images"));
        assertThat(images.userAgent()).isEqualTo("Test/1");
        assertThat(images.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(images.readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(images.maxPerHost()).isEqualTo(1);
        assertThat(WebOptions.defaults().imageOptions().allowPrivateHosts()).isFalse();
        assertThat(WebOptions.defaults().imageOptions().cacheDir()).isEmpty();
    }

    @Test
    void refusesBadValuesNamingTheSetting() {
        assertThatThrownBy(() -> WebOptions.builder().maxPerHost(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPerHost must be at least 1: 0");
        assertThatThrownBy(() -> WebOptions.builder().waitBetweenRequests(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("waitBetweenRequests");
        assertThatThrownBy(() -> WebOptions.builder().readTimeout(Duration.ZERO).build())
                .hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> WebOptions.builder().retries(-1).build()).hasMessageContaining("retries");
        assertThatThrownBy(() -> WebOptions.builder().userAgent("a\r\nX-Evil: 1").build())
                .hasMessageContaining("userAgent");
        assertThatThrownBy(() -> WebOptions.builder().maxBytes(0).build()).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> WebOptions.builder().maxRedirects(21).build()).hasMessageContaining("maxRedirects");
    }
}
