package org.articlekit.internal.feed;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.articlekit.ArticleFormatException;
import org.articlekit.internal.html.PageDecoder;
import org.articlekit.internal.json.Json;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/** Maps a JSON Feed (1.0 or 1.1) to a {@link FeedDraft}. */
final class JsonFeed {

    private JsonFeed() {
    }

    static FeedDraft read(byte[] data, ConversionContext ctx) throws ArticleFormatException {
        Object root;
        JsonItemCap.Capped capped = JsonItemCap.cap(decode(data, ctx), ctx);
        try {
            root = Json.parse(capped.text());
        } catch (Json.JsonException e) {
            throw ctx.error(0, "is not valid JSON: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> feedMap)) {
            throw ctx.error(0, "is JSON but not a JSON Feed: the top level is not an object", null);
        }
        String version = string(feedMap, "version");
        if (version == null || !version.contains("jsonfeed.org/version/")) {
            throw ctx.error(0, "is JSON but not a JSON Feed: its \"version\" is not a jsonfeed.org version", null);
        }
        FeedDraft feed = new FeedDraft();
        feed.base = ctx.baseUri().orElse(null);
        feed.title = string(feedMap, "title");
        feed.link = string(feedMap, "home_page_url");
        feed.summary = string(feedMap, "description");
        feed.language = string(feedMap, "language");
        authors(feedMap, feed.authors);
        feed.image = first(string(feedMap, "icon"), string(feedMap, "favicon"));
        Object items = feedMap.get("items");
        if (items != null && !(items instanceof List)) {
            throw ctx.error(0, "is a JSON Feed whose \"items\" is not a list", null);
        }
        List<?> list = items == null ? List.of() : (List<?>) items;
        feed.itemCount = Math.max(capped.itemCount(), list.size());
        int max = Math.min(list.size(), ctx.limits().maxFeedItems());
        for (int i = 0; i < max; i++) {
            FeedDraft.Item item = new FeedDraft.Item();
            item.position = i + 1;
            item.base = feed.base;
            if (list.get(i) instanceof Map<?, ?> m) {
                item(m, item);
            } else {
                ctx.warn("feed.item", 0, "item " + (i + 1) + " is not a JSON object; it is empty");
            }
            feed.items.add(item);
        }
        return feed;
    }

    private static void item(Map<?, ?> m, FeedDraft.Item item) {
        item.title = string(m, "title");
        item.identifier = string(m, "id");
        item.link = first(string(m, "url"), string(m, "external_url"));
        item.published = string(m, "date_published");
        item.updated = string(m, "date_modified");
        authors(m, item.authors);
        if (m.get("tags") instanceof List<?> tags) {
            for (Object t : tags) {
                if (t instanceof String s) {
                    item.tags.add(s);
                }
            }
        }
        item.language = string(m, "language");
        item.image = first(string(m, "image"), string(m, "banner_image"));
        String html = string(m, "content_html");
        String text = string(m, "content_text");
        item.contentHtml = html != null ? html : text != null ? XmlFeed.textToHtml(text) : null;
        String summary = string(m, "summary");
        item.summaryHtml = summary == null ? null : XmlFeed.textToHtml(summary);
    }

    /** JSON Feed 1.1's {@code authors} list, else 1.0's single {@code author}. */
    private static void authors(Map<?, ?> m, List<String> out) {
        if (m.get("authors") instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?> author && string(author, "name") != null) {
                    out.add(string(author, "name"));
                }
            }
        }
        if (out.isEmpty() && m.get("author") instanceof Map<?, ?> author && string(author, "name") != null) {
            out.add(string(author, "name"));
        }
    }

    /** A string value; a number (some feeds write numeric ids) is taken as its text. */
    private static @Nullable String string(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v instanceof String s) {
            return s.isBlank() ? null : s;
        }
        if (v instanceof Number n) {
            return n.toString();
        }
        return null;
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }

    /** JSON is UTF-8; a BOM is skipped, and a transport charset is honoured. */
    private static String decode(byte[] data, ConversionContext ctx) throws ArticleFormatException {
        int bom = data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB
                && (data[2] & 0xFF) == 0xBF ? 3 : 0;
        Charset charset = bom == 0 && ctx.charset().isPresent()
                ? PageDecoder.forLabel(ctx.charset().get().name()).orElse(ctx.charset().get())
                : StandardCharsets.UTF_8;
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, bom, data.length - bom)).toString();
        } catch (CharacterCodingException e) {
            ctx.warn("feed.charset", 0, "some bytes are not valid " + charset.name()
                    + "; they were replaced with U+FFFD");
            return new String(data, bom, data.length - bom, charset);
        }
    }
}
