package org.articlekit.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.text.TextOptions;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class TextReaderTest {

    private final List<Diagnostic> warnings = new ArrayList<>();

    private Article read(byte[] bytes, TextOptions options) throws IOException {
        ConversionContext ctx = ConversionContext.builder().sourceName("in.txt").options(FormatOptions.of(options))
                .warnings(warnings::add).build();
        return new TextReader().read(new ByteArrayInputStream(bytes), ctx);
    }

    private Article read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), TextOptions.defaults());
    }

    private static List<String> paragraphs(Article a) {
        return a.body().document().body().select("p").eachText();
    }

    @Test
    void takesTheTitleFromTheFirstLineAndParagraphsFromBlankLines() throws IOException {
        Article a = read("\n  Weekly notes  \n\nFirst paragraph.\n\n\nSecond paragraph.\n");

        assertThat(a.metadata().title()).contains("Weekly notes");
        assertThat(paragraphs(a)).containsExactly("First paragraph.", "Second paragraph.");
        assertThat(warnings).isEmpty();
    }

    @Test
    void joinsHardWrappedLatinLinesWithASpace() throws IOException {
        Article a = read("Title\n\nThe quick brown fox\njumps over the lazy dog\nand runs away.\n\nEnd.");

        assertThat(paragraphs(a)).containsExactly("The quick brown fox jumps over the lazy dog and runs away.", "End.");
    }

    @Test
    void joinsHardWrappedChineseLinesWithNoSpace() throws IOException {
        Article a = read("会议纪要\n\n今天下午我们在三楼的小会议室里讨论\n了新版本的发布计划，大家同意周五前\n完成全部测试。\n\n散会。");

        assertThat(paragraphs(a)).containsExactly(
                "今天下午我们在三楼的小会议室里讨论了新版本的发布计划，大家同意周五前完成全部测试。", "散会。");
    }

    @Test
    void endsAParagraphAtALongChineseLineThatEndsASentence() throws IOException {
        String text = "图书馆的变化\n\n"
                + "城东的老图书馆去年冬天重新装修，换上了明亮的灯和宽大的木桌。\n"
                + "每到周末，阅览室里坐满了带着孩子来看绘本的家长们！\n"
                + "管理员说，借阅量比装修前多了将近一倍，这让大家都很意外？\n"
                + "\n"
                + "短一点的句子\n接在下一行。";

        Article a = read(text);

        assertThat(paragraphs(a)).containsExactly(
                "城东的老图书馆去年冬天重新装修，换上了明亮的灯和宽大的木桌。",
                "每到周末，阅览室里坐满了带着孩子来看绘本的家长们！",
                "管理员说，借阅量比装修前多了将近一倍，这让大家都很意外？",
                "短一点的句子接在下一行。");
    }

    @Test
    void makesEveryLineAParagraphInChineseTextWithoutBlankLines() throws IOException {
        Article a = read("小区停水通知\n明天上午九点停水。\n预计下午三点恢复\n请提前储水\n");

        assertThat(a.metadata().title()).contains("小区停水通知");
        assertThat(paragraphs(a)).containsExactly("明天上午九点停水。", "预计下午三点恢复", "请提前储水");
    }

    @Test
    void keepsLatinTextWithoutBlankLinesAsOneParagraph() throws IOException {
        Article a = read("Title\nthis line is wrapped\nby hand at a short width\n");

        assertThat(paragraphs(a)).containsExactly("this line is wrapped by hand at a short width");
    }

    @Test
    void startsAParagraphAtALineIndentedWithIdeographicSpaces() throws IOException {
        Article a = read("标题\n\n\u3000\u3000第一段开头\n接着第一段。\n\u3000\u3000第二段。\n");

        assertThat(paragraphs(a)).containsExactly("第一段开头接着第一段。", "第二段。");
    }

    @Test
    void decodesGbkBytesWithoutReplacementCharacters() throws IOException {
        String text = "秋天的果园\n\n"
                + "山脚下的果园里，苹果和梨都熟了，空气里飘着甜甜的香味。\n\n"
                + "果农们天不亮就上山采摘，把装满果子的竹筐一筐一筐地抬到路边，等着收购的货车开过来。\n\n"
                + "孩子们放学后也跑来帮忙，一边摘一边偷偷尝上一口，笑声传得很远很远。\n";
        byte[] gbk = text.getBytes("GB18030");

        Article a = read(gbk, TextOptions.defaults());

        assertThat(a.metadata().title()).contains("秋天的果园");
        assertThat(a.body().text()).doesNotContain("\uFFFD").contains("苹果和梨都熟了").contains("笑声传得很远很远");
        assertThat(warnings).isEmpty();
    }

    @Test
    void decodesShortGbkTextWithAGb18030Fallback() throws IOException {
        byte[] gbk = "短标题\n\n很短的正文。".getBytes("GB18030");

        Article a = read(gbk, TextOptions.builder().fallbackCharset(Charset.forName("GB18030")).build());

        assertThat(a.metadata().title()).contains("短标题");
        assertThat(paragraphs(a)).containsExactly("很短的正文。");
    }

    @Test
    void decodesUtf16WithAByteOrderMark() throws IOException {
        Article a = read("双字节编码\n\n正文内容。".getBytes(StandardCharsets.UTF_16), TextOptions.defaults());

        assertThat(a.metadata().title()).contains("双字节编码");
        assertThat(paragraphs(a)).containsExactly("正文内容。");
    }

    @Test
    void skipsAUtf8ByteOrderMark() throws IOException {
        byte[] body = "Title\n\nBody.".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(read(withBom, TextOptions.defaults()).metadata().title()).contains("Title");
    }

    @Test
    void warnsWhenBytesHadToBeReplaced() throws IOException {
        byte[] bad = {'T', 'i', 't', 'l', 'e', '\n', '\n', 'a', (byte) 0xFF, (byte) 0xFE, (byte) 0x81, 'b'};

        Article a = read(bad, TextOptions.builder().fallbackCharset(StandardCharsets.UTF_8).build());

        assertThat(warnings).extracting(Diagnostic::code).contains("text.encoding");
        assertThat(a.metadata().title()).contains("Title");
    }

    @Test
    void failsInStrictModeWhenBytesHadToBeReplaced() {
        byte[] bad = {'T', '\n', '\n', 'a', (byte) 0xFF, (byte) 0xFE, (byte) 0x81, 'b'};
        ConversionContext ctx = ConversionContext.builder().sourceName("bad.txt").strict(true).build();

        assertThatThrownBy(() -> new TextReader().read(new ByteArrayInputStream(bad), ctx))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("bad.txt");
    }

    @Test
    void readsCrlfAndCrLineEndingsLikeLf() throws IOException {
        Article crlf = read("Title\r\n\r\nLine one\r\nline two\r\n\r\n第二段。\r\n");
        Article cr = read("Title\r\rLine one\rline two\r\r第二段。\r");

        assertThat(paragraphs(crlf)).containsExactly("Line one line two", "第二段。");
        assertThat(crlf.body().html()).doesNotContain("\r");
        assertThat(cr).isEqualTo(crlf);
    }

    @Test
    void takesNoTitleWhenTitleFromFirstLineIsOff() throws IOException {
        Article a = read("Not a title\n\nBody.".getBytes(StandardCharsets.UTF_8),
                TextOptions.builder().titleFromFirstLine(false).build());

        assertThat(a.metadata().title()).isEmpty();
        assertThat(paragraphs(a)).containsExactly("Not a title", "Body.");
    }

    @Test
    void doesNotTakeAVeryLongFirstLineForATitle() throws IOException {
        String longLine = "word ".repeat(40).strip();

        Article a = read(longLine + "\n\nSecond.");

        assertThat(a.metadata().title()).isEmpty();
        assertThat(paragraphs(a)).containsExactly(longLine, "Second.");
    }

    @Test
    void readsEmptyInputAsAnEmptyArticleWithAWarning() throws IOException {
        Article a = read(" \n\r\n\t");

        assertThat(a).isEqualTo(Article.builder().build());
        assertThat(warnings).extracting(Diagnostic::code).containsExactly("input.empty");
    }

    @Test
    void readsAByteOrderMarkAloneAsAnEmptyArticleWithAWarning() throws IOException {
        ConversionContext ctx = ConversionContext.builder().sourceName("in.txt").warnings(warnings::add).build();

        Article a = new TextReader().read("\uFEFF\r\n ", ctx, TextOptions.defaults());

        assertThat(a).isEqualTo(Article.builder().build());
        assertThat(warnings).extracting(Diagnostic::code).containsExactly("input.empty");
    }

    @Test
    void rejectsInputOverTheByteLimit() {
        ConversionContext ctx = ConversionContext.builder().sourceName("big.txt")
                .limits(Limits.builder().maxInputBytes(100).build()).build();
        InputStream in = new ByteArrayInputStream("x".repeat(101).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> new TextReader().read(in, ctx)).isInstanceOf(ArticleFormatException.class)
                .hasMessageContaining("big.txt").hasMessageContaining("100 bytes");
    }

    @Test
    void keepsMarkupInTheTextAsTextNotElements() throws IOException {
        Article a = read("Title\n\n<script>alert(1)</script> & <b>bold</b> <a href=\"javascript:x()\">y</a>");

        Element body = a.body().document().body();
        assertThat(body.select("script, b, a")).isEmpty();
        assertThat(paragraphs(a)).containsExactly("<script>alert(1)</script> & <b>bold</b> <a href=\"javascript:x()\">y</a>");
    }

    @Test
    void readsListsAndQuotations() throws IOException {
        Article a = read("Title\n\nShopping:\n- apples\n- green\n  pears\n1. first\n2. second\n\n> quoted line\n> goes on\n>\n> 引用第二段。");

        Element body = a.body().document().body();
        assertThat(body.select("ul > li").eachText()).containsExactly("apples", "green pears");
        assertThat(body.select("ol > li").eachText()).containsExactly("first", "second");
        assertThat(body.select("blockquote > p").eachText()).containsExactly("quoted line goes on", "引用第二段。");
        assertThat(body.select("body > p").eachText()).containsExactly("Shopping:");
    }

    @Test
    void doesNotStackOverflowOnAMillionLines() throws IOException {
        String text = "Title\n\n" + "line\n".repeat(1_000_000);

        Article a = read(text);

        assertThat(paragraphs(a)).hasSize(1);
    }

    @Test
    void readsAHandWrittenHeaderWithAliasesAndKeepsAValueThatDoesNotFitAsAnExtra() throws IOException {
        Article a = read("读书会通知\n=====\nAuthors: 张三、李四\nDate: 2024年3月1日 下午2:30\nLanguage: 中文\n"
                + "Tags: 读书，活动\nroom: 301\n\n本周六下午在三楼活动室。");

        assertThat(a.metadata().title()).contains("读书会通知");
        assertThat(a.metadata().authors()).containsExactly("张三", "李四");
        assertThat(a.metadata().published()).hasValueSatisfying(d -> {
            assertThat(d.text()).isEqualTo("2024年3月1日 下午2:30");
            assertThat(d.dateTime()).hasValueSatisfying(t -> assertThat(t.getHour()).isEqualTo(14));
        });
        assertThat(a.metadata().language()).isEmpty();
        assertThat(a.metadata().tags()).containsExactly("读书", "活动");
        assertThat(a.metadata().extra()).containsEntry("Language", "中文").containsEntry("room", "301");
        assertThat(paragraphs(a)).containsExactly("本周六下午在三楼活动室。");
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("text.metadata");
            assertThat(w.line()).isEqualTo(5);
        });
    }

    @Test
    void readsKeyValueLinesAfterATitleAsBodyWhenTheFirstKeyIsNotAHeaderKey() throws IOException {
        Article a = read("Title\n=====\nNote: bring a pen\nAuthor: not a header now\n\nBody.");

        assertThat(a.metadata().authors()).isEmpty();
        assertThat(a.metadata().extra()).isEmpty();
        assertThat(paragraphs(a)).containsExactly("Note: bring a pen Author: not a header now", "Body.");
    }
}
