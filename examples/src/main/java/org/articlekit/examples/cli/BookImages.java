package org.articlekit.examples.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.articlekit.Article;
import org.articlekit.Body;
import org.articlekit.Resource;
import org.articlekit.spi.ResourceResolver;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Lets the writer of one book read every article's images from that article's own folder, confined
 * to it as when the article is converted alone: a relative image address gets a short prefix naming
 * its folder ({@code f3/images/a.png}), and resolving it asks that folder's local-file resolver for
 * the rest. Images are read only when the book is written, one article at a time.
 */
final class BookImages implements ResourceResolver {

    private final Map<Path, String> prefixes = new HashMap<>();
    private final Map<String, ResourceResolver> resolvers = new HashMap<>();

    /** Points an article's relative image addresses at its folder. Thread-safe. */
    Article rebase(Article a, Path folder) throws IOException {
        String prefix = prefix(folder.toAbsolutePath().normalize());
        Document doc = a.body().document();
        boolean changed = false;
        for (Element img : doc.getElementsByTag("img")) {
            String src = img.attr("src").strip();
            if (src.isEmpty() || src.startsWith("/") || src.startsWith("#") || src.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")
                    || a.resources().find(src).isPresent()) {
                continue;
            }
            img.attr("src", prefix + src);
            changed = true;
        }
        return changed ? a.withBody(Body.fromHtml(doc.body().html())) : a;
    }

    private synchronized String prefix(Path folder) {
        return prefixes.computeIfAbsent(folder, f -> {
            String p = "f" + prefixes.size() + "/";
            resolvers.put(p, ResourceResolver.localFiles(f));
            return p;
        });
    }

    @Override
    public Resource resolve(String reference) throws IOException {
        int slash = reference.indexOf('/');
        ResourceResolver r;
        synchronized (this) {
            r = slash < 0 ? null : resolvers.get(reference.substring(0, slash + 1));
        }
        if (r == null) {
            return ResourceResolver.none().resolve(reference);
        }
        String rest = reference.substring(slash + 1);
        try {
            return r.resolve(rest);
        } catch (ResourceUnavailableException e) {
            throw new ResourceUnavailableException(rest, e.reason());
        }
    }

    /**
     * The image a {@code --cover} names, read by the command line itself (the user named it).
     *
     * @param cover the file
     * @return the image, or empty when the file is not a PNG, JPEG, GIF or WebP image
     * @throws IOException when the file cannot be read
     */
    static Optional<Resource> coverFile(Path cover) throws IOException {
        byte[] d = Files.readAllBytes(cover);
        String type = null;
        if (d.length > 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            type = "image/png";
        } else if (d.length > 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8) {
            type = "image/jpeg";
        } else if (d.length > 6 && new String(d, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("GIF8")) {
            type = "image/gif";
        } else if (d.length > 12 && new String(d, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)
                .toUpperCase(Locale.ROOT).equals("WEBP")) {
            type = "image/webp";
        }
        return type == null ? Optional.empty() : Optional.of(Resource.of(d, type, cover.toString()));
    }
}
