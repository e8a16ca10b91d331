/**
 * ArticleKit EPUB: writes EPUB 3 books from one article or thousands, and reads EPUB files back
 * into articles.
 */
module org.articlekit.epub {
    requires transitive org.articlekit.core;
    requires java.desktop;
    requires java.xml;
    // The font jar (automatic module) that the generated cover is drawn with; its fonts/ folder is not a
    // package of that module, so the files are read through its class loader. FontBox reads their outlines.
    requires com.helger.font.noto_sans_sc;
    requires org.apache.fontbox;
    requires org.apache.pdfbox.io;

    exports org.articlekit.epub;

    provides org.articlekit.spi.ArticleFormat with org.articlekit.epub.internal.EpubFormat;
}
