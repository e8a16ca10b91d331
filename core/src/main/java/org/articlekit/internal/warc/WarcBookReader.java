package org.articlekit.internal.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Book;
import org.articlekit.internal.html.HtmlReader;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.ConversionContext;
import org.articlekit.web.WebArchive;
import org.articlekit.web.WebPage;

/**
 * Reads a web archive as a book: each HTML page, read by the HTML reader with its address as
 * source and base and its HTTP charset, becomes an article, in archive order.
 */
final class WarcBookReader implements BookReader {

    private static final HtmlReader HTML = new HtmlReader();

    @Override
    public Book readBook(InputStream in, ConversionContext ctx) throws IOException {
        List<Article> articles = new ArrayList<>();
        long[] unreadable = new long[1];
        ArchiveScanner.Counts counts = ArchiveScanner.scan(in, ctx.limits(), new ArchiveScanner.Listener() {
            @Override
            public void page(WebPage page, long number, long offset) throws IOException {
                ConversionContext pageCtx = ctx.toBuilder().sourceName(page.uri().toString()).baseUri(page.uri())
                        .charset(page.charset()).build();
                try {
                    articles.add(WebArchive.completed(HTML.read(new ByteArrayInputStream(page.body()), pageCtx), page));
                } catch (ArticleFormatException | RuntimeException e) {
                    // Out of time is the whole conversion's failure, not this page's.
                    ctx.checkDeadline();
                    unreadable[0]++;
                    String problem = e instanceof ArticleFormatException f ? f.problem() : e.toString();
                    ctx.warn("warc.page", 0, "record " + number + " at offset " + offset + ": " + page.uri()
                            + " cannot be read (" + problem + "); skipped");
                }
            }

            @Override
            public void warning(String code, String message) throws IOException {
                ctx.warn(code, 0, message);
            }

            @Override
            public void checkpoint() throws IOException {
                ctx.checkDeadline();
            }
        });
        if (counts.skipped() > 0) {
            // What an archive holds besides pages is expected, not a fault: strict mode does not fail on it.
            ConversionContext info = ctx.strict() ? ctx.toBuilder().strict(false).build() : ctx;
            info.warn("warc.skipped", 0, "read " + counts.pages() + " HTML pages of " + counts.records()
                    + " records; skipped " + counts.skipped() + " other records (" + describe(counts.skippedKinds())
                    + ")");
        }
        if (articles.isEmpty()) {
            String detail = counts.pages() > 0 ? "holds no readable HTML pages (" + counts.records() + " records, "
                    + unreadable[0] + " pages that cannot be read)" : "holds no HTML pages (" + counts.records()
                    + " records)";
            throw ctx.error(0, detail, null);
        }
        return Book.builder().articles(articles).build();
    }

    private static String describe(Map<String, Long> kinds) {
        return kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
