package org.articlekit.internal.feed;

import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;

/**
 * Cuts a JSON Feed's {@code items} array to the item limit before the JSON is parsed, so that the
 * items past it are counted but never built, and refuses a feed whose kept part holds more JSON
 * values than {@value SafeFeedXml#ELEMENTS_PER_ITEM} per item on average. One pass over the text,
 * no allocation per value.
 */
final class JsonItemCap {

    /**
     * @param text the JSON text, cut or not
     * @param itemCount how many items the feed has, those cut off included
     */
    record Capped(String text, int itemCount) {
    }

    private JsonItemCap() {
    }

    static Capped cap(String s, ConversionContext ctx) throws ArticleFormatException {
        int maxItems = ctx.limits().maxFeedItems();
        long maxValues = (long) maxItems * SafeFeedXml.ELEMENTS_PER_ITEM + 10_000;
        int depth = 0;
        long values = 0;
        boolean keyIsItems = false;
        boolean inItems = false;
        boolean expectItem = false;
        int items = 0;
        int cut = -1;
        int close = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int start = i;
                for (i++; i < s.length() && s.charAt(i) != '"'; i++) {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                }
                if (depth == 1) {
                    keyIsItems = s.startsWith("\"items\"", start) && i == start + 6;
                }
                if (inItems && depth == 2 && expectItem) {
                    expectItem = false;
                    items++;
                    if (items == maxItems + 1) {
                        cut = lastComma(s, start);
                    }
                }
                continue;
            }
            if (Character.isWhitespace(c) || c == ':') {
                continue;
            }
            boolean kept = cut < 0 || !inItems;
            if (inItems && depth == 2 && expectItem && c != ']') {
                expectItem = false;
                items++;
                if (items == maxItems + 1) {
                    cut = lastComma(s, i);
                    kept = false;
                }
            }
            if (c == '{' || c == '[') {
                depth++;
                if (c == '[' && depth == 2 && keyIsItems && !inItems && close < 0) {
                    inItems = true;
                    expectItem = true;
                }
                if (kept && ++values > maxValues) {
                    throw tooMany(ctx, maxValues);
                }
            } else if (c == '}' || c == ']') {
                if (inItems && depth == 2 && c == ']') {
                    inItems = false;
                    close = i;
                }
                depth--;
            } else if (c == ',') {
                if (depth == 1) {
                    keyIsItems = false;
                }
                if (inItems && depth == 2) {
                    expectItem = true;
                }
                if (kept && ++values > maxValues) {
                    throw tooMany(ctx, maxValues);
                }
            }
        }
        if (cut < 0 || close < 0) {
            return new Capped(s, items);
        }
        return new Capped(s.substring(0, cut) + s.substring(close), items);
    }

    /** The comma before an item, which the cut removes with the items after it. */
    private static int lastComma(String s, int from) {
        int at = s.lastIndexOf(',', from);
        return at < 0 ? from : at;
    }

    private static ArticleFormatException tooMany(ConversionContext ctx, long max) {
        return ctx.error(0, "has more than " + max + " JSON values in the items kept ("
                + SafeFeedXml.ELEMENTS_PER_ITEM + " per item of maxFeedItems); refused", null);
    }
}
