package org.articlekit.internal.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.articlekit.spi.RemoteImageOptions;
import org.articlekit.spi.ResourceUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * A deliberately small HTTP/1.1 GET client for untrusted addresses (images from documents, pages and
 * feeds). It resolves the host itself, checks every address, and connects to the address it checked
 * (no second DNS lookup an attacker could answer differently); it follows redirects only to http(s)
 * and re-checks each hop; it caps time (connect, read, and the whole answer), header and body size
 * (of the decoded body, after {@code gzip} or {@code deflate}) and redirects.
 */
public final class SafeHttp {

    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final int MAX_ADDRESSES_TRIED = 3;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private static final String IMAGE_ACCEPT =
            "image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml,image/*;q=0.8";

    /**
     * The limits of one client.
     *
     * @param connectTimeout the longest wait for a connection
     * @param readTimeout the longest wait for bytes; the whole answer gets three times it
     * @param maxBytes the largest body, raw and decoded
     * @param maxRedirects the most redirects followed
     * @param userAgent the {@code User-Agent} sent
     */
    public record Settings(Duration connectTimeout, Duration readTimeout, long maxBytes, int maxRedirects,
            String userAgent) {
    }

    private final Settings settings;
    private final @Nullable URI referer;
    private final AddressPolicy policy;

    /**
     * A client for images, with the image options' limits and {@code Referer}.
     *
     * @param options limits and headers
     */
    public SafeHttp(RemoteImageOptions options) {
        this(settings(options), options.referer().orElse(null), new AddressPolicy(options.allowPrivateHosts()));
    }

    /** With a given address policy; tests use it to tell two loopback addresses apart. */
    SafeHttp(RemoteImageOptions options, AddressPolicy policy) {
        this(settings(options), options.referer().orElse(null), policy);
    }

    /**
     * A client with the given limits.
     *
     * @param settings the limits
     * @param allowPrivateHosts whether loopback, private and link-local addresses may be contacted
     */
    public SafeHttp(Settings settings, boolean allowPrivateHosts) {
        this(settings, null, new AddressPolicy(allowPrivateHosts));
    }

    /** With a given address policy; tests use it to tell two loopback addresses apart. */
    SafeHttp(Settings settings, AddressPolicy policy) {
        this(settings, null, policy);
    }

    private SafeHttp(Settings settings, @Nullable URI referer, AddressPolicy policy) {
        this.settings = settings;
        this.referer = referer;
        this.policy = policy;
    }

    private static Settings settings(RemoteImageOptions o) {
        return new Settings(o.connectTimeout(), o.readTimeout(), o.maxBytes(), o.maxRedirects(), o.userAgent());
    }

    /**
     * Downloads an image's body.
     *
     * @param reference the reference as written, for messages
     * @param start the URL
     * @return the body
     * @throws ResourceUnavailableException when refused, failing, not 200 or over a limit; the reason says which
     */
    public byte[] get(String reference, URI start) throws ResourceUnavailableException {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", IMAGE_ACCEPT);
        headers.put("Accept-Encoding", "identity");
        if (referer != null) {
            headers.put("Referer", ascii(referer.toASCIIString()));
        }
        HttpResponse r = get(reference, start, headers);
        if (r.status() != 200) {
            throw new ResourceUnavailableException(reference, "answered HTTP " + r.status());
        }
        return r.body();
    }

