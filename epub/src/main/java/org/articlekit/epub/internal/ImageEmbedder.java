package org.articlekit.epub.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.articlekit.Article;
import org.articlekit.Resource;
import org.articlekit.epub.EpubOptions;
import org.articlekit.spi.ConversionContext;
import org.articlekit.spi.Images;
import org.articlekit.spi.ResourceUnavailableException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;

/**
 * Finds the images of one article: from its resources, from {@code data:} addresses, or through
 * the context's resolver; points each {@code img} at the image's content-hash name. An image that
 * cannot be had is an {@code image.unresolved} warning and keeps its address (the chapter leaves it
 * out).
 */
final class ImageEmbedder {

    /** The images an article uses, and whether any address changed. */
    record Result(List<Resource> resources, boolean changed) {
    }

    private ImageEmbedder() {
    }

    static Result embed(Article a, String title, Document doc, ConversionContext ctx) throws IOException {
        Map<String, Resource> used = new LinkedHashMap<>();
        Map<String, @Nullable Resource> bySrc = new HashMap<>();
        Set<String> replaced = new HashSet<>();
        int maxSide = ctx.options().get(EpubOptions.class, EpubOptions::defaults).maxImageSide();
        boolean changed = false;
        int count = 0;
        String what = "article '" + title + "'";
        for (Element img : doc.body().getElementsByTag("img")) {
            String src = img.attr("src").strip();
            if (src.isEmpty()) {
                continue;
            }
            Resource r;
            if (bySrc.containsKey(src)) {
                r = bySrc.get(src);
            } else {
                if (++count > ctx.limits().maxImages()) {
                    ctx.warn("image.limit", 0, what + " refers to more than " + ctx.limits().maxImages()
                            + " images; the rest are left out");
                    bySrc.put(src, null);
                    continue;
                }
                r = a.resources().find(src).orElse(null);
                if (r == null) {
                    r = src.regionMatches(true, 0, "data:", 0, 5) ? dataUri(src, what, ctx) : resolve(src, what, ctx);
                }
                if (r != null && !EpubWriter.CORE_IMAGES.contains(r.mediaType())) {
                    ctx.warn("image.unsupported", 0, what + ": image " + shorten(src) + " is " + r.mediaType()
                            + ", which EPUB readers need not show; left out");
                    r = null;
                }
                if (r != null) {
                    Resource fitted;
                    try {
                        fitted = Images.fitWithin(r, maxSide, ctx.limits());
                    } catch (ResourceUnavailableException e) {
                        // Also an image that came with the article, from a book that was read, unchecked so far.
                        ctx.warn("image.unresolved", 0, what + ": image " + shorten(src) + " " + e.reason()
                                + ", left out");
                        fitted = null;
                    }
                    if (fitted != r) {
                        replaced.add(r.name());
                        r = fitted;
                    }
                }
                bySrc.put(src, r);
            }
            if (r != null) {
                used.putIfAbsent(r.name(), r);
                if (!src.equals(r.name())) {
                    img.attr("src", r.name());
                    changed = true;
                }
            }
        }
        for (Resource r : a.resources().all()) {
            if (used.containsKey(r.name()) || replaced.contains(r.name())) {
                continue;
            }
            if (EpubWriter.CORE_IMAGES.contains(r.mediaType())) {
                try {
                    used.put(r.name(), Images.fitWithin(r, 0, ctx.limits())); // the pixel budget; the same image
                } catch (ResourceUnavailableException e) {
                    ctx.warn("image.unresolved", 0, what + ": resource " + r.name() + " " + e.reason() + ", left out");
                }
            } else {
                ctx.warn("resource.unsupported", 0, what + ": resource " + r.name() + " (" + r.mediaType()
                        + ") is not an image EPUB readers show; left out");
            }
        }
        return new Result(new ArrayList<>(used.values()), changed);
    }

    /** Reads a reference through the resolver; a failure is a warning and gives null. */
    static @Nullable Resource resolve(String ref, String what, ConversionContext ctx) throws IOException {
        try {
            return ctx.resolver().resolve(ref);
        } catch (ResourceUnavailableException e) {
            ctx.warn("image.unresolved", 0, what + ": image " + shorten(e.reference()) + " " + e.reason() + ", left out");
        } catch (IOException e) {
            if (e instanceof org.articlekit.ArticleFormatException af && ctx.strict()) {
                throw af;
            }
            ctx.warn("image.unresolved", 0, what + ": image " + shorten(ref) + " could not be read ("
                    + e.getMessage() + "), left out");
        }
        return null;
    }

    private static @Nullable Resource dataUri(String src, String what, ConversionContext ctx) throws IOException {
        int comma = src.indexOf(',');
        String head = comma < 0 ? "" : src.substring(5, comma).toLowerCase(Locale.ROOT);
        if (comma < 0 || !head.endsWith(";base64")) {
            ctx.warn("image.unresolved", 0, what + ": a data: image that is not base64 was left out");
            return null;
        }
        String type = head.substring(0, head.length() - ";base64".length());
        byte[] data;
        try {
            data = Base64.getMimeDecoder().decode(src.substring(comma + 1).getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            ctx.warn("image.unresolved", 0, what + ": a data: image is not valid base64 (" + e.getMessage()
                    + "), left out");
            return null;
        }
        if (data.length > ctx.limits().maxResourceBytes()) {
            ctx.warn("image.unresolved", 0, what + ": a data: image is larger than the limit of "
                    + ctx.limits().maxResourceBytes() + " bytes, left out");
            return null;
        }
        String sniffed = sniff(data);
        if (sniffed == null || !sniffed.equals(type)) {
            ctx.warn("image.unresolved", 0, what + ": a data: image says " + type + " but its content is "
                    + (sniffed == null ? "not a known image" : sniffed) + ", left out");
            return null;
        }
        try {
            // The pixel budget, as for every resolved image: a 400 KB PNG can declare 400 million pixels.
            Images.check("(data: " + type + ")", data, ctx.limits());
        } catch (ResourceUnavailableException e) {
            ctx.warn("image.unresolved", 0, what + ": a data: image " + e.reason() + ", left out");
            return null;
        }
        return Resource.of(data, type, null);
    }

    /** The media type magic bytes name, for the types EPUB shows. */
    static @Nullable String sniff(byte[] d) {
        if (d.length >= 8 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G') {
            return "image/png";
        }
        if (d.length >= 3 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8 && (d[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (d.length >= 6 && d[0] == 'G' && d[1] == 'I' && d[2] == 'F' && d[3] == '8') {
            return "image/gif";
        }
        if (d.length >= 12 && d[0] == 'R' && d[1] == 'I' && d[2] == 'F' && d[3] == 'F' && d[8] == 'W' && d[9] == 'E'
                && d[10] == 'B' && d[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    static String shorten(String ref) {
        return ref.length() > 120 ? ref.substring(0, 117) + "..." : ref;
    }
}
