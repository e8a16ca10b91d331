/**
 * The web as a source of articles: pages by address, feeds and web archives, fetched through one
 * safe HTTP policy (public addresses only unless allowed, checked after DNS and on every redirect,
 * timeouts, size caps, politeness per host, a revalidating cache).
 */
@NullMarked
package org.articlekit.web;

import org.jspecify.annotations.NullMarked;
