package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.articlekit.spi.FormatOptions;
import org.articlekit.text.TextOptions;
import org.junit.jupiter.api.Test;

class ScrapedTextTest {

    /** Text copied from a news page, in the usual shape; written for this test. */
    static final String SCRAPED = """
            晨光首页 > 民生 > 正文 申请入驻

            山城小面馆的第三代传人,一碗面煮了四十年

            0
            分享至

            清晨六点,巷口的小面馆已经冒出了白气,老板把第一锅骨头汤端上灶台。

            这家店开了四十多年,从爷爷传到孙子,门口的招牌换过三次,味道却没怎么变。

            面馆门口

            问到以后的打算,他笑着说,只要街坊们还愿意来,这碗面就会一直煮下去。

            声明:个人原创,仅供参考

            特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台用户上传并发布,本平台仅提供信息存储服务。

            Notice: The content above (including the pictures and videos if any) is uploaded and posted by a user.

            相关推荐
            热点推荐
            老街改造进入第二阶段,居民可以提前看到方案

            晨光日报
            2025-03-08 10:04:15
            春季菜价小幅回落,叶菜降得最多

            城市观察
            2025-03-08 08:30:02
            """;

    @Test
    void scrapedPageTextKeepsTitleAndParagraphsOnly() throws IOException {
        List<Diagnostic> warnings = new ArrayList<>();
        Article a = read(SCRAPED, TextOptions.defaults(), warnings);
        assertThat(a.metadata().title()).hasValue("山城小面馆的第三代传人,一碗面煮了四十年");
        String text = a.body().text();
        assertThat(text).startsWith("清晨六点").endsWith("这碗面就会一直煮下去。")
                .doesNotContain("首页", "分享至", "声明", "Notice", "相关推荐", "老街改造", "晨光日报");
        assertThat(warnings).extracting(Diagnostic::code).containsOnly("extract.removed");
    }

    @Test
    void ordinaryTextWithTheSameWordsIsLeftAlone() throws IOException {
        String ordinary = """
                读书笔记

                分享一个小习惯:每天睡前读二十分钟书,坚持了一年,读完了三十多本。

                相关推荐
                下面这几本书我反复读过,每一本都值得花一个周末慢慢读完,读的时候最好准备一支笔,把想到的东西随手记在书页的空白处,过一段时间再翻回来看,会发现当时的想法已经变了很多。

                声明这件事很难,但我还是想说:读书不需要理由。
                """;
        Article on = read(ordinary, TextOptions.defaults(), new ArrayList<>());
        Article off = read(ordinary, TextOptions.builder().removeBoilerplate(false).build(), new ArrayList<>());
        assertThat(on).isEqualTo(off);
        assertThat(on.body().text()).contains("相关推荐", "声明这件事");
    }

    @Test
    void turningTheOptionOffKeepsEverything() throws IOException {
        Article a = read(SCRAPED, TextOptions.builder().removeBoilerplate(false).build(), new ArrayList<>());
        assertThat(a.metadata().title()).hasValue("晨光首页 > 民生 > 正文 申请入驻");
        assertThat(a.body().text()).contains("分享至", "特别声明", "老街改造");
    }

    private static Article read(String text, TextOptions options, List<Diagnostic> warnings) throws IOException {
        return Converter.builder().options(FormatOptions.of(options)).warnings(warnings::add).build()
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "txt", "page.txt");
    }
}
