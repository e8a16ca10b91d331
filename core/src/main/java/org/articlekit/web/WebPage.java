package org.articlekit.web;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A document as the web served it: its address, what the server said it is, and its bytes. It is
 * what a {@link org.articlekit.Converter} reads with {@link org.articlekit.Converter#read(WebPage)},
 * whether it came over HTTP or out of a web archive.
 *
 * @param uri the address the bytes came from, after redirects: the article's source and the base
 *     of its relative links and images
 * @param mediaType the media type of the {@code Content-Type} header without parameters, such as
 *     {@code text/html}, or {@code null} when none was sent
 * @param charset the {@code charset} parameter of the {@code Content-Type} header, or {@code null}
 * @param date when the page was fetched or archived (the archive record's date), or {@code null}
 * @param body the bytes, decoded from any transfer or content encoding; not copied, do not change them
 */
public record WebPage(URI uri, @Nullable String mediaType, @Nullable Charset charset, @Nullable Instant date,
        byte[] body) {

    /** Checks the components. */
    public WebPage {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
    }

    /** @return the media type, when the server sent one */
    public Optional<String> type() {
        return Optional.ofNullable(mediaType);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebPage p && uri.equals(p.uri) && Objects.equals(mediaType, p.mediaType)
                && Objects.equals(charset, p.charset) && Objects.equals(date, p.date)
                && Arrays.equals(body, p.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, mediaType, charset, date, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "WebPage[" + uri + ", " + mediaType + ", " + body.length + " bytes]";
    }
}
