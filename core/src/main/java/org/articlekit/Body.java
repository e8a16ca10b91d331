package org.articlekit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Objects;
import org.articlekit.internal.html.Xhtml;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * An article's body: well-formed XHTML that follows the article HTML profile described on
 * {@link BodyNormalizer}.
 *
 * <p>Only {@link BodyNormalizer} makes bodies, so every body follows the profile whatever reader
 * produced it. A body is immutable: {@link #document()} hands out a fresh copy each time, which the
 * caller may change freely.
 *
 * <pre>{@code
 * Body body = Body.fromHtml("<p>Hello <b>world</b></p>");
 * body.html();   // "<p>Hello <strong>world</strong></p>"
 * }</pre>
 *
 * <p>Two bodies are equal when their XHTML is. Thread-safe.
 */
public final class Body {

    private static final Body EMPTY = new Body("", List.of(), null);

    private static final VarHandle FRESH;

    static {
        try {
            FRESH = MethodHandles.lookup().findVarHandle(Body.class, "fresh", WeakReference.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String html;
    private final List<String> imageSources;

    /**
     * The normaliser's own tree of this body, which {@link #document()} hands out once instead of parsing
     * {@link #html} (the usual reader-then-writer conversion needs the tree exactly once). Weakly held, so
     * a body kept for long costs no more than its string.
     */
    @SuppressWarnings("unused") // through FRESH
    private volatile @Nullable WeakReference<Document> fresh;

    /**
     * @param html the XHTML
     * @param imageSources the images' sources in document order
     * @param tree the normaliser's tree, which must be exactly what {@link Xhtml#parseFragment} gives for
     *        {@code html}, or null
     */
    Body(String html, List<String> imageSources, @Nullable Document tree) {
        this.html = Objects.requireNonNull(html, "html");
        this.imageSources = List.copyOf(imageSources);
        this.fresh = tree == null ? null : new WeakReference<>(tree);
    }

    /** @return a body with no content */
    public static Body empty() {
        return EMPTY;
    }

    /**
     * Normalises an HTML fragment with the default settings (no base URI, default limits) and
     * ignores what the normaliser reports; use {@link BodyNormalizer} to see its warnings.
     *
     * @param html an HTML fragment, trusted or not
     * @return the normalised body
     * @throws ArticleFormatException when the fragment is nested deeper than the default limit
     */
    public static Body fromHtml(String html) throws ArticleFormatException {
        return BodyNormalizer.builder().build().normalize(html);
    }

    /** @return the body as an XHTML fragment (no {@code html}/{@code body} wrapper) */
    public String html() {
        return html;
    }

    /**
     * Parses the body into a new document. The content is the children of {@code document.body()}.
     *
     * @return a fresh, independent copy
     */
    public Document document() {
        @SuppressWarnings("unchecked")
        WeakReference<Document> ref = (WeakReference<Document>) FRESH.getAndSet(this, null);
        Document tree = ref == null ? null : ref.get();
        return tree != null ? tree : Xhtml.parseFragment(html);
    }

    /**
     * The {@code src} of every {@code img} in the body, in document order and with repeats, as
     * {@code document().getElementsByTag("img")} would give them, known without parsing the body.
     *
     * @return the image references
     */
    public List<String> imageSources() {
        return imageSources;
    }

    /** @return the visible text, with block elements separated by blank lines */
    public String text() {
        return Xhtml.plainText(document().body());
    }

    /** @return whether the body has no content */
    public boolean isEmpty() {
        return html.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body b && html.equals(b.html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    @Override
    public String toString() {
        return html.length() <= 80 ? "Body{" + html + "}" : "Body{" + html.substring(0, 77) + "...}";
    }
}
