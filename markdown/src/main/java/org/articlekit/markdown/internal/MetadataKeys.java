package org.articlekit.markdown.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.articlekit.markdown.MarkdownOptions.Dialect;

/**
 * The one alias table between front-matter keys and metadata fields. Keys match without regard
 * to case. The writer names each field with the dialect's key, or with the first alias that the
 * extra values do not use.
 */
enum MetadataKeys {
    TITLE("title"),
    SUBTITLE("subtitle"),
    PUBLISHED("date", "pubdate", "publishDate", "published"),
    UPDATED("updated", "lastmod", "last_modified_at", "modified"),
    AUTHORS("author", "authors"),
    CATEGORIES("categories", "category"),
    TAGS("tags", "keywords"),
    COVER("cover", "headimg", "img", "image", "banner", "top_img", "index_img", "header-img", "featured_image"),
    THUMBNAIL("thumbnail"),
    SUMMARY("description", "summary", "excerpt"),
    LANGUAGE("lang", "language"),
    CANONICAL("permalink", "url", "link"),
    SOURCE("source", "source_url"),
    PUBLISHER("publisher"),
    IDENTIFIER("identifier");

    private static final Map<String, MetadataKeys> BY_KEY = new HashMap<>();

    static {
        for (MetadataKeys k : values()) {
            for (String a : k.aliases) {
                BY_KEY.put(a.toLowerCase(Locale.ROOT), k);
            }
        }
    }

    final List<String> aliases;

    MetadataKeys(String... aliases) {
        this.aliases = List.of(aliases);
    }

    static Optional<MetadataKeys> of(String key) {
        return Optional.ofNullable(BY_KEY.get(key.toLowerCase(Locale.ROOT)));
    }

    /** The key a dialect writes this field under. */
    String key(Dialect dialect) {
        return switch (this) {
            case UPDATED -> switch (dialect) {
                case HEXO -> "updated";
                case JEKYLL -> "last_modified_at";
                case HUGO -> "lastmod";
            };
            case AUTHORS -> dialect == Dialect.HUGO ? "authors" : "author";
            case COVER -> dialect == Dialect.JEKYLL ? "image" : "cover";
            case SUMMARY -> dialect == Dialect.HUGO ? "summary" : "description";
            case CANONICAL -> dialect == Dialect.HUGO ? "url" : "permalink";
            default -> aliases.get(0);
        };
    }
}
