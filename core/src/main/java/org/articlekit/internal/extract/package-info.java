/**
 * Main-content extraction for whole web pages: scoring of candidate blocks, sibling merging,
 * clean-up of the winner and the report of what was removed. Internal; reached through
 * {@link org.articlekit.html.HtmlOptions} and {@link org.articlekit.spi.ContentExtractor}.
 */
@NullMarked
package org.articlekit.internal.extract;

import org.jspecify.annotations.NullMarked;
