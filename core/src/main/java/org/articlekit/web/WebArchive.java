package org.articlekit.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Consumer;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleFormatException;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.articlekit.Metadata;
import org.articlekit.internal.warc.ArchiveScanner;

/**
 * The HTML pages of a web archive (WARC 1.0 or 1.1, plain or gzipped), read one record at a time,
 * so that archives of any size can be streamed.
 *
 * <pre>{@code
 * try (InputStream in = Files.newInputStream(Path.of("crawl.warc.gz"))) {
 *     WebArchive.Summary s = WebArchive.pages(in, "crawl.warc.gz", Limits.defaults(), warnings::add,
 *             (page, offset) -> articles.add(converter.read(page)));
 * }
 * }</pre>
 *
 * <p>A page is a {@code response} record whose HTTP status is 2xx and whose payload is HTML (a
 * {@code Content-Type} of {@code text/html} or {@code application/xhtml+xml}, or none and content
 * that looks like HTML), or a {@code resource} record of such a type with a target URI. Its
 * {@link WebPage} has the record's {@code WARC-Target-URI}, the HTTP media type and charset (an
 * unknown charset is left out), the {@code WARC-Date}, and the payload with chunked transfer and
 * gzip or deflate content encoding decoded. Every other record (request, metadata, warcinfo,
 * revisit, images and other media, other statuses) is skipped and counted.
 *
 * <p>Bad input never stops the archive: a broken record (a malformed header, a
 * {@code Content-Length} that is wrong, a corrupt or cut-short gzip member, an HTTP message that
 * does not parse or decode) is one {@code warc.record} warning naming the archive, the record's
 * number and offset and the problem, and reading goes on at the next record (for a plain WARC the
 * next line starting with {@code WARC/1.}, for a WARC.gz the next gzip member). A page whose
 * decoded payload is over {@link Limits#maxInputBytes()} is skipped with a {@code warc.record}
 * warning. Compression is recognised by the gzip signature, not by the name.
 *
 * <p>Memory is bounded by one record: a record's block is held while it is parsed, up to the input
 * limit and a megabyte more for its HTTP header; a larger block streams past and is skipped. A
 * wrong {@code Content-Length} on a record larger than that cannot be rescanned, so the records it
 * covers are lost with it. Stateless and thread-safe; each call reads its own stream.
 */
public final class WebArchive {

    private WebArchive() {
    }

    /** Receives the pages of an archive, one at a time, in archive order. */
    @FunctionalInterface
    public interface PageHandler {
        /**
         * @param page the page; its body is not shared with anything else
         * @param offset where its record starts: the byte offset in a plain WARC, the offset of its
         *     gzip member in a WARC.gz (as CDX indexes give it); counted from the stream's first byte
         * @throws IOException to stop reading; it propagates from {@link WebArchive#pages}
         */
        void accept(WebPage page, long offset) throws IOException;
    }

    /**
     * What reading an archive found.
     *
     * @param records the records found, broken ones included ({@code pages + skipped + broken})
     * @param pages the HTML pages handed to the handler
     * @param skipped the records that are not HTML pages, or were over the limit
     * @param broken the records that could not be read, each reported by a warning
     */
    public record Summary(long records, long pages, long skipped, long broken) {
    }

    /**
     * Hands each HTML page of an archive to {@code pages}, one at a time. The stream is read to its
     * end but not closed.
     *
     * @param warcOrGz the archive, plain or gzipped
     * @param archiveName the archive's name for warnings, such as {@code crawl.warc.gz}
     * @param limits the limits; {@link Limits#maxInputBytes()} caps each decoded page
     * @param warnings receives one {@code warc.record} warning per broken or oversized record
     * @param pages receives the pages
     * @return the counts
     * @throws IOException when reading the stream fails, or as the handler throws
     */
    public static Summary pages(InputStream warcOrGz, String archiveName, Limits limits,
            Consumer<Diagnostic> warnings, PageHandler pages) throws IOException {
        Objects.requireNonNull(warcOrGz, "warcOrGz");
        Objects.requireNonNull(archiveName, "archiveName");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(pages, "pages");
        ArchiveScanner.Counts c = ArchiveScanner.scan(warcOrGz, limits, new ArchiveScanner.Listener() {
            @Override
            public void page(WebPage page, long number, long offset) throws IOException {
                pages.accept(page, offset);
            }

            @Override
            public void warning(String code, String message) {
                warnings.accept(new Diagnostic(code, message, archiveName, 0, null));
            }
        });
        return new Summary(c.records(), c.pages(), c.skipped(), c.broken());
    }

    /**
     * Hands each HTML page of an archive file to {@code pages}, as
     * {@link #pages(InputStream, String, Limits, Consumer, PageHandler)} does; the file's path
     * names it in warnings.
     *
     * @param archive the file
     * @param limits the limits
     * @param warnings receives the warnings
     * @param pages receives the pages
     * @return the counts
     * @throws ArticleFormatException when the file cannot be opened
     * @throws IOException when reading fails, or as the handler throws
     */
    public static Summary pages(Path archive, Limits limits, Consumer<Diagnostic> warnings, PageHandler pages)
            throws IOException {
        Objects.requireNonNull(archive, "archive");
        InputStream in;
        try {
            in = Files.newInputStream(archive);
        } catch (IOException e) {
            throw new ArticleFormatException(archive.toString(), 0, null, "cannot be opened: " + e.getMessage(), e);
        }
        try (in) {
            return pages(in, archive.toString(), limits, warnings, pages);
        }
    }

    /**
     * Completes the article read from an archived page as the {@code warc} format does: the page's
     * address as its source and the record's date as its publication date, where the page gives
     * neither. Read the page with {@link org.articlekit.Converter#read(WebPage)} first.
     *
     * <pre>{@code
     * Article a = WebArchive.completed(converter.read(page), page);
     * }</pre>
     *
     * @param article the article read from the page
     * @param page the archived page
     * @return the article, completed
     */
    public static Article completed(Article article, WebPage page) {
        Metadata m = article.metadata();
        Metadata.Builder b = m.toBuilder();
        boolean changed = false;
        if (m.sourceUrl().isEmpty()) {
            b.sourceUrl(page.uri());
            changed = true;
        }
        if (m.published().isEmpty() && page.date() != null) {
            b.published(ArticleDate.of(OffsetDateTime.ofInstant(page.date(), ZoneOffset.UTC)));
            changed = true;
        }
        return changed ? article.withMetadata(b.build()) : article;
    }
}
