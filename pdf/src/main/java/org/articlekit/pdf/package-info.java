/**
 * Options of the PDF format: a writer that typesets one article or a whole book (title page, table
 * of contents, running headers, page numbers, bookmarks, embedded subset fonts with Chinese
 * coverage, optional PDF/A-3u) and carries the articles as a documented attachment, and a reader
 * that restores ArticleKit's own PDFs exactly and turns any other PDF into articles from its
 * metadata and text.
 *
 * <p>The format id is {@code pdf}. Configure it with {@link org.articlekit.pdf.PdfOptions} in
 * {@link org.articlekit.spi.FormatOptions}.
 */
@NullMarked
package org.articlekit.pdf;

import org.jspecify.annotations.NullMarked;
