/**
 * Options of the Markdown format: blog posts made of front matter (YAML between {@code ---}, TOML
 * between {@code +++}, or JSON) and a CommonMark body with the GitHub extensions and footnotes, as
 * Hexo, Jekyll and Hugo write them. The format itself is found through
 * {@link org.articlekit.spi.FormatRegistry} under the id {@code markdown}.
 */
@NullMarked
package org.articlekit.markdown;

import org.jspecify.annotations.NullMarked;
