package org.articlekit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.articlekit.ArticleDate;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import org.junit.jupiter.api.Test;

/** Output names and book groups: stable, unique, readable. */
class SparkNamesTest {

    @Test
    void aPageIsNamedFromItsAddressAndAFileFromItsPath() {
        URI u = URI.create("https://www.example.org/news/2026/%E8%A5%BF%E6%B9%96.html?id=3");
        assertThat(Names.forUrl(u)).matches("www-example-org-news-2026-西湖-html-[0-9a-f]{12}")
                .isEqualTo(Names.forUrl(URI.create(u.toString())));
        assertThat(Names.forUrl(u)).isNotEqualTo(Names.forUrl(URI.create("https://www.example.org/news/2026/"
                + "%E8%A5%BF%E6%B9%96.html?id=4")));
        assertThat(Names.forFile("/a/西湖 的秋天.md", "西湖 的秋天.md")).matches("西湖-的秋天-[0-9a-f]{12}");
        assertThat(Names.forFile("/a/x.md", "x.md")).isNotEqualTo(Names.forFile("/b/x.md", "x.md"));
        assertThat(Names.forFile("/a/crawl.warc.gz", "crawl.warc.gz")).startsWith("crawl-");
        assertThat(Names.forFile("/a/!!!.md", "!!!.md")).startsWith("article-");
        assertThat(Names.slug("Ünïcode  & Ｆｕｌｌ")).isEqualTo("ünïcode-full");
    }

    @Test
    void groupsComeFromTheDateAsWrittenTheSiteTheCategoryAndTheAuthor() {
        Metadata m = Metadata.builder().title("t").published(ArticleDate.parse("2026-11-30T23:30:00-05:00"))
                .sourceUrl(URI.create("https://www.Blog.example.org/p/1")).author("李雷").author("Ann")
                .category(new CategoryPath(java.util.List.of("Tech", "Java"))).build();
        assertThat(Books.group(m, "month")).isEqualTo("2026-11");
        assertThat(Books.group(m, "site")).isEqualTo("blog.example.org");
        assertThat(Books.group(m, "category")).isEqualTo("Tech/Java");
        assertThat(Books.group(m, "author")).isEqualTo("李雷");
        assertThat(Books.group(Metadata.builder().title("t").build(), "month")).isEqualTo("undated");
        assertThat(Books.bookName("2026-11")).isEqualTo("2026-11");
        assertThat(Books.bookName("Tech/Java")).matches("tech-java-[0-9a-f]{12}");
    }
}
