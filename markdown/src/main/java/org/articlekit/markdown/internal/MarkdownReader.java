package org.articlekit.markdown.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Metadata;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.BodyTree;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads a post: decodes it strictly ({@link MarkdownText}), splits off the front matter
 * ({@link FrontMatterSplitter}), maps it to metadata ({@link MetadataMapping}), expands Hexo tags,
 * renders the body with commonmark-java ({@link MarkdownBody}), normalises the HTML and settles the
 * white space Markdown cannot write ({@link MarkdownSpace}). The stream is read but not closed.
 */
public final class MarkdownReader implements ArticleReader {

    /** Runs of white space, collapsed to one space. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Jekyll's front-matter key naming the text that ends a post's excerpt. */
    static final String EXCERPT_SEPARATOR = "excerpt_separator";

    @Override
    public Article read(InputStream in, ConversionContext ctx) throws IOException {
        MarkdownOptions options = ctx.options().get(MarkdownOptions.class, MarkdownOptions::defaults);
        long max = ctx.limits().maxInputBytes();
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw ctx.error(0, "is over the input limit of " + max + " bytes", null);
        }
        return read(MarkdownText.decode(data, options.charset(), ctx), ctx, options);
    }

    /**
     * Reads an already decoded post.
     *
     * @param text the post, with {@code \n} line ends
     * @param ctx the context
     * @param options the Markdown options
     * @return the article; a post with no body and no title (an empty or blank file, or front matter
     *     alone without a title) gives an {@code input.empty} warning
     * @throws IOException when the front matter or body is not usable, or in strict mode on a warning
     */
    public Article read(String text, ConversionContext ctx, MarkdownOptions options) throws IOException {
        FrontMatterBlock block = FrontMatterSplitter.split(text, options.maxFrontMatterBytes(), ctx);
        FrontMatterValues values = switch (block.syntax()) {
            case NONE -> new FrontMatterValues();
            case YAML -> YamlFrontMatter.read(block.text(), block.firstLine(), ctx);
            case TOML -> TomlFrontMatter.read(block.text(), block.firstLine(), ctx);
            case JSON -> JsonFrontMatter.read(block.text(), block.firstLine(), ctx);
        };
        Metadata metadata = MetadataMapping.map(values, options.dialect(), options.siteZone().orElse(null), ctx);
        if (block.syntax() != FrontMatterSyntax.NONE) {
            metadata = metadata.toBuilder().sourceSyntax(block.syntax().name().toLowerCase(Locale.ROOT)).build();
        }
        String body = block.body();
        String assetFolder = assetFolder(ctx);
        if (options.extensions().contains(Extension.HEXO_TAGS)) {
            body = HexoTags.expand(body, assetFolder, block.bodyLine(), ctx);
        }
        body = MarkdownGuard.check(body, options.maxNesting(), block.bodyLine(), ctx);
        List<Metadata.SourceLink> definitions = new ArrayList<>();
        Document doc = MarkdownBody.toDocument(body, options.extensions(), options.maxNesting(), ctx, definitions);
        if (!definitions.isEmpty()) {
            metadata = metadata.toBuilder().sourceLinks(definitions).build();
        }
        Element root = doc.body();
        if (BodyTree.hasElement(root, "input")) {
            taskListMarkers(root);
        }
        if (block.syntax() == FrontMatterSyntax.NONE && metadata.title().isEmpty()) {
            String title = leadingHeading(root);
            if (title != null) {
                metadata = metadata.toBuilder().title(title).build();
            }
        }
        if (options.dialect() == MarkdownOptions.Dialect.JEKYLL && metadata.summary().isEmpty()
                && metadata.extra().get(EXCERPT_SEPARATOR) instanceof String sep && usableSeparator(sep)) {
            int at = body.indexOf(sep.strip());
            if (at > 0) {
                Element before = MarkdownBody.toDocument(body.substring(0, at), options.extensions(),
                        options.maxNesting(), ctx).body();
                String summary = textOf(before, before.childNodeSize());
                if (summary != null) {
                    metadata = metadata.toBuilder().summary(summary).build();
                }
            }
        }
        if (options.extensions().contains(Extension.MORE_MARKER) && metadata.summary().isEmpty()) {
            String summary = moreSummary(root);
            if (summary != null) {
                metadata = metadata.toBuilder().summary(summary).build();
            }
        }
        if (!assetFolder.isEmpty()) {
            assetImages(root, assetFolder, ctx);
        }
        ctx.checkDeadline();
        Body normalized = MarkdownSpace.normalize(root, ctx);
        if (normalized.isEmpty() && metadata.title().isEmpty()) {
            // as the HTML and text readers do for a blank file: one warning, an error in strict mode
            ctx.warn("input.empty", 0, text.isBlank() ? "the document is empty"
                    : "the post has no title and no body");
        }
        return Article.builder().metadata(metadata).body(normalized).build();
    }

    /** Hexo's per-post asset folder: the post's file name without its extension. */
    private static String assetFolder(ConversionContext ctx) {
        String name = ctx.sourceName().orElse("");
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : "";
    }

    /** Checkboxes of task lists are form controls, which the profile drops; they become {@code [x]} text. */
    private static void taskListMarkers(Element root) {
        // li > input[type=checkbox], li > p > input[type=checkbox], without parsing a selector for every post
        for (Element box : BodyTree.elementsByTag(root, "input")) {
            Element parent = box.parent();
            boolean inItem = parent != null && (parent.nameIs("li")
                    || parent.nameIs("p") && parent.parent() != null && parent.parent().nameIs("li"));
            if (inItem && box.attr("type").trim().equalsIgnoreCase("checkbox")) {
                box.replaceWith(new TextNode(box.hasAttr("checked") ? "[x]" : "[ ]"));
            }
        }
    }

    /** The text before a top-level {@code <!-- more -->}, or null when there is none. */
    private static String moreSummary(Element root) {
        // Most posts have no marker: look for it before collecting any text.
        int marker = -1;
        for (int i = 0; i < root.childNodeSize() && marker < 0; i++) {
            if (root.childNode(i) instanceof Comment c && c.getData().strip().equalsIgnoreCase("more")) {
                marker = i;
            }
        }
        return textOf(root, marker);
    }

    /** The text of the first {@code count} child nodes' elements, joined by spaces, or null when blank. */
    private static String textOf(Element root, int count) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (root.childNode(i) instanceof Element e) {
                parts.add(e.text());
            }
        }
        String s = SPACES.matcher(String.join(" ", parts).strip()).replaceAll(" ");
        return s.isEmpty() ? null : s;
    }

    /** Whether a Jekyll excerpt separator can be looked for in a body: one line, not blank. */
    static boolean usableSeparator(String sep) {
        return !sep.isBlank() && sep.strip().indexOf('\n') < 0;
    }

    /**
     * The text of a heading that opens the body (nothing but white space and comments before it),
     * which then leaves the body; null when the body does not open with a heading with text.
     */
    private static String leadingHeading(Element root) {
        for (Node n : root.childNodes()) {
            if (n instanceof TextNode t && t.isBlank() || n instanceof Comment) {
                continue;
            }
            if (n instanceof Element e && e.tagName().matches("h[1-6]")) {
                String title = e.text().strip();
                if (title.isEmpty()) {
                    return null;
                }
                e.remove();
                return title;
            }
            return null;
        }
        return null;
    }

    /**
     * Bare image names that are not in the post's folder but in its asset folder (Hexo's
     * {@code post_asset_folder}) are pointed there.
     */
    private static void assetImages(Element root, String assetFolder, ConversionContext ctx) throws IOException {
        for (Element img : BodyTree.elementsByTag(root, "img")) {
            String src = img.attr("src");
            if (src.isEmpty() || src.contains("/") || src.contains(":") || src.contains("\\")) {
                continue;
            }
            try {
                ctx.resolver().resolve(src);
            } catch (ResourceUnavailableException here) {
                try {
                    ctx.resolver().resolve(assetFolder + "/" + src);
                    img.attr("src", assetFolder + "/" + src);
                } catch (ResourceUnavailableException there) {
                    // Neither place has it; the writer that needs the image reports it.
                }
            }
        }
    }
}
