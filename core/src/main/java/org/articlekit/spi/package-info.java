/**
 * The format plug-in interface: {@link org.articlekit.spi.ArticleFormat} providers found with
 * {@link java.util.ServiceLoader}, their readers and writers, the {@link
 * org.articlekit.spi.FormatRegistry} that finds a format by id, extension or content, and the
 * {@link org.articlekit.spi.ResourceResolver} through which every file or URL is reached.
 */
@NullMarked
package org.articlekit.spi;

import org.jspecify.annotations.NullMarked;
