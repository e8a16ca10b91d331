/**
 * Options of the HTML format, which core provides: a reader of fragments and whole pages (with
 * their metadata) and a writer of standalone, readable HTML5 pages.
 */
@NullMarked
package org.articlekit.html;

import org.jspecify.annotations.NullMarked;
