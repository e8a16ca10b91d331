package org.articlekit.epub.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.articlekit.ArticleFormatException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Node;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The only way this module parses XML (container, package document, NCX, XHTML, our records):
 * jsoup's XML parser, which never reads a DTD, never expands entities it does not know, never
 * follows XInclude and never opens a URL, with a depth cap. On top of that a DOCTYPE with an
 * internal subset (where entity declarations live) is refused outright.
 */
final class SecureXml {

    static final int MAX_DEPTH = 512;

    private SecureXml() {
    }

    /**
     * @param data the entry's bytes (UTF-8 or UTF-16 with a BOM, or as the XML declaration says)
     * @param file the file for messages
     * @param entry the entry name for messages
     * @return the document
     * @throws ArticleFormatException when the entry declares entities or cannot be decoded
     */
    static Document parse(byte[] data, @Nullable String file, String entry) throws ArticleFormatException {
        boolean utf16 = data.length >= 2 && ((data[0] & 0xff) == 0xFE && (data[1] & 0xff) == 0xFF
                || (data[0] & 0xff) == 0xFF && (data[1] & 0xff) == 0xFE);
        String prolog = new String(data, 0, Math.min(data.length, 8192),
                utf16 ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1);
        String p = prolog.toUpperCase(Locale.ROOT);
        int doctype = p.indexOf("<!DOCTYPE");
        if (p.contains("<!ENTITY") || doctype >= 0 && hasInternalSubset(p, doctype)) {
            throw new ArticleFormatException(file, 0, entry, "declares entities in a DOCTYPE, which is not allowed "
                    + "(possible XXE or entity-expansion attack; HTM-003)", null);
        }
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(data), null, "", Parser.xmlParser().setMaxDepth(MAX_DEPTH));
        } catch (IOException | RuntimeException e) {
            throw new ArticleFormatException(file, 0, entry, "is not readable XML: " + e.getMessage(), e);
        }
        for (Node n : doc.childNodes()) {
            if (n instanceof DocumentType dt && (dt.outerHtml().contains("[") || dt.outerHtml().contains("ENTITY"))) {
                throw new ArticleFormatException(file, 0, entry, "declares entities in a DOCTYPE, which is not "
                        + "allowed (possible XXE or entity-expansion attack; HTM-003)", null);
            }
        }
        return doc;
    }

    private static boolean hasInternalSubset(String p, int doctype) {
        for (int i = doctype; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '[') {
                return true;
            }
            if (c == '>') {
                return false;
            }
        }
        return true;
    }
}
