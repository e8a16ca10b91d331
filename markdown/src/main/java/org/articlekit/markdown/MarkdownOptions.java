package org.articlekit.markdown;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.articlekit.spi.Options;
import org.jspecify.annotations.Nullable;

/**
 * Settings of the Markdown format's reader and writer.
 *
 * <pre>{@code
 * MarkdownOptions opts = MarkdownOptions.builder().frontMatter(MarkdownOptions.FrontMatter.TOML)
 *         .dialect(MarkdownOptions.Dialect.HUGO).build();
 * Converter c = Converter.builder().options(FormatOptions.of(opts)).build();
 * }</pre>
 *
 * <p>Defaults: YAML front matter, Hexo's rules and key names, every syntax extension of
 * {@link Extension#BLOG}, UTF-8 input, no site time zone, Markdown nesting up to
 * {@value #DEFAULT_MAX_NESTING} levels and front matter up to {@value #DEFAULT_MAX_FRONT_MATTER_BYTES}
 * bytes. Immutable and thread-safe.
 */
public final class MarkdownOptions implements Options {

    /** The default of {@link #maxNesting()}. */
    public static final int DEFAULT_MAX_NESTING = 64;

    /** The default of {@link #maxFrontMatterBytes()}. */
    public static final int DEFAULT_MAX_FRONT_MATTER_BYTES = 64 * 1024;

    private static final MarkdownOptions DEFAULTS = builder().build();

    /** The syntax the writer uses for front matter; the reader recognises all three. */
    public enum FrontMatter {
        /** YAML between {@code ---} lines, as Hexo, Jekyll and Hugo write it. */
        YAML,
        /** TOML between {@code +++} lines, as Hugo writes it. */
        TOML,
        /** A JSON object, as Hugo accepts it. */
        JSON
    }

    /**
     * Which blog engine's rules the reader and writer follow. The reader accepts every engine's
     * key names; the dialect decides what a {@code categories} value means (Hexo: a list is one
     * path, a list of lists several; Jekyll: a string is several categories separated by spaces,
     * a list several; Hugo: a list is several flat terms) and, for Jekyll, that an
     * {@code excerpt_separator} ends the summary. The writer uses the dialect's key names, its
     * categories form and its more marker ({@code <!-- more -->}, Hugo {@code <!--more-->}).
     */
    public enum Dialect {
        /** {@code date}, {@code updated}, {@code author}, {@code cover}, {@code description}. */
        HEXO,
        /** {@code date}, {@code last_modified_at}, {@code author}, {@code image}, {@code description}. */
        JEKYLL,
        /** {@code date}, {@code lastmod}, {@code authors}, {@code cover.image}, {@code summary}. */
        HUGO;

        /**
         * The engine of the site a post belongs to, looked for in the post's folder and the
         * folders above it: Hexo has {@code _config.yml} and {@code source/_posts}, Jekyll
         * {@code _config.yml} and a {@code _posts} folder holding {@code YYYY-MM-DD-*.md} files,
         * Hugo {@code hugo.toml} or {@code config.toml} and {@code content}. Reads folder listings
         * only.
         *
         * @param post the post file
         * @return the engine, or empty when no folder above the post looks like a site
         * @throws java.io.IOException when a {@code _posts} folder cannot be listed
         */
        public static Optional<Dialect> detect(java.nio.file.Path post) throws java.io.IOException {
            java.nio.file.Path dir = post.toAbsolutePath().normalize().getParent();
            for (int up = 0; dir != null && up < 8; up++, dir = dir.getParent()) {
                boolean config = java.nio.file.Files.isRegularFile(dir.resolve("_config.yml"));
                if (config && java.nio.file.Files.isDirectory(dir.resolve("source/_posts"))) {
                    return Optional.of(HEXO);
                }
                if (config && datedPosts(dir.resolve("_posts"))) {
                    return Optional.of(JEKYLL);
                }
                if ((java.nio.file.Files.isRegularFile(dir.resolve("hugo.toml"))
                        || java.nio.file.Files.isRegularFile(dir.resolve("config.toml")))
                        && java.nio.file.Files.isDirectory(dir.resolve("content"))) {
                    return Optional.of(HUGO);
                }
            }
            return Optional.empty();
        }

