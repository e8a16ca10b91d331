/**
 * The article model ({@link org.articlekit.Article}, {@link org.articlekit.Metadata},
 * {@link org.articlekit.Body}, {@link org.articlekit.Resources}, {@link org.articlekit.Book}), the
 * {@link org.articlekit.BodyNormalizer} every reader's output goes through, and the
 * {@link org.articlekit.Converter} that reads, writes and converts files, and the
 * {@link org.articlekit.BookBinder} that binds an {@link org.articlekit.ArticleSource} (a folder,
 * several files, articles in memory) into one book.
 */
@NullMarked
package org.articlekit;

import org.jspecify.annotations.NullMarked;
