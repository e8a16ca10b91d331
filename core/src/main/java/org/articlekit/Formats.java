package org.articlekit;

/**
 * The ids of the formats ArticleKit ships, for {@link Converter#write(Article, java.nio.file.Path, String)},
 * {@link Converter#read(java.nio.file.Path, String)}, the CLI's {@code --from}/{@code --to} and
 * {@link org.articlekit.spi.FormatRegistry#find}: {@code converter.write(article, out, Formats.EPUB)}. A format is
 * there only when its module is on the class or module path ({@link #MARKDOWN}, {@link #EPUB} and {@link #PDF}
 * are modules of their own). These ids are stable: they will not change within a major version.
 */
public final class Formats {

    /** HTML pages: whole saved pages in (the article is extracted), clean pages out. In core. */
    public static final String HTML = "html";
    /** Plain text, with a metadata header when writing. In core. */
    public static final String TEXT = "txt";
    /** Feeds: RSS 0.9x/1.0/2.0, Atom 1.0 and JSON Feed, read as a book of their items. In core. */
    public static final String FEED = "feed";
    /** Web archives (WARC, WARC.gz), read as a book of their HTML pages. In core. */
    public static final String WARC = "warc";
    /** Markdown posts with YAML, TOML or JSON front matter. Module {@code articlekit-markdown}. */
    public static final String MARKDOWN = "markdown";
    /** EPUB 3 books, read and written. Module {@code articlekit-epub}. */
    public static final String EPUB = "epub";
    /** PDF documents and books, read and written. Module {@code articlekit-pdf}. */
    public static final String PDF = "pdf";

    private Formats() {
    }
}
