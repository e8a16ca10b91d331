package org.articlekit.internal.html;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.ArticleReader;
import org.articlekit.spi.ArticleWriter;

/** The HTML format: fragments and whole pages in, standalone pages or fragments out. */
public final class HtmlFormat implements ArticleFormat {

    private static final HtmlReader READER = new HtmlReader();
    private static final HtmlWriter WRITER = new HtmlWriter();

    @Override
    public String id() {
        return "html";
    }

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public List<String> extensions() {
        return List.of("html", "htm", "xhtml");
    }

    @Override
    public int sniff(byte[] head) {
        String s = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            s = s.substring(3).stripLeading();
        }
        if (s.startsWith("<!doctype html") || s.startsWith("<html")) {
            return 90;
        }
        if (s.startsWith("<head") || s.startsWith("<body") || s.startsWith("<meta") || s.startsWith("<title")) {
            return 70;
        }
        if (s.startsWith("<!--") || s.startsWith("<?xml") && s.contains("<html")) {
            return s.contains("<html") ? 70 : 20;
        }
        if (s.startsWith("<p>") || s.startsWith("<div") || s.startsWith("<article") || s.startsWith("<section")
                || s.startsWith("<h1") || s.startsWith("<h2") || s.startsWith("<p ")) {
            return 40;
        }
        return 0;
    }

    @Override
    public Optional<ArticleReader> reader() {
        return Optional.of(READER);
    }

    @Override
    public Optional<ArticleWriter> writer() {
        return Optional.of(WRITER);
    }
}
