package org.articlekit.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.articlekit.Article;
import org.articlekit.ArticleDate;
import org.articlekit.ArticleSource;
import org.articlekit.BookBinder;
import org.articlekit.CategoryPath;
import org.articlekit.Metadata;
import scala.Tuple2;

/**
 * {@code --book-by}: one book per group of articles, bound by the library's {@link BookBinder} on
 * the executor that holds the group, chapters ordered as the command line orders them (date, then
 * input name, then place in the input).
 *
 * <p>The groups: {@code month} the publication (else update) month as the article wrote it
 * ({@code 2026-11}, {@code undated} for none); {@code site} the host of the source address without
 * {@code www.} (else the publisher, else {@code unknown-site}); {@code category} the first category
 * path, its segments joined by {@code /} ({@code uncategorised} for none); {@code author} the first
 * author ({@code unknown-author}). A book is named by its group's slug ({@code 2026-11.epub}), with a
 * hash of the group when the slug is not the group itself ({@code li-wei-1a2b3c4d5e6f.epub}), and
 * titled with the group.
 *
 * <p>Each record is read twice: once without images for its group, then in its group's task with
 * its images (relative images are read from local inputs' folders only).
 */
final class Books {

    private Books() {
    }

    /** One article of a record, placed in its group. */
    record Member(String group, String order, int index, InputRecord record) implements Serializable {
    }

    static List<ConvertJob.PartResult> run(JavaRDD<InputRecord> records, int parts, JobOptions options,
            HadoopFiles files) {
        return records.repartition(parts).mapPartitionsWithIndex((p, it) -> members(p, it, options), false)
                .mapToPair(m -> new Tuple2<>(m.group(), m)).groupByKey(new HashPartitioner(parts))
                .map(g -> book(g._1(), g._2(), options, files)).collect();
    }

    /** The articles of a partition's records with their groups; failures and counts under keys of their own. */
    private static Iterator<Member> members(int partition, Iterator<InputRecord> it, JobOptions options) {
        Conversion conversion = new Conversion(options, false);
        List<Member> out = new ArrayList<>();
        String marks = "\u0000" + partition;
        while (it.hasNext()) {
            InputRecord r = it.next();
            if (r.kind == InputRecord.Kind.FAILURE || r.kind == InputRecord.Kind.SKIPPED) {
                out.add(new Member(marks, "", 0, r));
                continue;
            }
            try {
                List<Conversion.Named> read = conversion.read(r);
                for (int i = 0; i < read.size(); i++) {
                    String order = r.kind == InputRecord.Kind.PAGE ? r.source + "\u0000" + String.format("%020d",
                            r.offset) : r.source;
                    out.add(new Member(group(read.get(i).article().metadata(), options.bookBy()), order, i, r));
                }
            } catch (IOException | RuntimeException e) {
                out.add(new Member(marks, "", 0, InputRecord.failure(where(r), r.offset,
                        String.valueOf(e.getMessage()))));
            }
        }
        return out.iterator();
    }

    /** Binds and writes one group's book, or reports the failures and counts a mark key carries. */
    private static ConvertJob.PartResult book(String group, Iterable<Member> members, JobOptions options,
            HadoopFiles files) throws IOException {
        List<String> failures = new ArrayList<>();
        if (group.startsWith("\u0000")) {
            long skipped = 0;
            for (Member m : members) {
                if (m.record().kind == InputRecord.Kind.SKIPPED) {
                    skipped += m.record().count;
                } else {
                    failures.add(JsonLines.failure(m.record().source,
                            java.util.Objects.requireNonNull(m.record().error)));
                }
            }
            return new ConvertJob.PartResult(new ConvertJob.Summary(0, skipped, failures.size(), 0), failures);
        }
        List<Member> sorted = new ArrayList<>();
        members.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Member::order).thenComparingInt(Member::index));
        Conversion conversion = new Conversion(options, true);
        List<Article> chapters = new ArrayList<>();
        InputRecord last = null;
        List<Conversion.Named> lastRead = List.of();
        for (Member m : sorted) {
            try {
                if (m.record() != last) {
                    last = m.record();
                    lastRead = conversion.read(m.record());
                }
                chapters.add(lastRead.get(m.index()).article());
            } catch (IOException | RuntimeException e) {
                failures.add(JsonLines.failure(where(m.record()), String.valueOf(e.getMessage())));
            }
        }
        String name = bookName(group) + "." + options.to();
        try {
            BookBinder binder = BookBinder.builder().converter(conversion.converter()).threads(1).title(group).build();
            java.util.Optional<java.nio.file.Path> local = files.local(options.output(), name);
            if (local.isPresent()) {
                binder.write(ArticleSource.articles(chapters), local.get(), options.to());
            } else {
                files.write(options.output(), name, out -> binder.write(ArticleSource.articles(chapters), out,
                        options.to()));
            }
        } catch (IOException | RuntimeException e) {
            failures.add(JsonLines.failure(options.output() + "/" + name, String.valueOf(e.getMessage())));
            return new ConvertJob.PartResult(new ConvertJob.Summary(0, 0, failures.size(), 0), failures);
        }
        return new ConvertJob.PartResult(new ConvertJob.Summary(chapters.size(), 0, failures.size(), 1), failures);
    }

    private static String where(InputRecord r) {
        return r.kind == InputRecord.Kind.PAGE ? r.uri + " (in " + r.source + " at offset " + r.offset + ")"
                : r.source;
    }

    /**
     * @param m an article's metadata
     * @param by {@code month}, {@code site}, {@code category} or {@code author}
     * @return the article's group
     */
    static String group(Metadata m, String by) {
        return switch (by) {
            case "month" -> m.published().or(m::updated).flatMap(ArticleDate::dateTime)
                    .map(t -> String.format(Locale.ROOT, "%04d-%02d", t.getYear(), t.getMonthValue()))
                    .orElse("undated");
            case "site" -> m.sourceUrl().map(u -> u.getHost()).filter(h -> h != null && !h.isEmpty())
                    .map(h -> h.toLowerCase(Locale.ROOT)).map(h -> h.startsWith("www.") ? h.substring(4) : h)
                    .or(m::publisher).orElse("unknown-site");
            case "category" -> m.categories().stream().findFirst().map(CategoryPath::segments)
                    .map(s -> String.join("/", s)).orElse("uncategorised");
            case "author" -> m.authors().stream().findFirst().orElse("unknown-author");
            default -> throw new IllegalArgumentException("--book-by takes " + JobOptions.BOOK_BY + ", not " + by);
        };
    }

    /** The file name of a group's book, without extension. */
    static String bookName(String group) {
        String slug = Names.slug(group);
        if (slug.equals(group)) {
            return slug;
        }
        return (slug.isEmpty() ? "book" : slug) + "-" + Names.hash(group);
    }
}
