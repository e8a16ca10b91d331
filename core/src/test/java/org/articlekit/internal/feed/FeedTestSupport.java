package org.articlekit.internal.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Book;
import org.articlekit.Diagnostic;
import org.articlekit.Limits;
import org.articlekit.spi.ConversionContext;
import org.jspecify.annotations.Nullable;

/** Reads feeds written in the tests, collecting the warnings. */
final class FeedTestSupport {

    final List<Diagnostic> warnings = new ArrayList<>();
    private Limits limits = Limits.defaults();
    private @Nullable Charset charset;
    private @Nullable URI baseUri;
    private boolean strict;

    FeedTestSupport baseUri(URI v) {
        baseUri = v;
        return this;
    }

    FeedTestSupport strict() {
        strict = true;
        return this;
    }

    FeedTestSupport limits(Limits v) {
        limits = v;
        return this;
    }

    FeedTestSupport charset(Charset v) {
        charset = v;
        return this;
    }

    Book read(String feed) throws IOException {
        return read(feed.getBytes(StandardCharsets.UTF_8));
    }

    Book read(byte[] feed) throws IOException {
        ConversionContext ctx = ConversionContext.builder().sourceName("feed.xml").limits(limits)
                .charset(charset).baseUri(baseUri).strict(strict).warnings(warnings::add).build();
        return new FeedFormat().bookReader().orElseThrow().readBook(new ByteArrayInputStream(feed), ctx);
    }

    List<String> codes() {
        return warnings.stream().map(Diagnostic::code).toList();
    }
}
