package org.articlekit.internal.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.articlekit.Article;
import org.articlekit.spi.ArticleWriter;
import org.articlekit.spi.ConversionContext;
import org.articlekit.text.TextOptions;
import org.jsoup.nodes.Element;

/**
 * Writes an article as UTF-8 plain text with LF line endings, ending with one newline (an article
 * with no title, metadata or body gives no bytes at all). The stream is written but not closed.
 *
 * <h2>The metadata header</h2>
 * Unless {@link TextOptions#metadataHeader()} is off, the text starts with the title, a line of
 * {@code =} as wide as the title (CJK characters count two columns), then one {@code Key: value}
 * line per field that is present, in this order, and a blank line:
 * <pre>
 * 一个标题
 * ========
 * Subtitle: …
 * Author: 张三               (one line per author)
 * Published: 2024-03-01 08:30 (the date's original text; followed by " (ISO-8601)" when the
 * Updated: …                    text alone would not read back as the same date)
 * Language: zh-CN
 * Categories: 技术 / Java; 随笔   (paths joined with "; "; "Category:" lines when a name has a separator)
 * Tags: 文本, 编码           ("Tag:" lines when a tag holds a comma or semicolon)
 * Summary: …
 * Source: https://example.org/a
 * Canonical: https://example.org/a
 * Publisher: …
 * Identifier: …
 * Cover: …
 * Thumbnail: …
 * comments: true             (extra values that are strings, numbers, booleans or dates)
 *
 * body…
 * </pre>
 * Line breaks inside values become spaces. Extra values that are lists, maps or null, or whose key
 * is not a plain word, cannot be written and are reported as {@code text.metadata}; extra values
 * read back as strings. Without a title, the known fields are written with no underline and extra
 * values are left out (the reader would take an unknown key for body text). The reader recognises
 * this header, so text → article → text keeps every field but the types of extra values. When the
 * body starts with a heading equal to the title, that heading is not repeated.
 *
 * <h2>The body</h2>
 * Paragraphs, headings, figure captions and horizontal rules ({@code * * *}) are blocks separated
 * by blank lines; list items ({@code - } or {@code 1. }), definition items and table rows (cells
 * joined by {@code " | "}) follow each other line by line; quoted lines start with {@code > };
 * {@code pre} is kept verbatim; an image is {@code [image: alt] (src)}; a link is
 * {@code text (url)} unless its text already shows the address. With a
 * {@linkplain TextOptions#lineWidth() line width}, paragraphs are wrapped (never inside a Latin
 * word) and continuation lines are indented like their first line.
 */
public final class TextWriter implements ArticleWriter {

    @Override
    public void write(Article article, OutputStream out, ConversionContext context) throws IOException {
        TextOptions options = context.options().get(TextOptions.class, TextOptions::defaults);
        List<String> parts = new ArrayList<>();
        Element body = article.body().document().body();
        if (options.metadataHeader()) {
            String header = MetadataHeader.write(article.metadata(), context);
            if (!header.isEmpty()) {
                parts.add(header);
            }
            article.metadata().title().ifPresent(title -> dropRepeatedTitle(body, title));
        }
        String text = BodyText.render(body, options.lineWidth());
        if (!text.isEmpty()) {
            parts.add(text);
        }
        if (parts.isEmpty()) {
            return;
        }
        out.write((String.join("\n\n", parts) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Removes a first {@code h1}/{@code h2} that says the title again, as HTML articles often do. */
    private static void dropRepeatedTitle(Element body, String title) {
        Element first = body.firstElementChild();
        if (first != null && (first.nameIs("h1") || first.nameIs("h2"))
                && first.text().strip().equals(title.strip())) {
            first.remove();
        }
    }
}
