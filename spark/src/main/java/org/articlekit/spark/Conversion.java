package org.articlekit.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.Converter;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.web.WebArchive;
import org.articlekit.web.WebPage;

/**
 * Reads records into articles on an executor, as the command line reads the same inputs: a file
 * as {@code articlekit convert FILE -o DIR/} reads it (format from its name and content, images
 * left as the references it holds unless a book needs them), a page out of a web archive as
 * {@code articlekit convert crawl.warc -o DIR/} reads it (the HTML reader with the page's address
 * as base and source, its HTTP charset, and the archive's date when the page gives none).
 */
final class Conversion {

    /** An article read from a record, with the output name it gets. */
    record Named(String name, String source, Article article) {
    }

    private final Converter converter;
    private final FormatRegistry registry;

    /**
     * @param options the job's options (limits)
     * @param withImages whether articles are read with their images (for books)
     */
    Conversion(JobOptions options, boolean withImages) {
        this.converter = Converter.builder().limits(options.limits()).collectImages(withImages).build();
        this.registry = converter.registry();
    }

    /** @return the converter, which writes the articles */
    Converter converter() {
        return converter;
    }

    /**
     * @param r a {@link InputRecord.Kind#FILE} or {@link InputRecord.Kind#PAGE} record
     * @return its articles, in input order: one for a page or an article file, several for a book or feed
     * @throws IOException when the record is not a usable article
     */
    List<Named> read(InputRecord r) throws IOException {
        if (r.kind == InputRecord.Kind.PAGE) {
            WebPage page = r.webPage();
            Article a = WebArchive.completed(converter.read(page, "html"), page);
            return List.of(new Named(r.name, page.uri().toString(), a));
        }
        byte[] data = Objects.requireNonNull(r.bytes);
        String fileName = Objects.requireNonNull(r.fileName);
        byte[] head = Arrays.copyOf(data, Math.min(data.length, 8192));
        Optional<ArticleFormat> format = registry.detect(fileName, head);
        if (format.isEmpty()) {
            throw new ArticleFormatException(r.source, "cannot tell the format");
        }
        Path imagesFrom = r.imagesFrom == null ? null : Path.of(r.imagesFrom);
        Book book = converter.readBook(new ByteArrayInputStream(data), format.get().id(), r.source, imagesFrom);
        List<Article> articles = book.articles();
        if (articles.isEmpty()) {
            throw new ArticleFormatException(r.source, "holds no articles");
        }
        if (articles.size() == 1) {
            return List.of(new Named(r.name, r.source, articles.get(0)));
        }
        boolean feed = format.get().id().equals("feed");
        List<Named> named = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            Article a = articles.get(i);
            String name = feed && a.metadata().sourceUrl().isPresent() ? Names.forUrl(a.metadata().sourceUrl().get())
                    : r.name + String.format("-%02d", i + 1);
            named.add(new Named(name, r.source, a));
        }
        return named;
    }

    /**
     * Writes an article in a single-article format.
     *
     * @param a the article
     * @param formatId {@code markdown}, {@code html} or {@code txt}
     * @return the document's bytes
     * @throws IOException when writing fails
     */
    byte[] write(Article a, String formatId) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        converter.write(a, out, formatId);
        return out.toByteArray();
    }
}
