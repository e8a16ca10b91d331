/** Implementation of the PDF format; not part of the API. */
@NullMarked
package org.articlekit.pdf.internal;

import org.jspecify.annotations.NullMarked;