        private static boolean datedPosts(java.nio.file.Path posts) throws java.io.IOException {
            if (!java.nio.file.Files.isDirectory(posts)) {
                return false;
            }
            try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(posts)) {
                return s.anyMatch(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-\\d{2}-.+\\.(md|markdown)"));
            }
        }
    }

    /** A Markdown syntax beyond CommonMark; choose them as a set, usually one of the presets. */
    public enum Extension {
        /** GitHub tables. */
        TABLES,
        /** {@code ~~deleted~~} text. */
        STRIKETHROUGH,
        /** Bare {@code https://…} and {@code www.…} addresses become links. */
        AUTOLINK,
        /** {@code - [x] done} list items. */
        TASK_LISTS,
        /** {@code [^1]} footnotes. */
        FOOTNOTES,
        /** Hexo tag plugins such as {@code {% asset_img %}} and {@code {% note %}}. */
        HEXO_TAGS,
        /** {@code <!-- more -->} ends the summary when the front matter has none. */
        MORE_MARKER;

        /** Plain CommonMark: no extension. */
        public static final Set<Extension> COMMONMARK = Collections.unmodifiableSet(EnumSet.noneOf(Extension.class));

        /** GitHub-flavoured Markdown: tables, strikethrough, autolinks, task lists. */
        public static final Set<Extension> GFM = Collections.unmodifiableSet(
                EnumSet.of(TABLES, STRIKETHROUGH, AUTOLINK, TASK_LISTS));

        /** What blog posts use: GFM plus footnotes, Hexo tag plugins and the more marker. */
        public static final Set<Extension> BLOG = Collections.unmodifiableSet(EnumSet.allOf(Extension.class));
    }

    /** Null: the source's syntax, else YAML. */
    private final @Nullable FrontMatter frontMatter;
    private final Dialect dialect;
    private final Set<Extension> extensions;
    private final Charset charset;
    private final @Nullable ZoneId siteZone;
    private final int maxNesting;
    private final int maxFrontMatterBytes;

    private MarkdownOptions(Builder b) {
        frontMatter = b.frontMatter;
        dialect = b.dialect;
        extensions = Collections.unmodifiableSet(b.extensions.isEmpty() ? EnumSet.noneOf(Extension.class)
                : EnumSet.copyOf(b.extensions));
        charset = b.charset;
        siteZone = b.siteZone;
        maxNesting = b.maxNesting;
        maxFrontMatterBytes = b.maxFrontMatterBytes;
    }

