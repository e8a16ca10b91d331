package org.articlekit.internal.warc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.articlekit.Limits;
import org.articlekit.internal.html.HtmlFormat;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.web.WebPage;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;

/** Turns one framed record into an HTML page, or says why it is none; jwarc parses the record. */
final class RecordParser {

    private static final Set<String> HTML_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Set<String> ENCODINGS = Set.of("identity", "none", "gzip", "x-gzip", "deflate");
    private static final HtmlFormat HTML = new HtmlFormat();

    enum Kind { PAGE, SKIPPED, SKIPPED_WITH_WARNING, BROKEN }

    /**
     * @param kind what became of the record
     * @param page the page, for {@link Kind#PAGE}
     * @param what the kind of record skipped, such as {@code request} or {@code image/png response}
     * @param problem the warning, for the kinds that give one
     */
    record Outcome(Kind kind, @Nullable WebPage page, String what, String problem) {
        static Outcome page(WebPage p) {
            return new Outcome(Kind.PAGE, p, "", "");
        }

        static Outcome skipped(String what) {
            return new Outcome(Kind.SKIPPED, null, what, "");
        }

        static Outcome warned(String what, String problem) {
            return new Outcome(Kind.SKIPPED_WITH_WARNING, null, what, problem);
        }

        static Outcome broken(String problem) {
            return new Outcome(Kind.BROKEN, null, "", problem);
        }
    }

    private final long maxPayload;

    RecordParser(Limits limits) {
        this.maxPayload = limits.maxInputBytes();
    }

    Outcome parse(ArchiveScanner.Framed framed) {
        String type = framed.fields().getOrDefault("warc-type", "").toLowerCase(Locale.ROOT);
        if (!type.equals("response") && !type.equals("resource")) {
            return Outcome.skipped(type.isEmpty() ? "untyped" : type);
        }
        if (!framed.whole()) {
            return oversized(framed, type);
        }
        try (WarcReader reader = new WarcReader(framed.stream())) {
            // The framer has checked the trailer, the one thing jwarc warns about.
            reader.onWarning(w -> { });
            Optional<WarcRecord> next = reader.next();
            if (next.isEmpty()) {
                return Outcome.broken("cannot be parsed");
            }
            WarcRecord record = next.get();
            if (record instanceof WarcResponse response) {
                return response(response);
            }
            if (record instanceof WarcResource resource) {
                return resource(resource);
            }
            return Outcome.skipped(type);
        } catch (IOException | RuntimeException e) {
            // In-memory bytes: an exception here is a fault in the record, never in reading.
            return Outcome.broken("cannot be parsed (" + message(e) + ")");
        }
    }

    private Outcome response(WarcResponse response) throws IOException {
        if (!response.contentType().base().equals(MediaType.HTTP)) {
            return Outcome.skipped(response.contentType().base() + " response");
        }
        URI uri = target(response);
        if (uri == null) {
            return Outcome.broken("has no usable WARC-Target-URI");
        }
        HttpResponse http = response.http();
        if (http.status() < 200 || http.status() > 299) {
            return Outcome.skipped("response with status " + http.status());
        }
        MessageHeaders headers = http.headers();
        MediaType type = headers.first("Content-Type").map(MediaType::parseLeniently).orElse(null);
        String media = type == null || base(type).isEmpty() ? null : base(type);
        if (media != null && !HTML_TYPES.contains(media)) {
            return Outcome.skipped(media + " response");
        }
        List<String> encodings = headers.all("Content-Encoding");
        if (encodings.size() > 1 || encodings.size() == 1
                && !ENCODINGS.contains(encodings.get(0).strip().toLowerCase(Locale.ROOT))) {
            return Outcome.warned("page in an unsupported content encoding", uri + ": its content encoding "
                    + String.join(", ", encodings) + " is not supported; skipped");
        }
        byte[] body;
        try (InputStream payload = http.bodyDecoded().stream()) {
            body = payload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayload + 1));
        } catch (IOException | RuntimeException e) {
            return Outcome.broken(uri + ": its HTTP payload cannot be decoded (" + message(e) + ")");
        }
        if (body.length > maxPayload) {
            return Outcome.warned("page over the input limit", uri + ": the page is over the input limit of "
                    + maxPayload + " bytes; skipped");
        }
        if (blank(body)) {
            return Outcome.skipped("empty response");
        }
        if (media == null && HTML.sniff(head(body)) < FormatRegistry.LIKELY) {
            return Outcome.skipped("untyped response");
        }
        return Outcome.page(new WebPage(uri, media, type == null ? null : charset(type), date(response), body));
    }

    private Outcome resource(WarcResource resource) throws IOException {
        MediaType type = resource.contentType();
        String media = base(type);
        URI uri = target(resource);
        if (!HTML_TYPES.contains(media) || uri == null) {
            return Outcome.skipped(media.isEmpty() ? "resource" : media + " resource");
        }
        byte[] body;
        try (InputStream payload = resource.body().stream()) {
            body = payload.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxPayload + 1));
        }
        if (body.length > maxPayload) {
            return Outcome.warned("page over the input limit", uri + ": the page is over the input limit of "
                    + maxPayload + " bytes; skipped");
        }
        if (blank(body)) {
            return Outcome.skipped("empty resource");
        }
        return Outcome.page(new WebPage(uri, media, charset(type), date(resource), body));
    }

    /** A record too large to buffer: a warning when its head says it is an HTML page. */
    private Outcome oversized(ArchiveScanner.Framed framed, String type) {
        String what = type + " over the input limit";
        String uri = framed.fields().getOrDefault("warc-target-uri", "");
        String warning = uri + ": the page is over the input limit of " + maxPayload + " bytes; skipped";
        String recordType = framed.fields().getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        if (type.equals("resource")) {
            return HTML_TYPES.stream().anyMatch(recordType::startsWith) ? Outcome.warned(what, warning)
                    : Outcome.skipped(what);
        }
        try {
            HttpResponse http = HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(framed.block())));
            MediaType t = http.headers().first("Content-Type").map(MediaType::parseLeniently).orElse(null);
            boolean html = t == null || base(t).isEmpty() || HTML_TYPES.contains(base(t));
            boolean ok = http.status() >= 200 && http.status() <= 299;
            return html && ok ? Outcome.warned(what, warning) : Outcome.skipped(what);
        } catch (IOException | RuntimeException e) {
            return Outcome.skipped(what);
        }
    }

    private static @Nullable URI target(WarcTargetRecord record) {
        try {
            URI u = record.targetURI();
            return u != null && u.isAbsolute() ? u : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Instant date(WarcRecord record) {
        try {
            return record.date();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@code type/subtype} in lower case, or "" when the value names none (jwarc's lenient parse never fails). */
    private static String base(MediaType t) {
        if (t.type() == null || t.type().isEmpty() || t.subtype() == null || t.subtype().isEmpty()) {
            return "";
        }
        return (t.type() + "/" + t.subtype()).toLowerCase(Locale.ROOT);
    }

    /** The {@code charset} parameter as a Java charset; null when absent or unknown. */
    static @Nullable Charset charset(MediaType type) {
        String name = null;
        for (var e : type.parameters().entrySet()) {
            if (e.getKey().equalsIgnoreCase("charset")) {
                name = e.getValue();
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether the payload is empty or white space only (a captured 200 with no content). */
    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    private static byte[] head(byte[] body) {
        return body.length <= 8192 ? body : java.util.Arrays.copyOf(body, 8192);
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
