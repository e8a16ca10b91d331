package org.articlekit.internal.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a feed says, as raw text, before it becomes a book: the XML and the JSON readers fill one of
 * these, and {@link BookAssembler} turns it into articles, so that both dialects map to the model
 * through the same rules.
 */
final class FeedDraft {

    /** The feed's title, as plain text. */
    @Nullable String title;
    @Nullable String link;
    /** The feed's description or subtitle, as plain text. */
    @Nullable String summary;
    @Nullable String language;
    final List<String> authors = new ArrayList<>();
    @Nullable String image;
    /** The base of the feed's own relative addresses (xml:base, else the context's). */
    @Nullable URI base;
    /** How many items the feed holds, including those past the item limit. */
    int itemCount;
    final List<Item> items = new ArrayList<>();

    /** One item or entry, as raw text. */
    static final class Item {
        /** 1-based position in the feed, for messages. */
        int position;
        /** The line of the item in the feed, or 0. */
        int line;
        /** The title, as plain text. */
        @Nullable String title;
        @Nullable String link;
        /** The base of the item's link: the link's xml:base, else the context's base. */
        @Nullable URI base;
        /** The xml:base in scope for the item, when the feed declares one. */
        @Nullable URI xmlBase;
        /** The xml:base in scope for the item's content (or summary), when the feed declares one. */
        @Nullable URI contentBase;
        @Nullable String identifier;
        @Nullable String published;
        @Nullable String updated;
        final List<String> authors = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<String> tags = new ArrayList<>();
        @Nullable String image;
        @Nullable String language;
        /** The full content, as HTML. */
        @Nullable String contentHtml;
        /** The summary or description, as HTML. */
        @Nullable String summaryHtml;

        /** @return how messages name this item: its position and, when it has one, its title */
        String name() {
            if (title == null || title.isBlank()) {
                return "item " + position;
            }
            String t = title.strip();
            return "item " + position + " (\"" + (t.length() > 60 ? t.substring(0, 57) + "..." : t) + "\")";
        }
    }
}
