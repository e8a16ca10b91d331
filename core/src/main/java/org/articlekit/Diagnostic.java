package org.articlekit;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A warning about odd but usable input: what was dropped or repaired, where, and a stable code.
 *
 * <pre>{@code
 * d.code();       // "image.unresolved"
 * d.toString();   // "post.md:7: image ../../etc/passwd is outside the article folder, skipped"
 * }</pre>
 *
 * <p>Codes are stable across releases and safe to match on; messages are for people. Codes in use:
 * <ul>
 *   <li>{@code html.active-content}: a script, frame, form, event handler or similar was removed;</li>
 *   <li>{@code html.dropped}: an element outside the article profile was removed with its content
 *       (media, SVG, canvas…);</li>
 *   <li>{@code html.unwrapped}: an unknown element was removed, its content kept;</li>
 *   <li>{@code html.url}: an unsafe or unusable address (link, image, {@code <base>}) was removed or ignored;</li>
 *   <li>{@code html.depth}: content nested deeper than {@link Limits#maxDepth()} was kept as plain text;</li>
 *   <li>{@code html.charset}: bytes that are not valid in the page's charset were replaced;</li>
 *   <li>{@code text.encoding}: the same for a plain-text input;</li>
 *   <li>{@code text.metadata}: a plain-text header value did not fit its field;</li>
 *   <li>{@code image.placeholder}: an image with only a placeholder source was removed;</li>
 *   <li>{@code image.unresolved}: an image could not be read (refused, missing, not an image);</li>
 *   <li>{@code metadata.invalid}: a metadata value (language, address, JSON-LD block) was ignored;</li>
 *   <li>{@code metadata.type}: a known front-matter key has a value of the wrong kind for its field (a
 *       list as the title, a map as the tags, a number as the date, a number too large to hold); the
 *       value is kept as an extra value, unchanged, and the field is left unset;</li>
 *   <li>{@code input.empty}: the input has no content (a blank file, a byte order mark alone, or a
 *       Markdown post whose front matter has no title and which has no body);</li>
 *   <li>{@code format.mismatch}: the content's format differs from what the file name says;</li>
 *   <li>{@code extract.removed}: main-content extraction left out a block of a whole page (navigation,
 *       share bar, related links…); informational, never a failure in strict mode;</li>
 *   <li>{@code extract.not-article}: the page does not look like an article (an index page); informational.</li>
 *   <li>{@code cover.font}: the EPUB's generated cover cannot show every character of its text;</li>
 *   <li>{@code pdf.fonts}: which fonts a PDF embeds and which scripts each one sets; informational,
 *       one per PDF, never a failure in strict mode;</li>
 *   <li>{@code input.skipped}: a folder entry that is not a readable regular file inside the folder
 *       (a FIFO, a link leading out, a broken link) was skipped;</li>
 *   <li>{@code input.selected}: of a feed's or web archive's articles, only those since a date or the
 *       newest few were kept; informational;</li>
 *   <li>{@code feed.fulltext}: a feed item's page could not be fetched or read, so the item keeps the
 *       feed's text (its summary);</li>
 *   <li>{@code feed.link}, {@code feed.image}: a feed item's link or image is not an http(s) address
 *       ({@code javascript:}, {@code file:}…) and was ignored;</li>
 *   <li>{@code feed.items}: a feed holds more items than {@link Limits#maxFeedItems()}; the first ones
 *       were kept;</li>
 *   <li>{@code feed.item}, {@code feed.language}, {@code feed.charset}: a JSON Feed item that is not an
 *       object was skipped, a language tag was ignored, or a feed's declared charset was unusable;</li>
 *   <li>{@code warc.record}: a web archive record could not be read (a malformed header, a wrong
 *       {@code Content-Length}, a corrupt gzip member, an HTTP message that does not parse), or is a
 *       page over the input limit; it was skipped and reading went on at the next record;</li>
 *   <li>{@code warc.page}: an HTML page of a web archive could not be read as an article and was skipped;</li>
 *   <li>{@code warc.skipped}: how many records of a web archive were not HTML pages, by kind (requests,
 *       images, other statuses…); informational, one per archive, never a failure in strict mode.</li>
 * </ul>
 *
 * <p>The informational codes ({@link #informational()}) report what was done rather than a problem.
 *
 * @param code the stable code, such as {@code image.unresolved}
 * @param message what happened, in a sentence without the location
 * @param file the input file or name it concerns, when known
 * @param line the 1-based line, or 0 when unknown
 * @param entry the entry inside an archive, when it concerns one
 */
public record Diagnostic(String code, String message, @Nullable String file, int line, @Nullable String entry) {

    /** Checks the components. */
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 or positive: " + line);
        }
    }

    /** @return whether this reports what was done (extraction, fonts) rather than a problem with the input */
    public boolean informational() {
        return code.equals("extract.removed") || code.equals("extract.not-article") || code.equals("pdf.fonts")
                || code.equals("input.selected") || code.equals("warc.skipped");
    }

    /**
     * A warning with no location.
     *
     * @param code the stable code
     * @param message what happened
     * @return the warning
     */
    public static Diagnostic of(String code, String message) {
        return new Diagnostic(code, message, null, 0, null);
    }

    /** @return the file, when known */
    public Optional<String> fileName() {
        return Optional.ofNullable(file);
    }

    /** @param file the file @return a copy naming that file, unless it names one already */
    public Diagnostic inFile(String file) {
        return this.file != null ? this : new Diagnostic(code, message, file, line, entry);
    }

    /** @return {@code FILE[:LINE][:ENTRY]: message} */
    @Override
    public String toString() {
        return ArticleFormatException.locate(file, line, entry) + message;
    }
}
