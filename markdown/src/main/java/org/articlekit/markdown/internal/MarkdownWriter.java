package org.articlekit.markdown.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.Metadata;
import org.articlekit.Resource;
import org.articlekit.markdown.MarkdownOptions.Dialect;
import org.articlekit.markdown.MarkdownOptions.Extension;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.BodyTree;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.Images;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Writes an article as a post: front matter ({@link FrontMatterWriter}) and a GitHub-flavoured
 * Markdown body ({@link MarkdownBlocks}). A summary that is the text of the body's first blocks is
 * written as the dialect's more marker after them instead of a front-matter key, as the reader
 * finds it, unless the post was read with the summary under a key ({@code description:}), which
 * it keeps. The stream is written but not closed.
 */
public final class MarkdownWriter implements ArticleWriter {

    /** Runs of white space, collapsed to one space. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    @Override
    public void write(Article article, OutputStream out, ConversionContext context) throws IOException {
        MarkdownOptions options = context.options().get(MarkdownOptions.class, MarkdownOptions::defaults);
        String md = toMarkdown(article, options, context);
        out.write(md.getBytes(StandardCharsets.UTF_8));
    }

    static String toMarkdown(Article article, MarkdownOptions options, ConversionContext ctx) throws IOException {
        Metadata m = article.metadata();
        // a summary the source wrote as a key stays a key; one read from a marker goes back to a marker
        Metadata read = m;
        boolean summaryKey = read.sourceKeys().stream()
                .anyMatch(k -> MetadataKeys.of(k.name()).orElse(null) == MetadataKeys.SUMMARY
                        && !read.extra().containsKey(k.name()));
        // the body's tree, parsed once (or the normaliser's own) for the marker, the sizes and the writer
        Element root = article.body().isEmpty() ? null : article.body().document().body();
        int markerAfter = root != null && options.extensions().contains(Extension.MORE_MARKER) && m.summary().isPresent()
                && !summaryKey ? leadingBlocks(root, m.summary().get()) : 0;
        String marker = null;
        if (markerAfter > 0) {
            marker = options.dialect() == Dialect.HUGO ? "<!--more-->" : "<!-- more -->";
            if (options.dialect() == Dialect.JEKYLL && m.extra().get(MarkdownReader.EXCERPT_SEPARATOR)
                    instanceof String sep && MarkdownReader.usableSeparator(sep)) {
                marker = sep.strip();
            }
            m = m.toBuilder().summary(null).build();
        }
        String frontMatter = FrontMatterWriter.write(m, options, ctx);

        String body = "";
        if (root != null) {
            leaveOutIntrinsicSizes(article, root);
            body = MarkdownBlocks.write(root, article.body().html(), options.extensions(), marker, markerAfter,
                    m.sourceLinks());
        }
        return body.isEmpty() ? frontMatter : frontMatter + "\n" + body;
    }

    /**
     * Leaves out, in the body's tree, the width and height of each image whose size is the
     * picture's own, read from the picture's header in the article's resources: such an image shows
     * the same without them and is written as {@code ![alt](src)}. A size that differs from the
     * picture's, or of a picture the article does not hold, is the author's display size and stays
     * (as raw HTML, since none of the engines' Markdown has a size).
     */
    private static void leaveOutIntrinsicSizes(Article article, Element root) throws IOException {
        if (article.resources().isEmpty() || !article.body().html().contains(" width=\"")) {
            return;
        }
        for (Element img : BodyTree.elementsByTag(root, "img")) {
            if (!img.hasAttr("width") || !img.hasAttr("height")) {
                continue;
            }
            Optional<Resource> r = article.resources().find(img.attr("src"));
            Optional<Images.Size> size = r.isPresent() ? Images.size(r.get().bytes()) : Optional.empty();
            if (size.isPresent() && img.attr("width").equals(String.valueOf(size.get().width()))
                    && img.attr("height").equals(String.valueOf(size.get().height()))) {
                img.removeAttr("width").removeAttr("height");
            }
        }
    }


    /**
     * How many of the body's top-level elements hold, together, exactly the summary's text (as
     * the reader joins them before a more marker), or 0 when no such leading run exists or it is
     * the whole body.
     */
    private static int leadingBlocks(Element root, String summary) {
        String want = SPACES.matcher(summary.strip()).replaceAll(" ");
        List<String> parts = new ArrayList<>();
        int elements = 0;
        for (Node n : root.childNodes()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            elements++;
            parts.add(e.text());
            String s = SPACES.matcher(String.join(" ", parts).strip()).replaceAll(" ");
            if (s.equals(want)) {
                return e.nextElementSibling() != null ? elements : 0;
            }
            if (!want.startsWith(s)) {
                // Each block only adds to the joined text: no more blocks can make it the summary.
                return 0;
            }
        }
        return 0;
    }
}
