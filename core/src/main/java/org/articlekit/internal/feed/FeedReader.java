package org.articlekit.internal.feed;

import java.io.IOException;
import java.io.InputStream;
import org.articlekit.Book;
import org.articlekit.spi.BookReader;
import org.articlekit.spi.ConversionContext;

/**
 * Reads an RSS, Atom or JSON feed as a book. Nothing is fetched: a feed's links, images and
 * entities stay addresses, and a DOCTYPE is refused outright. Never closes the stream; thread-safe.
 */
final class FeedReader implements BookReader {

    @Override
    public Book readBook(InputStream in, ConversionContext ctx) throws IOException {
        long max = ctx.limits().maxFeedBytes();
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw ctx.error(0, "is over the feed size limit of " + max + " bytes (maxFeedBytes)", null);
        }
        FeedDraft draft = isJson(data) ? JsonFeed.read(data, ctx) : XmlFeed.read(data, ctx);
        return new BookAssembler(ctx).assemble(draft);
    }

    /** JSON starts with an object; XML with a markup character. A BOM may come first. */
    private static boolean isJson(byte[] data) {
        int i = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB
                && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i < data.length && data[i] == '{';
    }
}
