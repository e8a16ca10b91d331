/**
 * ArticleKit core: the article model, the format SPI, the converter, the body normaliser, and the
 * HTML and plain-text formats.
 */
module org.articlekit.core {
    requires transitive org.jsoup;
    requires transitive org.jspecify;
    requires com.github.albfernandez.juniversalchardet;
    requires java.desktop;
    requires org.jdom2;
    requires jwarc;
    requires tools.jackson.core;

    exports org.articlekit;
    exports org.articlekit.spi;
    exports org.articlekit.html;
    exports org.articlekit.text;
    exports org.articlekit.web;

    uses org.articlekit.spi.ArticleFormat;

    provides org.articlekit.spi.ArticleFormat with
            org.articlekit.internal.html.HtmlFormat,
            org.articlekit.internal.text.TextFormat,
            org.articlekit.internal.feed.FeedFormat,
            org.articlekit.internal.warc.WarcFormat;
}
