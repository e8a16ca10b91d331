package org.articlekit.epub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.junit.jupiter.api.Test;

class EpubRoundTripTest {

    static Book read(byte[] epub, List<Diagnostic> warnings) throws IOException {
        return new EpubReader().readBook(new ByteArrayInputStream(epub), Fixtures.context(warnings));
    }

    @Test
    void articlesComeBackExactlyWithAllMetadataExtrasBodiesAndImages() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        Book in = Fixtures.book(Fixtures.chinesePost(), Fixtures.oddPost());
        byte[] epub = EpubWriterTest.write(in, warnings);
        EpubCheck.assertValid(epub);

        Book out = read(epub, warnings);

        assertThat(out.articles()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            Article a = in.articles().get(i);
            Article b = out.articles().get(i);
            assertThat(b.metadata()).isEqualTo(a.metadata());
            assertThat(b.body()).isEqualTo(a.body());
            assertThat(b.resources()).isEqualTo(a.resources());
            assertThat(b).isEqualTo(a);
        }
        assertThat(out.metadata().title()).contains("合集 & Collection");
        assertThat(out.metadata().authors()).containsExactly("编者");
        assertThat(out.metadata().language()).contains("zh-CN");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aForeignBookGivesOneArticlePerSpineDocumentTitledFromTheNav() throws IOException {
        byte[] png = Fixtures.png(0x00ff00);
        byte[] epub = TestZip.minimal("<h2>标题</h2><p>正文 text.</p><img src=\"img/a.png\" alt=\"a\"/>")
                .add("OEBPS/img/a.png", png).bytes();
        List<Diagnostic> warnings = new ArrayList<>();

        Book book = read(epub, warnings);

        assertThat(book.metadata().title()).contains("Test book");
        assertThat(book.metadata().authors()).containsExactly("作者");
        assertThat(book.articles()).singleElement().satisfies(a -> {
            assertThat(a.metadata().title()).contains("第一章 Chapter One");
            assertThat(a.metadata().language()).contains("zh-CN");
            assertThat(a.body().text()).contains("正文 text.");
            assertThat(a.resources().all()).singleElement().satisfies(r -> {
                assertThat(r.bytes()).isEqualTo(png);
                assertThat(a.body().html()).contains("src=\"" + r.name() + "\"");
            });
        });
    }
}
