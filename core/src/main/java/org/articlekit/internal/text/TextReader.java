package org.articlekit.internal.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Metadata;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ConversionContext;
import org.articlekit.text.TextOptions;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a plain-text file: decodes it ({@link TextDecoder}), takes the title and the metadata
 * header ({@link MetadataHeader}), and turns the rest into paragraphs ({@link TextBody}) that go
 * through the body normaliser. The stream is read but not closed.
 */
public final class TextReader implements ArticleReader {

    @Override
    public Article read(InputStream in, ConversionContext ctx) throws IOException {
        TextOptions options = ctx.options().get(TextOptions.class, TextOptions::defaults);
        long max = ctx.limits().maxInputBytes();
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw ctx.error(0, "is over the input limit of " + max + " bytes", null);
        }
        String text = TextDecoder.decode(data, options.fallbackCharset(), ctx);
        return read(text, ctx, options);
    }

    /**
     * Reads already decoded text.
     *
     * @param text the text, with any line endings
     * @param ctx the context
     * @param options the text options
     * @return the article; an empty one, with an {@code input.empty} warning, for blank text
     * @throws IOException in strict mode on a warning, or past the deadline
     */
    public Article read(String text, ConversionContext ctx, TextOptions options) throws IOException {
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (normalized.isBlank()) {
            // a byte order mark alone is as empty as no bytes at all
            ctx.warn("input.empty", 0, "the document is empty");
            return Article.builder().build();
        }
        List<String> lines = Arrays.asList(normalized.split("\n", -1));
        if (options.removeBoilerplate()) {
            lines = ScrapedText.clean(lines, ctx);
        }
        Metadata.Builder mb = Metadata.builder();
        int bodyStart = MetadataHeader.read(lines, options.titleFromFirstLine(), mb, ctx);
        Document doc = Document.createShell("");
        Element root = doc.body();
        TextBody.build(lines, bodyStart, root, ctx);
        ctx.checkDeadline();
        Body body = BodyNormalizer.of(ctx).normalize(root);
        return Article.builder().metadata(mb.build()).body(body).build();
    }
}
