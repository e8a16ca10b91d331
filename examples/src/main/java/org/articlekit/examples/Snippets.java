package org.articlekit.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.ArticleKit;
import org.articlekit.ArticleSource;
import org.articlekit.BindingListener;
import org.articlekit.BookBinder;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Converter;
import org.articlekit.Limits;
import org.articlekit.Metadata;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceResolver;

/**
 * The library examples the README shows, kept here so tests run them and they stay true. Each
 * method's body is what the README quotes.
 */
public final class Snippets {

    private Snippets() {
    }

    /**
     * README: "Read an HTML page and print its title".
     *
     * @param page a saved web page or an HTML fragment
     * @param out where the title is printed
     * @throws IOException when the page cannot be read
     */
    public static void printTitle(Path page, PrintStream out) throws IOException {
        Article article = ArticleKit.read(page);
        out.println(article.metadata().title().orElse("(no title)"));
    }

    /**
     * README: "Read the metadata": authors and the publication date as written and as an instant.
     *
     * @param page a saved web page
     * @param out where the lines are printed
     * @throws IOException when the page cannot be read
     */
    public static void printMetadata(Path page, PrintStream out) throws IOException {
        Metadata m = ArticleKit.read(page).metadata();
        out.println("by " + String.join(", ", m.authors()));
        m.published().ifPresent(d -> out.println("published " + d.text()
                + d.instant().map(i -> " = " + i).orElse(" (no time zone given)")));
        m.categories().forEach(c -> out.println("category " + c));
    }

    /**
     * README: "Convert a page, printing warnings". The output format comes from the output's
     * extension; the file appears only when the conversion succeeded.
     *
     * @param input the page to convert
     * @param output the file to write, such as {@code post.html} (later {@code post.md}, {@code post.epub})
     * @param err where warnings are printed
     * @throws IOException when the input cannot be converted
     */
    public static void convertWithWarnings(Path input, Path output, PrintStream err) throws IOException {
        Converter converter = Converter.builder()
                .warnings(w -> err.println("warning: " + w))
                .build();
        converter.convert(input, output);
    }

    /**
     * README: "Change the metadata before writing".
     *
     * @param input the page to read
     * @param output the file to write
     * @throws IOException when reading or writing fails
     */
    public static void retitle(Path input, Path output) throws IOException {
        Article article = ArticleKit.read(input);
        Metadata changed = article.metadata().toBuilder()
                .title("A new title")
                .published(ArticleDate.parse("2024-05-01T09:00:00+08:00"))
                .build();
        ArticleKit.write(article.withMetadata(changed), output);
    }

    /**
     * README: "Clean an HTML fragment".
     *
     * @param err where warnings are printed
     * @return the cleaned body
     * @throws ArticleFormatException only in strict mode, which this example does not use
     */
    public static Body cleanFragment(PrintStream err) throws ArticleFormatException {
        Body body = BodyNormalizer.builder()
                .baseUri(URI.create("https://example.org/posts/"))
                .warnings(w -> err.println(w))
                .build()
                .normalize("<div class=\"img_box\"><img data-original=\"a.jpg\" src=\"data:...\"></div>");
        return body;
    }

    /**
     * README: "Download images from the web".
     *
     * @param cache the download cache folder
     * @return a converter that reads images (local and remote) into each article's resources
     */
    public static Converter remoteImages(Path cache) {
        RemoteImageOptions remote = RemoteImageOptions.builder().cacheDir(cache).build();
        Converter converter = Converter.builder().collectImages(true)
                .resolvers(dir -> ResourceResolver.remote(ResourceResolver.localFiles(dir), remote, Limits.defaults()))
                .build();
        return converter;
    }

    /**
     * README: "Bind a folder into a book from Java". The same book, byte for byte, as
     * {@code articlekit convert DIR -o book.epub}.
     *
     * @param folder a folder of articles, such as {@code examples/articles}
     * @param book the book to write, such as {@code articles.epub} or {@code articles.pdf}
     * @throws IOException when an article cannot be read or the book cannot be written
     */
    public static void bindFolder(Path folder, Path book) throws IOException {
        ArticleKit.convert(folder, book);
    }

    /**
     * README: "Bind a folder into a book from Java", with a title, warnings and progress.
     *
     * @param folder a folder of articles
     * @param book the book to write
     * @param err where warnings and progress are printed
     * @return what the book holds
     * @throws IOException when an article cannot be read or the book cannot be written
     */
    public static BookBinder.Result bindWithProgress(Path folder, Path book, PrintStream err) throws IOException {
        BookBinder binder = BookBinder.builder()
                .converter(Converter.builder().warnings(w -> err.println("warning: " + w)).build())
                .title("My notes")
                .listener(new BindingListener() {
                    @Override
                    public void chapterWritten(int done, int total) {
                        err.println("chapter " + done + " of " + total);
                    }
                })
                .build();
        return binder.write(ArticleSource.of(folder), book);
    }
}
