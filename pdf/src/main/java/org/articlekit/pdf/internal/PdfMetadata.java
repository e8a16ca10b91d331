package org.articlekit.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;
import org.articlekit.ArticleDate;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.spi.ConversionContext;

/**
 * Writes the document metadata twice, as PDF/A wants: in the Info dictionary and as XMP (Dublin
 * Core, XMP basic, Adobe PDF and, for PDF/A, the identification schema), with the same values;
 * sets the catalogue's language and asks viewers to show the title.
 */
final class PdfMetadata {

    /** The producer and creator tool named in every PDF we write. */
    static final String PRODUCER = "ArticleKit";

    private PdfMetadata() {
    }

    static void apply(PDDocument pd, Book book, boolean pdfa, ConversionContext ctx) throws IOException {
        Metadata m = book.metadata();
        Metadata first = book.articles().isEmpty() ? Metadata.empty() : book.articles().get(0).metadata();
        String title = m.title().or(first::title).orElse("Untitled");
        List<String> authors = m.authors().isEmpty() ? first.authors() : m.authors();
        String author = String.join(", ", authors);
        Optional<String> summary = m.summary().or(() -> book.articles().size() == 1 ? first.summary() : Optional.empty());
        List<String> tags = m.tags().isEmpty() && book.articles().size() == 1 ? first.tags() : m.tags();
        String keywords = String.join(", ", tags);
        Optional<String> lang = m.language().or(first::language);
        Calendar now = GregorianCalendar.from(Instant.now(ctx.clock()).truncatedTo(ChronoUnit.SECONDS)
                .atZone(TimeZone.getTimeZone("UTC").toZoneId()));

        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        if (!author.isEmpty()) {
            info.setAuthor(author);
        }
        summary.ifPresent(info::setSubject);
        if (!keywords.isEmpty()) {
            info.setKeywords(keywords);
        }
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(now);
        info.setModificationDate(now);
        pd.setDocumentInformation(info);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            if (pdfa) {
                PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
                id.setPart(3);
                id.setConformance("U");
            }
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("the PDF/A conformance level is invalid", e);
        }
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setFormat("application/pdf");
        dc.setTitle(title);
        if (!author.isEmpty()) {
            dc.addCreator(author);
        }
        summary.ifPresent(dc::setDescription);
        for (String tag : tags) {
            dc.addSubject(tag);
        }
        lang.ifPresent(dc::addLanguage);
        m.publisher().or(first::publisher).ifPresent(dc::addPublisher);
        m.identifier().ifPresent(dc::setIdentifier);
        Optional<ArticleDate> published = m.published().or(() -> book.articles().size() == 1 ? first.published()
                : Optional.empty());
        published.flatMap(ArticleDate::instant).ifPresent(i -> dc.addDate(GregorianCalendar.from(
                i.atZone(TimeZone.getTimeZone("UTC").toZoneId()))));
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(PRODUCER);
        if (!keywords.isEmpty()) {
            pdf.setKeywords(keywords);
        }
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(PRODUCER);
        basic.setCreateDate(now);
        basic.setModifyDate(now);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, bytes, true);
        } catch (TransformerException e) {
            throw new IOException("cannot write the XMP metadata: " + e.getMessage(), e);
        }
        PDDocumentCatalog catalog = pd.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(pd);
        metadata.importXMPMetadata(bytes.toByteArray());
        catalog.setMetadata(metadata);
        lang.ifPresent(catalog::setLanguage);
        PDViewerPreferences prefs = catalog.getViewerPreferences() != null ? catalog.getViewerPreferences()
                : new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
    }
}
