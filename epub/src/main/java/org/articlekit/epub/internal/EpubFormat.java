package org.articlekit.epub.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.BookWriter;

/** The EPUB format: books of articles out (EPUB 3), EPUB 2 and 3 books in. */
public final class EpubFormat implements ArticleFormat {

    private static final byte[] NAME = "mimetype".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TYPE = EpubWriter.MEDIA_TYPE.getBytes(StandardCharsets.US_ASCII);

    private static final EpubWriter WRITER = new EpubWriter();
    private static final EpubReader READER = new EpubReader();

    @Override
    public String id() {
        return "epub";
    }

    @Override
    public String mediaType() {
        return EpubWriter.MEDIA_TYPE;
    }

    @Override
    public List<String> extensions() {
        return List.of("epub");
    }

    @Override
    public int sniff(byte[] head) {
        if (head.length < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
            return 0;
        }
        // A zip whose first entry is "mimetype" holding "application/epub+zip" (stored, so readable here).
        if (head.length < 30 + NAME.length) {
            return 0;
        }
        int nameLength = (head[26] & 0xff) | (head[27] & 0xff) << 8;
        int extraLength = (head[28] & 0xff) | (head[29] & 0xff) << 8;
        if (nameLength != NAME.length || !Arrays.equals(head, 30, 30 + NAME.length, NAME, 0, NAME.length)) {
            return 0;
        }
        int content = 30 + nameLength + extraLength;
        if (head.length >= content + TYPE.length
                && Arrays.equals(head, content, content + TYPE.length, TYPE, 0, TYPE.length)) {
            return 90;
        }
        return 60;
    }

    @Override
    public Optional<BookReader> bookReader() {
        return Optional.of(READER);
    }

    @Override
    public Optional<BookWriter> bookWriter() {
        return Optional.of(WRITER);
    }

    /** Starts reading the bundled cover font in the background while the articles are read. */
    @Override
    public void prepareToWrite() {
        CoverFont.preload();
    }
}
