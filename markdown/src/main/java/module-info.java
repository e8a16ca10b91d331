/**
 * ArticleKit Markdown: blog posts with YAML, TOML or JSON front matter (Hexo, Jekyll, Hugo), read
 * with commonmark-java and written as GitHub-flavoured Markdown.
 */
module org.articlekit.markdown {
    requires transitive org.articlekit.core;
    requires org.commonmark;
    requires org.commonmark.ext.gfm.tables;
    requires org.commonmark.ext.gfm.strikethrough;
    requires org.commonmark.ext.footnotes;
    requires org.commonmark.ext.autolink;
    requires org.commonmark.ext.task.list.items;
    requires org.snakeyaml.engine;
    requires org.tomlj;
    requires tools.jackson.core;

    exports org.articlekit.markdown;

    provides org.articlekit.spi.ArticleFormat with
            org.articlekit.markdown.internal.MarkdownFormat;
}
