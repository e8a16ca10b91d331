package org.articlekit.internal.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The body normaliser's implementation: copies an untrusted element tree into a fresh tree that
 * follows the article HTML profile that {@code BodyNormalizer} documents.
 *
 * <p>Every pass is iterative and linear in the size of the tree: elements are copied (never moved
 * one by one out of long sibling lists, which costs quadratic time in jsoup), and parents whose
 * children change are rebuilt in one go. Hostile shapes (100,000 nested or sibling elements) stay
 * fast and never overflow the stack.
 */
public final class Normalizer {

    private static final Pattern SRCSET_COMMA = Pattern.compile(",(?=\\s*\\S)");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,5}");

    /** Receives what the normaliser dropped or repaired. */
    @FunctionalInterface
    public interface Reporter {
        /**
         * @param code the stable warning code
         * @param message what happened
         * @throws ArticleFormatException in strict mode
         */
        void warn(String code, String message) throws ArticleFormatException;
    }

    /** Elements removed with everything inside them. */
    static final Set<String> DROPPED = Set.of("script", "style", "iframe", "frame", "frameset", "object", "embed",
            "applet", "form", "input", "button", "select", "textarea", "option", "noscript", "template", "link",
            "meta", "base", "title", "head", "svg", "math", "canvas", "video", "audio", "source", "track", "map",
            "area", "param", "dialog", "portal", "nav", "label", "datalist", "output", "progress", "meter");

    /** Of the dropped elements, those that can run code or load content: reported as active content. */
    static final Set<String> ACTIVE = Set.of("script", "iframe", "frame", "frameset", "object", "embed", "applet",
            "form", "portal", "base", "link", "meta", "template");

    /** Dropped elements that are ordinary page furniture, removed without a warning. */
    static final Set<String> QUIET = Set.of("noscript", "title", "nav", "head", "label", "source", "track");

    /** The elements of the profile. */
    public static final Set<String> ALLOWED = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
            "dl", "dt", "dd", "blockquote", "pre", "code", "a", "img", "figure", "figcaption", "table", "caption",
            "thead", "tbody", "tfoot", "tr", "th", "td", "em", "strong", "sub", "sup", "del", "ins", "ruby",
            "rt", "rp", "br", "hr", "section", "abbr", "q", "cite", "kbd", "samp", "var", "mark", "small",
            "span");

    /** Renamed elements. */
    static final Map<String, String> RENAMED = Map.of("b", "strong", "i", "em", "s", "del", "strike", "del",
            "tt", "code", "big", "strong", "dfn", "em", "listing", "pre", "xmp", "pre", "plaintext", "pre");

    /** Block wrappers that are removed, keeping their content. */
    static final Set<String> UNWRAPPED_BLOCKS = Set.of("div", "article", "main", "header", "footer", "aside",
            "center", "address", "details", "summary", "hgroup", "fieldset", "legend", "section", "body", "html",
            "figure");

    /** Inline elements outside the profile that are removed silently, keeping their content. */
    static final Set<String> INLINE_UNWRAPPED = Set.of("font", "u", "time", "nobr", "wbr", "picture", "data",
            "bdi", "bdo", "acronym", "span", "blink", "marquee");

    /** Elements that must not be empty. */
    static final Set<String> NOT_EMPTY = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "sub",
            "sup", "del", "ins", "code", "a", "blockquote", "figcaption", "abbr", "q", "cite", "kbd", "samp",
            "var", "mark", "small", "span", "ul", "ol", "dl", "table", "section", "figure", "pre", "ruby",
            "caption", "tr", "thead", "tbody", "tfoot");

    /** Containers whose loose inline content is wrapped in paragraphs. */
    static final Set<String> FLOW_ROOTS = Set.of("body", "blockquote", "section");

    /** Elements that are part of a line of text. */
    static final Set<String> INLINE = Set.of("a", "em", "strong", "sub", "sup", "del", "ins", "code", "img", "br",
            "abbr", "q", "cite", "kbd", "samp", "var", "mark", "small", "span", "ruby", "rt", "rp");

    /** Elements that only make sense inside certain parents. */
    static final Map<String, Set<String>> REQUIRED_PARENTS = Map.ofEntries(
            Map.entry("li", Set.of("ul", "ol")),
            Map.entry("dt", Set.of("dl")),
            Map.entry("dd", Set.of("dl")),
            Map.entry("tr", Set.of("table", "thead", "tbody", "tfoot")),
            Map.entry("td", Set.of("tr")),
            Map.entry("th", Set.of("tr")),
            Map.entry("thead", Set.of("table")),
            Map.entry("tbody", Set.of("table")),
            Map.entry("tfoot", Set.of("table")),
            Map.entry("caption", Set.of("table")),
            Map.entry("figcaption", Set.of("figure")),
            Map.entry("rt", Set.of("ruby")),
            Map.entry("rp", Set.of("ruby")));

    /** Profile elements that form blocks of their own. */
    static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "blockquote",
            "pre", "table", "figure", "hr", "section");

    /** Elements whose content is a line of text, where a block cannot stand. */
    static final Set<String> PHRASING_PARENTS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "a", "em",
            "strong", "sub", "sup", "del", "ins", "code", "abbr", "q", "cite", "kbd", "samp", "var", "mark", "small",
            "span", "ruby", "rt", "rp", "caption", "dt", "figcaption");

    /** Elements whose white-space-only text children carry no meaning. */
    static final Set<String> STRUCTURAL = Set.of("body", "blockquote", "section", "figure", "ul", "ol", "dl",
            "table", "thead", "tbody", "tfoot", "tr", "ruby");

    static final List<String> LAZY_SOURCES = List.of("data-original", "data-src", "data-lazy-src",
            "data-actualsrc", "data-original-src", "data-lazy", "data-url", "data-echo", "data-hi-res-src");

    /** Marks where an unwrapped block stood, so text on its two sides does not run together. */
    static final String BOUNDARY = "articlekit-boundary";

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(blank|placeholder|spacer|pixel|transparent|lazy|loading|grey|gray|1x1|empty)[^/]*\\.(gif|png|svg|jpg)$");
    private static final Pattern CAPTION_CLASS = Pattern.compile("(?i).*(caption|desc|img[-_]?title|pic[-_]?text|"
            + "img[-_]?text|image[-_]?text|credit|note).*");
    private static final Pattern PICTURE_CLASS = Pattern.compile("(?i).*(img|image|pic|photo|figure).*");
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("(?:lang(?:uage)?-)([A-Za-z0-9_+#.-]{1,40})");
    private static final Pattern CONTROL_CHARS = Pattern.compile("[\\x00-\\x1F\\x7F]+");
    private static final Pattern DIR_VALUE = Pattern.compile("(?i)ltr|rtl|auto");
    private static final Pattern ID_VALUE = Pattern.compile("[A-Za-z][A-Za-z0-9_:.\\-]{0,100}");
    private static final Pattern SPAN_VALUE = Pattern.compile("\\d{1,3}");
    private static final Pattern ALIGN_VALUE = Pattern.compile("(?i)left|right|center");
    private static final Pattern START_VALUE = Pattern.compile("-?\\d{1,9}");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final long MAX_DATA_URI = 2L << 20;
    private static final int MAX_FIGURE_ELEMENTS = 24;

    private final @Nullable URI base;
    private final int maxDepth;
    private final Reporter reporter;
    private List<String> images = List.of();
    private @Nullable Document tree;
    private final Map<String, Integer> notes = new LinkedHashMap<>();

    /**
     * @param base the base of relative URLs, or {@code null} to keep them relative
     * @param maxDepth the deepest nesting kept; deeper content is kept as plain text
     * @param reporter receives warnings
     */
    public Normalizer(@Nullable URI base, int maxDepth, Reporter reporter) {
        this.base = base;
        this.maxDepth = maxDepth;
        this.reporter = reporter;
    }

    /**
     * Normalises the children of {@code root} and serialises them as XHTML.
     *
     * @param root the content; it is not changed
     * @return the XHTML fragment
     * @throws ArticleFormatException in strict mode, on the first warning
     */
    public String normalize(Element root) throws ArticleFormatException {
        Document holder = Xhtml.parseFragment("");
        Element body = holder.body();
        Map<Element, Element> figures = findFigures(root);
        copy(root, body, figures);
        if (!figures.isEmpty()) {
            liftFigures(body);
        }
        List<Element> postOrder = postOrder(body);
        for (Element e : postOrder) {
            if (e.nameIs("pre")) {
                dropOpeningBreaks(e); // before empty elements go, so a pre of nothing but breaks goes too
            }
        }
        removeEmpty(postOrder);
        arrangeBlocks(body);
        report();
        List<String> srcs = new ArrayList<>();
        for (Element img : Xhtml.byTag(body, "img")) {
            srcs.add(img.attr("src"));
        }
        images = List.copyOf(srcs);
        tree = asParsed(body) ? holder : null;
        return Xhtml.html(body).strip();
    }

    /** @return the {@code src} of every image in the last normalised body, in document order */
    public List<String> images() {
        return images;
    }

    /**
     * The tree of the last normalised body, when it is node for node what parsing its XHTML with
     * {@link Xhtml#parseFragment} gives back, so that a caller can use it instead of parsing the XHTML again.
     *
     * @return the document whose body holds the last normalised content, or null when it may differ from
     *         the parsed XHTML
     */
    public @Nullable Document tree() {
        return tree;
    }

    /**
     * Brings the tree to the shape the HTML parser gives its XHTML: adjacent text nodes joined, empty ones
     * and whitespace at the two ends (which the serialised fragment strips) dropped, and the line breaks
     * that open a {@code pre} dropped (the parser would drop one on each round trip).
     *
     * @return false when text at either end of the body would be stripped of some of its characters, or
     *         anything else could come back different
     */
    private static boolean asParsed(Element body) {
        Deque<Element> todo = new ArrayDeque<>();
        todo.push(body);
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            Node previous = null;
            for (Node child = e.firstChild(); child != null; ) {
                Node next = child.nextSibling();
                if (child instanceof TextNode t) {
                    if (t.getWholeText().isEmpty()) {
                        t.remove();
                        child = next;
                        continue;
                    }
                    if (previous instanceof TextNode p) {
                        p.text(p.getWholeText() + t.getWholeText());
                        t.remove();
                        child = next;
                        continue;
                    }
                } else if (child instanceof Element c) {
                    todo.push(c);
                } else {
                    return false;
                }
                previous = child;
                child = next;
            }
            if (e.nameIs("pre")) {
                dropOpeningBreaks(e); // again: removing empty elements may have put a break first
            }
        }
        while (body.firstChild() instanceof TextNode t && t.getWholeText().isBlank()) {
            t.remove();
        }
        while (body.lastChild() instanceof TextNode t && t.getWholeText().isBlank()) {
            t.remove();
        }
        return !(body.firstChild() instanceof TextNode) && !(body.lastChild() instanceof TextNode);
    }

    /**
     * Drops the line breaks (LF or CR) that open a {@code pre}: a parser drops one right after the start tag, so
     * they would be lost one per round trip. Done before empty elements are removed, so a {@code pre} of nothing but line
     * breaks goes in the same pass.
     */
    private static void dropOpeningBreaks(Element pre) {
        while (pre.firstChild() instanceof TextNode t && (t.getWholeText().isEmpty()
                || t.getWholeText().charAt(0) == '\n' || t.getWholeText().charAt(0) == '\r')) {
            String text = t.getWholeText().replaceFirst("^[\r\n]+", "");
            if (!text.isEmpty()) {
                t.text(text);
                return;
            }
            t.remove(); // and look at the next text node, which may open with breaks too
        }
    }

    private void note(String code, String message) {
        notes.merge(code + "|" + message, 1, Integer::sum);
    }

    private void report() throws ArticleFormatException {
        for (Map.Entry<String, Integer> e : notes.entrySet()) {
            String[] parts = e.getKey().split("\\|", 2);
            int n = e.getValue();
            reporter.warn(parts[0], parts[1] + (n > 1 ? " (" + n + " times)" : ""));
        }
    }

    // ---- figures -------------------------------------------------------------------------------

    /**
     * Finds small wrappers that hold exactly one image and a caption; maps each wrapper to its
     * caption element. Only wrappers of at most a few elements are examined, so this is linear.
     */
    private static Map<Element, Element> findFigures(Element root) {
        Map<Element, Element> figures = new IdentityHashMap<>();
        for (Element img : Xhtml.byTag(root, "img")) {
            Element e = img.parent();
            for (int up = 0; up < 4 && e != null && e != root; up++, e = e.parent()) {
                String name = e.normalName();
                if (!(name.equals("figure") || name.equals("div") || name.equals("span") || name.equals("p")
                        || name.equals("section"))) {
                    continue;
                }
                if (!isSmall(e) || Xhtml.byTag(e, "img").size() != 1) {
                    break;
                }
                Element caption = findCaption(e);
                if (caption != null && caption != e && weight(e.text()) - weight(caption.text()) > MAX_FIGURE_TEXT) {
                    // Paragraphs beside the picture and its caption: a section of the text, not a figure.
                    break;
                }
                if (caption != null) {
                    figures.put(e, caption);
                    break;
                }
            }
        }
        return figures;
    }

    /**
     * The most text besides its caption that a wrapper written as one figure may hold (a credit
     * line), in characters, a CJK one counting three.
     */
    static final int MAX_FIGURE_TEXT = 80;

    /** @return the length of a text, a CJK character counting three (it says about as much as a short word) */
    private static int weight(String text) {
        int w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            w += c >= '\u2E80' && c <= '\u9FFF' || c >= '\uAC00' && c <= '\uD7AF' || c >= '\uF900' && c <= '\uFAFF' ? 3 : 1;
        }
        return w;
    }

    /** Whether an element holds at most a few elements (counting stops early). */
    private static boolean isSmall(Element e) {
        int count = 0;
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(e);
        while (!stack.isEmpty()) {
            Element x = stack.pop();
            if (++count > MAX_FIGURE_ELEMENTS) {
                return false;
            }
            for (int i = 0; i < x.childNodeSize(); i++) {
                if (x.childNode(i) instanceof Element k) {
                    stack.push(k);
                }
            }
        }
        return true;
    }

    private static @Nullable Element findCaption(Element wrapper) {
        for (Element d : wrapper.getAllElements()) {
            if (d == wrapper) {
                continue;
            }
            if (d.nameIs("figcaption")) {
                return d.text().isBlank() || Xhtml.has(d, "img") ? null : d;
            }
            if (CAPTION_CLASS.matcher(d.className() + " " + d.id()).matches() && !d.text().isBlank()
                    && !Xhtml.has(d, "img") && d.text().length() <= 300) {
                return d;
            }
        }
        if (wrapper.nameIs("figure")) {
            return null;
        }
        // A layout wrapper named like an image box holding only the image and a short text.
        if ((wrapper.nameIs("div") || wrapper.nameIs("span")) && PICTURE_CLASS.matcher(wrapper.className()).matches()) {
            String text = wrapper.text().strip();
            if (!text.isEmpty() && text.length() <= 200) {
                return wrapper;
            }
        }
        return null;
    }

    // ---- the copy ------------------------------------------------------------------------------

    private record Frame(@Nullable Node source, Element out, int depth, boolean closeBoundary) {
    }

    /** Copies the children of {@code root} into {@code out}, keeping only what the profile allows. */
    private void copy(Element root, Element out, Map<Element, Element> figures) {
        Deque<Frame> stack = new ArrayDeque<>();
        pushChildren(stack, root, out, 1);
        Set<Element> captionsDone = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            if (f.closeBoundary()) {
                f.out().appendChild(Xhtml.element(BOUNDARY));
                continue;
            }
            Node n = f.source();
            if (n instanceof TextNode t) {
                f.out().appendChild(new TextNode(Xhtml.xmlSafe(t.getWholeText())));
                continue;
            }
            if (!(n instanceof Element e)) {
                continue; // comments, data (script bodies), doctype, XML declarations
            }
            String name = e.normalName();
            if (DROPPED.contains(name) || name.contains(":")) {
                if (ACTIVE.contains(name)) {
                    note("html.active-content", "removed active content <" + name + ">");
                } else if (!QUIET.contains(name)) {
                    note("html.dropped", "removed <" + name + "> (not part of an article body)");
                }
                continue;
            }
            if (e.hasAttr("hidden") || isHiddenByStyle(e)) {
                continue;
            }
            if (hasEventHandler(e)) {
                note("html.active-content", "removed event handler attributes");
            }
            if (f.depth() > maxDepth) {
                note("html.depth", "kept content nested deeper than " + maxDepth + " levels as plain text");
                f.out().appendChild(new TextNode(Xhtml.xmlSafe(e.text())));
                continue;
            }
            Element caption = figures.get(e);
            if (caption != null && !captionsDone.contains(e)) {
                captionsDone.add(e);
                copyFigure(e, caption, f, stack);
                continue;
            }
            String renamed = RENAMED.getOrDefault(name, name);
            if (renamed.equals("img")) {
                Element img = copyImage(e);
                if (img != null) {
                    f.out().appendChild(img);
                }
                continue;
            }
            if (UNWRAPPED_BLOCKS.contains(renamed) && !(renamed.equals("section") && e.hasClass("footnotes"))) {
                f.out().appendChild(Xhtml.element(BOUNDARY));
                stack.push(new Frame(null, f.out(), f.depth(), true));
                pushChildren(stack, e, f.out(), f.depth() + 1);
                continue;
            }
            if (!ALLOWED.contains(renamed) || renamed.equals("span") && !e.hasAttr("lang") && !e.hasAttr("dir")) {
                if (!INLINE_UNWRAPPED.contains(renamed)) {
                    note("html.unwrapped", "unwrapped <" + name + "> (not in the article profile)");
                }
                pushChildren(stack, e, f.out(), f.depth() + 1);
                continue;
            }
            Set<String> parents = REQUIRED_PARENTS.get(renamed);
            if (parents != null && !parents.contains(f.out().normalName())) {
                // A list item without a list, a cell without a row…: keep the content only.
                pushChildren(stack, e, f.out(), f.depth() + 1);
                continue;
            }
            if (BLOCKS.contains(renamed) && PHRASING_PARENTS.contains(f.out().normalName())) {
                // A block inside a line of text (tag soup such as <b><p>): keep its content, not its box.
                if (!renamed.equals("hr")) {
                    pushChildren(stack, e, f.out(), f.depth() + 1);
                }
                continue;
            }
            if (renamed.equals("a") && insideLink(f.out())) {
                // A link inside a link: a parser would close the outer one; keep the inner one's content.
                pushChildren(stack, e, f.out(), f.depth() + 1);
                continue;
            }
            Element copy = Xhtml.element(renamed);
            copyAttributes(e, copy, renamed);
            if (renamed.equals("a") && !copy.hasAttr("href") && !copy.hasAttr("id")
                    || renamed.equals("span") && !copy.hasAttr("lang") && !copy.hasAttr("dir")) {
                pushChildren(stack, e, f.out(), f.depth() + 1);
                continue;
            }
            f.out().appendChild(copy);
            pushChildren(stack, e, copy, f.depth() + 1);
        }
    }

    private static boolean insideLink(Element out) {
        for (Element e = out; e != null; e = e.parent()) {
            if (e.nameIs("a")) {
                return true;
            }
        }
        return false;
    }

    private static void pushChildren(Deque<Frame> stack, Element from, Element out, int depth) {
        List<Node> kids = from.childNodes();
        for (int i = kids.size() - 1; i >= 0; i--) {
            stack.push(new Frame(kids.get(i), out, depth, false));
        }
    }

    /** Writes {@code <figure><img><figcaption>…</figcaption></figure>} for a wrapper and its caption. */
    private void copyFigure(Element wrapper, Element caption, Frame f, Deque<Frame> stack) {
        Element img = copyImage(Xhtml.byTag(wrapper, "img").get(0));
        if (img == null) {
            pushChildren(stack, wrapper, f.out(), f.depth() + 1);
            return;
        }
        Element figure = Xhtml.element("figure");
        copyLang(wrapper, figure);
        figure.appendChild(img);
        Element figcaption = figure.appendElement("figcaption");
        f.out().appendChild(Xhtml.element(BOUNDARY));
        f.out().appendChild(figure);
        f.out().appendChild(Xhtml.element(BOUNDARY));
        if (caption == wrapper) {
            // The wrapper's own text, without the image's branch.
            for (int i = wrapper.childNodeSize() - 1; i >= 0; i--) {
                Node k = wrapper.childNode(i);
                if (!(k instanceof Element el && Xhtml.has(el, "img"))) {
                    stack.push(new Frame(k, figcaption, f.depth() + 2, false));
                }
            }
        } else {
            pushChildren(stack, caption, figcaption, f.depth() + 2);
        }
    }

    /**
     * A figure made from an image inside a line of text ({@code <p><span><img>caption</span>text</p>}) cannot
     * stay there (an HTML parser would close the paragraph before it): the lines around it are split so that
     * the figure stands between them. The second half of a split element keeps its attributes but not its id.
     */
    private static void liftFigures(Element body) {
        for (Element figure : Xhtml.byTag(body, "figure")) {
            Element parent = figure.parent();
            while (parent != null && PHRASING_PARENTS.contains(parent.normalName())) {
                Element after = parent.shallowClone();
                after.removeAttr("id");
                List<Node> rest = new ArrayList<>();
                for (Node n = figure.nextSibling(); n != null; n = n.nextSibling()) {
                    rest.add(n);
                }
                after.appendChildren(rest);
                parent.after(figure);
                figure.after(after);
                parent = figure.parent();
            }
        }
    }

    private static void copyLang(Element from, Element to) {
        if (from.hasAttr("lang") && validLang(from.attr("lang"))) {
            to.attr("lang", from.attr("lang").strip());
        }
        if (from.hasAttr("dir") && from.attr("dir").matches("(?i)ltr|rtl|auto")) {
            to.attr("dir", from.attr("dir").toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isHiddenByStyle(Element e) {
        if (!e.hasAttr("style") && !e.hasAttr("aria-hidden")) {
            return false;
        }
        String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || style.contains("visibility:hidden")
                || e.attr("aria-hidden").equals("true") && e.getElementsByTag("img").isEmpty() && !e.hasText();
    }

    private static boolean hasEventHandler(Element e) {
        for (Attribute a : e.attributes()) {
            if (a.getKey().regionMatches(true, 0, "on", 0, 2)) {
                return true;
            }
        }
        return false;
    }

    /** The image with its real source (lazy loading resolved), or null when it has only a placeholder. */
    private @Nullable Element copyImage(Element source) {
        String src = null;
        // Judged without control characters, as the address will be written (safeUrl drops them): "grey.png\u0004"
        // is a placeholder too, and would be found to be one on the next round trip (found by NormalizerFuzzTest).
        for (String attr : LAZY_SOURCES) {
            String v = CONTROL_CHARS.matcher(source.attr(attr)).replaceAll("").strip();
            if (!v.isEmpty() && !isPlaceholder(v)) {
                src = v;
                break;
            }
        }
        if (src == null) {
            src = bestSrcset(source.hasAttr("data-srcset") ? source.attr("data-srcset") : source.attr("srcset"));
        }
        if (src == null) {
            String plain = CONTROL_CHARS.matcher(source.attr("src")).replaceAll("").strip();
            if (!plain.isEmpty() && !isPlaceholder(plain)) {
                src = plain;
            }
        }
        if (src == null) {
            note("image.placeholder", "removed an image that has only a placeholder source");
            return null;
        }
        String safe = safeUrl(src, true);
        if (safe == null) {
            note("html.url", "removed an unsafe image address (" + abbreviate(src) + ")");
            return null;
        }
        Element img = Xhtml.element("img");
        img.attr("src", Xhtml.xmlSafe(safe));
        img.attr("alt", Xhtml.xmlSafe(source.attr("alt")));
        if (!source.attr("title").isBlank()) {
            img.attr("title", Xhtml.xmlSafe(source.attr("title")));
        }
        // Only a display size the author gave is kept: a page's data-width/data-height give the picture's
        // intrinsic size, which would turn a plain Markdown image into inline HTML for nothing.
        String width = numeric(source.attr("width"));
        String height = numeric(source.attr("height"));
        if (width != null && height != null) {
            img.attr("width", width);
            img.attr("height", height);
        }
        copyLang(source, img);
        return img;
    }

    private static @Nullable String numeric(String v) {
        String s = v.strip();
        return SMALL_NUMBER.matcher(s).matches() ? s : null;
    }

    /** Copies the attributes the profile allows on {@code name}, checked and cleaned. */
    private void copyAttributes(Element from, Element to, String name) {
        for (Attribute a : from.attributes()) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = Xhtml.xmlSafe(a.getValue());
            switch (key) {
                case "lang", "xml:lang" -> {
                    if (validLang(value)) {
                        to.attr("lang", value.strip());
                    }
                }
                case "dir" -> {
                    if (DIR_VALUE.matcher(value).matches()) {
                        to.attr("dir", value.toLowerCase(Locale.ROOT));
                    }
                }
                case "id" -> {
                    if (ID_VALUE.matcher(value).matches()) {
                        to.attr("id", value);
                    }
                }
                case "href", "cite" -> {
                    boolean applies = key.equals("href") ? name.equals("a")
                            : name.equals("blockquote") || name.equals("q") || name.equals("del") || name.equals("ins");
                    if (applies) {
                        String safe = safeUrl(value, false);
                        if (safe == null) {
                            note("html.url", "removed an unsafe link address (" + abbreviate(value) + ")");
                        } else {
                            to.attr(key, safe);
                        }
                    }
                }
                case "title" -> {
                    if (name.equals("a") || name.equals("abbr")) {
                        to.attr("title", value);
                    }
                }
                case "colspan", "rowspan" -> {
                    if ((name.equals("td") || name.equals("th")) && SPAN_VALUE.matcher(value.strip()).matches()) {
                        to.attr(key, value.strip());
                    }
                }
                case "align" -> {
                    if ((name.equals("td") || name.equals("th")) && ALIGN_VALUE.matcher(value).matches()) {
                        to.attr("align", value.toLowerCase(Locale.ROOT));
                    }
                }
                case "start" -> {
                    if (name.equals("ol") && START_VALUE.matcher(value.strip()).matches()) {
                        to.attr("start", value.strip());
                    }
                }
                case "reversed" -> {
                    if (name.equals("ol")) {
                        to.attr("reversed", "reversed");
                    }
                }
                case "class" -> {
                    String cls = profileClass(name, value);
                    if (cls != null) {
                        to.attr("class", cls);
                    }
                }
                default -> {
                    // not in the profile
                }
            }
        }
    }

    // ---- clean-up after the copy ---------------------------------------------------------------

    /** The elements under root, children before parents, without recursion. */
    static List<Element> postOrder(Element root) {
        List<Element> pre = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            pre.add(e);
            for (int i = 0, n = e.childNodeSize(); i < n; i++) {
                if (e.childNode(i) instanceof Element k) {
                    stack.push(k);
                }
            }
        }
        // Reversed pre-order (children pushed left to right) visits every child before its parent.
        java.util.Collections.reverse(pre);
        return pre;
    }

    /**
     * Removes elements with nothing in them, innermost first; a parent is rebuilt once when any of
     * its children goes.
     */
    private static void removeEmpty(List<Element> postOrder) {
        Map<Element, Boolean> content = new IdentityHashMap<>(postOrder.size() * 2);
        for (Element e : postOrder) {
            boolean has = false;
            List<Node> kept = null;
            List<Node> kids = e.childNodes();
            for (int i = 0; i < kids.size(); i++) {
                Node k = kids.get(i);
                boolean keep = true;
                if (k instanceof TextNode t) {
                    if (!blankOrNbsp(t.getWholeText())) {
                        has = true;
                    }
                } else if (k instanceof Element el) {
                    boolean elHas = content.getOrDefault(el, Boolean.FALSE);
                    if (!elHas && NOT_EMPTY.contains(el.normalName()) && !(el.nameIs("a") && el.hasAttr("id"))) {
                        keep = false;
                    } else if (elHas) {
                        has = true;
                    }
                }
                if (!keep && kept == null) {
                    kept = new ArrayList<>(kids.subList(0, i));
                } else if (keep && kept != null) {
                    kept.add(k);
                }
            }
            if (kept != null) {
                rebuild(e, kept);
            }
            String name = e.normalName();
            if (name.equals("img") || name.equals("hr") || name.equals("td") || name.equals("th")
                    || name.equals("li") || name.equals("dt") || name.equals("dd")
                    || name.equals("a") && e.hasAttr("id") || name.equals("pre") && !e.wholeText().isEmpty()) {
                has = true;
            }
            if (name.equals("li") || name.equals("dt") || name.equals("dd")) {
                boolean any = false;
                for (Node k : e.childNodes()) {
                    // Boundary marks are dropped later: an item of them and breaks is empty (found by NormalizerFuzzTest).
                    if (k instanceof TextNode t ? !t.isBlank()
                            : !(k instanceof Element el && (el.nameIs("br") || el.nameIs(BOUNDARY)))) {
                        any = true;
                        break;
                    }
                }
                if (!any && e.childNodeSize() > 0) {
                    rebuild(e, List.of());
                }
            }
            content.put(e, has);
        }
    }

    /** Whether a text holds only white space and no-break spaces, without copying it. */
    private static boolean blankOrNbsp(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c != '\u00A0' && !Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces all children of {@code e} at once (linear, unlike removing them one by one). */
    private static void rebuild(Element e, List<Node> children) {
        List<Node> copy = new ArrayList<>(children);
        e.empty();
        if (!copy.isEmpty()) {
            e.appendChildren(copy);
        }
    }

    /**
     * Wraps loose inline content of flow containers in paragraphs, drops boundary marks and white
     * space between blocks, trims breaks at the ends of paragraphs, and puts each top-level block on
     * a line of its own.
     */
    private static void arrangeBlocks(Element body) {
        List<Element> all = postOrder(body);
        for (Element c : all) {
            String name = c.normalName();
            String item = ITEM_OF.get(name);
            if (item != null) {
                wrapStrayChildren(c, item);
            }
            if (FLOW_ROOTS.contains(name)) {
                wrapInlineRuns(c);
            } else if (hasBoundary(c) || STRUCTURAL.contains(name) && hasBlankText(c)) {
                List<Node> kept = new ArrayList<>();
                for (Node k : c.childNodes()) {
                    boolean blankInStructure = STRUCTURAL.contains(name) && k instanceof TextNode t && t.isBlank();
                    if (!blankInStructure && !(k instanceof Element el && el.nameIs(BOUNDARY))) {
                        kept.add(k);
                    }
                }
                rebuild(c, kept);
            }
        }
        for (Element p : Xhtml.byTag(body, "p")) {
            trimBreaks(p);
        }
        List<Node> top = new ArrayList<>(body.childNodes());
        List<Node> lines = new ArrayList<>();
        for (Node n : top) {
            if (!lines.isEmpty()) {
                lines.add(new TextNode("\n"));
            }
            lines.add(n);
        }
        rebuild(body, lines);
    }

    /** The only children some containers may have, and what wraps anything else. */
    static final Map<String, String> ITEM_OF = Map.of("ul", "li", "ol", "li", "dl", "dd", "tr", "td");

    /**
     * Puts runs of children that a list, definition list or table row may not hold (a {@code pre}
     * straight inside a {@code dl}, text inside a {@code ul}) into an item of the right kind.
     */
    private static void wrapStrayChildren(Element c, String item) {
        boolean stray = false;
        for (Node k : c.childNodes()) {
            if (k instanceof TextNode t ? !t.isBlank() : k instanceof Element el && !allowedChild(c, el)) {
                stray = true;
                break;
            }
        }
        if (!stray) {
            return;
        }
        List<Node> kids = new ArrayList<>(c.childNodes());
        c.empty();
        List<Node> out = new ArrayList<>();
        Element open = null;
        for (Node k : kids) {
            boolean fits = k instanceof TextNode t ? t.isBlank() : k instanceof Element el && allowedChild(c, el);
            if (fits) {
                open = null;
                out.add(k);
            } else if (!(k instanceof Element el && (el.nameIs(BOUNDARY) || open == null && el.nameIs("br")))) {
                // A break that would open an item on its own is dropped: an item of nothing but a break is
                // emptied on the next pass (found by NormalizerFuzzTest).
                if (open == null) {
                    open = Xhtml.element(item);
                    out.add(open);
                }
                open.appendChild(k);
            }
        }
        c.appendChildren(out);
    }

    private static boolean allowedChild(Element parent, Element child) {
        String p = parent.normalName();
        String k = child.normalName();
        return switch (p) {
            case "ul", "ol" -> k.equals("li");
            case "dl" -> k.equals("dt") || k.equals("dd");
            case "tr" -> k.equals("td") || k.equals("th");
            default -> true;
        };
    }

    private static boolean hasBoundary(Element c) {
        for (int i = 0, n = c.childNodeSize(); i < n; i++) {
            if (c.childNode(i) instanceof Element k && k.nameIs(BOUNDARY)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasBlankText(Element c) {
        for (Node k : c.childNodes()) {
            if (k instanceof TextNode t && t.isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static void wrapInlineRuns(Element c) {
        List<Node> kids = new ArrayList<>(c.childNodes());
        c.empty();
        List<Node> out = new ArrayList<>();
        List<Node> run = new ArrayList<>();
        for (Node n : kids) {
            if (n instanceof TextNode || n instanceof Element el && INLINE.contains(el.normalName())) {
                run.add(n);
            } else {
                flushRun(run, out);
                if (!(n instanceof Element el && el.nameIs(BOUNDARY))) {
                    out.add(n);
                }
            }
        }
        flushRun(run, out);
        if (!out.isEmpty()) {
            c.appendChildren(out);
        }
    }

    private static void flushRun(List<Node> run, List<Node> out) {
        int first = 0;
        int last = run.size() - 1;
        while (first <= last && isSpaceOrBreak(run.get(first))) {
            first++;
        }
        while (last >= first && isSpaceOrBreak(run.get(last))) {
            last--;
        }
        if (first <= last) {
            Element p = Xhtml.element("p");
            p.appendChildren(new ArrayList<>(run.subList(first, last + 1)));
            out.add(p);
        }
        run.clear();
    }

    private static boolean isSpaceOrBreak(Node n) {
        return n instanceof TextNode t ? t.getWholeText().replace('\u00A0', ' ').isBlank()
                : n instanceof Element e && e.nameIs("br");
    }

    private static void trimBreaks(Element p) {
        List<Node> kids = p.childNodes();
        int first = 0;
        int last = kids.size() - 1;
        while (first <= last && isSpaceOrBreak(kids.get(first))) {
            first++;
        }
        while (last >= first && isSpaceOrBreak(kids.get(last))) {
            last--;
        }
        if (first > 0 || last < kids.size() - 1) {
            rebuild(p, new ArrayList<>(kids.subList(first, last + 1)));
        }
    }

    // ---- addresses and attribute values --------------------------------------------------------

    static boolean isPlaceholder(String src) {
        String s = src.strip();
        if (s.regionMatches(true, 0, "data:", 0, 5)) {
            // An inline image small enough to be a tracking pixel or a blank stand-in.
            return s.length() < 400 || !s.regionMatches(true, 5, "image/", 0, 6);
        }
        if (s.startsWith("about:") || s.equals("#")) {
            return true;
        }
        String path = s;
        int q = path.indexOf('?');
        if (q >= 0 && !path.substring(q).contains("http")) {
            path = path.substring(0, q);
        }
        return PLACEHOLDER.matcher(path).matches();
    }

    /**
     * @param srcset a {@code srcset} value
     * @return its largest candidate (by width, then density), or null when empty
     */
    static @Nullable String bestSrcset(String srcset) {
        String best = null;
        double bestScore = -1;
        for (String candidate : SRCSET_COMMA.split(srcset)) {
            String[] parts = SPACES.split(candidate.strip());
            if (parts.length == 0 || parts[0].isEmpty() || isPlaceholder(parts[0])) {
                continue;
            }
            double score = 1;
            if (parts.length > 1) {
                String d = parts[1].toLowerCase(Locale.ROOT);
                try {
                    if (d.endsWith("w")) {
                        score = Double.parseDouble(d.substring(0, d.length() - 1));
                    } else if (d.endsWith("x")) {
                        score = Double.parseDouble(d.substring(0, d.length() - 1)) * 1e-3;
                    }
                } catch (NumberFormatException e) {
                    score = 0;
                }
            }
            if (score > bestScore) {
                best = parts[0];
                bestScore = score;
            }
        }
        return best;
    }

    private static @Nullable String profileClass(String element, String value) {
        if (element.equals("section") && value.contains("footnotes")) {
            return "footnotes";
        }
        if (element.equals("code") || element.equals("pre")) {
            java.util.regex.Matcher m = LANGUAGE_CLASS.matcher(value);
            if (m.find()) {
                return "language-" + m.group(1);
            }
        }
        if (element.equals("a") && value.contains("footnote")) {
            return value.contains("backref") ? "footnote-backref" : "footnote-ref";
        }
        return null;
    }

    private static boolean validLang(String v) {
        String s = v.strip().replace('_', '-');
        if (s.isEmpty() || s.length() > 35 || !s.matches("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")) {
            return false;
        }
        try {
            new Locale.Builder().setLanguageTag(s);
            return true;
        } catch (java.util.IllformedLocaleException e) {
            return false;
        }
    }

    /**
     * Makes an address safe for the body: control characters removed, resolved against the base,
     * only http, https, mailto (links), relative and fragment addresses, and {@code data:image/*}
     * up to 2 MiB (images).
     *
     * @param raw the address as written
     * @param image whether it is an image source
     * @return the safe address, or null when it must go
     */
    @Nullable String safeUrl(String raw, boolean image) {
        String v = CONTROL_CHARS.matcher(raw).replaceAll("").strip();
        if (v.isEmpty()) {
            return null;
        }
        java.util.regex.Matcher m = SCHEME.matcher(v);
        if (m.find()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "http", "https" -> {
                    return encodeIllegal(v);
                }
                case "mailto" -> {
                    return image ? null : v;
                }
                case "data" -> {
                    boolean ok = image && v.regionMatches(true, 5, "image/", 0, 6)
                            && !v.regionMatches(true, 5, "image/svg", 0, 9) && v.length() <= MAX_DATA_URI;
                    return ok ? v : null;
                }
                default -> {
                    return null;
                }
            }
        }
        v = encodeIllegal(v);
        if (v.startsWith("#") || base == null) {
            return v;
        }
        String scheme = base.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            // Never turn a relative address into a file: or other local address.
            return v;
        }
        try {
            return base.resolve(toUri(v)).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return v;
        }
    }

    /**
     * Percent-encodes the ASCII characters a URL may not contain ({@code [ ] < > " { } | \ ^ `} and
     * space) outside the host, so that strict checkers such as epubcheck accept the address.
     *
     * @param v the address
     * @return the address, encoded where needed
     */
    static String encodeIllegal(String v) {
        int start = 0;
        int scheme = v.indexOf("://");
        if (scheme > 0 && scheme < 12) {
            int slash = v.indexOf('/', scheme + 3);
            int q = v.indexOf('?', scheme + 3);
            int h = v.indexOf('#', scheme + 3);
            start = v.length();
            for (int x : new int[] {slash, q, h}) {
                if (x >= 0 && x < start) {
                    start = x;
                }
            }
        }
        StringBuilder sb = null;
        for (int i = start; i < v.length(); i++) {
            char c = v.charAt(i);
            if ("[]<>\"{}|\\^` ".indexOf(c) >= 0) {
                if (sb == null) {
                    sb = new StringBuilder(v.length() + 16).append(v, 0, i);
                }
                sb.append('%').append(String.format("%02X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? v : sb.toString();
    }

    private static URI toUri(String v) throws URISyntaxException {
        try {
            return new URI(v);
        } catch (URISyntaxException e) {
            String fragment = null;
            String rest = v;
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                fragment = rest.substring(hash + 1);
                rest = rest.substring(0, hash);
            }
            String query = null;
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                String authority = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
                String path = slash < 0 ? "" : rest.substring(slash);
                return new URI(null, authority, path, query, fragment);
            }
            return new URI(null, null, rest, query, fragment);
        }
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
