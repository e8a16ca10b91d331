package org.articlekit.epub.internal;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * XML writing: every document of a book goes through the JDK's {@link XMLStreamWriter} (which
 * escapes markup characters), its text and attribute values cleaned of the characters XML cannot
 * hold first. A chapter's body, already serialised as XHTML by {@code BodyTree}, is the one part
 * put in as it is ({@link Writer#raw}).
 */
final class Xml {


    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private Xml() {
    }

    /** What writes the elements of one document. */
    interface Content {
        void write(Writer w) throws XMLStreamException;
    }

    /**
     * Writes a document: the declaration, a line break, then what {@code content} writes.
     *
     * @return the document's text
     */
    static String document(Content content) {
        StringWriter out = new StringWriter(1024);
        try {
            XMLStreamWriter x = OUTPUT.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            content.write(new Writer(x, out));
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            // a StringWriter does not fail, and the text is cleaned: this is a bug
            throw new IllegalStateException("XML could not be written", e);
        }
        return out.toString();
    }

    /** An {@link XMLStreamWriter} whose text and attribute values are cleaned of what XML cannot hold. */
    static final class Writer {
        private final XMLStreamWriter x;
        private final StringWriter out;

        Writer(XMLStreamWriter x, StringWriter out) {
            this.x = x;
            this.out = out;
        }

        /** A document type declaration, such as {@code <!DOCTYPE html>}. */
        Writer dtd(String declaration) throws XMLStreamException {
            x.writeDTD(declaration);
            return this;
        }

        /**
         * Markup that is already well-formed XML (a body serialised by {@code BodyTree.xhtml}),
         * put in as it is inside the element now open.
         */
        Writer raw(String xml) throws XMLStreamException {
            x.writeCharacters(""); // ends the open start tag
            x.flush();
            out.write(xml);
            return this;
        }

        Writer start(String name) throws XMLStreamException {
            x.writeStartElement(name);
            return this;
        }

        Writer start(String prefix, String name, String uri) throws XMLStreamException {
            x.writeStartElement(prefix, name, uri);
            return this;
        }

        Writer empty(String name) throws XMLStreamException {
            x.writeEmptyElement(name);
            return this;
        }

        Writer ns(String uri) throws XMLStreamException {
            x.writeDefaultNamespace(uri);
            return this;
        }

        Writer ns(String prefix, String uri) throws XMLStreamException {
            x.writeNamespace(prefix, uri);
            return this;
        }

        Writer attr(String name, String value) throws XMLStreamException {
            x.writeAttribute(name, clean(value));
            return this;
        }

        Writer attr(String prefix, String uri, String name, String value) throws XMLStreamException {
            x.writeAttribute(prefix, uri, name, clean(value));
            return this;
        }

        Writer text(String text) throws XMLStreamException {
            x.writeCharacters(clean(text));
            return this;
        }

        Writer end() throws XMLStreamException {
            x.writeEndElement();
            return this;
        }

        /** An element holding only text, and a line break after it. */
        Writer line(String prefix, String name, String uri, String text) throws XMLStreamException {
            return start(prefix, name, uri).text(text).end().nl();
        }

        /** A line break between elements, as the hand-written files had. */
        Writer nl() throws XMLStreamException {
            x.writeCharacters("\n");
            return this;
        }
    }

    /**
     * The text without the characters XML 1.0 cannot hold: C0 controls but tab, line feed and
     * carriage return; U+FFFE, U+FFFF; lone surrogates.
     */
    static String clean(String s) {
        if (safe(s)) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (allowed(s, i)) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    /** @return whether XML 1.0 can hold every character of {@code s} exactly */
    static boolean safe(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 || c >= 0xD800) && !allowed(s, i)) {
                return false;
            }
        }
        return true;
    }

    static boolean allowed(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c == 0xFFFE || c == 0xFFFF) {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
        }
        return true;
    }
}
