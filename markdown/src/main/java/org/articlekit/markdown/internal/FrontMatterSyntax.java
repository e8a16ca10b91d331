package org.articlekit.markdown.internal;

/** The front-matter syntaxes the reader finds: why a split post has the data it has. */
enum FrontMatterSyntax {
    /** No front matter: the whole file is body. */
    NONE,
    /** YAML between {@code ---} lines, or Hexo's form with only a closing {@code ---}. */
    YAML,
    /** TOML between {@code +++} lines. */
    TOML,
    /** A JSON object (Hugo), or Hexo's JSON members ending at a {@code ;;;} line. */
    JSON
}
