package org.articlekit.pdf.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.BookWriter;

/**
 * The PDF format ({@code pdf}): typesets articles and books, and reads PDFs back (exactly when
 * ArticleKit wrote them). Content starting with {@code %PDF-} (within the first 1 KiB, as readers
 * allow) scores 90.
 */
public final class PdfFormat implements ArticleFormat {

    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final PdfWriter WRITER = new PdfWriter();
    private static final PdfReader READER = new PdfReader();

    @Override
    public String id() {
        return "pdf";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public List<String> extensions() {
        return List.of("pdf");
    }

    @Override
    public int sniff(byte[] head) {
        int limit = Math.min(head.length, 1024) - MAGIC.length;
        for (int i = 0; i <= limit; i++) {
            boolean match = true;
            for (int j = 0; j < MAGIC.length && match; j++) {
                match = head[i + j] == MAGIC[j];
            }
            if (match) {
                return 90;
            }
        }
        return 0;
    }

    @Override
    public Optional<ArticleReader> reader() {
        return Optional.of(READER);
    }

    @Override
    public Optional<ArticleWriter> writer() {
        return Optional.of(WRITER);
    }

    @Override
    public Optional<BookReader> bookReader() {
        return Optional.of(READER);
    }

    @Override
    public Optional<BookWriter> bookWriter() {
        return Optional.of(WRITER);
    }

    /** Starts parsing the bundled Noto Sans SC faces on a background thread (about half a second of work). */
    @Override
    public void prepareToWrite() {
        QuietFontMapper.install();
        FontChain.preload();
    }
}
