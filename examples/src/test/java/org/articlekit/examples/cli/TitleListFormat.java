package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.BookWriter;

/**
 * A test-only format that holds books (registered through the test class path's
 * {@code META-INF/services}), standing in for EPUB until it lands: writes the book's title and
 * authors, then one line per chapter title, and fails on a chapter titled {@code FAIL}.
 */
public final class TitleListFormat implements ArticleFormat {

    @Override
    public String id() {
        return "titles";
    }

    @Override
    public String mediaType() {
        return "text/x-titles";
    }

    @Override
    public List<String> extensions() {
        return List.of("titles");
    }

    @Override
    public int sniff(byte[] head) {
        return 0;
    }

    @Override
    public Optional<BookWriter> bookWriter() {
        return Optional.of((Book book, OutputStream out, org.articlekit.spi.ConversionContext ctx) -> {
            StringBuilder sb = new StringBuilder();
            sb.append("# ").append(book.metadata().title().orElse("")).append(" | ")
                    .append(String.join(", ", book.metadata().authors())).append(" | ")
                    .append(book.metadata().language().orElse("")).append('\n');
            for (Article a : book.articles()) {
                String t = a.metadata().title().orElse("");
                out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                sb.setLength(0);
                if (t.equals("FAIL")) {
                    throw new ArticleFormatException(null, "chapter FAIL cannot be written");
                }
                sb.append(t).append('\n');
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        });
    }
}
