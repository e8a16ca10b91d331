package org.articlekit.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.articlekit.Limits;
import org.jspecify.annotations.Nullable;

/**
 * What one run of the job does: its inputs, its output folder and format, and the per-record
 * limits, enforced on the executors as the command line enforces them.
 *
 * @param inputs files, folders or globs, on any file system Spark reads
 * @param output the output folder
 * @param to the output format: {@code markdown}, {@code html}, {@code txt} or {@code jsonl}; with
 *     {@code bookBy}, {@code epub} or {@code pdf}
 * @param bookBy {@code month}, {@code site}, {@code category} or {@code author}, or {@code null}
 *     for one output per article
 * @param timeoutSeconds the time one record may take ({@link Limits#timeout()})
 * @param maxInputBytes the largest record ({@link Limits#maxInputBytes()})
 * @param partitions how many partitions to convert in, or 0 for twice the default parallelism
 * @param failOnError whether the exit status is 1 when a record failed
 */
record JobOptions(List<String> inputs, String output, String to, @Nullable String bookBy, long timeoutSeconds,
        long maxInputBytes, int partitions, boolean failOnError) implements Serializable {

    /** The group keys {@code --book-by} takes. */
    static final List<String> BOOK_BY = List.of("month", "site", "category", "author");

    JobOptions {
        inputs = List.copyOf(inputs);
    }

    /** @return the limits of one record */
    Limits limits() {
        return Limits.defaults().toBuilder().timeout(Duration.ofSeconds(timeoutSeconds)).maxInputBytes(maxInputBytes)
                .build();
    }
}
