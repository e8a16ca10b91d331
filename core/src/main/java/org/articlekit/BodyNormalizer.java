package org.articlekit;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.articlekit.internal.html.Normalizer;
import org.articlekit.internal.html.Xhtml;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Turns untrusted HTML into a {@link Body} that follows the article HTML profile. Every reader's
 * output goes through it.
 *
 * <pre>{@code
 * Body body = BodyNormalizer.builder().baseUri(URI.create("https://example.org/a/"))
 *         .warnings(warnings::add).build().normalize(html);
 * }</pre>
 *
 * <h2>The article HTML profile</h2>
 * <ul>
 *   <li><b>Elements:</b> {@code h1}–{@code h6}, {@code p}, {@code ul}, {@code ol}, {@code li},
 *       {@code dl}, {@code dt}, {@code dd}, {@code blockquote}, {@code pre}, {@code code}, {@code a},
 *       {@code img}, {@code figure}, {@code figcaption}, {@code table}, {@code caption}, {@code thead},
 *       {@code tbody}, {@code tfoot}, {@code tr}, {@code th}, {@code td}, {@code em}, {@code strong},
 *       {@code sub}, {@code sup}, {@code del}, {@code ins}, {@code ruby}, {@code rt}, {@code rp},
 *       {@code br}, {@code hr}, {@code abbr}, {@code q}, {@code cite}, {@code kbd}, {@code samp},
 *       {@code var}, {@code mark}, {@code small}, {@code span} (only to carry {@code lang}/{@code dir}),
 *       and {@code section class="footnotes"}.</li>
 *   <li><b>Attributes:</b> {@code lang} and {@code dir} anywhere (checked); {@code id} (a simple
 *       name); {@code a href}/{@code title}; {@code img src}/{@code alt}/{@code title}/{@code width}/
 *       {@code height}; {@code td}/{@code th colspan}/{@code rowspan}/{@code align};
 *       {@code ol start}/{@code reversed}; {@code cite} on quotes and edits; {@code class} only as
 *       {@code language-*} on code, {@code footnotes}, {@code footnote-ref}/{@code footnote-backref}.</li>
 *   <li><b>Addresses:</b> http, https, mailto (links only), {@code #fragment}, relative paths, and
 *       {@code data:image/*} up to 2 MiB (images only, not SVG). Relative addresses are resolved
 *       against an http(s) base URI when one is given. Anything else is removed with a warning.</li>
 * </ul>
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>Removes script, style, iframe, object, embed, form controls, noscript, template, svg, media,
 *       navigation, comments, hidden elements and event-handler attributes.</li>
 *   <li>Resolves lazy images: the first of {@code data-original}, {@code data-src},
 *       {@code data-lazy-src}, {@code data-actualsrc} (and similar) wins over {@code src}; then the
 *       largest {@code srcset} candidate; a {@code data:} or blank placeholder {@code src} is
 *       never kept, and an image with nothing else is removed.</li>
 *   <li>Unwraps layout wrappers ({@code div}, {@code span}, {@code article}, {@code font}…): a
 *       wrapper with one image and a caption becomes a {@code figure}; one holding only inline
 *       content becomes a paragraph; loose text between blocks is wrapped in paragraphs.</li>
 *   <li>Renames presentational tags ({@code b}→{@code strong}, {@code i}→{@code em},
 *       {@code s}/{@code strike}→{@code del}, {@code tt}→{@code code}).</li>
 *   <li>Removes empty paragraphs, headings and inline elements, and leading or trailing
 *       {@code br}.</li>
 *   <li>Drops characters XML does not allow; output is well-formed XHTML.</li>
 *   <li>Walks the tree without recursion; elements nested deeper than {@link Limits#maxDepth()}
 *       are flattened with a warning.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe when its warning consumer is.
 */
public final class BodyNormalizer {

    private final @Nullable URI baseUri;
    private final Limits limits;
    private final @Nullable String sourceName;
    private final Consumer<Diagnostic> warnings;
    private final boolean strict;
    private final Normalizer.@Nullable Reporter reporter;

    private BodyNormalizer(Builder b) {
        baseUri = b.baseUri;
        limits = b.limits;
        sourceName = b.sourceName;
        warnings = b.warnings;
        strict = b.strict;
        reporter = b.reporter;
    }

    /** @return a builder: no base URI, default limits, warnings dropped, not strict */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A normaliser that takes base URI, limits, source name, warnings and strictness from a
     * conversion context; what readers use.
     *
     * @param context the context
     * @return the normaliser
     */
    public static BodyNormalizer of(ConversionContext context) {
        Builder b = builder().baseUri(context.baseUri().orElse(null)).limits(context.limits())
                .sourceName(context.sourceName().orElse(null)).strict(context.strict());
        // The context names the source and applies strictness itself.
        b.reporter = (code, message) -> context.warn(code, 0, message);
        return b.build();
    }

    /**
     * Normalises an HTML fragment.
     *
     * @param html the fragment
     * @return the body
     * @throws ArticleFormatException in strict mode, on the first repair
     */
    public Body normalize(String html) throws ArticleFormatException {
        Objects.requireNonNull(html, "html");
        Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        return normalize(doc.body());
    }

    /**
     * Normalises the children of an element. The element is emptied in the process.
     *
     * @param root the element whose children are the content
     * @return the body
     * @throws ArticleFormatException in strict mode, on the first repair
     */
    public Body normalize(Element root) throws ArticleFormatException {
        Objects.requireNonNull(root, "root");
        Normalizer.Reporter report = reporter != null ? reporter : (code, message) -> {
            if (strict) {
                throw new ArticleFormatException(sourceName, 0, null, message + " (strict mode)", null);
            }
            warnings.accept(new Diagnostic(code, message, sourceName, 0, null));
        };
        Normalizer normalizer = new Normalizer(baseUri, limits.maxDepth(), report);
        String html = normalizer.normalize(root);
        return html.isEmpty() ? Body.empty() : new Body(html, normalizer.images(), normalizer.tree());
    }

    /**
     * Normalises XHTML that is already a body's; used to check that a body string follows the
     * profile.
     *
     * @param body the body
     * @return the body normalised again (equal to it when it followed the profile)
     * @throws ArticleFormatException in strict mode
     */
    public Body renormalize(Body body) throws ArticleFormatException {
        return normalize(Xhtml.parseFragment(body.html()).body());
    }

    /** Builds a {@link BodyNormalizer}. Not thread-safe. */
    public static final class Builder {
        private @Nullable URI baseUri;
        private Limits limits = Limits.defaults();
        private @Nullable String sourceName;
        private Consumer<Diagnostic> warnings = d -> { };
        private boolean strict;
        private Normalizer.@Nullable Reporter reporter;

        private Builder() {
        }

        /** @param v the base of relative addresses; only http(s) bases are applied @return this builder */
        public Builder baseUri(@Nullable URI v) {
            baseUri = v;
            return this;
        }

        /** @param v the limits (depth) @return this builder */
        public Builder limits(Limits v) {
            limits = Objects.requireNonNull(v, "limits");
            return this;
        }

        /** @param v the input's name for warnings @return this builder */
        public Builder sourceName(@Nullable String v) {
            sourceName = v;
            return this;
        }

        /** @param v receives each warning @return this builder */
        public Builder warnings(Consumer<Diagnostic> v) {
            warnings = Objects.requireNonNull(v, "warnings");
            return this;
        }

        /** @param v whether a repair is a failure @return this builder */
        public Builder strict(boolean v) {
            strict = v;
            return this;
        }

        /** @return the normaliser */
        public BodyNormalizer build() {
            return new BodyNormalizer(this);
        }
    }
}
