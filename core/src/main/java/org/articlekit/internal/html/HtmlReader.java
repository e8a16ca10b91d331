package org.articlekit.internal.html;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.articlekit.Article;
import org.articlekit.ArticleFormatException;
import org.articlekit.Body;
import org.articlekit.BodyNormalizer;
import org.articlekit.Metadata;
import org.articlekit.html.HtmlOptions;
import org.articlekit.internal.extract.MainContentExtractor;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ContentExtractor;
import org.articlekit.spi.ConversionContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * Reads an HTML fragment or a whole page. A whole page gives its metadata and, through the
 * content extractor, its main content; a fragment is all body.
 */
public final class HtmlReader implements ArticleReader {

    /** Selectors parsed once, when a page is first read (not when the format is registered). */
    private static final class Selectors {
        static final Evaluator OUR_HEADER = Selector.evaluatorOf("header.articlekit-header");
        static final Evaluator BASE = Selector.evaluatorOf("base[href]");
    }

    private static final Pattern WHOLE_PAGE = Pattern.compile("(?i)<(!doctype\\s+html|html|head|body|title|meta)[\\s>/]");

    @Override
    public Article read(InputStream in, ConversionContext ctx) throws IOException {
        HtmlOptions options = ctx.options().get(HtmlOptions.class, HtmlOptions::defaults);
        long max = ctx.limits().maxInputBytes();
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw ctx.error(0, "is over the input limit of " + max + " bytes", null);
        }
        String text = PageDecoder.decode(data, options.fallbackCharset(), ctx);
        return read(text, ctx, options);
    }

    /**
     * Reads already decoded HTML.
     *
     * @param text the page or fragment
     * @param ctx the context
     * @param options the HTML options
     * @return the article
     * @throws IOException in strict mode on a repair, or when the extractor fails
     */
    public Article read(String text, ConversionContext ctx, HtmlOptions options) throws IOException {
        if (text.isBlank()) {
            ctx.warn("input.empty", 0, "the document is empty");
            return Article.builder().build();
        }
        String head = text.length() > 65536 ? text.substring(0, 65536) : text;
        boolean wholePage = WHOLE_PAGE.matcher(head).find();
        Document doc = Jsoup.parse(text, "", Xhtml.htmlParser(ctx.limits().maxDepth()));
        ctx.checkDeadline();
        URI base = baseOf(doc, ctx);
        ConversionContext bodyCtx = base == null ? ctx : ctx.toBuilder().baseUri(base).build();
        if (!wholePage) {
            Body body = BodyNormalizer.of(bodyCtx).normalize(doc.body());
            return Article.builder().body(body).build();
        }
        Metadata metadata = PageMetadata.read(doc, ctx);
        for (Element ours : doc.select(Selectors.OUR_HEADER)) {
            ours.remove();
        }
        ContentExtractor extractor = options.extractor() != null ? options.extractor()
                : options.extraction() == HtmlOptions.Extraction.SEMANTIC_ELEMENTS ? DefaultExtractor.INSTANCE
                : MainContentExtractor.INSTANCE;
        Element content = extractor.extract(doc, ctx);
        ctx.checkDeadline();
        Body body = BodyNormalizer.of(bodyCtx).normalize(content);
        ctx.checkDeadline();
        return Article.builder().metadata(completed(metadata, body)).body(body).build();
    }

    /** The lead image becomes the cover when the page names none. */
    private static Metadata completed(Metadata m, Body body) {
        if (m.cover().isPresent() || body.imageSources().isEmpty()) {
            return m;
        }
        String src = body.imageSources().get(0);
        return src.startsWith("data:") ? m : m.toBuilder().cover(src).build();
    }

    /** The page's {@code <base href>} when it is an absolute http(s) address, else the context's base. */
    private static @Nullable URI baseOf(Document doc, ConversionContext ctx) throws ArticleFormatException {
        Element base = doc.selectFirst(Selectors.BASE);
        if (base != null) {
            String href = base.attr("href").strip();
            try {
                URI u = new URI(href);
                String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
                if (u.isAbsolute() && (scheme.equals("http") || scheme.equals("https"))) {
                    return u;
                }
                ctx.warn("html.url", 0, "ignored <base href=\"" + href + "\">: only http and https bases are used");
            } catch (URISyntaxException e) {
                ctx.warn("html.url", 0, "ignored <base href=\"" + href + "\">: " + e.getReason());
            }
        }
        return ctx.baseUri().orElse(null);
    }
}
