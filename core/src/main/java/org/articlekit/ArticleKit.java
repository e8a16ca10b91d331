package org.articlekit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Shortcuts for the common cases, with a {@link Converter} of default settings.
 *
 * <pre>{@code
 * ArticleKit.convert(Path.of("page.html"), Path.of("page.txt"));
 * Article a = ArticleKit.read(Path.of("post.html"));
 * }</pre>
 *
 * <p>Warnings are dropped; build a {@link Converter} to see them. Thread-safe.
 */
public final class ArticleKit {

    private static final class Holder {
        static final Converter DEFAULT = Converter.builder().build();
    }

    private ArticleKit() {
    }

    /** @return the shared converter with default settings */
    public static Converter converter() {
        return Holder.DEFAULT;
    }

    /**
     * @param input a file in any readable format
     * @return the article
     * @throws IOException when the input is not usable
     */
    public static Article read(Path input) throws IOException {
        return converter().read(input);
    }

    /**
     * @param article the article
     * @param output the file; its extension picks the format
     * @throws IOException when writing fails
     */
    public static void write(Article article, Path output) throws IOException {
        converter().write(article, output);
    }

    /**
     * Converts a file, or binds a folder of articles into one book.
     *
     * <pre>{@code
     * ArticleKit.convert(Path.of("posts"), Path.of("posts.epub"));
     * }</pre>
     *
     * @param input the input file, or a folder of articles when the output is an EPUB or PDF book
     *     (chapters ordered by date, then name; see {@link BookBinder})
     * @param output the output file; its extension picks the format
     * @throws IOException when the input is not usable or writing fails
     */
    public static void convert(Path input, Path output) throws IOException {
        converter().convert(input, output);
    }

    /**
     * Binds article files and folders into one book.
     *
     * @param inputs the files and folders
     * @param output the EPUB or PDF file; its extension picks the format
     * @throws IOException when an input is not usable or writing fails
     */
    public static void convert(Collection<Path> inputs, Path output) throws IOException {
        converter().convert(inputs, output);
    }
}
