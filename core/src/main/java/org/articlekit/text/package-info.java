/**
 * Options of the plain-text format, which core provides: a reader that finds the title,
 * paragraphs (also in Chinese text wrapped at sentence ends) and the metadata header ArticleKit
 * writes, and a writer of readable UTF-8 text with an optional header and optional line wrapping.
 */
@NullMarked
package org.articlekit.text;

import org.jspecify.annotations.NullMarked;
