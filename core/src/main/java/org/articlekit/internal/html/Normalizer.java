package org.articlekit.internal.html;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.articlekit.ArticleFormatException;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jspecify.annotations.Nullable;

/**
 * The body normaliser's implementation: rewrites an untrusted element tree, in place and without
 * recursion, into the article HTML profile that {@code BodyNormalizer} documents.
 */
public final class Normalizer {

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

    /** The elements of the profile. */
    public static final Set<String> ALLOWED = Set.of("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li",
            "dl", "dt", "dd", "blockquote", "pre", "code", "a", "img", "figure", "figcaption", "table", "caption",
            "thead", "tbody", "tfoot", "tr", "th", "td", "em", "strong", "sub", "sup", "del", "ins", "ruby",
            "rt", "rp", "br", "hr", "section", "abbr", "q", "cite", "kbd", "samp", "var", "mark", "small",
            "span");

    /** Renamed elements. */
    static final Map<String, String> RENAMED = Map.of("b", "strong", "i", "em", "s", "del", "strike", "del",
            "tt", "code", "big", "strong", "dfn", "em", "listing", "pre", "xmp", "pre", "plaintext", "pre");

    /** Elements that must not be empty. */
    static final Set<String> NOT_EMPTY = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "sub",
            "sup", "del", "ins", "code", "a", "blockquote", "figcaption", "abbr", "q", "cite", "kbd", "samp",
            "var", "mark", "small", "span", "ul", "ol", "dl", "li", "table", "section", "figure", "pre", "ruby",
            "caption", "dt", "dd");

    /** Containers whose loose inline content is wrapped in paragraphs. */
    static final Set<String> FLOW_ROOTS = Set.of("body", "blockquote", "section", "figure");

    static final Set<String> INLINE = Set.of("a", "em", "strong", "sub", "sup", "del", "ins", "code", "img", "br",
            "abbr", "q", "cite", "kbd", "samp", "var", "mark", "small", "span", "ruby", "rt", "rp");

    static final List<String> LAZY_SOURCES = List.of("data-original", "data-src", "data-lazy-src",
            "data-actualsrc", "data-original-src", "data-lazy", "data-url", "data-echo", "data-hi-res-src");

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?i).*(blank|placeholder|spacer|pixel|transparent|lazy|loading|grey|gray|1x1|empty)[^/]*\\.(gif|png|svg|jpg)$");
    private static final Pattern CAPTION_CLASS = Pattern.compile("(?i).*(caption|desc|img[-_]?title|pic[-_]?text|"
            + "img[-_]?text|image[-_]?text|credit|note).*");
    private static final Pattern LANGUAGE_CLASS = Pattern.compile("(?:lang(?:uage)?-)([A-Za-z0-9_+#.-]{1,40})");
    private static final Pattern CONTROL_CHARS = Pattern.compile("[\\x00-\\x1F\\x7F]+");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final long MAX_DATA_URI = 2L << 20;

    private final @Nullable URI base;
    private final int maxDepth;
    private final Reporter reporter;
    private final Map<String, Integer> dropped = new LinkedHashMap<>();

    /**
     * @param base the base of relative URLs, or {@code null} to keep them relative
     * @param maxDepth the deepest nesting kept; deeper elements are unwrapped
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
     * @param root the content; it is changed
     * @return the XHTML fragment
     * @throws ArticleFormatException in strict mode, on the first warning
     */
    public String normalize(Element root) throws ArticleFormatException {
        Document holder = Xhtml.parseFragment("");
        Element body = holder.body();
        for (Node child : new ArrayList<>(root.childNodes())) {
            body.appendChild(child);
        }
        removeUnwanted(body);
        flattenDeepNesting(body);
        resolveImages(body);
        buildFigures(body);
        rewriteElements(body);
        removeEmpty(body);
        wrapLooseInline(body);
        cleanText(body);
        report();
        return body.html().strip();
    }

    private void note(String what) {
        dropped.merge(what, 1, Integer::sum);
    }

    private void report() throws ArticleFormatException {
        for (Map.Entry<String, Integer> e : dropped.entrySet()) {
            String[] parts = e.getKey().split("\\|", 2);
            int n = e.getValue();
            reporter.warn(parts[0], parts[1] + (n > 1 ? " (" + n + " times)" : ""));
        }
    }

    /** All elements under root in document order, without recursion. */
    static List<Element> elements(Element root) {
        List<Element> out = new ArrayList<>();
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            if (e != root) {
                out.add(e);
            }
            List<Element> kids = e.children();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    private void removeUnwanted(Element body) {
        List<Node> toRemove = new ArrayList<>();
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(body);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Comment || n instanceof DataNode || n instanceof org.jsoup.nodes.DocumentType
                    || n instanceof org.jsoup.nodes.XmlDeclaration) {
                toRemove.add(n);
                continue;
            }
            if (n instanceof Element e && n != body) {
                String name = e.normalName();
                if (DROPPED.contains(name) || name.contains(":")) {
                    if (ACTIVE.contains(name)) {
                        note("html.active-content|removed active content <" + name + ">");
                    } else if (!name.equals("noscript") && !name.equals("title") && !name.equals("nav")) {
                        note("html.dropped|removed <" + name + "> (not part of an article body)");
                    }
                    toRemove.add(e);
                    continue;
                }
                if (e.hasAttr("hidden") || isHiddenByStyle(e) || e.attr("aria-hidden").equals("true")
                        && e.text().isBlank()) {
                    toRemove.add(e);
                    continue;
                }
            }
            List<Node> kids = n.childNodes();
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        toRemove.forEach(Node::remove);
    }

    private static boolean isHiddenByStyle(Element e) {
        String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
        return style.contains("display:none") || style.contains("visibility:hidden");
    }

    private void flattenDeepNesting(Element body) {
        Deque<Element> stack = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        List<Element> tooDeep = new ArrayList<>();
        stack.push(body);
        depths.push(0);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            int d = depths.pop();
            if (d > maxDepth) {
                tooDeep.add(e);
            }
            for (Element k : e.children()) {
                stack.push(k);
                depths.push(d + 1);
            }
        }
        if (!tooDeep.isEmpty()) {
            note("html.depth|flattened " + tooDeep.size() + " elements nested deeper than " + maxDepth + " levels");
            for (Element e : tooDeep) {
                e.unwrap();
            }
        }
    }

    private void resolveImages(Element body) {
        for (Element img : body.getElementsByTag("img")) {
            String src = null;
            for (String attr : LAZY_SOURCES) {
                String v = img.attr(attr).strip();
                if (!v.isEmpty() && !isPlaceholder(v)) {
                    src = v;
                    break;
                }
            }
            if (src == null) {
                src = bestSrcset(img.hasAttr("data-srcset") ? img.attr("data-srcset") : img.attr("srcset"));
            }
            if (src == null) {
                String plain = img.attr("src").strip();
                if (!plain.isEmpty() && !isPlaceholder(plain)) {
                    src = plain;
                }
            }
            if (src == null) {
                note("image.placeholder|removed an image that has only a placeholder source");
                img.remove();
                continue;
            }
            String alt = img.attr("alt");
            String title = img.attr("title");
            String width = numeric(img.attr("width").isEmpty() ? img.attr("data-width") : img.attr("width"));
            String height = numeric(img.attr("height").isEmpty() ? img.attr("data-height") : img.attr("height"));
            img.clearAttributes();
            img.attr("src", src);
            img.attr("alt", alt);
            if (!title.isBlank()) {
                img.attr("title", title);
            }
            if (width != null && height != null) {
                img.attr("width", width);
                img.attr("height", height);
            }
        }
    }

    private static @Nullable String numeric(String v) {
        String s = v.strip();
        return s.matches("\\d{1,5}") ? s : null;
    }

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
        for (String candidate : srcset.split(",(?=\\s*\\S)")) {
            String[] parts = candidate.strip().split("\\s+");
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

    /** Turns wrappers that hold one image and a caption into figures. */
    private void buildFigures(Element body) {
        for (Element e : elements(body)) {
            if (e.parent() == null) {
                continue;
            }
            String name = e.normalName();
            if (!name.equals("figure") && !name.equals("div") && !name.equals("span") && !name.equals("p")
                    && !name.equals("section")) {
                continue;
            }
            List<Element> images = e.getElementsByTag("img");
            if (images.size() != 1) {
                continue;
            }
            Element caption = findCaption(e, name.equals("figure"));
            if (caption == null || caption.getElementsByTag("img").size() > 0) {
                if (name.equals("figure")) {
                    // A figure without a caption is a plain image.
                    e.unwrap();
                }
                continue;
            }
            Element img = images.get(0);
            Element figure = new Element("figure");
            Element figcaption = new Element("figcaption");
            for (Node n : new ArrayList<>(caption.childNodes())) {
                figcaption.appendChild(n);
            }
            img.remove();
            figure.appendChild(img);
            figure.appendChild(figcaption);
            copyLang(e, figure);
            e.replaceWith(figure);
        }
    }

    private static @Nullable Element findCaption(Element wrapper, boolean isFigure) {
        for (Element d : wrapper.getAllElements()) {
            if (d == wrapper) {
                continue;
            }
            if (d.nameIs("figcaption")) {
                return d.text().isBlank() ? null : d;
            }
            if (CAPTION_CLASS.matcher(d.className() + " " + d.id()).matches() && !d.text().isBlank()
                    && d.getElementsByTag("img").isEmpty() && d.text().length() <= 300) {
                return d;
            }
        }
        if (isFigure) {
            return null;
        }
        // A layout wrapper (class names like img_box) holding only the image and a short text.
        if ((wrapper.nameIs("div") || wrapper.nameIs("span")) && wrapper.className().matches("(?i).*(img|image|pic|photo|figure).*")) {
            String text = wrapper.text().strip();
            if (!text.isEmpty() && text.length() <= 200) {
                Element holder = new Element("span");
                for (Node n : new ArrayList<>(wrapper.childNodes())) {
                    if (n instanceof TextNode || n instanceof Element el && el.getElementsByTag("img").isEmpty()) {
                        holder.appendChild(n.clone());
                        n.remove();
                    }
                }
                wrapper.appendChild(holder);
                return holder;
            }
        }
        return null;
    }

    private static void copyLang(Element from, Element to) {
        if (from.hasAttr("lang")) {
            to.attr("lang", from.attr("lang"));
        }
        if (from.hasAttr("dir")) {
            to.attr("dir", from.attr("dir"));
        }
    }

    /** Renames, unwraps and strips attributes so every element is in the profile. */
    private void rewriteElements(Element body) {
        for (Element e : elements(body)) {
            String name = e.normalName();
            String renamed = RENAMED.get(name);
            if (renamed != null) {
                e.tagName(renamed);
                name = renamed;
            }
            if (UNWRAPPED_BLOCKS.contains(name) && !(name.equals("section") && e.hasClass("footnotes"))) {
                unwrapBlock(e);
                continue;
            }
            if (!ALLOWED.contains(name)) {
                if (!name.equals("font") && !name.equals("u") && !name.equals("nobr") && !name.equals("wbr")
                        && !name.equals("time") && !name.equals("picture") && !name.equals("data")) {
                    note("html.unwrapped|unwrapped <" + name + "> (not in the article profile)");
                }
                e.unwrap();
                continue;
            }
            if (name.equals("span")) {
                if (!e.hasAttr("lang") && !e.hasAttr("dir")) {
                    e.unwrap();
                    continue;
                }
            }
            cleanAttributes(e, name);
            if (name.equals("a") && !e.hasAttr("href") && !e.hasAttr("id")) {
                e.unwrap();
            }
        }
    }

    /**
     * A layout block goes. In a flow container its runs of inline content become paragraphs first,
     * so text on either side of it does not run together; elsewhere (list items, cells) it is
     * simply unwrapped.
     */
    private static void unwrapBlock(Element e) {
        Element parent = e.parent();
        boolean parentIsFlow = parent != null && (FLOW_ROOTS.contains(parent.normalName())
                || UNWRAPPED_BLOCKS.contains(parent.normalName()) && parent.parent() != null);
        if (parentIsFlow || e.nameIs("summary") || e.nameIs("legend")) {
            wrapInlineRuns(e);
        }
        e.unwrap();
    }

    /** Block wrappers that the normaliser removes, keeping their content. */
    static final Set<String> UNWRAPPED_BLOCKS = Set.of("div", "article", "main", "header", "footer", "aside",
            "center", "address", "details", "summary", "hgroup", "fieldset", "legend", "section");

    private void cleanAttributes(Element e, String name) {
        List<Attribute> attrs = new ArrayList<>();
        e.attributes().forEach(attrs::add);
        for (Attribute a : attrs) {
            String key = a.getKey().toLowerCase(Locale.ROOT);
            String value = a.getValue();
            boolean keep;
            switch (key) {
                case "lang", "xml:lang" -> {
                    keep = validLang(value);
                    if (keep && key.equals("xml:lang")) {
                        e.removeAttr(a.getKey());
                        e.attr("lang", value.strip());
                        continue;
                    }
                }
                case "dir" -> keep = value.equalsIgnoreCase("ltr") || value.equalsIgnoreCase("rtl")
                        || value.equalsIgnoreCase("auto");
                case "id" -> keep = value.matches("[A-Za-z][A-Za-z0-9_:.\\-]{0,100}");
                case "href" -> keep = name.equals("a");
                case "src" -> keep = name.equals("img");
                case "alt", "width", "height" -> keep = name.equals("img");
                case "title" -> keep = name.equals("a") || name.equals("img") || name.equals("abbr");
                case "colspan", "rowspan" -> keep = (name.equals("td") || name.equals("th"))
                        && value.strip().matches("\\d{1,3}");
                case "start" -> keep = name.equals("ol") && value.strip().matches("-?\\d{1,9}");
                case "reversed" -> keep = name.equals("ol");
                case "cite" -> keep = name.equals("blockquote") || name.equals("q") || name.equals("del")
                        || name.equals("ins");
                case "class" -> {
                    String cls = profileClass(name, value);
                    if (cls != null) {
                        e.attr("class", cls);
                        continue;
                    }
                    keep = false;
                }
                case "align" -> keep = (name.equals("td") || name.equals("th"))
                        && value.matches("(?i)left|right|center");
                default -> keep = false;
            }
            if (key.startsWith("on")) {
                note("html.active-content|removed event handler attributes (" + key + ")");
            }
            if (!keep) {
                e.removeAttr(a.getKey());
                continue;
            }
            if (key.equals("href") || key.equals("src") || key.equals("cite")) {
                String safe = safeUrl(value, key.equals("src"));
                if (safe == null) {
                    note("html.url|removed an unsafe link or image address (" + abbreviate(value) + ")");
                    e.removeAttr(a.getKey());
                    if (name.equals("img")) {
                        e.remove();
                        return;
                    }
                } else if (!safe.equals(value)) {
                    e.attr(a.getKey(), safe);
                }
            }
        }
        if (name.equals("img") && !e.hasAttr("alt")) {
            e.attr("alt", "");
        }
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
                    return v;
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

    /** Removes elements with nothing in them, innermost first, until none is left. */
    private static void removeEmpty(Element body) {
        List<Element> all = elements(body);
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            if (e.parent() == null || !NOT_EMPTY.contains(e.normalName())) {
                continue;
            }
            if (e.nameIs("a") && e.hasAttr("id")) {
                continue;
            }
            boolean empty = e.text().replace('\u00A0', ' ').isBlank() && e.getElementsByTag("img").isEmpty()
                    && e.getElementsByTag("hr").isEmpty() && !(e.nameIs("td") || e.nameIs("th"));
            if (e.nameIs("pre") || e.nameIs("code")) {
                empty = e.wholeText().isEmpty();
            }
            if (empty) {
                if (e.nameIs("li") || e.nameIs("dd") || e.nameIs("dt")) {
                    // An empty list item still counts in numbering; keep it empty, drop breaks.
                    e.empty();
                    continue;
                }
                e.remove();
            }
        }
        // <br> at the start or end of a paragraph adds nothing.
        for (Element p : body.getElementsByTag("p")) {
            trimBreaks(p);
        }
    }

    private static void trimBreaks(Element p) {
        while (true) {
            Node first = p.childNodeSize() == 0 ? null : p.childNode(0);
            if (first instanceof TextNode t && t.isBlank()) {
                t.remove();
            } else if (first instanceof Element e && e.nameIs("br")) {
                e.remove();
            } else {
                break;
            }
        }
        while (true) {
            Node last = p.childNodeSize() == 0 ? null : p.childNode(p.childNodeSize() - 1);
            if (last instanceof TextNode t && t.isBlank()) {
                t.remove();
            } else if (last instanceof Element e && e.nameIs("br")) {
                e.remove();
            } else {
                break;
            }
        }
    }

    /** Wraps runs of text and inline elements that sit directly in a flow container in paragraphs. */
    private static void wrapLooseInline(Element body) {
        List<Element> containers = new ArrayList<>();
        containers.add(body);
        for (Element e : elements(body)) {
            if (FLOW_ROOTS.contains(e.normalName()) && !e.nameIs("figure")) {
                containers.add(e);
            }
        }
        for (Element c : containers) {
            wrapInlineRuns(c);
        }
        tidyWhitespace(body);
    }

    private static void wrapInlineRuns(Element c) {
        List<Node> run = new ArrayList<>();
        for (Node n : new ArrayList<>(c.childNodes())) {
            boolean inline = n instanceof TextNode || n instanceof Element el && (INLINE.contains(el.normalName())
                    || RENAMED.containsKey(el.normalName()) || INLINE_UNWRAPPED.contains(el.normalName()));
            if (inline) {
                run.add(n);
            } else {
                wrap(run);
                run.clear();
            }
        }
        wrap(run);
    }

    /** Inline elements outside the profile that the normaliser unwraps later. */
    static final Set<String> INLINE_UNWRAPPED = Set.of("font", "u", "time", "nobr", "wbr", "picture", "data",
            "bdi", "bdo", "acronym", "label");

    /** Elements whose white-space-only text children carry no meaning. */
    static final Set<String> STRUCTURAL = Set.of("body", "blockquote", "section", "figure", "ul", "ol", "dl",
            "table", "thead", "tbody", "tfoot", "tr", "ruby");

    /**
     * Removes white space between blocks and puts each top-level block on its own line, so the
     * XHTML reads well and compares exactly.
     */
    private static void tidyWhitespace(Element body) {
        List<Element> containers = new ArrayList<>();
        containers.add(body);
        for (Element e : elements(body)) {
            if (STRUCTURAL.contains(e.normalName())) {
                containers.add(e);
            }
        }
        for (Element c : containers) {
            for (Node n : new ArrayList<>(c.childNodes())) {
                if (n instanceof TextNode t && t.isBlank()) {
                    t.remove();
                }
            }
        }
        List<Element> top = new ArrayList<>(body.children());
        for (int i = 1; i < top.size(); i++) {
            top.get(i).before(new TextNode("\n"));
        }
    }

    private static void wrap(List<Node> run) {
        boolean hasContent = false;
        for (Node n : run) {
            if (n instanceof TextNode t ? !t.text().replace('\u00A0', ' ').isBlank()
                    : n instanceof Element e && !(e.nameIs("br"))) {
                hasContent = true;
                break;
            }
        }
        if (!hasContent) {
            for (Node n : run) {
                if (n instanceof Element e && e.nameIs("br")) {
                    e.remove();
                }
            }
            return;
        }
        int first = 0;
        int last = run.size() - 1;
        while (first <= last && run.get(first) instanceof TextNode t && t.isBlank()) {
            first++;
        }
        while (last >= first && run.get(last) instanceof TextNode t && t.isBlank()) {
            last--;
        }
        Element p = new Element("p");
        run.get(first).before(p);
        for (int i = first; i <= last; i++) {
            p.appendChild(run.get(i));
        }
        trimBreaks(p);
    }

    /** Drops characters XML cannot hold from every text and attribute. */
    private static void cleanText(Element body) {
        Deque<Node> stack = new ArrayDeque<>();
        stack.push(body);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof TextNode t) {
                String s = t.getWholeText();
                String safe = Xhtml.xmlSafe(s);
                if (!safe.equals(s)) {
                    t.text(safe);
                }
            } else if (n instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    String safe = Xhtml.xmlSafe(a.getValue());
                    if (!safe.equals(a.getValue())) {
                        a.setValue(safe);
                    }
                }
            }
            for (Node k : n.childNodes()) {
                stack.push(k);
            }
        }
    }
}
