package org.articlekit.spi;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.articlekit.ArticleFormatException;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.jspecify.annotations.Nullable;

/**
 * What a reader or writer needs besides the bytes: the source's name for messages, the base URI
 * of relative links, the resource resolver, the format options, the limits, the clock and where
 * warnings go.
 *
 * <pre>{@code
 * ConversionContext ctx = ConversionContext.builder().sourceName("post.md")
 *         .resolver(ResourceResolver.localFiles(dir)).warnings(list::add).build();
 * }</pre>
 *
 * <p>Defaults: no source name, no base URI, {@link ResourceResolver#none()} (nothing is read),
 * no options, {@link Limits#defaults()}, the UTC system clock, warnings dropped, not strict. The
 * deadline is fixed when the context is built: {@link Limits#timeout()} from then. Immutable;
 * thread-safe when the warning consumer is.
 */
public final class ConversionContext {

    private final @Nullable String sourceName;
    private final @Nullable URI baseUri;
    private final ResourceResolver resolver;
    private final FormatOptions options;
    private final Limits limits;
    private final Clock clock;
    private final Consumer<Diagnostic> warnings;
    private final boolean strict;
    private final Instant deadline;
    private final ChapterProgress progress;
    private final @Nullable Charset charset;

    private ConversionContext(Builder b) {
        sourceName = b.sourceName;
        baseUri = b.baseUri;
        resolver = b.resolver;
        options = b.options;
        limits = b.limits;
        clock = b.clock;
        warnings = b.warnings;
        strict = b.strict;
        progress = b.progress;
        charset = b.charset;
        deadline = b.deadline != null ? b.deadline : Instant.now().plus(limits.timeout());
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this context's settings (the deadline included) */
    public Builder toBuilder() {
        Builder b = new Builder().resolver(resolver).options(options).limits(limits).clock(clock)
                .warnings(warnings).strict(strict).sourceName(sourceName).baseUri(baseUri).progress(progress)
                .charset(charset);
        b.deadline = deadline;
        return b;
    }

    /**
     * The character set the transport declared for the input, such as the {@code charset} of an
     * HTTP {@code Content-Type} or of a web archive record. Readers of text formats prefer it to a
     * declaration inside the document and to detection; a declared GB2312 or GBK is read as GB18030.
     *
     * @return the declared character set, when the input came with one
     */
    public Optional<Charset> charset() {
        return Optional.ofNullable(charset);
    }

    /** @return the input's or output's name for messages, such as {@code post.md} */
    public Optional<String> sourceName() {
        return Optional.ofNullable(sourceName);
    }

    /** @return the URI that relative links in the input are resolved against */
    public Optional<URI> baseUri() {
        return Optional.ofNullable(baseUri);
    }

    /** @return the only way a reader or writer may reach files or URLs */
    public ResourceResolver resolver() {
        return resolver;
    }

    /** @return the format options */
    public FormatOptions options() {
        return options;
    }

    /** @return the limits */
    public Limits limits() {
        return limits;
    }

    /** @return the clock for anything time-stamped (fixed in tests for repeatable output) */
    public Clock clock() {
        return clock;
    }

    /** @return whether warnings are failures */
    public boolean strict() {
        return strict;
    }

    /**
     * Reports odd but usable input. In strict mode the warning becomes a failure.
     *
     * @param code the stable code, such as {@code image.unresolved}
     * @param line the 1-based line, or 0 when unknown
     * @param message what was dropped or repaired
     * @throws ArticleFormatException in strict mode
     */
    public void warn(String code, int line, String message) throws ArticleFormatException {
        Diagnostic d = new Diagnostic(code, message, sourceName, line, null);
        if (strict) {
            throw new ArticleFormatException(sourceName, line, null, message + " (strict mode)", null);
        }
        warnings.accept(d);
    }

    /**
     * Fails when the conversion has run past its deadline; long loops call this now and then.
     *
     * @throws ArticleFormatException naming the time limit
     */
    public void checkDeadline() throws ArticleFormatException {
        if (Instant.now().isAfter(deadline)) {
            throw new ArticleFormatException(sourceName, "conversion took longer than the limit of "
                    + limits.timeout().toSeconds() + " s");
        }
    }

    /**
     * Makes an error about this context's input.
     *
     * @param line the 1-based line, or 0
     * @param problem what is wrong
     * @param cause the underlying exception, or {@code null}
     * @return the exception, to throw
     */
    public ArticleFormatException error(int line, String problem, @Nullable Throwable cause) {
        return new ArticleFormatException(sourceName, line, null, problem, cause);
    }

    /**
     * Where a book writer reports the chapters it has written, so that a caller can show progress.
     *
     * @return the progress receiver; by default one that ignores every report
     */
    public ChapterProgress progress() {
        return progress;
    }

    /** Builds a {@link ConversionContext}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String sourceName;
        private @Nullable URI baseUri;
        private ResourceResolver resolver = ResourceResolver.none();
        private FormatOptions options = FormatOptions.none();
        private Limits limits = Limits.defaults();
        private Clock clock = Clock.systemUTC();
        private Consumer<Diagnostic> warnings = d -> { };
        private boolean strict;
        private @Nullable Instant deadline;
        private ChapterProgress progress = ChapterProgress.NONE;
        private @Nullable Charset charset;

        private Builder() {
        }

        /** @param v the name used in messages @return this builder */
        public Builder sourceName(@Nullable String v) {
            sourceName = v;
            return this;
        }

        /** @param v the base of relative links @return this builder */
        public Builder baseUri(@Nullable URI v) {
            baseUri = v;
            return this;
        }

        /** @param v the resource resolver; default none @return this builder */
        public Builder resolver(ResourceResolver v) {
            resolver = Objects.requireNonNull(v, "resolver");
            return this;
        }

        /** @param v the format options @return this builder */
        public Builder options(FormatOptions v) {
            options = Objects.requireNonNull(v, "options");
            return this;
        }

        /** @param v the limits @return this builder */
        public Builder limits(Limits v) {
            limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        /** @param v the clock @return this builder */
        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v, "clock");
            return this;
        }

        /** @param v receives each warning; must be thread-safe if the context is shared @return this builder */
        public Builder warnings(Consumer<Diagnostic> v) {
            warnings = Objects.requireNonNull(v, "warnings");
            return this;
        }

        /** @param v whether warnings are failures; default false @return this builder */
        public Builder strict(boolean v) {
            strict = v;
            return this;
        }

        /** @param v receives a book writer's chapter reports; default none @return this builder */
        public Builder progress(ChapterProgress v) {
            progress = Objects.requireNonNull(v, "progress");
            return this;
        }

        /**
         * @param v the character set the transport declared (HTTP {@code Content-Type}), or null
         * @return this builder
         */
        public Builder charset(@Nullable Charset v) {
            charset = v;
            return this;
        }

        /**
         * Gives the built context a time limit of its own: its deadline is {@link Limits#timeout()}
         * from when it is built, instead of the deadline {@link ConversionContext#toBuilder()} copied.
         * A writer that works through a long book in parts (the PDF writer typesets a book of more
         * than 100 articles a batch at a time) gives each part the limit this way, so that a long
         * book is not cut off while one hostile article still is.
         *
         * @return this builder
         */
        public Builder restartDeadline() {
            deadline = null;
            return this;
        }

        /** @return the context; its deadline starts now unless copied from another context */
        public ConversionContext build() {
            return new ConversionContext(this);
        }
    }
}
