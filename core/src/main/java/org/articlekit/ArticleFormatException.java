package org.articlekit;

import java.io.IOException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An input that cannot be converted: it names the file, the place when known (line, or entry of
 * an archive) and what is wrong.
 *
 * <pre>{@code
 * post.md:3: front matter is not valid YAML: mapping values are not allowed here
 * }</pre>
 *
 * <p>{@link #getMessage()} is the whole located message; {@link #problem()} is the part after the
 * location. Third-party exceptions that caused it are kept as the cause.
 */
public class ArticleFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final @Nullable String file;
    private final int line;
    private final @Nullable String entry;
    private final String problem;

    /**
     * @param file the input's name or path, or {@code null} when unknown
     * @param line the 1-based line, or 0 when unknown
     * @param entry the archive entry, or {@code null}
     * @param problem what is wrong
     * @param cause the underlying exception, or {@code null}
     */
    public ArticleFormatException(@Nullable String file, int line, @Nullable String entry, String problem,
            @Nullable Throwable cause) {
        super(locate(file, line, entry) + problem, cause);
        this.file = file;
        this.line = Math.max(0, line);
        this.entry = entry;
        this.problem = problem;
    }

    /**
     * @param file the input's name or path, or {@code null} when unknown
     * @param problem what is wrong
     */
    public ArticleFormatException(@Nullable String file, String problem) {
        this(file, 0, null, problem, null);
    }

    static String locate(@Nullable String file, int line, @Nullable String entry) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (entry != null) {
            sb.append(sb.length() > 0 ? ":" : "").append(entry);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ":" : "line ").append(line);
        }
        return sb.length() > 0 ? sb.append(": ").toString() : "";
    }

    /**
     * @param file the file to name
     * @return this exception when it names a file already, else a copy that names {@code file}
     */
    public ArticleFormatException inFile(String file) {
        if (this.file != null) {
            return this;
        }
        ArticleFormatException e = new ArticleFormatException(file, line, entry, problem, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** @return the file, when known */
    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** @return the 1-based line, or 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the archive entry, when the problem is inside one */
    public Optional<String> entry() {
        return Optional.ofNullable(entry);
    }

    /** @return what is wrong, without the location */
    public String problem() {
        return problem;
    }
}
