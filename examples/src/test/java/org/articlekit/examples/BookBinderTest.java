package org.articlekit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.imageio.ImageIO;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleKit;
import org.articlekit.ArticleSource;
import org.articlekit.BindingListener;
import org.articlekit.Body;
import org.articlekit.Book;
import org.articlekit.BookBinder;
import org.articlekit.Converter;
import org.articlekit.Diagnostic;
import org.articlekit.Metadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's binder: what a Java user binding a folder, files or articles into a book gets. */
class BookBinderTest {

    @TempDir
    Path tmp;

    private static Path post(Path file, String title, String date, String body) throws IOException {
        Files.createDirectories(file.getParent());
        String front = "---\ntitle: " + title + "\n" + (date.isEmpty() ? "" : "date: " + date + "\n") + "---\n\n";
        return Files.writeString(file, front + body + "\n");
    }

    /** A small one-colour PNG. */
    private static byte[] png(int rgb) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 8; x++) {
            for (int y = 0; y < 8; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static List<String> titles(Book book) {
        return book.articles().stream().map(a -> a.metadata().title().orElse("?")).toList();
    }

    private static List<String> titles(Path epub) throws IOException {
        return titles(ArticleKit.converter().readBook(epub, null));
    }

    @Test
    void ordersChaptersByDateThenNameWithUndatedLast() throws IOException {
        Path dir = tmp.resolve("posts");
        post(dir.resolve("b.md"), "Second", "2024-02-01 10:00:00", "b");
        post(dir.resolve("a.md"), "Undated", "", "a");
        post(dir.resolve("sub/c.md"), "First", "2023-12-31 08:00:00", "c");
        post(dir.resolve("d.md"), "Same day as second, later name", "2024-02-01 10:00:00", "d");

        Book book = BookBinder.builder().build().bind(ArticleSource.of(dir));

        assertThat(titles(book)).containsExactly("First", "Second", "Same day as second, later name", "Undated");
        assertThat(book.metadata().title()).contains("posts");
    }

    @Test
    void asGivenKeepsTheOrderOfTheInputs() throws IOException {
        Path late = post(tmp.resolve("late.md"), "Late", "2025-01-01", "x");
        Path early = post(tmp.resolve("early.md"), "Early", "2020-01-01", "y");

        Book book = BookBinder.builder().order(BookBinder.Order.AS_GIVEN).build()
                .bind(ArticleSource.of(late, early));

        assertThat(titles(book)).containsExactly("Late", "Early");
        assertThat(book.metadata().title()).contains("Articles");
    }

    @Test
    void readsEachInputsImagesFromItsOwnFolder() throws IOException {
        byte[] red = png(0xCC2200);
        byte[] blue = png(0x0022CC);
        Path one = post(tmp.resolve("one/post.md"), "One", "2024-01-01", "![](pic.png)");
        Files.write(tmp.resolve("one/pic.png"), red);
        Path two = post(tmp.resolve("two/post.md"), "Two", "2024-01-02", "![](pic.png)");
        Files.write(tmp.resolve("two/pic.png"), blue);
        Path out = tmp.resolve("out/book.epub");
        Files.createDirectories(out.getParent());
        List<Diagnostic> warnings = Collections.synchronizedList(new ArrayList<>());

        BookBinder.Result r = BookBinder.builder().converter(Converter.builder().warnings(warnings::add).build())
                .build().write(ArticleSource.of(List.of(one, two)), out);

        assertThat(warnings).isEmpty();
        assertThat(r.articles()).isEqualTo(2);
        assertThat(r.images()).isEqualTo(2);
        Book back = ArticleKit.converter().readBook(out, null);
        assertThat(back.articles()).allSatisfy(a -> assertThat(a.resources().size()).isEqualTo(1));
        assertThat(back.articles().get(0).resources().all().get(0).bytes()).isEqualTo(red);
        assertThat(back.articles().get(1).resources().all().get(0).bytes()).isEqualTo(blue);
    }

    @Test
    void aBadInputFailsTheBookAfterTheOthersWereReadAndWritesNothing() throws IOException {
        Path dir = tmp.resolve("posts");
        post(dir.resolve("good.md"), "Good", "2024-01-01", "fine");
        Files.writeString(dir.resolve("bad.md"), "---\ntitle: [unclosed\n---\nbody\n");
        post(dir.resolve("zgood.md"), "Also good", "2024-01-02", "fine");
        Path out = tmp.resolve("book.epub");
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        List<String> failed = Collections.synchronizedList(new ArrayList<>());
        BindingListener listener = new BindingListener() {
            @Override
            public void inputRead(String name, int done, int total, int articles, int images) {
                read.add(name);
            }

            @Override
            public void inputFailed(String name, IOException failure) {
                failed.add(name);
            }
        };

        assertThatThrownBy(() -> BookBinder.builder().listener(listener).build().write(ArticleSource.of(dir), out))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("bad.md");

        assertThat(read).containsExactlyInAnyOrder("good.md", "zgood.md");
        assertThat(failed).containsExactly("bad.md");
        assertThat(out).doesNotExist();
    }

    @Test
    void anEmptyFolderIsAnErrorNamingIt() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(dir.resolve("notes.docx"), "not an article");

        assertThatThrownBy(() -> ArticleKit.convert(dir, tmp.resolve("x.epub")))
                .isInstanceOf(ArticleFormatException.class).hasMessageContaining("empty")
                .hasMessageContaining("no articles found");
        assertThat(tmp.resolve("x.epub")).doesNotExist();
    }

    @Test
    void aFolderToASingleArticleFormatIsAClearError() throws IOException {
        Path dir = tmp.resolve("posts");
        post(dir.resolve("a.md"), "A", "2024-01-01", "a");

        assertThatThrownBy(() -> ArticleKit.convert(dir, tmp.resolve("a.html")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("folder")
                .hasMessageContaining("epub");
    }

    @Test
    void articlesInMemoryBindWithGivenMetadataAndProgress() throws IOException {
        List<Article> articles = List.of(
                Article.builder().metadata(Metadata.builder().title("乙").language("zh-CN")
                        .published(ArticleDate.parse("2024-03-02T08:00:00+08:00")).build())
                        .body(Body.fromHtml("<p>第二篇</p>")).build(),
                Article.builder().metadata(Metadata.builder().title("甲").language("zh-CN").author("林")
                        .published(ArticleDate.parse("2024-03-01T08:00:00+08:00")).build())
                        .body(Body.fromHtml("<p>第一篇</p>")).build());
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        Path out = tmp.resolve("mem.epub");

        BookBinder.Result r = BookBinder.builder().title("合集").listener(new BindingListener() {
            @Override
            public void chapterWritten(int done, int total) {
                written.add(done + "/" + total);
            }
        }).build().write(ArticleSource.articles(articles), out);

        assertThat(r.articles()).isEqualTo(2);
        assertThat(written).containsExactly("1/2", "2/2");
        Book back = ArticleKit.converter().readBook(out, null);
        assertThat(titles(back)).containsExactly("甲", "乙");
        assertThat(back.metadata().title()).contains("合集");
        assertThat(back.metadata().language()).contains("zh-CN");
        assertThat(back.metadata().authors()).containsExactly("林");
    }

    @Test
    void converterConvertBindsSeveralInputsLikeTheBinder() throws IOException {
        Path a = post(tmp.resolve("a.md"), "A", "2024-01-02", "a");
        Path b = post(tmp.resolve("b.md"), "B", "2024-01-01", "b");
        Path viaConverter = tmp.resolve("c.epub");
        Path viaBinder = tmp.resolve("b.epub");

        ArticleKit.convert(List.of(a, b), viaConverter);
        BookBinder.builder().build().write(ArticleSource.of(a, b), viaBinder);

        assertThat(titles(viaConverter)).containsExactly("B", "A");
        assertThat(Files.readAllBytes(viaConverter)).isEqualTo(Files.readAllBytes(viaBinder));
    }

    @Test
    void refusesToWriteTheBookIntoTheFolderItScans() throws IOException {
        Path dir = tmp.resolve("posts");
        post(dir.resolve("a.md"), "A", "2024-01-01", "a");

        assertThatThrownBy(() -> ArticleKit.convert(dir, dir.resolve("book.epub")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the input folder");
        assertThat(dir.resolve("book.epub")).doesNotExist();
    }

    private static Converter fixedClock() {
        return Converter.builder().clock(java.time.Clock.fixed(java.time.Instant.parse("2024-05-06T07:08:09Z"),
                java.time.ZoneOffset.UTC)).build();
    }

    @Test
    void writesTheSameBytesToAStreamAsToAFileForEpubAndPdf() throws IOException {
        Path a = post(tmp.resolve("a.md"), "A", "2024-01-02", "a");
        Path b = post(tmp.resolve("b.md"), "B", "2024-01-01", "b");
        BookBinder binder = BookBinder.builder().converter(fixedClock()).build();
        for (String format : List.of("epub", "pdf")) {
            Path file = tmp.resolve("book." + format);
            ByteArrayOutputStream stream = new ByteArrayOutputStream();

            BookBinder.Result toFile = binder.write(ArticleSource.of(a, b), file, format);
            BookBinder.Result toStream = binder.write(ArticleSource.of(a, b), stream, format);

            assertThat(stream.toByteArray()).as(format).isEqualTo(Files.readAllBytes(file));
            assertThat(toStream.output()).as("a stream has no file").isNull();
            assertThat(toFile.output()).isEqualTo(file);
            assertThat(toStream.bytes()).isEqualTo(toFile.bytes()).isEqualTo(Files.size(file));
            assertThat(toStream.articles()).isEqualTo(2);
        }
    }

    @Test
    void aBookWrittenToAStreamByTheConverterIsTheFileByteForByte() throws IOException {
        Converter c = fixedClock();
        Book book = c.readBook(post(tmp.resolve("a.md"), "A", "2024-01-02", "a"), null);
        Path file = tmp.resolve("a.pdf");
        ByteArrayOutputStream stream = new ByteArrayOutputStream();

        c.writeBook(book, file, "pdf");
        c.writeBook(book, stream, "pdf");

        assertThat(stream.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aBookReadFromAStreamIsBoundWithItsOwnMetadataAsAFileIs() throws IOException {
        Path a = post(tmp.resolve("a.md"), "Own title", "2024-01-02", "a");
        Path viaFile = tmp.resolve("file.epub");
        Path viaStream = tmp.resolve("stream.epub");
        BookBinder binder = BookBinder.builder().converter(fixedClock()).build();
        Book read;
        try (var in = Files.newInputStream(a)) {
            read = fixedClock().toBuilder().collectImages(true).build().readBook(in, null, "<stdin>", tmp);
        }

        binder.write(ArticleSource.of(a), viaFile);
        binder.write(ArticleSource.of(read), viaStream);

        assertThat(titles(viaStream)).containsExactly("Own title");
        assertThat(ArticleKit.converter().readBook(viaStream, null).metadata().title()).contains("Own title");
        assertThat(Files.readAllBytes(viaStream)).isEqualTo(Files.readAllBytes(viaFile));
    }

    @Test
    void imagesOfAStreamResolveAgainstTheFolderGivenAndNoneWithout() throws IOException {
        Files.write(tmp.resolve("red.png"), png(0xff0000));
        byte[] md = "---\ntitle: Pic\n---\n\n![red](red.png)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<Diagnostic> warnings = Collections.synchronizedList(new ArrayList<>());
        Converter c = Converter.builder().collectImages(true).warnings(warnings::add).build();

        Book withFolder = c.readBook(new java.io.ByteArrayInputStream(md), null, "<stdin>", tmp);
        Book without = c.readBook(new java.io.ByteArrayInputStream(md), "markdown", "<stdin>", null);

        assertThat(withFolder.articles().get(0).resources().size()).isEqualTo(1);
        assertThat(without.articles().get(0).resources().size()).isZero();
        assertThat(warnings).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("image.unresolved");
            assertThat(w.toString()).contains("<stdin>");
        });
    }

    @Test
    void aStreamOverTheLimitIsRefusedNamingIt() {
        Converter c = Converter.builder().limits(org.articlekit.Limits.builder().maxInputBytes(50).maxTotalResourceBytes(50).build()).build();

        assertThatThrownBy(() -> c.readBook(new java.io.ByteArrayInputStream(new byte[101]), "markdown", "<stdin>",
                null)).isInstanceOf(ArticleFormatException.class).hasMessageStartingWith("<stdin>: ")
                .hasMessageContaining("over the input limit of 100 bytes");
    }

    @Test
    void aNamedFormatReadsEveryInputInThatFormat() throws IOException {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "---\ntitle: From the front matter\n---\n\nBody.\n");

        Book asMarkdown = BookBinder.builder().build().bind(ArticleSource.of(notes).format("markdown"));
        Book asText = BookBinder.builder().build().bind(ArticleSource.of(notes).format("txt"));

        assertThat(titles(asMarkdown)).containsExactly("From the front matter");
        assertThat(titles(asText)).doesNotContain("From the front matter");
    }
}
