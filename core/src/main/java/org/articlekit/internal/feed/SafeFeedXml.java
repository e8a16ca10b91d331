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
import org.jspecify.annotations.Nullable;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.LexicalHandler;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * Decodes and parses a feed's XML with nothing fetched and nothing expanded: a DOCTYPE is refused
 * before parsing (so no entity, internal or external, can be declared), and the JDK's own SAX parser
 * runs with secure processing, DOCTYPEs disallowed and external entities and DTDs off as a second wall.
 * Items past {@link org.articlekit.Limits#maxFeedItems()} are counted but never built, and the items
 * that are built may hold at most {@value #ELEMENTS_PER_ITEM} elements each on average, so that the
 * tree stays small whatever the feed holds.
 */
final class SafeFeedXml {

    private static final Pattern ENCODING = Pattern.compile(
            "^<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");

    /** The average number of elements an item kept in memory may have (Atom XHTML content counts). */
    static final int ELEMENTS_PER_ITEM = 50;

    private SafeFeedXml() {
    }

    /**
     * A parsed feed.
     *
     * @param document the tree, holding at most the item limit's items
     * @param itemCount how many items the feed has, those not built included
     */
    record Parsed(Document document, int itemCount) {
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
    static Parsed parse(byte[] data, ConversionContext ctx) throws ArticleFormatException {
        String text = decode(data, ctx);
        int doctype = doctypeLine(text);
        if (doctype > 0) {
            throw ctx.error(doctype, "declares a DOCTYPE, which is refused (a feed needs none, and a DTD"
                    + " could declare entities that expand or fetch files)", null);
        }
        return build(text, ctx);
    }

    /**
     * Parses decoded text with the hardened parser alone, without the DOCTYPE check before it; the
     * parser refuses a DOCTYPE by itself, which a test proves through this.
     */
    static Parsed build(String text, ConversionContext ctx) throws ArticleFormatException {
        SAXBuilder builder = new SAXBuilder(READERS);
        builder.setJDOMFactory(new LocatedJDOMFactory());
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("refused to load the external entity " + systemId);
        });
        builder.setReuseParser(false);
        int maxItems = ctx.limits().maxFeedItems();
        ItemCap cap = new ItemCap(maxItems, (long) maxItems * ELEMENTS_PER_ITEM + 10_000);
        builder.setXMLFilter(cap);
        try {
            Document doc = builder.build(new InputSource(new StringReader(text)));
            return new Parsed(doc, cap.items);
        } catch (JDOMParseException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof TooManyElements tooMany) {
                throw ctx.error(tooMany.line, cause.getMessage(), e);
            }
            throw ctx.error(Math.max(0, e.getLineNumber()), "is not well-formed XML: " + cause.getMessage(), e);
        } catch (JDOMException e) {
            throw ctx.error(0, "cannot be parsed as XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw ctx.error(0, "cannot be parsed as XML: " + e.getMessage(), e);
        }
    }

    /** The element budget ran out. */
    private static final class TooManyElements extends SAXException {
        private static final long serialVersionUID = 1L;
        final int line;

        TooManyElements(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    /**
     * Passes the parser's events on to the tree builder, except those of items past the limit:
     * an {@code item} (RSS) or {@code entry} (Atom) two or three levels down is counted, and from
     * the first one over the limit on, it and all it holds are dropped. Fails when the elements
     * kept pass their budget.
     */
    private static final class ItemCap extends XMLFilterImpl {
        private static final String LEXICAL_HANDLER = "http://xml.org/sax/properties/lexical-handler";
        private final int maxItems;
        private final long maxElements;
        private int depth;
        private int skipping = -1;
        int items;
        private long elements;
        private @Nullable Locator locator;

        @Override
        public void setDocumentLocator(Locator v) {
            locator = v;
            super.setDocumentLocator(v);
        }

        ItemCap(int maxItems, long maxElements) {
            this.maxItems = maxItems;
            this.maxElements = maxElements;
        }

        private boolean atom;

        /** Atom entries are children of the root; RSS items of the root (RDF) or of the channel. */
        private boolean isItem(String uri, String local, int depth) {
            if (atom) {
                return depth == 2 && local.equals("entry") && uri.equals(FeedFormat.ATOM);
            }
            return depth <= 3 && local.equals("item");
        }

        @Override
        public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
            depth++;
            if (skipping >= 0) {
                return;
            }
            if (depth == 1) {
                atom = local.equals("feed") && uri.equals(FeedFormat.ATOM);
            }
            if (depth > 1 && isItem(uri, local, depth) && ++items > maxItems) {
                skipping = depth;
                return;
            }
            count();
            super.startElement(uri, local, qName, atts);
        }

        @Override
        public void endElement(String uri, String local, String qName) throws SAXException {
            int d = depth--;
            if (skipping >= 0) {
                if (d == skipping) {
                    skipping = -1;
                }
                return;
            }
            super.endElement(uri, local, qName);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            if (skipping < 0) {
                super.characters(ch, start, length);
            }
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            if (skipping < 0) {
                super.ignorableWhitespace(ch, start, length);
            }
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            if (skipping < 0) {
                count();
                super.processingInstruction(target, data);
            }
        }

        private void count() throws SAXException {
            if (++elements > maxElements) {
                throw new TooManyElements("has more than " + maxElements + " XML nodes in the items kept ("
                        + ELEMENTS_PER_ITEM + " per item of maxFeedItems); refused",
                        locator == null ? 0 : Math.max(0, locator.getLineNumber()));
            }
        }

        /** Comments and CDATA reach the tree builder through the lexical handler, so they are held back too. */
        @Override
        public void setProperty(String name, Object value) throws SAXNotRecognizedException,
                SAXNotSupportedException {
            if (LEXICAL_HANDLER.equals(name) && value instanceof LexicalHandler target) {
                super.setProperty(name, new LexicalHandler() {
                    @Override
                    public void startDTD(String n, String publicId, String systemId) throws SAXException {
                        throw new SAXException("a DOCTYPE is refused");
                    }

                    @Override
                    public void endDTD() {
                    }

                    @Override
                    public void startEntity(String n) throws SAXException {
                        if (skipping < 0) {
                            target.startEntity(n);
                        }
                    }

                    @Override
                    public void endEntity(String n) throws SAXException {
                        if (skipping < 0) {
                            target.endEntity(n);
                        }
                    }

                    @Override
                    public void startCDATA() throws SAXException {
                        if (skipping < 0) {
                            target.startCDATA();
                        }
                    }

                    @Override
                    public void endCDATA() throws SAXException {
                        if (skipping < 0) {
                            target.endCDATA();
                        }
                    }

                    @Override
                    public void comment(char[] ch, int start, int length) throws SAXException {
                        if (skipping < 0 && depth > 0) {
                            count();
                            target.comment(ch, start, length);
                        }
                    }
                });
                return;
            }
            super.setProperty(name, value);
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

    /**
     * @param xml an XHTML fragment out of a parsed feed (entities already expanded by the safe parse)
     * @return it read as XML by jsoup, which neither loads nor expands anything
     */
    static org.jsoup.nodes.Document fragment(String xml) {
        return org.jsoup.Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser());
    }
}
