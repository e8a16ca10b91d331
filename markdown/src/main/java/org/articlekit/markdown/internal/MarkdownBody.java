package org.articlekit.markdown.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.articlekit.ArticleFormatException;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.articlekit.spi.ConversionContext;
import org.commonmark.ext.footnotes.FootnotesExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Turns a Markdown body into an HTML tree with commonmark-java, guarded against hostile input: parsing and
 * rendering of any body larger than an ordinary post (see {@link #CALLER_MAX_CHARS}) run on a pooled daemon
 * worker thread with a large stack and a deadline, and a tree nested deeper
 * than the limit is refused (after an iterative depth count) before the recursive renderer walks it.
 * commonmark-java cannot be interrupted: past the deadline the conversion fails and the daemon
 * worker runs on until the parser returns.
 */
final class MarkdownBody {

    /**
     * Bodies up to this many characters with at most {@link #CALLER_MAX_MARKS} Markdown marks in any run of
     * lines between blank lines (98% of real posts) are parsed on the calling thread: they parse in
     * milliseconds and cannot nest deeply enough to strain a thread's stack (PathologicalInputTest runs the
     * deepest such bodies on a 256 KiB one; threads get 1 MiB by default). Other bodies go to a worker.
     */
    static final int CALLER_MAX_CHARS = 64 * 1024;

    /** See {@link #CALLER_MAX_CHARS}. */
    static final int CALLER_MAX_MARKS = 200;

    /** The worker's stack: enough for the parser on any input this class lets through. */
    private static final long STACK_BYTES = 256L << 20;

    record Engine(Parser parser, HtmlRenderer renderer) {
    }

    private static final Map<Set<Extension>, Engine> ENGINES = new ConcurrentHashMap<>();

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Daemon workers with large stacks, kept for a minute between posts. */
    private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(null, r, "articlekit-markdown-" + THREADS.incrementAndGet(), STACK_BYTES);
                t.setDaemon(true);
                return t;
            });

    private MarkdownBody() {
    }

    static Engine engine(Set<Extension> extensions) {
        return ENGINES.computeIfAbsent(Set.copyOf(extensions), set -> {
            List<org.commonmark.Extension> list = new ArrayList<>();
            if (set.contains(Extension.TABLES)) {
                list.add(TablesExtension.create());
            }
            if (set.contains(Extension.STRIKETHROUGH)) {
                list.add(StrikethroughExtension.builder().requireTwoTildes(true).build());
            }
            if (set.contains(Extension.AUTOLINK)) {
                list.add(GatedAutolink.create());
            }
            if (set.contains(Extension.TASK_LISTS)) {
                list.add(TaskListItemsExtension.create());
            }
            if (set.contains(Extension.FOOTNOTES)) {
                list.add(FootnotesExtension.create());
            }
            return new Engine(Parser.builder().extensions(list).build(),
                    HtmlRenderer.builder().extensions(list).build());
        });
    }

    /**
     * @param markdown the body
     * @param extensions the syntax extensions
     * @param maxNesting the deepest nesting of the parsed tree
     * @param ctx for the deadline and errors
     * @return a new document whose body holds the body's HTML: built from the syntax tree directly where
     *         {@link MarkdownDom} can, else rendered as HTML and parsed by jsoup, which gives the same tree
     * @throws ArticleFormatException when the body nests too deeply or takes too long
     */
    static Document toDocument(String markdown, Set<Extension> extensions, int maxNesting, ConversionContext ctx)
            throws ArticleFormatException {
        return toDocument(markdown, extensions, maxNesting, ctx, new ArrayList<>());
    }

    /**
     * As {@link #toDocument(String, Set, int, ConversionContext)}, also collecting the body's link
     * reference definitions in their order.
     *
     * @param definitions where the definitions are added
     */
    static Document toDocument(String markdown, Set<Extension> extensions, int maxNesting, ConversionContext ctx,
            List<Metadata.SourceLink> definitions) throws ArticleFormatException {
        Engine engine = engine(extensions);
        Object result;
        if (markdown.length() <= CALLER_MAX_CHARS && fewMarks(markdown, CALLER_MAX_MARKS)) {
            try {
                result = parse(engine, markdown, maxNesting, definitions);
            } catch (RuntimeException e) {
                throw ctx.error(0, "the Markdown could not be parsed: " + e, e);
            }
        } else {
            List<Metadata.SourceLink> found = Collections.synchronizedList(new ArrayList<>());
            result = parseOnWorker(engine, markdown, maxNesting, ctx, found);
            definitions.addAll(found);
        }
        if (result instanceof Integer) {
            throw ctx.error(0, "the Markdown is nested deeper than " + maxNesting
                    + " levels (block quotes, lists, links or emphasis inside each other)", null);
        }
        ctx.checkDeadline();
        return result instanceof Document d ? d : Jsoup.parseBodyFragment((String) result);
    }

    /**
     * Parses on a worker thread with a large stack, within a deadline.
     *
     * @return what {@link #parse} gives
     */
    private static Object parseOnWorker(Engine engine, String markdown, int maxNesting, ConversionContext ctx,
            List<Metadata.SourceLink> definitions) throws ArticleFormatException {
        // Past the guard, parsing is linear: allow 4 s (cmark's own bound for a pathological case) plus 1 s per
        // 256 KiB, within the conversion's limit.
        long millis = Math.max(1, Math.min(ctx.limits().timeout().toMillis(), 4_000L + markdown.length() / 256));
        Future<Object> task = WORKERS.submit(() -> parse(engine, markdown, maxNesting, definitions));
        try {
            return task.get(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw ctx.error(0, "reading the Markdown was interrupted", e);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw ctx.error(0, "the Markdown took longer than " + TimeUnit.MILLISECONDS.toSeconds(millis)
                    + " s to parse", null);
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            if (t instanceof Error err && !(t instanceof StackOverflowError)) {
                throw err;
            }
            throw ctx.error(0, "the Markdown could not be parsed: " + t, t);
        }
    }

    /**
     * Parses and builds the tree.
     *
     * @return the document, or the rendered HTML where {@link MarkdownDom} does not build it, or the depth
     *         (an {@code Integer}) when the tree nests deeper than {@code maxNesting}
     */
    private static Object parse(Engine engine, String markdown, int maxNesting,
            List<Metadata.SourceLink> definitions) {
        Node doc = engine.parser().parse(markdown);
        int depth = depth(doc, maxNesting);
        if (depth > maxNesting) {
            return depth;
        }
        definitions(doc, definitions);
        Document built = MarkdownDom.build((org.commonmark.node.Document) doc);
        return built != null ? built : engine.renderer().render(doc);
    }

    /**
     * The link reference definitions among the blocks of a parsed document (they are blocks of the
     * document or of its quotes and list items), in document order; the depth is already checked.
     */
    private static void definitions(Node doc, List<Metadata.SourceLink> out) {
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(doc);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            List<Node> children = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                Node c = children.get(i);
                if (c instanceof org.commonmark.node.LinkReferenceDefinition d) {
                    // pushed as a marker: collected when popped, so the order is the document's
                    stack.push(c);
                } else if (c instanceof org.commonmark.node.BlockQuote || c instanceof org.commonmark.node.ListBlock
                        || c instanceof org.commonmark.node.ListItem) {
                    stack.push(c);
                }
            }
            if (n instanceof org.commonmark.node.LinkReferenceDefinition d && d.getLabel() != null
                    && !d.getLabel().isBlank() && d.getDestination() != null) {
                out.add(new Metadata.SourceLink(d.getLabel(), d.getDestination(), d.getTitle()));
            }
        }
    }

    /**
     * Whether no paragraph-like run of lines (between blank lines) holds more than {@code max} characters that
     * can open or close inline Markdown. Inline nesting stays within such a run and each level takes at least
     * one of them, so with few of them the parser's recursion stays shallow and its slow cases stay small.
     */
    static boolean fewMarks(String s, int max) {
        int inRun = 0;
        boolean blankLine = true;
        for (int i = 0, len = s.length(); i < len; i++) {
            char c = s.charAt(i);
            byte kind = c < KIND.length ? KIND[c] : 0;
            if (kind == MARK) {
                blankLine = false;
                if (++inRun > max) {
                    return false;
                }
            } else if (kind == NEWLINE) {
                if (blankLine) {
                    inRun = 0;
                }
                blankLine = true;
            } else if (kind != SPACE) {
                blankLine = false;
            }
        }
        return true;
    }

    private static final byte MARK = 1;
    private static final byte SPACE = 2;
    private static final byte NEWLINE = 3;

    /** What each ASCII character is to {@link #fewMarks}: a Markdown mark, a space or tab, a line end, or 0. */
    private static final byte[] KIND = new byte[128];

    static {
        for (char c : "*_[]!<>`()&~\\".toCharArray()) {
            KIND[c] = MARK;
        }
        KIND[' '] = SPACE;
        KIND['\t'] = SPACE;
        KIND['\n'] = NEWLINE;
    }

    /** The depth of the tree, counted without recursion; stops counting past {@code max}. */
    static int depth(Node root, int max) {
        int depth = 0;
        int deepest = 0;
        @Nullable Node n = root.getFirstChild();
        if (n == null) {
            return 0;
        }
        depth = 1;
        while (n != null) {
            deepest = Math.max(deepest, depth);
            if (deepest > max) {
                return deepest;
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != null && n.getNext() == null) {
                n = n.getParent();
                depth--;
                if (n == root) {
                    return deepest;
                }
            }
            if (n != null) {
                n = n.getNext();
            }
        }
        return deepest;
    }
}
