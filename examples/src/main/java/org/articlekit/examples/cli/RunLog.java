package org.articlekit.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one {@code convert} run did, kept for {@code --log FILE} (every warning and error as a JSON line, written
 * as it happens, so a run that is stopped still leaves its log) and for {@code --json} (one summary at the end).
 * Safe to use from several threads.
 *
 * <p>Each log line is an object: {@code {"time":"2026-12-03T10:00:00Z","level":"warning","code":"image.missing",
 * "file":"posts/a.md","line":12,"message":"…"}}; {@code level} is {@code warning}, {@code error} or {@code info};
 * {@code code} is the library's diagnostic code ({@code cli} for the command line's own messages), and {@code file}
 * and {@code line} are left out when unknown. The summary's shape is documented in the README ("convert --json").
 */
final class RunLog {

    private final @Nullable BufferedWriter log;
    private final @Nullable Path logPath;
    private final List<Map<String, Object>> warnings = new ArrayList<>();
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final List<Map<String, Object>> outputs = new ArrayList<>();
    private @Nullable IOException logFailure;

    private RunLog(@Nullable BufferedWriter log, @Nullable Path logPath) {
        this.log = log;
        this.logPath = logPath;
    }

    /** @return a record that keeps events in memory only */
    static RunLog inMemory() {
        return new RunLog(null, null);
    }

    /**
     * @param path the log file: created, or appended to when it exists (runs of a cron job add up)
     * @return a record that also writes every event to {@code path}
     * @throws IOException when the file cannot be opened for writing
     */
    static RunLog toFile(Path path) throws IOException {
        // A log grows as the run goes, unlike an output, which appears whole or not at all (AtomicFiles).
        BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new RunLog(w, path);
    }

    synchronized void warning(String code, @Nullable String file, int line, String message) {
        Map<String, Object> e = event(code, file, line, message);
        warnings.add(e);
        append("warning", e);
    }

    synchronized void info(String code, @Nullable String file, int line, String message) {
        append("info", event(code, file, line, message));
    }

    synchronized void error(@Nullable String file, String message) {
        Map<String, Object> e = event("cli", file, 0, message);
        e.remove("code");
        errors.add(e);
        append("error", e);
    }

    /** Records an output written: a file, a folder of posts, or {@code -} for standard output. */
    synchronized void wrote(String output, int articles) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("path", output.equals(StreamConversion.STDOUT) ? "-" : output);
        o.put("articles", articles);
        outputs.add(o);
    }

    private static Map<String, Object> event(String code, @Nullable String file, int line, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        if (file != null) {
            e.put("file", file);
        }
        if (line > 0) {
            e.put("line", line);
        }
        e.put("message", message);
        return e;
    }

    private void append(String level, Map<String, Object> event) {
        if (log == null || logFailure != null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("level", level);
        line.putAll(event);
        try {
            log.write(PrettyJson.line(line));
            log.write('\n');
            log.flush();
        } catch (IOException e) {
            logFailure = e; // reported once, by close()
        }
    }

    /**
     * Closes the log file.
     *
     * @throws UncheckedIOException naming the log file when a line could not be written or the file not closed
     */
    synchronized void close() {
        if (log == null) {
            return;
        }
        try {
            log.close();
        } catch (IOException e) {
            if (logFailure == null) {
                logFailure = e;
            }
        }
        if (logFailure != null) {
            throw new UncheckedIOException(logPath + ": the log could not be written: " + logFailure.getMessage(),
                    logFailure);
        }
    }

    /**
     * The {@code --json} summary.
     *
     * @param status the exit status
     * @param inputs the inputs as given
     * @return {@code {"status", "exitCode", "inputs", "outputs", "articles", "warnings", "errors"}}
     */
    synchronized Map<String, Object> summary(int status, List<String> inputs) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("status", status == 0 ? "ok" : "failed");
        s.put("exitCode", status);
        s.put("inputs", List.copyOf(inputs));
        s.put("outputs", List.copyOf(outputs));
        s.put("articles", outputs.stream().mapToInt(o -> (Integer) o.get("articles")).sum());
        s.put("warnings", List.copyOf(warnings));
        s.put("errors", List.copyOf(errors));
        return s;
    }
}
