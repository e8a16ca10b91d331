package org.articlekit.examples.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Set;
import org.articlekit.ArticleFormatException;
import org.articlekit.Diagnostic;
import org.articlekit.spi.ResourceUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Prints the command line's one-line errors and warnings on standard error, from any thread.
 * Messages are made single-line and control or bidirectional-override characters in them (from
 * hostile file names) are shown as escapes, so a line cannot fake another.
 */
final class Reporter {

    private final PrintStream err;
    private final boolean quiet;
    private final boolean debug;
    private final RunLog run;

    Reporter(PrintStream err, boolean quiet, boolean debug) {
        this(err, quiet, debug, RunLog.inMemory());
    }

    /** A reporter that also records every warning and error in {@code run} (whether quiet or not). */
    Reporter(PrintStream err, boolean quiet, boolean debug, RunLog run) {
        this.err = err;
        this.quiet = quiet;
        this.debug = debug;
        this.run = run;
    }

    /** @return the record of this run */
    RunLog run() {
        return run;
    }

    boolean debug() {
        return debug;
    }

    /** Prints {@code articlekit: warning: TEXT} unless quiet. */
    synchronized void warning(String text) {
        run.warning("cli", null, 0, oneLine(text));
        printWarning(text);
    }

    private synchronized void printWarning(String text) {
        if (!quiet) {
            err.println("articlekit: warning: " + oneLine(text));
            err.flush();
        }
    }

    /** Prints {@code articlekit: TEXT} (a summary) unless quiet. */
    synchronized void note(String text) {
        if (!quiet) {
            err.println("articlekit: " + oneLine(text));
            err.flush();
        }
    }

    /** Diagnostic codes that are information, not warnings: printed only with --debug. */
    static final Set<String> DEBUG_ONLY = Set.of("pdf.fonts");

    /**
     * Prints a library diagnostic about {@code file}: a warning, or, for the informational codes of
     * {@link #DEBUG_ONLY}, {@code articlekit: debug: TEXT} with --debug only.
     */
    void diagnostic(Diagnostic d, @Nullable String file) {
        String where = d.file() != null ? d.file() : file;
        if (DEBUG_ONLY.contains(d.code()) || d.informational()) {
            run.info(d.code(), where, d.line(), oneLine(d.message()));
        } else {
            run.warning(d.code(), where, d.line(), oneLine(d.message()));
        }
        if (DEBUG_ONLY.contains(d.code())) {
            if (debug) {
                synchronized (this) {
                    err.println("articlekit: debug: " + oneLine((file == null ? d : d.inFile(file)).toString()));
                    err.flush();
                }
            }
            return;
        }
        printWarning((file == null ? d : d.inFile(file)).toString());
    }

    /** Prints {@code articlekit: error: TEXT}. */
    synchronized void error(String text) {
        run.error(null, oneLine(text));
        printError(text);
    }

    private synchronized void printError(String text) {
        err.println("articlekit: error: " + oneLine(text));
        err.flush();
    }

    /** Prints the one-line error for a failure concerning {@code file}, and its stack trace with --debug. */
    synchronized void failure(String file, Throwable e) {
        String message = describe(file, e);
        run.error(file.isEmpty() ? null : file, oneLine(message));
        printError(message);
        if (debug) {
            e.printStackTrace(err);
            err.flush();
        }
    }

    /**
     * The {@code FILE[:LINE]: what is wrong} form of a failure.
     *
     * @param file the file the failure concerns, used when the exception names none
     * @param e the failure
     * @return the message
     */
    static String describe(String file, Throwable e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (t instanceof ArticleFormatException afe) {
            return afe.file().isPresent() ? afe.getMessage() : file + ": " + afe.getMessage();
        }
        if (t instanceof ResourceUnavailableException r) {
            // Its message names the address already ("URL: answered HTTP 404").
            return r.getMessage().startsWith(file + ": ") || file.isEmpty() ? r.getMessage() : file + ": " + r.getMessage();
        }
        if (t instanceof FileSystemException fse) {
            String where = fse.getFile() != null ? fse.getFile() : file;
            String what;
            if (fse instanceof NoSuchFileException) {
                what = "no such file or directory";
            } else if (fse instanceof AccessDeniedException) {
                what = "permission denied";
            } else if (fse instanceof NotDirectoryException) {
                what = "not a directory";
            } else if (fse.getReason() != null) {
                what = fse.getReason();
            } else {
                what = fse.getClass().getSimpleName();
            }
            return where + ": " + what;
        }
        if (t instanceof IOException) {
            return file + ": " + (t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName());
        }
        return file + ": internal error: " + t + "; run with --debug for the stack trace";
    }

    /** Joins lines and escapes characters that could forge terminal output. */
    static String oneLine(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                sb.append(' ');
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || isBidiControl(c)) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061c' || c == '\u200e' || c == '\u200f' || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
