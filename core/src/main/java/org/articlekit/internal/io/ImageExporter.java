package org.articlekit.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.BodyNormalizer;
import org.articlekit.Resource;
import org.articlekit.spi.ConversionContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Writes an article's images into a folder next to its output and points the body at them with
 * relative links, for outputs that cannot carry images inside (Markdown, HTML, text).
 */
public final class ImageExporter {

    private ImageExporter() {
    }

    /**
     * @param article the article, its images already in its resources
     * @param output the file the article will be written to
     * @param imagesDir where the images go (created when missing)
     * @param ctx for warnings
     * @return the article with image links relative to {@code output}'s folder
     * @throws IOException when an image cannot be written
     */
    public static Article export(Article article, Path output, Path imagesDir, ConversionContext ctx)
            throws IOException {
        Document doc = article.body().document();
        boolean changed = false;
        Path from = output.toAbsolutePath().normalize().getParent();
        Path dir = imagesDir.toAbsolutePath().normalize();
        for (Element img : doc.body().getElementsByTag("img")) {
            Optional<Resource> r = article.resources().find(img.attr("src"));
            if (r.isEmpty()) {
                continue;
            }
            Path file = dir.resolve(r.get().name().substring(r.get().name().indexOf('/') + 1));
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                AtomicFiles.write(file, out -> out.write(r.get().bytes()));
            }
            img.attr("src", from.relativize(file).toString().replace('\\', '/'));
            changed = true;
        }
        if (!changed) {
            return article;
        }
        return article.withBody(BodyNormalizer.of(ctx).normalize(doc.body()));
    }
}
