/**
 * The EPUB format: {@link org.articlekit.epub.EpubOptions} for the writer of EPUB 3 books (one
 * chapter per article, a title page, a cover, every article's metadata kept in the package) and the
 * reader that turns EPUB files back into articles. The format's id is {@code epub}.
 */
@NullMarked
package org.articlekit.epub;

import org.jspecify.annotations.NullMarked;
