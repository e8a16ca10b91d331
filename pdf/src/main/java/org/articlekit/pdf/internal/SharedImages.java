package org.articlekit.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.articlekit.ArticleFormatException;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * An image stored once for the pages and the source attachment. A page's image object keeps a
 * JPEG file's bytes as they are, and a PNG file's compressed pixel data (its {@code IDAT} chunks,
 * joined); the attachment then stores only the rest of the file (nothing for a JPEG, the PNG's
 * other chunks with each {@code IDAT} chunk's length and checksum but not its data) and refers to
 * the image object, from which the reader puts the file together again, byte for byte.
 *
 * <p>In the attachment's file specification, {@link #IMAGE} is the image object and
 * {@link #MEDIA_TYPE} the file's media type; the embedded file itself has the media type
 * {@link #REST_TYPE}.
 */
final class SharedImages {

    /** The file specification's reference to the page image object that holds the rest of the file. */
    static final COSName IMAGE = COSName.getPDFName("ArticleKitImage");
    /** The file specification's media type of the whole file. */
    static final COSName MEDIA_TYPE = COSName.getPDFName("ArticleKitMediaType");
    /** The media type of an embedded file that holds the part of an image the page does not. */
    static final String REST_TYPE = "application/vnd.articlekit.image-rest";

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private SharedImages() {
    }

    /** An image file cut into what a page image object holds and the rest. */
    record Split(byte[] shown, byte[] rest) {
    }

    /**
     * The image objects of a document's pages, found by their stored (still encoded) bytes: a
     * checksum and the length pick the candidates, and the bytes themselves decide, so a match is
     * always the same content. (A cryptographic digest of every image, twice per book, cost a sixth
     * of a 100-post book's time.)
     */
    static final class Index {
        private final Map<Long, List<COSStream>> byKey = new HashMap<>();

        /**
         * @param raw an image object's stored bytes
         * @return the image object holding the same bytes, if any
         * @throws IOException when a stream cannot be read
         */
        @Nullable COSStream find(byte[] raw) throws IOException {
            List<COSStream> candidates = byKey.get(key(raw));
            if (candidates != null) {
                for (COSStream c : candidates) {
                    if (Arrays.equals(raw(c), raw)) {
                        return c;
                    }
                }
            }
            return null;
        }

        /**
         * @param s an image object
         * @param raw its stored bytes
         * @return the image object already indexed with the same bytes, or {@code s}, now indexed
         * @throws IOException when a stream cannot be read
         */
        COSStream add(COSStream s, byte[] raw) throws IOException {
            List<COSStream> candidates = byKey.computeIfAbsent(key(raw), k -> new ArrayList<>(1));
            for (COSStream c : candidates) {
                if (c == s || Arrays.equals(raw(c), raw)) {
                    return c;
                }
            }
            candidates.add(s);
            return s;
        }

        boolean isEmpty() {
            return byKey.isEmpty();
        }

        private static long key(byte[] data) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return ((long) data.length << 32) | crc.getValue();
        }
    }

    /** @return a stream's stored (still encoded) bytes */
    static byte[] raw(COSStream s) throws IOException {
        try (InputStream in = s.createRawInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * @param pd the typeset document
     * @return every image object on its pages, by its stored bytes
     * @throws IOException when a stream cannot be read
     */
    static Index index(PDDocument pd) throws IOException {
        Index found = new Index();
        Set<COSStream> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PDPage page : pd.getPages()) {
            PDResources res = page.getResources();
            if (res == null) {
                continue;
            }
            for (COSName n : res.getXObjectNames()) {
                PDXObject x = res.getXObject(n);
                if (x instanceof PDImageXObject img && seen.add(img.getCOSObject())) {
                    COSStream s = img.getCOSObject();
                    found.add(s, raw(s));
                }
            }
        }
        return found;
    }

    /**
     * Makes pages typeset apart share one image object for the same stored bytes.
     *
     * @param pd the assembled document
     * @throws IOException when a stream cannot be read
     */
    static void dedupe(PDDocument pd) throws IOException {
        Index first = new Index();
        Map<COSStream, COSStream> same = new IdentityHashMap<>();
        for (PDPage page : pd.getPages()) {
            PDResources res = page.getResources();
            if (res == null) {
                continue;
            }
            COSDictionary xobjects = res.getCOSObject().getCOSDictionary(COSName.XOBJECT);
            if (xobjects == null) {
                continue;
            }
            for (COSName n : new ArrayList<>(xobjects.keySet())) {
                if (xobjects.getDictionaryObject(n) instanceof COSStream s
                        && COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
                    COSStream keep = same.get(s);
                    if (keep == null) {
                        keep = first.add(s, raw(s));
                        same.put(s, keep);
                    }
                    if (keep != s && sameImage(keep, s)) {
                        xobjects.setItem(n, keep);
                    }
                }
            }
        }
    }

    /** Whether two image objects with the same stored bytes also decode alike (size, colours, filters). */
    private static boolean sameImage(COSStream a, COSStream b) {
        for (COSName k : new COSName[] {COSName.WIDTH, COSName.HEIGHT, COSName.BITS_PER_COMPONENT, COSName.FILTER,
                COSName.DECODE_PARMS, COSName.COLORSPACE, COSName.SMASK, COSName.DECODE, COSName.INTERPOLATE}) {
            org.apache.pdfbox.cos.COSBase x = a.getDictionaryObject(k);
            org.apache.pdfbox.cos.COSBase y = b.getDictionaryObject(k);
            if (x == null ? y != null : y == null || !x.toString().equals(y.toString())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Marks every image object on the pages as not interpolated, as PDF/A requires.
     *
     * @param pd the typeset document
     * @throws IOException when a page's resources cannot be read
     */
    static void noInterpolation(PDDocument pd) throws IOException {
        for (PDPage page : pd.getPages()) {
            PDResources res = page.getResources();
            if (res == null) {
                continue;
            }
            for (COSName n : res.getXObjectNames()) {
                if (res.getXObject(n) instanceof PDImageXObject img) {
                    img.getCOSObject().setBoolean(COSName.INTERPOLATE, false);
                }
            }
        }
    }

    /**
     * @param data an image file
     * @param mediaType its media type
     * @return the file cut in two, or null when it is not a JPEG or a well-formed PNG
     */
    static @Nullable Split split(byte[] data, String mediaType) {
        if (mediaType.equals("image/jpeg")) {
            return data.length > 2 && (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xd8
                    ? new Split(data, new byte[0]) : null;
        }
        if (!mediaType.equals("image/png") || !startsWithPng(data)) {
            return null;
        }
        ByteArrayOutputStream shown = new ByteArrayOutputStream(data.length);
        ByteArrayOutputStream rest = new ByteArrayOutputStream(256);
        rest.write(PNG, 0, PNG.length);
        int at = PNG.length;
        boolean end = false;
        while (!end) {
            if (at + 12 > data.length) {
                return null;
            }
            long length = ((data[at] & 0xffL) << 24) | ((data[at + 1] & 0xff) << 16) | ((data[at + 2] & 0xff) << 8)
                    | (data[at + 3] & 0xff);
            if (length > data.length - at - 12L) {
                return null;
            }
            int len = (int) length;
            boolean idat = data[at + 4] == 'I' && data[at + 5] == 'D' && data[at + 6] == 'A' && data[at + 7] == 'T';
            end = data[at + 4] == 'I' && data[at + 5] == 'E' && data[at + 6] == 'N' && data[at + 7] == 'D';
            if (idat) {
                rest.write(data, at, 8);
                shown.write(data, at + 8, len);
                rest.write(data, at + 8 + len, 4);
            } else {
                rest.write(data, at, 12 + len);
            }
            at += 12 + len;
        }
        rest.write(data, at, data.length - at); // anything after IEND, kept as it was
        return new Split(shown.toByteArray(), rest.toByteArray());
    }

    /**
     * Puts an image file together again.
     *
     * @param rest the attachment's part
     * @param shown the image object's stored bytes
     * @param mediaType the file's media type
     * @param name the attachment's name, for errors
     * @param ctx the reader's context
     * @return the file
     * @throws ArticleFormatException when the parts do not fit together
     */
    static byte[] join(byte[] rest, byte[] shown, String mediaType, String name, ConversionContext ctx)
            throws ArticleFormatException {
        if (mediaType.equals("image/jpeg") && rest.length == 0) {
            return shown;
        }
        if (!mediaType.equals("image/png") || !startsWithPng(rest)) {
            throw broken(name, "the shared image is neither a JPEG nor a PNG", ctx);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rest.length + shown.length);
        out.write(rest, 0, PNG.length);
        int at = PNG.length;
        int from = 0;
        boolean end = false;
        while (!end) {
            if (at + 12 > rest.length) {
                throw broken(name, "the shared PNG ends inside a chunk", ctx);
            }
            long length = ((rest[at] & 0xffL) << 24) | ((rest[at + 1] & 0xff) << 16) | ((rest[at + 2] & 0xff) << 8)
                    | (rest[at + 3] & 0xff);
            boolean idat = rest[at + 4] == 'I' && rest[at + 5] == 'D' && rest[at + 6] == 'A' && rest[at + 7] == 'T';
            end = rest[at + 4] == 'I' && rest[at + 5] == 'E' && rest[at + 6] == 'N' && rest[at + 7] == 'D';
            if (idat) {
                if (length > shown.length - from) {
                    throw broken(name, "the shared PNG's image data is shorter than its chunks say", ctx);
                }
                out.write(rest, at, 8);
                out.write(shown, from, (int) length);
                out.write(rest, at + 8, 4);
                from += (int) length;
                at += 12;
            } else {
                if (length > rest.length - at - 12L) {
                    throw broken(name, "the shared PNG ends inside a chunk", ctx);
                }
                out.write(rest, at, 12 + (int) length);
                at += 12 + (int) length;
            }
        }
        if (from != shown.length) {
            throw broken(name, "the shared PNG's image data is longer than its chunks say", ctx);
        }
        out.write(rest, at, rest.length - at);
        return out.toByteArray();
    }

    private static boolean startsWithPng(byte[] data) {
        return data.length >= PNG.length && Arrays.equals(data, 0, PNG.length, PNG, 0, PNG.length);
    }

    private static ArticleFormatException broken(String name, String problem, ConversionContext ctx) {
        return new ArticleFormatException(ctx.sourceName().orElse(null), 0, name, problem, null);
    }
}
