package org.articlekit.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.TaskContext;
import org.apache.spark.input.PortableDataStream;
import org.articlekit.Limits;
import org.articlekit.spi.ArticleFormat;
import org.articlekit.spi.FormatRegistry;
import org.articlekit.web.WebArchive;
import org.jspecify.annotations.Nullable;

/**
 * Turns one listed file into records, on an executor: an article file into one record of its
 * bytes; a web archive (WARC, WARC.gz) into one record per HTML page, streamed (an archive of any
 * size is never held whole), each broken record into a failure, the others it skips into a count.
 */
final class Inputs {

    /** The detection window, as the converter sniffs. */
    private static final int HEAD = 8192;

    private Inputs() {
    }

    /**
     * @param uri the file, as Spark lists it ({@code file:/…}, {@code hdfs://…}, {@code s3a://…})
     * @param data its bytes
     * @param limits the limits of one record
     * @return its records
     */
    static Iterator<InputRecord> records(String uri, PortableDataStream data, Limits limits) {
        String source = source(uri);
        String fileName = fileName(uri);
        FormatRegistry registry = FormatRegistry.defaults();
        if (registry.forFileName(fileName).isEmpty()) {
            // As the command line searches a folder: only names with an extension we read.
            return List.of(InputRecord.skipped(source, 1)).iterator();
        }
        try {
            byte[] head;
            try (InputStream in = data.open()) {
                head = in.readNBytes(HEAD);
            }
            Optional<ArticleFormat> format = registry.detect(fileName, head);
            if (format.isPresent() && format.get().id().equals("warc")) {
                return archive(source, data, limits);
            }
            long max = format.isPresent() && format.get().bookReader().isPresent() ? limits.maxContainerBytes()
                    : limits.maxInputBytes();
            byte[] bytes;
            try (InputStream in = data.open()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            }
            if (bytes.length > max) {
                return List.of(InputRecord.failure(source, 0, source + ": is over the input limit of " + max
                        + " bytes")).iterator();
            }
            return List.of(InputRecord.file(source, fileName, imagesFrom(uri), bytes)).iterator();
        } catch (IOException | RuntimeException e) {
            return List.of(InputRecord.failure(source, 0, source + ": cannot be read: " + e.getMessage())).iterator();
        }
    }

    /** The pages of an archive, read on a thread of their own a few records ahead of the consumer. */
    private static Iterator<InputRecord> archive(String source, PortableDataStream data, Limits limits) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(32);
        Object end = new Object();
        Thread reader = new Thread(() -> {
            try (InputStream in = data.open()) {
                WebArchive.Summary s = WebArchive.pages(in, source, limits,
                        d -> put(queue, InputRecord.failure(source + " " + where(d.message()), offset(d.message()),
                                d.toString())),
                        (page, offset) -> put(queue, InputRecord.page(source, page, offset)));
                if (s.skipped() > 0) {
                    put(queue, InputRecord.skipped(source, s.skipped()));
                }
            } catch (InterruptedRead e) {
                return;
            } catch (IOException | RuntimeException e) {
                put(queue, InputRecord.failure(source, 0, source + ": cannot be read: " + e.getMessage()));
            }
            try {
                queue.put(end);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "articlekit-warc-reader");
        reader.setDaemon(true);
        TaskContext task = TaskContext.get();
        if (task != null) {
            task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) ctx -> reader.interrupt());
        }
        reader.start();
        return new Iterator<>() {
            private @Nullable Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        reader.interrupt();
                        throw new IllegalStateException("interrupted while reading " + source, e);
                    }
                }
                return next != end;
            }

            @Override
            public InputRecord next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                InputRecord r = (InputRecord) next;
                next = null;
                return r;
            }
        };
    }

    /** Stops the archive's reader thread when its task is over. */
    private static final class InterruptedRead extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static void put(BlockingQueue<Object> queue, InputRecord r) {
        try {
            queue.put(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedRead();
        }
    }

    /** "record 3 at offset 1234" out of a {@code warc.record} message, to name the failure's source. */
    private static String where(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("record \\d+ at offset \\d+").matcher(message);
        return m.find() ? m.group() : "";
    }

    private static long offset(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("at offset (\\d+)").matcher(message);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** The input as messages name it: a local file by its path, anything else by its URI. */
    static String source(String uri) {
        URI u = new org.apache.hadoop.fs.Path(uri).toUri();
        return "file".equals(u.getScheme()) && u.getPath() != null ? u.getPath() : uri;
    }

    private static String fileName(String uri) {
        String path = new org.apache.hadoop.fs.Path(uri).toUri().getPath();
        if (path == null) {
            return uri;
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The folder of a local file, where its relative images are; none for other file systems. */
    private static @Nullable String imagesFrom(String uri) {
        URI u = new org.apache.hadoop.fs.Path(uri).toUri();
        if (!"file".equals(u.getScheme())) {
            return null;
        }
        Path parent = Path.of(u).getParent();
        return parent == null ? null : parent.toString();
    }
}
