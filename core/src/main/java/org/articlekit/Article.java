package org.articlekit;

import java.util.Objects;

/**
 * One article: its {@link Metadata}, its {@link Body} and the {@link Resources} the body refers to.
 *
 * <pre>{@code
 * Article a = Article.builder()
 *         .metadata(Metadata.builder().title("Hello").build())
 *         .body(Body.fromHtml("<p>Hi</p>"))
 *         .build();
 * Article b = a.withMetadata(a.metadata().toBuilder().title("Hi").build());
 * }</pre>
 *
 * <p>Immutable and thread-safe; two articles with the same content are equal.
 */
public final class Article {

    private final Metadata metadata;
    private final Body body;
    private final Resources resources;

    private Article(Metadata metadata, Body body, Resources resources) {
        this.metadata = metadata;
        this.body = body;
        this.resources = resources;
    }

    /** @return a builder with empty metadata, body and resources */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this article's parts */
    public Builder toBuilder() {
        return new Builder().metadata(metadata).body(body).resources(resources);
    }

    /** @return the metadata */
    public Metadata metadata() {
        return metadata;
    }

    /** @return the body */
    public Body body() {
        return body;
    }

    /** @return the resources */
    public Resources resources() {
        return resources;
    }

    /** @param metadata the new metadata @return a copy with that metadata */
    public Article withMetadata(Metadata metadata) {
        return new Article(Objects.requireNonNull(metadata, "metadata"), body, resources);
    }

    /** @param body the new body @return a copy with that body */
    public Article withBody(Body body) {
        return new Article(metadata, Objects.requireNonNull(body, "body"), resources);
    }

    /** @param resources the new resources @return a copy with those resources */
    public Article withResources(Resources resources) {
        return new Article(metadata, body, Objects.requireNonNull(resources, "resources"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Article a && metadata.equals(a.metadata) && body.equals(a.body)
                && resources.equals(a.resources);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metadata, body, resources);
    }

    @Override
    public String toString() {
        return "Article{" + metadata + ", " + body + ", " + resources + "}";
    }

    /** Builds an {@link Article}. Not thread-safe; the article is. */
    public static final class Builder {
        private Metadata metadata = Metadata.empty();
        private Body body = Body.empty();
        private Resources resources = Resources.empty();

        private Builder() {
        }

        /** @param metadata the metadata @return this builder */
        public Builder metadata(Metadata metadata) {
            this.metadata = Objects.requireNonNull(metadata, "metadata");
            return this;
        }

        /** @param body the body @return this builder */
        public Builder body(Body body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** @param resources the resources @return this builder */
        public Builder resources(Resources resources) {
            this.resources = Objects.requireNonNull(resources, "resources");
            return this;
        }

        /** @return the article */
        public Article build() {
            return new Article(metadata, body, resources);
        }
    }
}
