package org.articlekit.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import javax.xml.transform.TransformerException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
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
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.Book;
import org.articlekit.Metadata;
import org.articlekit.Resource;
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

    /**
     * The time stamp of a book's PDF: {@link Book#latestDate()}, as EPUB's {@code dcterms:modified},
     * so that the same articles make the same bytes; the clock only when no article is dated.
     */
    static Calendar stamp(Book book, ConversionContext ctx) {
        Instant when = book.latestDate().orElseGet(() -> Instant.now(ctx.clock()).truncatedTo(ChronoUnit.SECONDS));
        return GregorianCalendar.from(when.atZone(ZoneOffset.UTC));
    }

    /**
     * Sets the trailer's file identifier from the book's content (PDFBox would otherwise make it
     * from the time of saving), so the same book makes the same bytes.
     */
    static void identify(PDDocument pd, Book book) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        md.update(book.metadata().toString().getBytes(StandardCharsets.UTF_8));
        for (Article a : book.articles()) {
            md.update(a.metadata().toString().getBytes(StandardCharsets.UTF_8));
            md.update(a.body().html().getBytes(StandardCharsets.UTF_8));
            for (Resource r : a.resources().all()) {
                md.update(r.name().getBytes(StandardCharsets.UTF_8));
            }
        }
        COSString id = new COSString(Arrays.copyOf(md.digest(), 16));
        COSArray ids = new COSArray();
        ids.add(id);
        ids.add(id);
        pd.getDocument().getTrailer().setItem(COSName.ID, ids);
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
        Calendar now = stamp(book, ctx);

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
