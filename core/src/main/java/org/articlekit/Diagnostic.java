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
 * {@code html.active-content}, {@code html.depth}, {@code html.charset}, {@code html.url},
 * {@code image.unresolved}, {@code image.placeholder}, {@code metadata.invalid},
 * {@code text.encoding}, {@code input.empty}, {@code format.mismatch}, {@code extract.removed} and
 * {@code extract.not-article} (informational: main-content extraction never fails in strict mode).
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
