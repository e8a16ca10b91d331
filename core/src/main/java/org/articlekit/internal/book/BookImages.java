package org.articlekit.internal.book;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Resource;
import org.articlekit.Resources;
import org.articlekit.internal.io.ImageProbe;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Images of articles bound into one book, for {@link org.articlekit.BookBinder}. The articles are read with their images (the converter's
 * {@code collectImages}), each from its own folder or the web, and every image that could not be
 * read has been reported once; {@link #settle} then puts the image's alt text where it stood, so the
 * book writer neither reports it again nor leaves a broken reference.
 */
public final class BookImages {

    private BookImages() {
    }

    /**
     * @param a an article read with its images
     * @return the article with every image that is not in its resources (nor a {@code data:} image)
     *     replaced by its alt text in brackets, or {@code [image]}
     * @throws IOException never in practice (the body is normalised again)
     */
    public static Article settle(Article a) throws IOException {
        if (a.body().imageSources().stream().allMatch(src -> isKept(a, src.strip()))) {
            return a;
        }
        Document doc = a.body().document();
        boolean changed = false;
        for (Element img : doc.getElementsByTag("img")) {
            String src = img.attr("src").strip();
            if (isKept(a, src)) {
                continue;
            }
            String alt = img.attr("alt").strip();
            img.replaceWith(new TextNode(alt.isEmpty() ? "[image]" : "[" + alt + "]"));
            changed = true;
        }
        return changed ? a.withBody(Body.fromHtml(doc.body().html())) : a;
    }

    private static boolean isKept(Article a, String src) {
        return src.regionMatches(true, 0, "data:", 0, 5) || a.resources().find(src).isPresent();
    }

    /**
     * Image bytes a book keeps in memory before the rest go to the spool: a book of a thousand posts
     * with pictures fits, and ten thousand posts stay within a few hundred megabytes. Creating and
     * deleting a file per image cost more than the images' memory for books that fit.
     */
    public static final long IN_MEMORY = 128L << 20;

    /**
     * Moves an article's resources out of memory into files of {@code spool} (one file per distinct
     * content) once the book's images in memory have used up {@code memoryLeft}, so that reading
     * thousands of articles before the book is written does not hold all their images at once.
     *
     * @param a an article
     * @param spool a private temporary folder that outlives the book's writing
     * @param memoryLeft the bytes of images the book may still keep in memory; shared by the readers
     * @return the article with its resources in memory or file-backed
     * @throws IOException when a file cannot be written
     */
    public static Article spill(Article a, Path spool, AtomicLong memoryLeft) throws IOException {
        if (a.resources().isEmpty()) {
            return a;
        }
        List<Resource> kept = new ArrayList<>(a.resources().size());
        boolean spilled = false;
        for (Resource r : a.resources().all()) {
            if (memoryLeft.addAndGet(-r.size()) >= 0) {
                kept.add(r);
            } else {
                kept.add(r.spill(spool));
                spilled = true;
            }
        }
        return spilled ? a.withResources(Resources.of(kept)) : a;
    }

    /**
     * Deletes the image spool and everything in it, as far as possible (it is a temporary folder).
     *
     * @param spool the folder
     */
    public static void deleteSpool(Path spool) {
        try (Stream<Path> s = Files.walk(spool)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary file is harmless and the book's outcome is already decided
        }
    }

    /**
     * The image file a binder was given as the cover, read whole.
     *
     * @param cover the file
     * @return the image, or empty when the file is not a PNG, JPEG, GIF or WebP image
     * @throws IOException when the file cannot be read
     */
    public static Optional<Resource> coverFile(Path cover) throws IOException {
        byte[] d = Files.readAllBytes(cover);
        Optional<String> type = ImageProbe.mediaType(d).filter(t -> t.equals("image/png") || t.equals("image/jpeg")
                || t.equals("image/gif") || t.equals("image/webp"));
        return type.map(t -> Resource.of(d, t, cover.toString()));
    }
}
