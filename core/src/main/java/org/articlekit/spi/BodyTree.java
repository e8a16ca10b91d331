package org.articlekit.spi;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.articlekit.internal.html.Xhtml;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jspecify.annotations.Nullable;

/**
 * Tree operations readers and writers share for an article body's XHTML: walking it in document
 * order, finding elements by name, making elements, and writing a tree back out as the compact
 * XHTML a {@link org.articlekit.Body} holds.
 *
 * <pre>{@code
 * Document doc = article.body().document();
 * for (Element img : BodyTree.elementsByTag(doc.body(), "img")) { ... }
 * String xhtml = BodyTree.xhtml(doc.body());
 * }</pre>
 *
 * <p>The walks use no recursion, so a tree as deep as {@link org.articlekit.Limits#maxDepth()} allows
 * cannot exhaust the stack. The writing methods give exactly what jsoup's {@code html()} and
 * {@code outerHtml()} give for a tree from {@link org.articlekit.Body#document()} (compact XHTML in
 * UTF-8), only faster; {@code XhtmlTest} in core compares the two.
 *
 * <p>Names are lower case. A null argument fails at once with a {@link NullPointerException} naming
 * the parameter. The methods hold no state and are safe to call from any thread; the trees they are
 * given are jsoup trees, which are not thread-safe, so one tree belongs to one thread at a time.
 */
public final class BodyTree {

    private BodyTree() {
    }

    /**
     * The node after {@code node} in document order, staying inside {@code root}: its first child,
     * else the next sibling of it or of its nearest ancestor that has one. A loop
     * {@code for (Node n = root; n != null; n = BodyTree.next(n, root))} visits {@code root} and every
     * node inside it with no stack and no iterator, and may change nodes it has already passed.
     *
     * @param node a node inside {@code root}, or {@code root} itself
     * @param root where the walk ends
     * @return the next node, or null when the walk has left {@code root} (null rather than an
     *         {@code Optional}, like jsoup's {@code nextSibling()}, since it is called once per node)
     */
    public static @Nullable Node next(Node node, Node root) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(root, "root");
        return Xhtml.next(node, root);
    }

    /**
     * The elements of a name, {@code root} included, in document order, as jsoup's
     * {@code getElementsByTag} gives them.
     *
     * @param root where to look
     * @param name the element name, lower case
     * @return an unmodifiable list of the elements found; changing the elements changes the tree
     */
    public static List<Element> elementsByTag(Element root, String name) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(name, "name");
        return Collections.unmodifiableList(Xhtml.byTag(root, name));
    }

    /**
     * Whether {@code root}, or an element inside it, has a name; stops at the first one found.
     *
     * @param root where to look
     * @param name the element name, lower case
     * @return whether such an element exists
     */
    public static boolean hasElement(Element root, String name) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(name, "name");
        return Xhtml.has(root, name);
    }

    /**
     * A new element with no attributes or children. Elements of the article HTML profile share one
     * jsoup tag object per name (jsoup's {@code new Element(name)} makes a new one each time); any
     * other name gets a tag of its own, as {@code new Element(name)} would.
     *
     * @param name the element's name, lower case
     * @return the element, not yet in any tree
     */
    public static Element element(String name) {
        Objects.requireNonNull(name, "name");
        return Xhtml.element(name);
    }

    /**
     * The content of an element (its children, not the element itself) as compact XHTML. A tree the
     * fast writer does not handle (see {@link #outerXhtml}) is written by jsoup's {@code html()}, which
     * follows the output settings of the element's document: those of {@link org.articlekit.Body#document()}
     * give the same XHTML.
     *
     * @param root the element whose children are written
     * @return the XHTML, empty for an element with no children
     */
    public static String xhtml(Element root) {
        Objects.requireNonNull(root, "root");
        return Xhtml.html(root);
    }

    /**
     * An element with its content as compact XHTML, written as {@link #xhtml} writes content.
     *
     * @param element the element
     * @return the XHTML, or empty for a tree only jsoup's own serialiser writes faithfully (nodes other
     *         than elements, text and comments, such as {@code script} data; attribute names that are not
     *         plain; foreign elements closed with {@code />}): then write a clone with
     *         {@code outerHtml()} inside a document whose output settings you choose
     */
    public static Optional<String> outerXhtml(Element element) {
        Objects.requireNonNull(element, "element");
        return Optional.ofNullable(Xhtml.outerHtml(element));
    }
}
