package org.articlekit;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What is known about an article besides its body: title, authors, dates, language, tags and the
 * rest, plus an ordered map of extra values that no typed field holds.
 *
 * <pre>{@code
 * Metadata m = Metadata.builder().title("你好").author("ZAKER")
 *         .published(ArticleDate.parse("2021-07-16 20:06")).language("zh-CN").build();
 * }</pre>
 *
 * <p>Every field is optional. Text fields are stripped of surrounding white space and of
 * characters XML cannot hold (C0 controls, U+FFFE, U+FFFF, lone surrogates), so every writer can
 * emit them safely. Lists and maps are unmodifiable copies. Extra values keep the order
 * in which they were added and their types: {@link String}, {@link Boolean}, {@link Long},
 * {@link Double}, {@link BigInteger}, {@link BigDecimal}, {@link ArticleDate}, {@link List} and
 * {@link Map} (with {@code String} keys) of these, and {@code null}.
 *
 * <p>Metadata read from front matter also remembers how its source laid that front matter out
 * ({@link #sourceKeys()}): every key in its order with the form of its value, and the link
 * reference definitions of its body ({@link #sourceLinks()}), so that a writer of the same format
 * can write the post back as its author wrote it. The layout is not content: it takes no part in
 * {@link #equals(Object)}, and other writers ignore it.
 *
 * <p>Instances are immutable and thread-safe; two metadata objects with the same content are equal.
 */
public final class Metadata {

    private static final Metadata EMPTY = builder().build();

    private final @Nullable String title;
    private final @Nullable String subtitle;
    private final List<String> authors;
    private final @Nullable ArticleDate published;
    private final @Nullable ArticleDate updated;
    private final @Nullable String language;
    private final @Nullable String summary;
    private final List<String> tags;
    private final List<CategoryPath> categories;
    private final @Nullable String cover;
    private final @Nullable String thumbnail;
    private final @Nullable URI canonicalUrl;
    private final @Nullable URI sourceUrl;
    private final @Nullable String identifier;
    private final @Nullable String publisher;
    private final Map<String, @Nullable Object> extra;
    private final List<SourceKey> sourceKeys;
    private final List<SourceLink> sourceLinks;
    private final @Nullable String sourceSyntax;

    private Metadata(Builder b) {
        title = b.title;
        subtitle = b.subtitle;
        authors = List.copyOf(b.authors);
        published = b.published;
        updated = b.updated;
        language = b.language;
        summary = b.summary;
        tags = List.copyOf(b.tags);
        categories = List.copyOf(b.categories);
        cover = b.cover;
        thumbnail = b.thumbnail;
        canonicalUrl = b.canonicalUrl;
        sourceUrl = b.sourceUrl;
        identifier = b.identifier;
        publisher = b.publisher;
        extra = Collections.unmodifiableMap(new LinkedHashMap<>(b.extra));
        sourceKeys = List.copyOf(b.sourceKeys);
        sourceLinks = List.copyOf(b.sourceLinks);
        sourceSyntax = b.sourceSyntax;
    }

    /** @return metadata with no field set */
    public static Metadata empty() {
        return EMPTY;
    }

    /** @return a builder with no field set */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Puts other metadata over this one, as pandoc's {@code -M} and {@code --metadata-file} do: each field
     * {@code over} sets (a value, or a non-empty list) replaces this one's, the rest are kept, and extra fields
     * are merged, {@code over}'s winning.
     *
     * @param over the fields to set
     * @return the combined metadata
     */
    public Metadata with(Metadata over) {
        Builder b = toBuilder();
        over.title().ifPresent(b::title);
        over.subtitle().ifPresent(b::subtitle);
        if (!over.authors().isEmpty()) {
            b.authors(over.authors());
        }
        over.published().ifPresent(b::published);
        over.updated().ifPresent(b::updated);
        over.language().ifPresent(b::language);
        over.summary().ifPresent(b::summary);
        if (!over.tags().isEmpty()) {
            b.tags(over.tags());
        }
        if (!over.categories().isEmpty()) {
            b.categories(over.categories());
        }
        over.cover().ifPresent(b::cover);
        over.thumbnail().ifPresent(b::thumbnail);
        over.canonicalUrl().ifPresent(b::canonicalUrl);
        over.sourceUrl().ifPresent(b::sourceUrl);
        over.identifier().ifPresent(b::identifier);
        over.publisher().ifPresent(b::publisher);
        over.extra().forEach(b::extra);
        if (!over.sourceKeys().isEmpty()) {
            b.sourceKeys(over.sourceKeys());
        }
        if (!over.sourceLinks().isEmpty()) {
            b.sourceLinks(over.sourceLinks());
        }
        over.sourceSyntax().ifPresent(b::sourceSyntax);
        return b.build();
    }

    /** @return a builder holding this metadata's values */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.title = title;
        b.subtitle = subtitle;
        b.authors.addAll(authors);
        b.published = published;
        b.updated = updated;
        b.language = language;
        b.summary = summary;
        b.tags.addAll(tags);
        b.categories.addAll(categories);
        b.cover = cover;
        b.thumbnail = thumbnail;
        b.canonicalUrl = canonicalUrl;
        b.sourceUrl = sourceUrl;
        b.identifier = identifier;
        b.publisher = publisher;
        b.extra.putAll(extra);
        b.sourceKeys.addAll(sourceKeys);
        b.sourceLinks.addAll(sourceLinks);
        b.sourceSyntax = sourceSyntax;
        return b;
    }

    /** @return the title */
    public Optional<String> title() {
        return Optional.ofNullable(title);
    }

    /** @return the subtitle */
    public Optional<String> subtitle() {
        return Optional.ofNullable(subtitle);
    }

    /** @return the authors in the order given; empty when unknown */
    public List<String> authors() {
        return authors;
    }

    /** @return when the article was first published */
    public Optional<ArticleDate> published() {
        return Optional.ofNullable(published);
    }

    /** @return when the article was last updated */
    public Optional<ArticleDate> updated() {
        return Optional.ofNullable(updated);
    }

    /** @return the language as a BCP 47 tag, such as {@code zh-CN} */
    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** @return a short summary or excerpt, as plain text */
    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    /** @return the tags in the order given */
    public List<String> tags() {
        return tags;
    }

    /** @return the categories, each a path from broadest to narrowest */
    public List<CategoryPath> categories() {
        return categories;
    }

    /** @return the cover image: a URL, a path relative to the article, or a resource name */
    public Optional<String> cover() {
        return Optional.ofNullable(cover);
    }

    /** @return the thumbnail image: a URL, a path relative to the article, or a resource name */
    public Optional<String> thumbnail() {
        return Optional.ofNullable(thumbnail);
    }

    /** @return the canonical URL of the article */
    public Optional<URI> canonicalUrl() {
        return Optional.ofNullable(canonicalUrl);
    }

    /** @return where the article was taken from, when that differs from the canonical URL */
    public Optional<URI> sourceUrl() {
        return Optional.ofNullable(sourceUrl);
    }

    /** @return a stable identifier such as a URN or UUID */
    public Optional<String> identifier() {
        return Optional.ofNullable(identifier);
    }

    /** @return the publisher or site name */
    public Optional<String> publisher() {
        return Optional.ofNullable(publisher);
    }

    /** @return the extra values in their original order; an unmodifiable map */
    public Map<String, @Nullable Object> extra() {
        return extra;
    }

    /**
     * The keys of the front matter this metadata was read from, in their order, typed fields' keys
     * and extra values' keys alike, each with the form its value had. Writers of the format it came
     * from follow it (same names, same order, same forms where the values allow); a field with no
     * key here is written after them. Not part of {@link #equals(Object)}.
     *
     * @return the source's keys; empty when the metadata was not read from front matter (built in code, or read
     *     from HTML, PDF, EPUB…); an unmodifiable list
     */
    public List<SourceKey> sourceKeys() {
        return sourceKeys;
    }

    /**
     * One key of the front matter an article was read from: its name as written and the form of its value.
     *
     * @param name the key, as the source spelt it
     * @param form the form of the value the source gave it
     */
    public record SourceKey(String name, Form form) {

        /** The form of a front-matter value, which a field's typed value does not show. */
        public enum Form {
            /** A string ({@code title: "2024"}, {@code tags: a b}, a quoted date). */
            TEXT,
            /** A typed scalar: a number, a boolean, an unquoted or TOML date. */
            SCALAR,
            /** A list ({@code tags: [a, b]}, {@code categories: [Blog]}). */
            LIST,
            /** A map ({@code cover: {image: a.jpg}}). */
            MAP
        }

        /**
         * @param name the key, not blank
         * @param form the form
         */
        public SourceKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(form, "form");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a source key is blank");
            }
        }
    }

    /**
     * The link reference definitions ({@code [label]: destination "title"}) of the Markdown this
     * article was read from, in their order. The Markdown writer writes a link to one of these
     * destinations (with the same title) as a reference link with its label again, and the
     * definitions after the body. Not part of {@link #equals(Object)}.
     *
     * @return the definitions; empty when the source had none or was not Markdown; an unmodifiable list
     */
    public List<SourceLink> sourceLinks() {
        return sourceLinks;
    }

    /**
     * The syntax of the front matter this metadata was read from: {@code yaml}, {@code toml} or
     * {@code json}. The Markdown writer keeps it unless told which syntax to write. Not part of
     * {@link #equals(Object)}.
     *
     * @return the syntax; empty when the metadata was not read from front matter
     */
    public Optional<String> sourceSyntax() {
        return Optional.ofNullable(sourceSyntax);
    }

    /**
     * A link reference definition of a Markdown source.
     *
     * @param label the label as the source wrote it
     * @param destination the destination, as the body's links give it
     * @param title the title, or null when it has none
     */
    public record SourceLink(String label, String destination, @Nullable String title) {

        /**
         * @param label the label, not blank
         * @param destination the destination
         * @param title the title, or null
         */
        public SourceLink {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(destination, "destination");
            if (label.isBlank()) {
                throw new IllegalArgumentException("a link label is blank");
            }
        }
    }

    /** @return whether no field is set */
    public boolean isEmpty() {
        return equals(EMPTY);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metadata m
                && Objects.equals(title, m.title)
                && Objects.equals(subtitle, m.subtitle)
                && authors.equals(m.authors)
                && Objects.equals(published, m.published)
                && Objects.equals(updated, m.updated)
                && Objects.equals(language, m.language)
                && Objects.equals(summary, m.summary)
                && tags.equals(m.tags)
                && categories.equals(m.categories)
                && Objects.equals(cover, m.cover)
                && Objects.equals(thumbnail, m.thumbnail)
                && Objects.equals(canonicalUrl, m.canonicalUrl)
                && Objects.equals(sourceUrl, m.sourceUrl)
                && Objects.equals(identifier, m.identifier)
                && Objects.equals(publisher, m.publisher)
                && List.copyOf(extra.entrySet()).equals(List.copyOf(m.extra.entrySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(title, subtitle, authors, published, updated, language, summary, tags, categories,
                cover, thumbnail, canonicalUrl, sourceUrl, identifier, publisher, extra);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Metadata{");
        append(sb, "title", title);
        append(sb, "subtitle", subtitle);
        append(sb, "authors", authors.isEmpty() ? null : authors);
        append(sb, "published", published);
        append(sb, "updated", updated);
        append(sb, "language", language);
        append(sb, "summary", summary);
        append(sb, "tags", tags.isEmpty() ? null : tags);
        append(sb, "categories", categories.isEmpty() ? null : categories);
        append(sb, "cover", cover);
        append(sb, "thumbnail", thumbnail);
        append(sb, "canonicalUrl", canonicalUrl);
        append(sb, "sourceUrl", sourceUrl);
        append(sb, "identifier", identifier);
        append(sb, "publisher", publisher);
        append(sb, "extra", extra.isEmpty() ? null : extra);
        return sb.append('}').toString();
    }

    private static void append(StringBuilder sb, String name, @Nullable Object value) {
        if (value != null) {
            if (sb.charAt(sb.length() - 1) != '{') {
                sb.append(", ");
            }
            sb.append(name).append('=').append(value);
        }
    }

    /**
     * Builds {@link Metadata}. Setters take {@code null} to clear a field; blank strings are
     * treated as absent. Not thread-safe; the built metadata is.
     */
    public static final class Builder {
        private @Nullable String title;
        private @Nullable String subtitle;
        private final List<String> authors = new ArrayList<>();
        private @Nullable ArticleDate published;
        private @Nullable ArticleDate updated;
        private @Nullable String language;
        private @Nullable String summary;
        private final List<String> tags = new ArrayList<>();
        private final List<CategoryPath> categories = new ArrayList<>();
        private @Nullable String cover;
        private @Nullable String thumbnail;
        private static final Set<String> SOURCE_SYNTAXES = Set.of("yaml", "toml", "json");
        private final List<SourceKey> sourceKeys = new ArrayList<>();
        private @Nullable String sourceSyntax;
        private final List<SourceLink> sourceLinks = new ArrayList<>();
        private @Nullable URI canonicalUrl;
        private @Nullable URI sourceUrl;
        private @Nullable String identifier;
        private @Nullable String publisher;
        private final Map<String, @Nullable Object> extra = new LinkedHashMap<>();

        private Builder() {
        }

        private static @Nullable String clean(@Nullable String s) {
            if (s == null) {
                return null;
            }
            String t = org.articlekit.internal.html.Xhtml.xmlSafe(s).strip();
            return t.isEmpty() ? null : t;
        }

        /** @param title the title; surrounding white space is removed @return this builder */
        public Builder title(@Nullable String title) {
            this.title = clean(title);
            return this;
        }

        /** @param subtitle the subtitle @return this builder */
        public Builder subtitle(@Nullable String subtitle) {
            this.subtitle = clean(subtitle);
            return this;
        }

        /** @param authors replaces the authors; blank names are skipped @return this builder */
        public Builder authors(Collection<String> authors) {
            this.authors.clear();
            authors.forEach(this::author);
            return this;
        }

        /** @param author adds an author unless blank or already present @return this builder */
        public Builder author(String author) {
            String a = clean(Objects.requireNonNull(author, "author"));
            if (a != null && !authors.contains(a)) {
                authors.add(a);
            }
            return this;
        }

        /** @param published the first publication date @return this builder */
        public Builder published(@Nullable ArticleDate published) {
            this.published = published;
            return this;
        }

        /** @param updated the last update @return this builder */
        public Builder updated(@Nullable ArticleDate updated) {
            this.updated = updated;
            return this;
        }

        /**
         * Sets the language.
         *
         * @param language a BCP 47 tag; {@code zh_CN} is accepted and written {@code zh-CN}
         * @return this builder
         * @throws IllegalArgumentException when the tag is not well-formed BCP 47
         */
        public Builder language(@Nullable String language) {
            String l = clean(language);
            this.language = l == null ? null : normalizeLanguage(l);
            return this;
        }

        /** @param summary a plain-text summary @return this builder */
        public Builder summary(@Nullable String summary) {
            this.summary = clean(summary);
            return this;
        }

        /** @param tags replaces the tags; blanks and repeats are skipped @return this builder */
        public Builder tags(Collection<String> tags) {
            this.tags.clear();
            tags.forEach(this::tag);
            return this;
        }

        /** @param tag adds a tag unless blank or already present @return this builder */
        public Builder tag(String tag) {
            String t = clean(Objects.requireNonNull(tag, "tag"));
            if (t != null && !tags.contains(t)) {
                tags.add(t);
            }
            return this;
        }

        /** @param categories replaces the category paths @return this builder */
        public Builder categories(Collection<CategoryPath> categories) {
            this.categories.clear();
            categories.forEach(this::category);
            return this;
        }

        /** @param category adds a category path unless already present @return this builder */
        public Builder category(CategoryPath category) {
            Objects.requireNonNull(category, "category");
            if (!categories.contains(category)) {
                categories.add(category);
            }
            return this;
        }

        /** @param cover the cover image reference @return this builder */
        public Builder cover(@Nullable String cover) {
            this.cover = clean(cover);
            return this;
        }

        /** @param thumbnail the thumbnail image reference @return this builder */
        public Builder thumbnail(@Nullable String thumbnail) {
            this.thumbnail = clean(thumbnail);
            return this;
        }

        /** @param canonicalUrl the canonical URL @return this builder */
        public Builder canonicalUrl(@Nullable URI canonicalUrl) {
            this.canonicalUrl = canonicalUrl;
            return this;
        }

        /** @param sourceUrl where the article was taken from @return this builder */
        public Builder sourceUrl(@Nullable URI sourceUrl) {
            this.sourceUrl = sourceUrl;
            return this;
        }

        /** @param identifier a stable identifier @return this builder */
        public Builder identifier(@Nullable String identifier) {
            this.identifier = clean(identifier);
            return this;
        }

        /** @param publisher the publisher or site name @return this builder */
        public Builder publisher(@Nullable String publisher) {
            this.publisher = clean(publisher);
            return this;
        }

        /**
         * Sets an extra value, keeping the position of an existing key.
         *
         * @param key the key, not blank
         * @param value a value of one of the types listed on {@link Metadata}
         * @return this builder
         * @throws IllegalArgumentException when the value's type is not supported
         */
        public Builder extra(String key, @Nullable Object value) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("an extra key is blank");
            }
            extra.put(key, freeze(value, key));
            return this;
        }

        /** @param values replaces all extra values, in the map's order @return this builder */
        public Builder extra(Map<String, ?> values) {
            extra.clear();
            values.forEach(this::extra);
            return this;
        }

        /** @param key removes this extra value @return this builder */
        public Builder removeExtra(String key) {
            extra.remove(key);
            return this;
        }

        /**
         * Sets how the source laid out its front matter ({@link Metadata#sourceKeys()}); readers of front matter call
         * it, other code rarely needs to.
         *
         * @param keys the keys in their order, replacing any set before
         * @return this builder
         */
        public Builder sourceKeys(List<SourceKey> keys) {
            sourceKeys.clear();
            for (SourceKey k : keys) {
                sourceKeys.add(Objects.requireNonNull(k, "keys"));
            }
            return this;
        }

        /**
         * Sets the link reference definitions of the Markdown source ({@link Metadata#sourceLinks()}); the Markdown
         * reader calls it.
         *
         * @param links the definitions in their order, replacing any set before
         * @return this builder
         */
        public Builder sourceLinks(List<SourceLink> links) {
            sourceLinks.clear();
            for (SourceLink l : links) {
                sourceLinks.add(Objects.requireNonNull(l, "links"));
            }
            return this;
        }

        /**
         * Sets the syntax of the source's front matter ({@link Metadata#sourceSyntax()}); the Markdown reader calls it.
         *
         * @param syntax {@code yaml}, {@code toml} or {@code json}, or null for none
         * @return this builder
         * @throws IllegalArgumentException for another syntax
         */
        public Builder sourceSyntax(@Nullable String syntax) {
            if (syntax != null && !SOURCE_SYNTAXES.contains(syntax)) {
                throw new IllegalArgumentException("a front-matter syntax is yaml, toml or json, not '" + syntax + "'");
            }
            sourceSyntax = syntax;
            return this;
        }

        /** @return the metadata */
        public Metadata build() {
            return new Metadata(this);
        }

        private static @Nullable Object freeze(@Nullable Object value, String key) {
            if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                    || value instanceof Double || value instanceof BigInteger || value instanceof BigDecimal
                    || value instanceof ArticleDate) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            if (value instanceof List<?> list) {
                List<@Nullable Object> copy = new ArrayList<>(list.size());
                for (Object o : list) {
                    copy.add(freeze(o, key));
                }
                return Collections.unmodifiableList(copy);
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, @Nullable Object> copy = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    copy.put(String.valueOf(e.getKey()), freeze(e.getValue(), key));
                }
                return Collections.unmodifiableMap(copy);
            }
            throw new IllegalArgumentException("extra value '" + key + "' has an unsupported type: "
                    + value.getClass().getName());
        }
    }

    /**
     * Checks a BCP 47 tag and writes it in its usual form ({@code zh_cn} becomes {@code zh-CN}).
     *
     * @param tag the tag
     * @return the normalised tag
     * @throws IllegalArgumentException when the tag is not well-formed
     */
    public static String normalizeLanguage(String tag) {
        if (tag.length() == 2 && tag.charAt(0) >= 'a' && tag.charAt(0) <= 'z' && tag.charAt(1) >= 'a'
                && tag.charAt(1) <= 'z' && !tag.equals("iw") && !tag.equals("in") && !tag.equals("ji")) {
            return tag; // a plain two-letter code (zh, en…), the common case, is already in its normal form
        }
        String t = tag.strip().replace('_', '-');
        try {
            Locale l = new Locale.Builder().setLanguageTag(t).build();
            String out = l.toLanguageTag();
            if (out.equals("und") && !t.equalsIgnoreCase("und")) {
                throw new IllegalArgumentException("not a BCP 47 language tag: " + tag);
            }
            return out;
        } catch (java.util.IllformedLocaleException e) {
            throw new IllegalArgumentException("not a BCP 47 language tag: " + tag, e);
        }
    }
}
