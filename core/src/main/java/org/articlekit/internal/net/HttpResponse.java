package org.articlekit.internal.net;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP answer as {@link SafeHttp} read it: the address it came from (after redirects), the
 * status, the headers (names in lower case, values in the order sent) and the decoded body (empty
 * unless the status is 200).
 *
 * @param uri the address that answered
 * @param status the status code
 * @param headers the headers by lower-case name
 * @param body the body, decoded from any transfer and content encoding; not copied
 */
public record HttpResponse(URI uri, int status, Map<String, List<String>> headers, byte[] body) {

    /** Copies the headers. */
    public HttpResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @param name a header name, in any case
     * @return the header's first value, when it was sent
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
