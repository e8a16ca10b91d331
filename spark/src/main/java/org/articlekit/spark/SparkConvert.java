package org.articlekit.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * {@code articlekit-spark convert}: the job's driver. Parses the command line, runs
 * {@link ConvertJob} on the Spark it was started in (a local one, {@code local[*]}, unless
 * {@code --master} or {@code spark-submit} names another), and prints the counts.
 *
 * <pre>
 * articlekit-spark convert --input PATH... --output DIR --to markdown|html|txt|jsonl
 * articlekit-spark convert --input PATH... --output DIR --book-by month|site|category|author --to epub|pdf
 *     [--master URL] [--partitions N] [--timeout SECONDS] [--max-input-bytes N] [--fail-on-error] [--quiet]
 * </pre>
 *
 * <p>Exit status: 0 when the job ran (records that failed are in {@code DIR/_failures.jsonl}), 1
 * when it could not run, or with {@code --fail-on-error} when a record failed; 2 on a usage error.
 */
public final class SparkConvert {

    private static final String NAME = "articlekit-spark";
    private static final Set<String> POSTS = Set.of("markdown", "html", "txt", "jsonl");
    private static final Set<String> BOOKS = Set.of("epub", "pdf");

    static final String USAGE = """
            Usage: articlekit-spark convert --input PATH... --output DIR --to markdown|html|txt|jsonl
                   articlekit-spark convert --input PATH... --output DIR --book-by month|site|category|author --to epub|pdf
            Options: [--master URL] [--partitions N] [--timeout SECONDS] [--max-input-bytes N] [--fail-on-error] [--quiet]
            Converts every article of the inputs (files, folders, globs, WARC and WARC.gz archives, on any file system
            Spark reads) into DIR, one file per article named from its source address or path (or one JSON line per
            article in DIR/part-NNNNN.jsonl), or one book per group with --book-by. A record that fails is a line of
            DIR/_failures.jsonl; the exit status is 1 for that only with --fail-on-error.""";

    private SparkConvert() {
    }

    /** @param args the command line */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** A usage error. */
    private static final class Usage extends Exception {
        private static final long serialVersionUID = 1L;

        Usage(String message) {
            super(message);
        }
    }

    /**
     * Runs the command. In a JVM that already has a Spark session, runs on it (and leaves it open).
     *
     * @param args the command line
     * @param out where {@code --help} goes
     * @param err where the counts and errors go
     * @return the exit status
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Parsed p;
        try {
            p = parse(args);
        } catch (Usage e) {
            err.println(NAME + ": usage error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (p == null) {
            out.println(USAGE);
            return 0;
        }
        SparkSession existing = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
                : null;
        SparkSession spark = existing != null ? existing : session(p.master);
        long start = System.nanoTime();
        try {
            ConvertJob.Summary s = ConvertJob.run(spark, p.options);
            if (!p.quiet) {
                double seconds = (System.nanoTime() - start) / 1e9;
                err.println(String.format(Locale.ROOT, "%s: %d converted, %d skipped, %d failed%s; %d %s in %s "
                        + "(%.1f s)", NAME, s.converted(), s.skipped(), s.failed(),
                        s.failed() > 0 ? " (see " + ConvertJob.FAILURES + ")" : "", s.outputs(),
                        s.outputs() == 1 ? "file" : "files", p.options.output(), seconds));
            }
            return p.options.failOnError() && s.failed() > 0 ? 1 : 0;
        } catch (Exception e) {
            // Spark's own failures (an input path that does not exist, a lost cluster) end the run.
            err.println(NAME + ": error: " + InputRecord.oneLine(rootMessage(e)));
            return 1;
        } finally {
            if (existing == null) {
                spark.stop();
            }
        }
    }

    /** A session on the master named, else the one spark-submit set, else {@code local[*]}. */
    private static SparkSession session(@Nullable String master) {
        SparkConf conf = new SparkConf().setAppName(NAME);
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            // A local run uses the loopback interface only, and shows no web UI.
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        return SparkSession.builder().config(conf).getOrCreate();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.toString() : m;
    }

    /** A parsed command line. */
    private record Parsed(JobOptions options, @Nullable String master, boolean quiet) {
    }

    /** @return the parsed command, or null for {@code --help} */
    private static @Nullable Parsed parse(String[] args) throws Usage {
        List<String> a = List.of(args);
        if (a.isEmpty() || a.contains("--help") || a.contains("-h")) {
            return null;
        }
        if (!a.get(0).equals("convert")) {
            throw new Usage("the command is 'convert', not '" + a.get(0) + "'");
        }
        List<String> inputs = new ArrayList<>();
        String output = null;
        String to = null;
        String bookBy = null;
        String master = null;
        long timeout = org.articlekit.Limits.defaults().timeout().toSeconds();
        long maxInput = org.articlekit.Limits.defaults().maxInputBytes();
        int partitions = 0;
        boolean failOnError = false;
        boolean quiet = false;
        for (int i = 1; i < a.size(); i++) {
            String o = a.get(i);
            switch (o) {
                case "--input", "-i" -> {
                    int before = inputs.size();
                    while (i + 1 < a.size() && !a.get(i + 1).startsWith("--")) {
                        inputs.add(a.get(++i));
                    }
                    if (inputs.size() == before) {
                        throw new Usage("--input needs one or more paths");
                    }
                }
                case "--output", "-o" -> output = value(a, ++i, o);
                case "--to" -> to = value(a, ++i, o).toLowerCase(Locale.ROOT);
                case "--book-by" -> bookBy = value(a, ++i, o).toLowerCase(Locale.ROOT);
                case "--master" -> master = value(a, ++i, o);
                case "--partitions" -> partitions = (int) number(a, ++i, o);
                case "--timeout" -> timeout = number(a, ++i, o);
                case "--max-input-bytes" -> maxInput = number(a, ++i, o);
                case "--fail-on-error" -> failOnError = true;
                case "--quiet", "-q" -> quiet = true;
                default -> throw new Usage("unknown option " + o);
            }
        }
        if (inputs.isEmpty()) {
            throw new Usage("no --input: name files, folders, globs or web archives");
        }
        if (output == null) {
            throw new Usage("no --output DIR");
        }
        if (bookBy != null && !JobOptions.BOOK_BY.contains(bookBy)) {
            throw new Usage("--book-by takes " + String.join(", ", JobOptions.BOOK_BY) + ", not " + bookBy);
        }
        if (to == null) {
            to = bookBy != null ? "epub" : "markdown";
        }
        if (to.equals("md")) {
            to = "markdown";
        }
        if (bookBy == null && !POSTS.contains(to)) {
            throw new Usage("--to takes markdown, html, txt or jsonl (epub and pdf with --book-by), not " + to);
        }
        if (bookBy != null && !BOOKS.contains(to)) {
            throw new Usage("--book-by writes books: --to epub or pdf, not " + to);
        }
        if (timeout < 1 || maxInput < 1 || partitions < 0) {
            throw new Usage("--timeout and --max-input-bytes must be 1 or more, --partitions 0 or more");
        }
        return new Parsed(new JobOptions(inputs, output, to, bookBy, timeout, maxInput, partitions, failOnError),
                master, quiet);
    }

    private static String value(List<String> a, int i, String option) throws Usage {
        if (i >= a.size()) {
            throw new Usage(option + " needs a value");
        }
        return a.get(i);
    }

    private static long number(List<String> a, int i, String option) throws Usage {
        String v = value(a, i, option);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Usage(option + " takes a whole number, not " + v);
        }
    }
}
