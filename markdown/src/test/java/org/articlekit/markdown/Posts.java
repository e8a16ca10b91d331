package org.articlekit.markdown;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Diagnostic;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.FormatOptions;
import org.articlekit.spi.FormatRegistry;

/** Reads and writes posts in memory for the tests, keeping the warnings. */
final class Posts {

    static final ArticleFormat MARKDOWN = FormatRegistry.defaults().byId("markdown");

    final List<Diagnostic> warnings = new ArrayList<>();
    private final MarkdownOptions options;
    private final String name;

    Posts() {
        this(MarkdownOptions.defaults(), "post.md");
    }

    Posts(MarkdownOptions options, String name) {
        this.options = options;
        this.name = name;
    }

    ConversionContext context() {
        return ConversionContext.builder().sourceName(name).options(FormatOptions.of(options))
                .warnings(warnings::add).build();
    }

    Article read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    Article read(byte[] data) throws IOException {
        return MARKDOWN.reader().orElseThrow().read(new ByteArrayInputStream(data), context());
    }

    String write(Article a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MARKDOWN.writer().orElseThrow().write(a, out, context());
        return out.toString(StandardCharsets.UTF_8);
    }
}
