package org.articlekit.internal.feed;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.articlekit.ArticleFormatException;
import org.articlekit.internal.html.PageDecoder;
import org.articlekit.spi.ConversionContext;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.jdom2.located.LocatedJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Decodes and parses a feed's XML with nothing fetched and nothing expanded: a DOCTYPE is refused
 * before parsing (so no entity, internal or external, can be declared), and the JDK's own SAX parser
 * runs with secure processing, DOCTYPEs disallowed and external entities and DTDs off as a second wall.
 */
final class SafeFeedXml {

    private static final Pattern ENCODING = Pattern.compile(
            "^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");

    private SafeFeedXml() {
    }

    /** The JDK's SAX parser, hardened; never one found on the class path. */
    private static final XMLReaderJDOMFactory READERS = new XMLReaderJDOMFactory() {
        @Override
        public XMLReader createXMLReader() throws JDOMException {
            try {
                SAXParserFactory f = SAXParserFactory.newDefaultInstance();
                f.setNamespaceAware(true);
                f.setValidating(false);
                f.setXIncludeAware(false);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature("http://xml.org/sax/features/external-general-entities", false);
                f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
                return f.newSAXParser().getXMLReader();
            } catch (ParserConfigurationException | SAXException e) {
                throw new JDOMException("cannot make a safe XML parser: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean isValidating() {
            return false;
        }
    };

    /**
     * @param data the feed's bytes
     * @param ctx for the transport's charset, messages and warnings
     * @return the document, with line numbers on its elements
     * @throws ArticleFormatException when the feed declares a DOCTYPE or is not well-formed
     */
    static Document parse(byte[] data, ConversionContext ctx) throws ArticleFormatException {
        String text = decode(data, ctx);
        int doctype = doctypeLine(text);
        if (doctype > 0) {
            throw ctx.error(doctype, "declares a DOCTYPE, which is refused (a feed needs none, and a DTD"
                    + " could declare entities that expand or fetch files)", null);
        }
        SAXBuilder builder = new SAXBuilder(READERS);
        builder.setJDOMFactory(new LocatedJDOMFactory());
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("refused to load the external entity " + systemId);
        });
        builder.setReuseParser(false);
        try {
            return builder.build(new InputSource(new StringReader(text)));
        } catch (JDOMParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ctx.error(Math.max(0, e.getLineNumber()), "is not well-formed XML: " + cause.getMessage(), e);
        } catch (JDOMException e) {
            throw ctx.error(0, "cannot be parsed as XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ctx.error(0, "cannot be parsed as XML: " + e.getMessage(), e);
        }
    }

    /**
     * The line of a DOCTYPE in the prolog, or 0. The prolog is skipped as the parser reads it:
     * white space, the XML declaration, processing instructions and comments.
     */
    static int doctypeLine(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("<?", i)) {
                int end = s.indexOf("?>", i + 2);
                if (end < 0) {
                    return 0;
                }
                i = end + 2;
            } else if (s.startsWith("<!--", i)) {
                int end = s.indexOf("-->", i + 4);
                if (end < 0) {
                    return 0;
                }
                i = end + 3;
            } else if (s.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                int line = 1;
                for (int k = 0; k < i; k++) {
                    if (s.charAt(k) == '\n') {
                        line++;
                    }
                }
                return line;
            } else {
                return 0;
            }
        }
        return 0;
    }

    /**
     * The feed's text: a BOM wins, then the transport's charset, then the XML declaration's encoding
     * (GB2312 and GBK read as GB18030), then UTF-8, XML's default. Bytes that do not decode are
     * replaced with a warning.
     */
    static String decode(byte[] data, ConversionContext ctx) throws ArticleFormatException {
        Charset charset = null;
        int bom = 0;
        if (data.length >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
            charset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFE && (data[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (data.length >= 2 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        if (charset == null && ctx.charset().isPresent()) {
            charset = PageDecoder.forLabel(ctx.charset().get().name()).orElse(ctx.charset().get());
        }
        if (charset == null) {
            String head = new String(data, 0, Math.min(data.length, 1024), StandardCharsets.ISO_8859_1).strip();
            Matcher m = ENCODING.matcher(head);
            if (m.find()) {
                charset = PageDecoder.forLabel(m.group(1)).orElse(null);
                if (charset == null) {
                    ctx.warn("feed.charset", 1, "the feed declares the unknown encoding '" + m.group(1)
                            + "'; read as UTF-8");
                }
            }
        }
        if (charset == null) {
            charset = StandardCharsets.UTF_8;
        }
        CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(data, bom, data.length - bom)).toString();
        } catch (CharacterCodingException e) {
            ctx.warn("feed.charset", 0, "some bytes are not valid " + charset.name()
                    + "; they were replaced with U+FFFD");
            return new String(data, bom, data.length - bom, charset);
        }
    }
}
