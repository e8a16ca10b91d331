package org.articlekit.markdown.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.articlekit.Article;
import org.articlekit.markdown.MarkdownOptions;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;

/**
 * Writes an article as a post: front matter ({@link FrontMatterWriter}) and a GitHub-flavoured
 * Markdown body ({@link MarkdownBlocks}). The stream is written but not closed.
 */
public final class MarkdownWriter implements ArticleWriter {

    @Override
    public void write(Article article, OutputStream out, ConversionContext context) throws IOException {
        MarkdownOptions options = context.options().get(MarkdownOptions.class, MarkdownOptions::defaults);
        String md = toMarkdown(article, options, context);
        out.write(md.getBytes(StandardCharsets.UTF_8));
    }

    static String toMarkdown(Article article, MarkdownOptions options, ConversionContext ctx) throws IOException {
        String frontMatter = FrontMatterWriter.write(article.metadata(), options, ctx);
        String body = MarkdownBlocks.write(article.body(), options.extensions());
        return body.isEmpty() ? frontMatter : frontMatter + "\n" + body;
    }
}
