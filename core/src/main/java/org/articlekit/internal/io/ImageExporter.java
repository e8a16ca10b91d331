package org.articlekit.internal.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.BodyNormalizer;
import org.articlekit.Metadata;
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
        return exportFrom(article, output.toAbsolutePath().normalize().getParent(), imagesDir, ctx);
    }

    /**
     * As {@link #export}, for an output that has no file (a stream): the links are relative to {@code folder}.
     *
     * @param article the article, its images already in its resources
     * @param folder the folder the links start from
     * @param imagesDir where the images go (created when missing)
     * @param ctx for warnings
     * @return the article with image links relative to {@code folder}
     * @throws IOException when an image cannot be written
     */
    public static Article exportFrom(Article article, Path folder, Path imagesDir, ConversionContext ctx)
            throws IOException {
        Document doc = article.body().document();
        boolean changed = false;
        Path from = folder.toAbsolutePath().normalize();
        Path dir = imagesDir.toAbsolutePath().normalize();
        for (Element img : doc.body().getElementsByTag("img")) {
            Optional<String> link = link(article, img.attr("src"), from, dir);
            if (link.isPresent()) {
                img.attr("src", link.get());
                changed = true;
            }
        }
        // The cover and thumbnail point at the files written for them, as the body's images do.
        Metadata m = article.metadata();
        Optional<String> cover = m.cover().isPresent() ? link(article, m.cover().get(), from, dir) : Optional.empty();
        Optional<String> thumbnail = m.thumbnail().isPresent() ? link(article, m.thumbnail().get(), from, dir)
                : Optional.empty();
        Article relinked = article;
        if (cover.isPresent() || thumbnail.isPresent()) {
            Metadata.Builder b = m.toBuilder();
            cover.ifPresent(b::cover);
            thumbnail.ifPresent(b::thumbnail);
            relinked = article.withMetadata(b.build());
        }
        return changed ? relinked.withBody(BodyNormalizer.of(ctx).normalize(doc.body())) : relinked;
    }

    /**
     * Writes the image a reference names (once per content) and returns its link relative to {@code from}.
     *
     * @return the link, or empty when the article holds no image for the reference
     */
    private static Optional<String> link(Article article, String reference, Path from, Path dir) throws IOException {
        Optional<Resource> r = article.resources().find(reference);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Path file = dir.resolve(r.get().name().substring(r.get().name().indexOf('/') + 1));
        if (!Files.exists(file)) {
            Files.createDirectories(dir);
            AtomicFiles.write(file, out -> out.write(r.get().bytes()));
        }
        return Optional.of(from.relativize(file).toString().replace('\\', '/'));
    }
}