    /**
     * Sends a GET with the given headers and follows redirects (301, 302, 303, 307, 308, each
     * re-checked, with the same headers). The final answer is returned whatever its status; its body
     * is read and decoded only when the status is 200.
     *
     * @param reference the reference as written, for messages
     * @param start the URL
     * @param headers headers to send besides {@code Host}, {@code User-Agent} and {@code Connection};
     *     values must be printable ASCII
     * @return the final answer, with the address it came from
     * @throws ResourceUnavailableException when refused, failing or over a limit; the reason says which
     */
    public HttpResponse get(String reference, URI start, Map<String, String> headers)
            throws ResourceUnavailableException {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (!printable(h.getKey()) || !printable(h.getValue())) {
                throw new IllegalArgumentException("header is not printable ASCII: " + h.getKey());
            }
        }
        URI uri = start;
        for (int hop = 0; hop <= settings.maxRedirects(); hop++) {
            HttpResponse r = exchange(reference, uri, headers);
            Optional<String> location = r.header("location");
            if (REDIRECTS.contains(r.status()) && location.isPresent()) {
                try {
                    uri = uri.resolve(new URI(ascii(location.get().strip())));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new ResourceUnavailableException(reference, "redirects to an invalid address");
                }
                continue;
            }
            return r;
        }
        throw new ResourceUnavailableException(reference, "redirects more than " + settings.maxRedirects()
                + " times");
    }

    /** @return whether a header name or value is safe to send: printable ASCII and tabs, no CR or LF */
    static boolean printable(String s) {
        return s.chars().allMatch(c -> c == '\t' || c >= 0x20 && c < 0x7F);
    }

    private HttpResponse exchange(String reference, URI uri, Map<String, String> headers)
            throws ResourceUnavailableException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ResourceUnavailableException(reference, "leads to a "
                    + (scheme.isEmpty() ? "relative" : scheme + ":") + " address, which is not fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new ResourceUnavailableException(reference, "has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ResourceUnavailableException(reference, "carries credentials, which are not sent");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        InetAddress[] addresses = resolve(reference, host);
        try (Socket raw = connect(reference, addresses, port)) {
            raw.setSoTimeout((int) settings.readTimeout().toMillis());
            // A server that drips bytes never trips the read timeout; the whole answer gets three times it.
            long deadline = System.nanoTime() + 3 * settings.readTimeout().toNanos();
            Socket socket = raw;
            if (scheme.equals("https")) {
                SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                        .createSocket(raw, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                if (!host.startsWith("[") && !Character.isDigit(host.charAt(host.length() - 1))) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                socket = ssl;
            }
            OutputStream out = socket.getOutputStream();
            out.write(request(uri, host, port, scheme, headers).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(reference, uri, new BufferedInputStream(socket.getInputStream()), deadline);
        } catch (SocketTimeoutException e) {
            throw unavailable(reference, "timed out", e);
        } catch (ResourceUnavailableException e) {
            throw e;
        } catch (IOException e) {
            throw unavailable(reference, "could not be downloaded: " + e.getMessage(), e);
        }
    }

    private static ResourceUnavailableException unavailable(String reference, String reason, Throwable cause) {
        ResourceUnavailableException e = new ResourceUnavailableException(reference, reason);
        e.initCause(cause);
        return e;
    }

    /**
     * Connects to the first of the checked addresses that answers, trying at most
     * {@value #MAX_ADDRESSES_TRIED} (a host's IPv6 address may be unreachable where its IPv4 one is not).
     */
    private Socket connect(String reference, InetAddress[] addresses, int port) throws ResourceUnavailableException {
        IOException last = null;
        for (int i = 0; i < Math.min(addresses.length, MAX_ADDRESSES_TRIED); i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(addresses[i], port), (int) settings.connectTimeout().toMillis());
                return socket;
            } catch (IOException e) {
                last = e;
                try {
                    socket.close();
                } catch (IOException closing) {
                    e.addSuppressed(closing);
                }
            }
        }
        if (last instanceof SocketTimeoutException) {
            throw unavailable(reference, "timed out", last);
        }
        throw unavailable(reference, "could not be downloaded: " + (last == null ? "no address" : last.getMessage()),
                last == null ? new IOException("no address") : last);
    }

    private InetAddress[] resolve(String reference, String host) throws ResourceUnavailableException {
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new ResourceUnavailableException(reference, "has an unknown host " + host);
        }
        for (InetAddress a : all) {
            if (!policy.allows(a)) {
                throw new ResourceUnavailableException(reference, "points at a private or local address ("
                        + a.getHostAddress() + "), which is refused");
            }
        }
        return all;
    }

    private String request(URI uri, String host, int port, String scheme, Map<String, String> headers) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        boolean defaultPort = scheme.equals("https") ? port == 443 : port == 80;
        StringBuilder sb = new StringBuilder();
        sb.append("GET ").append(ascii(path)).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(host).append(defaultPort ? "" : ":" + port).append("\r\n");
        sb.append("User-Agent: ").append(settings.userAgent()).append("\r\n");
        headers.forEach((name, value) -> sb.append(name).append(": ").append(value).append("\r\n"));
        sb.append("Connection: close\r\n\r\n");
        return sb.toString();
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c > 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return sb.toString();
    }

    private HttpResponse read(String reference, URI uri, InputStream in, long deadline) throws IOException {
        while (true) {
            HttpResponse r = readOne(reference, uri, in, deadline);
            // Interim answers (100 Continue, 103 Early Hints) come before the real one.
            if (r.status() >= 200 || r.status() == 101) {
                return r;
            }
        }
    }

    private HttpResponse readOne(String reference, URI uri, InputStream in, long deadline) throws IOException {
        String statusLine = line(in, reference, deadline);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new ResourceUnavailableException(reference, "answered something that is not HTTP");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ResourceUnavailableException(reference, "answered an invalid HTTP status");
        }
        if (status < 100 || status > 999) {
            throw new ResourceUnavailableException(reference, "answered an invalid HTTP status");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int headerBytes = statusLine.length();
        while (true) {
            String h = line(in, reference, deadline);
            headerBytes += h.length() + 2;
            if (headerBytes > MAX_HEADER_BYTES) {
                throw new ResourceUnavailableException(reference, "sent headers over " + MAX_HEADER_BYTES + " bytes");
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).strip();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (status != 200) {
            return new HttpResponse(uri, status, headers, new byte[0]);
        }
        long length = -1;
        String declared = headers.containsKey("content-length") ? headers.get("content-length").get(0) : null;
        if (declared != null) {
            try {
                length = Long.parseLong(declared);
            } catch (NumberFormatException e) {
                throw new ResourceUnavailableException(reference, "sent an invalid Content-Length");
            }
        }
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"));
        if (length > settings.maxBytes()) {
            throw tooLarge(reference);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            while (true) {
                String size = line(in, reference, deadline);
                int semi = size.indexOf(';');
                long n;
                try {
                    n = Long.parseLong((semi >= 0 ? size.substring(0, semi) : size).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new ResourceUnavailableException(reference, "sent a broken chunked body");
                }
                if (n < 0) {
                    throw new ResourceUnavailableException(reference, "sent a broken chunked body");
                }
                if (n == 0) {
                    break;
                }
                copy(reference, in, body, n, deadline);
                line(in, reference, deadline);
            }
        } else {
            copy(reference, in, body, length < 0 ? Long.MAX_VALUE : length, deadline);
            if (length >= 0 && body.size() < length) {
                throw new ResourceUnavailableException(reference, "ended before its declared length");
            }
        }
        String encoding = String.join(",", headers.getOrDefault("content-encoding", List.of()));
        byte[] decoded = ContentDecoding.decode(reference, encoding, body.toByteArray(), settings.maxBytes());
        return new HttpResponse(uri, status, headers, decoded);
    }

    private ResourceUnavailableException tooLarge(String reference) {
        return new ResourceUnavailableException(reference, "is larger than the limit of " + settings.maxBytes()
                + " bytes");
    }

    private void copy(String reference, InputStream in, ByteArrayOutputStream body, long n, long deadline)
            throws IOException {
        byte[] buf = new byte[16384];
        long left = n;
        while (left > 0) {
            checkDeadline(reference, deadline);
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                return;
            }
            body.write(buf, 0, r);
            left -= r;
            if (body.size() > settings.maxBytes()) {
                throw tooLarge(reference);
            }
        }
    }

    private static void checkDeadline(String reference, long deadline) throws ResourceUnavailableException {
        if (System.nanoTime() - deadline > 0) {
            throw new ResourceUnavailableException(reference, "timed out: took too long to download");
        }
    }

    private static String line(InputStream in, String reference, long deadline) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            checkDeadline(reference, deadline);
            int c = in.read();
            if (c < 0) {
                if (b.size() == 0) {
                    throw new ResourceUnavailableException(reference, "closed the connection early");
                }
                break;
            }
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                b.write(c);
            }
            if (b.size() > MAX_HEADER_BYTES) {
                throw new ResourceUnavailableException(reference, "sent a line over " + MAX_HEADER_BYTES + " bytes");
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** Which addresses may be contacted. */
    static class AddressPolicy {
        private final boolean allowPrivate;

        AddressPolicy(boolean allowPrivate) {
            this.allowPrivate = allowPrivate;
        }

        boolean allows(InetAddress a) {
            if (allowPrivate) {
                return !a.isAnyLocalAddress() && !a.isMulticastAddress();
            }
            if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                    || a.isMulticastAddress()) {
                return false;
            }
            byte[] b = a.getAddress();
            if (a instanceof Inet4Address) {
                int x = b[0] & 0xFF;
                int y = b[1] & 0xFF;
                return !(x == 0 || x == 100 && y >= 64 && y < 128 || x == 192 && y == 0 && (b[2] & 0xFF) == 0
                        || x == 198 && (y == 18 || y == 19) || x >= 240);
            }
            if (a instanceof Inet6Address) {
                int first = b[0] & 0xFF;
                if ((first & 0xFE) == 0xFC) {
                    return false; // unique local fc00::/7
                }
                boolean mapped = true;
                for (int i = 0; i < 10; i++) {
                    mapped &= b[i] == 0;
                }
                if (mapped && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF || isZeroPrefix(b)) {
                    return false; // IPv4-mapped or IPv4-compatible: refuse rather than reinterpret
                }
                return !(first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0d && (b[3] & 0xFF) == 0xb8);
            }
            return false;
        }

        private static boolean isZeroPrefix(byte[] b) {
            for (int i = 0; i < 12; i++) {
                if (b[i] != 0) {
                    return false;
                }
            }
            return true;
        }
    }

}
