package org.articlekit.internal.book;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Metadata;
import org.articlekit.web.FullText;
import org.jspecify.annotations.Nullable;

/**
 * The rules a binder applies to the articles of an input that holds several (a feed, a web
 * archive): which to keep ({@code since}, {@code maxArticles}), which feed items need their page,
 * and how an item and its page make one article.
 */
public final class FeedItems {

    private FeedItems() {
    }

    /**
     * @param articles the input's articles, in its order
     * @param since the oldest date kept, or null for all; articles without a date are kept
     * @param max the most kept (the newest), or 0 for all
     * @return the articles kept, in their order
     */
    public static List<Article> select(List<Article> articles, @Nullable Instant since, int max) {
        List<Article> kept = new ArrayList<>();
        long from = since == null ? Long.MIN_VALUE : since.getEpochSecond();
        for (Article a : articles) {
            long key = date(a);
            if (key == Long.MAX_VALUE || key >= from) {
                kept.add(a);
            }
        }
        if (max <= 0 || kept.size() <= max) {
            return kept;
        }
        // The newest max, by date (undated ones count as oldest), kept in their own order.
        List<Article> byDate = new ArrayList<>(kept);
        byDate.sort(Comparator.comparingLong((Article a) -> {
            long d = date(a);
            return d == Long.MAX_VALUE ? Long.MIN_VALUE : d;
        }).reversed());
        Set<Article> newest = Collections.newSetFromMap(new IdentityHashMap<>());
        newest.addAll(byDate.subList(0, max));
        List<Article> result = new ArrayList<>(max);
        for (Article a : kept) {
            if (newest.contains(a)) {
                result.add(a);
            }
        }
        return result;
    }

    private static long date(Article a) {
        return a.metadata().published().or(() -> a.metadata().updated()).map(ArticleDate::sortKey)
                .orElse(Long.MAX_VALUE);
    }

    /**
     * @param item a feed item
     * @param mode the full-text mode
     * @return the page to fetch for the item's full text, when it needs one
     */
    public static @Nullable URI pageToFetch(Article item, FullText mode) {
        URI link = item.metadata().sourceUrl().orElse(null);
        if (link == null || mode == FullText.NEVER) {
            return null;
        }
        if (mode == FullText.ALWAYS) {
            return link;
        }
        return looksLikeSummary(item.body().text()) ? link : null;
    }

    /** @return whether text is short or ends as a teaser does */
    static boolean looksLikeSummary(String text) {
        String t = text.strip();
        int letters = 0;
        for (int i = 0; i < t.length() && letters < FullText.SHORT_TEXT; i++) {
            if (!Character.isWhitespace(t.charAt(i))) {
                letters++;
            }
        }
        if (letters < FullText.SHORT_TEXT) {
            return true;
        }
        String end = t.toLowerCase(Locale.ROOT);
        return end.endsWith("…") || end.endsWith("...") || end.endsWith("[…]") || end.endsWith("[...]");
    }

    /**
     * One article from a feed item and its page: the page's body and images, the item's metadata,
     * and the page's metadata where the item has none.
     *
     * @param item the feed item
     * @param page the linked page, read
     * @return the article
     */
    public static Article merge(Article item, Article page) {
        Metadata f = item.metadata();
        Metadata p = page.metadata();
        Metadata.Builder b = p.toBuilder();
        f.title().ifPresent(b::title);
        f.subtitle().ifPresent(b::subtitle);
        if (!f.authors().isEmpty()) {
            b.authors(f.authors());
        }
        f.published().ifPresent(b::published);
        f.updated().ifPresent(b::updated);
        f.language().ifPresent(b::language);
        if (!f.tags().isEmpty()) {
            b.tags(f.tags());
        }
        if (!f.categories().isEmpty()) {
            b.categories(f.categories());
        }
        f.cover().ifPresent(b::cover);
        f.thumbnail().ifPresent(b::thumbnail);
        f.sourceUrl().ifPresent(b::sourceUrl);
        f.identifier().ifPresent(b::identifier);
        f.publisher().ifPresent(b::publisher);
        if (f.summary().isPresent()) {
            b.summary(f.summary().get());
        } else if (p.summary().isEmpty() && !item.body().isEmpty()) {
            b.summary(item.body().text().strip());
        }
        if (p.canonicalUrl().isEmpty()) {
            f.canonicalUrl().ifPresent(b::canonicalUrl);
        }
        b.extra(f.extra());
        Article.Builder a = page.toBuilder().metadata(b.build());
        if (page.body().isEmpty()) {
            a.body(item.body());
        }
        return a.build();
    }
}
