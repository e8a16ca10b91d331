package org.articlekit.internal.net;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.articlekit.spi.ResourceUnavailableException;

/**
 * Undoes a {@code Content-Encoding} ({@code gzip}, {@code x-gzip}, {@code deflate} in both its zlib
 * and its raw form, {@code identity}), stopping at a byte limit on the decoded bytes so a small
 * compressed body cannot grow without bound.
 */
final class ContentDecoding {

    private ContentDecoding() {
    }

    /**
     * @param reference the reference, for messages
     * @param header the {@code Content-Encoding} values joined with commas, possibly empty
     * @param raw the body as sent
     * @param maxBytes the largest decoded body
     * @return the decoded body
     * @throws ResourceUnavailableException when an encoding is unknown or broken, or the decoded body is too large
     */
    static byte[] decode(String reference, String header, byte[] raw, long maxBytes)
            throws ResourceUnavailableException {
        List<String> codings = new ArrayList<>();
        for (String c : header.split(",")) {
            String coding = c.strip().toLowerCase(Locale.ROOT);
            if (!coding.isEmpty() && !coding.equals("identity")) {
                codings.add(coding);
            }
        }
        // Codings are listed in the order they were applied; undo the last first.
        Collections.reverse(codings);
        byte[] data = raw;
        for (String coding : codings) {
            data = switch (coding) {
                case "gzip", "x-gzip" -> inflate(reference, coding, data, maxBytes, Kind.GZIP);
                case "deflate" -> inflate(reference, coding, data, maxBytes, zlibHeader(data) ? Kind.ZLIB : Kind.RAW);
                default -> throw new ResourceUnavailableException(reference, "is sent in the content encoding "
                        + coding + ", which is not supported");
            };
        }
        return data;
    }

    private enum Kind { GZIP, ZLIB, RAW }

    /** Whether the bytes start with a zlib header (RFC 1950): method 8 and a check value that divides by 31. */
    private static boolean zlibHeader(byte[] b) {
        if (b.length < 2) {
            return false;
        }
        int cmf = b[0] & 0xFF;
        int flg = b[1] & 0xFF;
        return (cmf & 0x0F) == 8 && (cmf >> 4) <= 7 && (cmf * 256 + flg) % 31 == 0;
    }

    private static byte[] inflate(String reference, String coding, byte[] data, long maxBytes, Kind kind)
            throws ResourceUnavailableException {
        Inflater inflater = kind == Kind.RAW ? new Inflater(true) : new Inflater();
        try (InputStream in = kind == Kind.GZIP ? new GZIPInputStream(new ByteArrayInputStream(data))
                : new InflaterInputStream(new ByteArrayInputStream(data), inflater)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                if (out.size() > maxBytes) {
                    throw new ResourceUnavailableException(reference, "is larger than the limit of " + maxBytes
                            + " bytes");
                }
            }
            return out.toByteArray();
        } catch (ResourceUnavailableException e) {
            throw e;
        } catch (ZipException | EOFException e) {
            ResourceUnavailableException broken = new ResourceUnavailableException(reference, "sent a broken "
                    + coding + " body");
            broken.initCause(e);
            throw broken;
        } catch (IOException e) {
            ResourceUnavailableException broken = new ResourceUnavailableException(reference, "could not be decoded ("
                    + coding + "): " + e.getMessage());
            broken.initCause(e);
            throw broken;
        } finally {
            inflater.end();
        }
    }
}
