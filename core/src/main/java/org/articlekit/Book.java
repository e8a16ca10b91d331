package org.articlekit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An ordered collection of articles with metadata of its own (title, authors, language, cover),
 * the input of the EPUB and PDF book writers.
 *
 * <pre>{@code
 * Book book = Book.builder().metadata(Metadata.builder().title("Posts").build())
 *         .articles(List.of(first, second)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; two books with the same content are equal.
 */
public final class Book {

    private final Metadata metadata;
    private final List<Article> articles;
    private final Resources resources;

    private Book(Builder b) {
        metadata = b.metadata;
        articles = List.copyOf(b.articles);
        resources = b.resources;
    }

    /** @return a builder with empty metadata and no articles */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this book's parts */
    public Builder toBuilder() {
        return new Builder().metadata(metadata).articles(articles).resources(resources);
    }

    /** @return the book's own metadata */
    public Metadata metadata() {
        return metadata;
    }

    /** @return the articles, in reading order */
    public List<Article> articles() {
        return articles;
    }

    /**
     * The latest publication or update date of the articles, as the time stamp of the book (EPUB's
     * {@code dcterms:modified}, PDF's creation date), so that the same articles make the same book.
     * A date written without a zone counts as UTC ({@link ArticleDate#sortKey()}); unparsed dates do
     * not count.
     *
     * @return the instant, or empty when no article has a parsed date
     */
    public Optional<Instant> latestDate() {
        long latest = Long.MIN_VALUE;
        for (Article a : articles) {
            for (Optional<ArticleDate> d : List.of(a.metadata().published(), a.metadata().updated())) {
                if (d.isPresent() && d.get().isParsed()) {
                    latest = Math.max(latest, d.get().sortKey());
                }
            }
        }
        return latest == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochSecond(latest));
    }

    /**
     * The language most of the articles name (the first to reach the highest count, in reading order).
     *
     * @return the language, or empty when no article names one
     */
    public Optional<String> commonestLanguage() {
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        for (Article a : articles) {
            String l = a.metadata().language().orElse(null);
            if (l != null) {
                int n = counts.merge(l, 1, Integer::sum);
                if (best == null || n > counts.get(best)) {
                    best = l;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** @return files of the book itself, such as its cover */
    public Resources resources() {
        return resources;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Book b && metadata.equals(b.metadata) && articles.equals(b.articles)
                && resources.equals(b.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, articles, resources);
    }

    @Override
    public String toString() {
        return "Book{" + metadata + ", " + articles.size() + " articles}";
    }

    /** Builds a {@link Book}. Not thread-safe; the book is. */
    public static final class Builder {
        private Metadata metadata = Metadata.empty();
        private final List<Article> articles = new ArrayList<>();
        private Resources resources = Resources.empty();

        private Builder() {
        }

        /** @param metadata the book's metadata @return this builder */
        public Builder metadata(Metadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /** @param articles replaces the articles @return this builder */
        public Builder articles(Collection<Article> articles) {
            this.articles.clear();
            articles.forEach(this::article);
            return this;
        }

        /** @param article appends an article @return this builder */
        public Builder article(Article article) {
            articles.add(Objects.requireNonNull(article, "article"));
            return this;
        }

        /** @param resources the book's own files @return this builder */
        public Builder resources(Resources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** @return the book */
        public Book build() {
            return new Book(this);
        }
    }
}
