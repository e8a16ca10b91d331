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
 * <p>Codes are stable: a code keeps its meaning within a major version, and codes are only added, never
 * reused, so they are safe to match on; messages are for people and may change. The codes in use (the
 * module that reports each; informational codes report what was done rather than a problem, and never fail
 * strict mode):
 *
 * <table class="striped">
 *   <caption>Diagnostic codes</caption>
 *   <thead><tr><th>Code</th><th>Module</th><th>Meaning</th></tr></thead>
 *   <tbody>
 *   <tr><td>{@code html.active-content}</td><td>core</td><td>a script, frame, form control, event handler or similar was removed</td></tr>
 *   <tr><td>{@code html.dropped}</td><td>core</td><td>an element outside the article profile was removed with its content (media, SVG, canvas…)</td></tr>
 *   <tr><td>{@code html.unwrapped}</td><td>core</td><td>an unknown element was removed, its content kept</td></tr>
 *   <tr><td>{@code html.url}</td><td>core</td><td>an unsafe or unusable address (link, image, {@code <base>}) was removed or ignored</td></tr>
 *   <tr><td>{@code html.depth}</td><td>core</td><td>content nested deeper than {@link Limits#maxDepth()} was kept as plain text</td></tr>
 *   <tr><td>{@code html.charset}</td><td>core</td><td>bytes that are not valid in the page's charset were replaced</td></tr>
 *   <tr><td>{@code text.encoding}</td><td>core</td><td>the same for a plain-text input</td></tr>
 *   <tr><td>{@code text.metadata}</td><td>core</td><td>a plain-text header value did not fit its field</td></tr>
 *   <tr><td>{@code image.placeholder}</td><td>core</td><td>an image with only a placeholder source was removed</td></tr>
 *   <tr><td>{@code image.unresolved}</td><td>all</td><td>an image could not be read (refused, missing, not an image)</td></tr>
 *   <tr><td>{@code image.unsupported}</td><td>epub</td><td>an image (or the cover) is of a type EPUB readers need not show; left out</td></tr>
 *   <tr><td>{@code image.unusable}</td><td>pdf</td><td>an image could not be drawn in the PDF; left out</td></tr>
 *   <tr><td>{@code image.limit}</td><td>epub</td><td>a book refers to more images than {@link Limits#maxImages()}; the rest were left out</td></tr>
 *   <tr><td>{@code resource.unsupported}</td><td>epub</td><td>a resource that is not an image was not put in the book</td></tr>
 *   <tr><td>{@code metadata.invalid}</td><td>core</td><td>a metadata value (language, address, JSON-LD block) was ignored</td></tr>
 *   <tr><td>{@code metadata.type}</td><td>markdown</td><td>a known front-matter key has a value of the wrong kind for its field (a list as the title, a map as the tags, a number as the date, a number too large to hold); the value is kept as an extra value, unchanged, and the field is left unset</td></tr>
 *   <tr><td>{@code metadata.language}</td><td>epub</td><td>a chapter's language is not a language tag; ignored</td></tr>
 *   <tr><td>{@code input.empty}</td><td>all</td><td>the input has no content (a blank file, a byte order mark alone, or a Markdown post whose front matter has no title and which has no body)</td></tr>
 *   <tr><td>{@code input.skipped}</td><td>core</td><td>a folder entry that is not a readable regular file inside the folder (a FIFO, a link leading out, a broken link) was skipped</td></tr>
 *   <tr><td>{@code input.selected}</td><td>core</td><td><em>informational</em>: of a feed's or web archive's articles, only those since a date or the newest few were kept</td></tr>
 *   <tr><td>{@code format.mismatch}</td><td>core</td><td>the content's format differs from what the file name says</td></tr>
 *   <tr><td>{@code extract.removed}</td><td>core</td><td><em>informational</em>: main-content extraction left out a block of a whole page (navigation, share bar, related links…)</td></tr>
 *   <tr><td>{@code extract.not-article}</td><td>core</td><td><em>informational</em>: the page does not look like an article (an index page)</td></tr>
 *   <tr><td>{@code markdown.metadata}</td><td>markdown</td><td>a front-matter value cannot be written in the chosen syntax (a null in TOML, a number too large); left out</td></tr>
 *   <tr><td>{@code markdown.language}</td><td>markdown</td><td>the front matter's language is not a language tag; ignored</td></tr>
 *   <tr><td>{@code markdown.tag}</td><td>markdown</td><td>an unknown or unclosed Hexo tag was kept as text</td></tr>
 *   <tr><td>{@code markdown.long-line}</td><td>markdown</td><td>a line longer than the reader takes was cut</td></tr>
 *   <tr><td>{@code cover.font}</td><td>epub</td><td>the EPUB's generated cover cannot show every character of its text</td></tr>
 *   <tr><td>{@code epub.mimetype}</td><td>epub</td><td>the EPUB's {@code mimetype} entry is missing or wrong; read anyway</td></tr>
 *   <tr><td>{@code epub.spine}</td><td>epub</td><td>the spine names an item the manifest lacks, or one item twice; skipped or read once</td></tr>
 *   <tr><td>{@code epub.missing}</td><td>epub</td><td>a spine item is not in the archive; skipped</td></tr>
 *   <tr><td>{@code pdf.fonts}</td><td>pdf</td><td><em>informational</em>: which fonts a PDF embeds and which scripts each one sets; one per PDF</td></tr>
 *   <tr><td>{@code pdf.metadata}</td><td>pdf</td><td>a PDF's language or date is unusable; ignored</td></tr>
 *   <tr><td>{@code pdf.outline}</td><td>pdf</td><td>a PDF bookmark has no usable destination; skipped</td></tr>
 *   <tr><td>{@code pdf.front-matter}</td><td>pdf</td><td>a PDF's first pages (its own title page or contents) were left out of the first article</td></tr>
 *   <tr><td>{@code pdf.render}</td><td>pdf</td><td>the typesetter reported a problem with a page; the PDF was still written</td></tr>
 *   <tr><td>{@code feed.fulltext}</td><td>core</td><td>a feed item's page could not be fetched or read, so the item keeps the feed's text (its summary)</td></tr>
 *   <tr><td>{@code feed.link}</td><td>core</td><td>a feed item's link is not an http(s) address ({@code javascript:}, {@code file:}…) and was ignored</td></tr>
 *   <tr><td>{@code feed.image}</td><td>core</td><td>the same for a feed item's image</td></tr>
 *   <tr><td>{@code feed.items}</td><td>core</td><td>a feed holds more items than {@link Limits#maxFeedItems()}; the first ones were kept</td></tr>
 *   <tr><td>{@code feed.item}</td><td>core</td><td>a JSON Feed item that is not an object was skipped</td></tr>
 *   <tr><td>{@code feed.language}</td><td>core</td><td>a feed's language tag was ignored</td></tr>
 *   <tr><td>{@code feed.charset}</td><td>core</td><td>a feed's declared charset was unusable</td></tr>
 *   <tr><td>{@code warc.record}</td><td>core</td><td>a web archive record could not be read (a malformed header, a wrong {@code Content-Length}, a corrupt gzip member, an HTTP message that does not parse), or is a page over the input limit; it was skipped and reading went on at the next record</td></tr>
 *   <tr><td>{@code warc.page}</td><td>core</td><td>an HTML page of a web archive could not be read as an article and was skipped</td></tr>
 *   <tr><td>{@code warc.skipped}</td><td>core</td><td><em>informational</em>: how many records of a web archive were not HTML pages, by kind (requests, images, other statuses…); one per archive</td></tr>
 *   </tbody>
 * </table>
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
