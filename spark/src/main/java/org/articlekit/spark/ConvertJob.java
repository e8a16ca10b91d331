package org.articlekit.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.SparkSession;
import org.articlekit.Article;
import scala.Tuple2;

/**
 * The conversion job: lists the inputs, reads them into records on the executors, spreads the
 * records over the partitions by output name, and converts and writes each on an executor. Every
 * record that fails is a line of {@code _failures.jsonl} in the output folder, written by the
 * driver; nothing a record does fails the job.
 *
 * <p>Output: {@code DIR/NAME.EXT} for each article ({@link Names} says how names are made), or
 * {@code DIR/part-NNNNN.jsonl} for {@code jsonl} (one article a line, sorted by name within a
 * part); with {@code --book-by}, {@code DIR/GROUP.epub} or {@code .pdf} ({@link Books}).
 */
public final class ConvertJob {

    /** The name of the failures file in the output folder. */
    public static final String FAILURES = "_failures.jsonl";

    private ConvertJob() {
    }

    /**
     * What a run did.
     *
     * @param converted the articles written (or bound into books)
     * @param skipped the records skipped: archive records that are not HTML pages, files with names we
     *     do not read, an address met again
     * @param failed the records that failed, each a line of {@code _failures.jsonl}
     * @param outputs the files written, the failures file not counted
     */
    public record Summary(long converted, long skipped, long failed, long outputs) implements Serializable {
        Summary plus(Summary o) {
            return new Summary(converted + o.converted, skipped + o.skipped, failed + o.failed, outputs + o.outputs);
        }
    }

    /** What one partition did, and its failure lines. */
    record PartResult(Summary summary, List<String> failures) implements Serializable {
    }

    /**
     * Runs the job.
     *
     * @param spark the session
     * @param options what to do
     * @return the counts
     * @throws IOException when the output folder or the failures file cannot be written
     */
    static Summary run(SparkSession spark, JobOptions options) throws IOException {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        sc.hadoopConfiguration().setBoolean("mapreduce.input.fileinputformat.input.dir.recursive", true);
        HadoopFiles files = new HadoopFiles(sc.hadoopConfiguration());
        files.mkdirs(options.output());
        JavaPairRDD<String, PortableDataStream> listed = sc.binaryFiles(String.join(",", options.inputs()));
        JavaRDD<InputRecord> records = listed.flatMap(t -> Inputs.records(t._1(), t._2(), options.limits()));
        int parts = options.partitions() > 0 ? options.partitions() : Math.max(2, sc.defaultParallelism() * 2);
        List<PartResult> results;
        if (options.bookBy() != null) {
            results = Books.run(records, parts, options, files);
        } else {
            JavaPairRDD<RecordKey, InputRecord> placed = records.mapToPair(r -> new Tuple2<>(r.key(), r))
                    .repartitionAndSortWithinPartitions(new NamePartitioner(parts));
            results = placed.mapPartitionsWithIndex(
                    (index, it) -> List.of(convertPart(index, it, options, files)).iterator(), false).collect();
        }
        Summary total = new Summary(0, 0, 0, 0);
        List<String> failures = new ArrayList<>();
        for (PartResult r : results) {
            total = total.plus(r.summary());
            failures.addAll(r.failures());
        }
        failures.sort(null);
        files.write(options.output(), FAILURES, out -> {
            for (String line : failures) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        });
        return total;
    }

    /** Converts and writes the records of one partition, in name order. */
    private static PartResult convertPart(int index, Iterator<Tuple2<RecordKey, InputRecord>> it, JobOptions options,
            HadoopFiles files) throws IOException {
        Conversion conversion = new Conversion(options, false);
        boolean jsonl = options.to().equals("jsonl");
        String ext = jsonl ? "jsonl" : conversion.converter().registry().byId(options.to()).extensions().get(0);
        long converted = 0;
        long skipped = 0;
        long outputs = 0;
        List<String> failures = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        String previous = null;
        while (it.hasNext()) {
            InputRecord r = it.next()._2();
            switch (r.kind) {
                case SKIPPED -> skipped += r.count;
                case FAILURE -> failures.add(JsonLines.failure(r.source, java.util.Objects.requireNonNull(r.error)));
                default -> {
                    if (r.name.equals(previous)) {
                        skipped++; // the same address again: the first record is kept, as the command line keeps it
                        continue;
                    }
                    previous = r.name;
                    try {
                        for (Conversion.Named n : conversion.read(r)) {
                            Article a = n.article();
                            if (jsonl) {
                                lines.add(JsonLines.line(a, n.name(), n.source()));
                            } else {
                                String file = n.name() + "." + ext;
                                java.util.Optional<java.nio.file.Path> local = files.local(options.output(), file);
                                if (local.isPresent()) {
                                    conversion.converter().write(a, local.get(), options.to());
                                } else {
                                    byte[] doc = conversion.write(a, options.to());
                                    files.write(options.output(), file, out -> out.write(doc));
                                }
                                outputs++;
                            }
                            converted++;
                        }
                    } catch (IOException | RuntimeException e) {
                        String where = r.kind == InputRecord.Kind.PAGE ? r.uri + " (in " + r.source + " at offset "
                                + r.offset + ")" : r.source;
                        failures.add(JsonLines.failure(where, String.valueOf(e.getMessage())));
                    }
                }
            }
        }
        if (!lines.isEmpty()) {
            files.write(options.output(), String.format("part-%05d.jsonl", index), out -> writeLines(out, lines));
            outputs++;
        }
        return new PartResult(new Summary(converted, skipped, failures.size(), outputs), failures);
    }

    private static void writeLines(OutputStream out, List<String> lines) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
    }
}
