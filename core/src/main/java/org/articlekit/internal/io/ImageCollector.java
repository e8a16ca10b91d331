package org.articlekit.internal.io;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.ResourceUnavailableException;

/**
 * Reads the images an article refers to (body images, cover, thumbnail) through the context's
 * resolver into its {@link Resources}, keyed by their original reference, so that writers which
 * embed images (EPUB, PDF, HTML with embedded images) find them. The body is not changed.
 */
public final class ImageCollector {

    private ImageCollector() {
    }

    /**
     * @param article the article
     * @param ctx the resolver, limits and warning sink of the article's input
     * @return the article with every image that could be read in its resources
     * @throws IOException in strict mode, when an image cannot be read; or on a read failure
     */
    public static Article collect(Article article, ConversionContext ctx) throws IOException {
        Set<String> references = new LinkedHashSet<>();
        article.metadata().cover().ifPresent(references::add);
        article.metadata().thumbnail().ifPresent(references::add);
        for (String src : article.body().imageSources()) {
            if (!src.isEmpty() && !src.startsWith("data:")) {
                references.add(src);
            }
        }
        Resources resources = article.resources();
        long total = 0;
        int count = 0;
        for (String ref : references) {
            if (resources.find(ref).isPresent()) {
                continue;
            }
            if (++count > ctx.limits().maxImages()) {
                ctx.warn("image.unresolved", 0, "more than " + ctx.limits().maxImages()
                        + " images; the rest are kept as links");
                break;
            }
            ctx.checkDeadline();
            try {
                Resource r = ctx.resolver().resolve(ref);
                total += r.size();
                if (total > ctx.limits().maxTotalResourceBytes()) {
                    ctx.warn("image.unresolved", 0, "image " + ref + " is past the limit of "
                            + ctx.limits().maxTotalResourceBytes() + " image bytes per conversion; kept as a link");
                    break;
                }
                resources = resources.with(r);
            } catch (ResourceUnavailableException e) {
                ctx.warn("image.unresolved", 0, "image " + e.reference() + " " + e.reason());
            }
        }
        return resources == article.resources() ? article : article.withResources(resources);
    }
}
