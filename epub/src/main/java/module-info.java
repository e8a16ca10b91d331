/**
 * ArticleKit EPUB: writes EPUB 3 books from one article or thousands, and reads EPUB files back
 * into articles.
 */
module org.articlekit.epub {
    requires transitive org.articlekit.core;
    requires java.desktop;

    exports org.articlekit.epub;

    provides org.articlekit.spi.ArticleFormat with org.articlekit.epub.internal.EpubFormat;
}
