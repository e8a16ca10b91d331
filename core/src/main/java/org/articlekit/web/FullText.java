package org.articlekit.web;

/**
 * When a feed item's linked page is fetched for the article's full text ({@code --full-text}).
 *
 * <p>A fetched page is read with the main-content extractor; the item keeps its feed metadata
 * (title, identifier, link, dates, authors, categories, tags, cover) and takes from the page what
 * the feed did not give. An item whose page cannot be fetched or read keeps its summary, with one
 * {@code feed.fulltext} warning naming the item and the address.
 */
public enum FullText {
    /**
     * Fetch the page of an item whose text looks like a summary: under {@value #SHORT_TEXT}
     * characters, or ending in an ellipsis ({@code …}, {@code ...}, {@code […]}). The default.
     */
    AUTO,
    /** Fetch every item's page. */
    ALWAYS,
    /** Never fetch: each item is what the feed holds (the mode when offline). */
    NEVER;

    /** The length of text (in characters, spaces not counted) under which {@link #AUTO} fetches the page. */
    public static final int SHORT_TEXT = 500;
}
