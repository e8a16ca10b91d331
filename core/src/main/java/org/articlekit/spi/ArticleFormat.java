package org.articlekit.spi;

import java.util.List;
import java.util.Optional;

/**
 * One document format ArticleKit can read or write, found at run time with
 * {@link java.util.ServiceLoader}.
 *
 * <p>A provider is listed in its module's {@code module-info.java} ({@code provides
 * org.articlekit.spi.ArticleFormat with …}) and in
 * {@code META-INF/services/org.articlekit.spi.ArticleFormat}, so it is found on the module path and
 * on the class path alike. Implementations must be immutable and thread-safe.
 *
 * <pre>{@code
 * ArticleFormat html = FormatRegistry.defaults().byId("html");
 * Article a = html.reader().orElseThrow().read(in, ConversionContext.builder().build());
 * }</pre>
 */
public interface ArticleFormat {

    /** @return the short lower-case id used on the command line, such as {@code html} or {@code markdown} */
    String id();

    /** @return the IANA media type, such as {@code text/html} */
    String mediaType();

    /** @return the file extensions without dots, the preferred one first, such as {@code [html, htm]} */
    List<String> extensions();

    /**
     * Says how sure this format is that some content is in it, from its first bytes.
     *
     * <p>Scores: 0 not this format; 10 plausible (any text); 50 likely; 90 certain (a signature
     * such as {@code %PDF-}). Content sniffing beats the file extension when the two disagree.
     *
     * @param head up to the first 8 KiB of the content; do not change it
     * @return a score from 0 to 100
     */
    int sniff(byte[] head);

    /** @return the reader of single articles, when this format can be read */
    default Optional<ArticleReader> reader() {
        return Optional.empty();
    }

    /** @return the writer of single articles, when this format can be written */
    default Optional<ArticleWriter> writer() {
        return Optional.empty();
    }

    /** @return the reader of whole books (an article per chapter), when the format holds books */
    default Optional<BookReader> bookReader() {
        return Optional.empty();
    }

    /** @return the writer of whole books, when the format holds books */
    default Optional<BookWriter> bookWriter() {
        return Optional.empty();
    }

    /**
     * Says that something in this format will be written soon, typically after reading the inputs.
     * A format may start loading what its writer needs (fonts, for PDF) on a background thread
     * meanwhile, so that the work overlaps with reading. Returns at once; calling it is optional,
     * calling it more than once is harmless, and a writer works the same whether it was called or not.
     */
    default void prepareToWrite() {
    }
}