    /** @return the defaults */
    public static MarkdownOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.frontMatter = frontMatter;
        return b.dialect(dialect).extensions(extensions).charset(charset)
                .siteZone(siteZone).maxNesting(maxNesting).maxFrontMatterBytes(maxFrontMatterBytes);
    }

    /**
     * @return the front-matter syntax the writer uses for an article not read from front matter; default
     *     {@link FrontMatter#YAML}
     * @see #keepsSourceFrontMatter()
     */
    public FrontMatter frontMatter() {
        return frontMatter != null ? frontMatter : FrontMatter.YAML;
    }

    /**
     * Whether the writer keeps the syntax of the front matter an article was read from
     * ({@link org.articlekit.Metadata#sourceSyntax()}): so a Hugo post with TOML front matter is
     * written back in TOML. True unless {@link Builder#frontMatter} named a syntax, which then
     * applies to every article.
     *
     * @return whether the source's syntax is kept
     */
    public boolean keepsSourceFrontMatter() {
        return frontMatter == null;
    }

    /** @return the blog engine whose rules the reader and writer follow; default {@link Dialect#HEXO} */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * The syntax extensions the reader parses and the writer may use. Without one, the writer
     * writes that construct as inline HTML.
     *
     * @return an unmodifiable set; default {@link Extension#BLOG} (all of them)
     */
    public Set<Extension> extensions() {
        return extensions;
    }

    /**
     * The encoding of input without a byte-order mark. Decoding is strict: bytes that are not
     * valid in it are an error naming the byte offset and line.
     *
     * @return default UTF-8
     */
    public Charset charset() {
        return charset;
    }

    /**
     * The time zone of dates that name none. When set, such dates get this zone's offset (and so
     * an instant) while keeping their text; when absent, they stay without a zone, never in the
     * machine's zone.
     *
     * @return default empty
     */
    public Optional<ZoneId> siteZone() {
        return Optional.ofNullable(siteZone);
    }

    /**
     * How deeply block quotes, lists, brackets and emphasis may nest in a body; deeper input is
     * rejected before it reaches the Markdown parser's recursive parts.
     *
     * @return default {@value #DEFAULT_MAX_NESTING}; from 8 to 1,000
     */
    public int maxNesting() {
        return maxNesting;
    }

    /** @return the largest front matter, in bytes; default {@value #DEFAULT_MAX_FRONT_MATTER_BYTES}; 1 KiB to 16 MiB */
    public int maxFrontMatterBytes() {
        return maxFrontMatterBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MarkdownOptions m && frontMatter == m.frontMatter && dialect == m.dialect
                && extensions.equals(m.extensions) && charset.equals(m.charset)
                && Objects.equals(siteZone, m.siteZone) && maxNesting == m.maxNesting
                && maxFrontMatterBytes == m.maxFrontMatterBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(frontMatter, dialect, extensions, charset, siteZone, maxNesting, maxFrontMatterBytes);
    }

    @Override
    public String toString() {
        return "MarkdownOptions{frontMatter=" + frontMatter + ", dialect=" + dialect + ", extensions=" + extensions
                + ", charset=" + charset + ", siteZone=" + siteZone + ", maxNesting=" + maxNesting
                + ", maxFrontMatterBytes=" + maxFrontMatterBytes + "}";
    }

    /** Builds {@link MarkdownOptions}. Not thread-safe. */
    public static final class Builder {
        private @Nullable FrontMatter frontMatter;
        private Dialect dialect = Dialect.HEXO;
        private Set<Extension> extensions = Extension.BLOG;
        private Charset charset = StandardCharsets.UTF_8;
        private @Nullable ZoneId siteZone;
        private int maxNesting = DEFAULT_MAX_NESTING;
        private int maxFrontMatterBytes = DEFAULT_MAX_FRONT_MATTER_BYTES;

        private Builder() {
        }

        /**
         * @param v the written front-matter syntax, for every article; by default an article read from front
         *     matter keeps its syntax and others get YAML
         * @return this builder
         */
        public Builder frontMatter(FrontMatter v) {
            frontMatter = Objects.requireNonNull(v, "frontMatter");
            return this;
        }

        /** @param v the blog engine whose rules are followed; default HEXO @return this builder */
        public Builder dialect(Dialect v) {
            dialect = Objects.requireNonNull(v, "dialect");
            return this;
        }

        /** @param v the syntax extensions, such as {@link Extension#GFM}; default BLOG @return this builder */
        public Builder extensions(Set<Extension> v) {
            extensions = Set.copyOf(Objects.requireNonNull(v, "extensions"));
            return this;
        }

        /** @param v the input encoding; default UTF-8 @return this builder */
        public Builder charset(Charset v) {
            charset = Objects.requireNonNull(v, "charset");
            return this;
        }

        /** @param v the zone of zone-less dates, or {@code null} for none (the default) @return this builder */
        public Builder siteZone(@Nullable ZoneId v) {
            siteZone = v;
            return this;
        }

        /** @param v the deepest nesting; default {@value #DEFAULT_MAX_NESTING} @return this builder */
        public Builder maxNesting(int v) {
            maxNesting = v;
            return this;
        }

        /** @param v the largest front matter in bytes; default 64 KiB @return this builder */
        public Builder maxFrontMatterBytes(int v) {
            maxFrontMatterBytes = v;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException when a setting is out of range, naming it and its value
         */
        public MarkdownOptions build() {
            if (maxNesting < 8 || maxNesting > 1000) {
                throw new IllegalArgumentException("maxNesting must be from 8 to 1000, not " + maxNesting);
            }
            if (maxFrontMatterBytes < 1024 || maxFrontMatterBytes > 16 << 20) {
                throw new IllegalArgumentException("maxFrontMatterBytes must be from 1024 to 16777216, not "
                        + maxFrontMatterBytes);
            }
            return new MarkdownOptions(this);
        }
    }
}
