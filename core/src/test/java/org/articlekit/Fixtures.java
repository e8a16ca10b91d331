package org.articlekit;

import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test data, written for these tests. */
public final class Fixtures {

    private Fixtures() {
    }

    /** @return metadata with every field set, Chinese and English values, and typed extras */
    public static Metadata fullMetadata() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1);
        nested.put("a", List.of("x", true));
        return Metadata.builder()
                .title("城市的早晨")
                .subtitle("A morning in the city")
                .author("李雷").author("Han Mei")
                .published(ArticleDate.parse("Fri, 16 Jul 2021 20:06:53 GMT"))
                .updated(ArticleDate.parse("2021-07-17 09:00"))
                .language("zh_cn")
                .summary("清晨的街道与早点摊。")
                .tags(List.of("城市", "生活"))
                .category(CategoryPath.of("随笔", "城市"))
                .category(CategoryPath.of("Photos"))
                .cover("https://img.example.org/cover.jpg")
                .thumbnail("images/thumb.png")
                .canonicalUrl(URI.create("https://blog.example.org/2021/07/morning/"))
                .sourceUrl(URI.create("https://news.example.org/a/1"))
                .identifier("urn:uuid:0f0e0d0c-0b0a-4909-8807-060504030201")
                .publisher("Example Daily")
                .extra("comments", false)
                .extra("headimg", "https://img.example.org/head.jpg")
                .extra("weight", new BigDecimal("1.50"))
                .extra("nested", nested)
                .build();
    }
}
