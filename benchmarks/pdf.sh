#!/bin/sh
# PDF benchmark: COUNT generated posts (html) -> one PDF book, wall time and peak RSS; then one
# article, warm. Build first: mvn -B -q -DskipTests package
# Usage: benchmarks/pdf.sh [COUNT]   (JAVA_OPTS is passed to the JVM, e.g. JAVA_OPTS=-Xmx1g)
set -eu
cd "$(dirname "$0")/.."
COUNT=${1:-100}
WORK=${TMPDIR:-/tmp}/articlekit-pdf-bench
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
rm -rf "$WORK"
mkdir -p "$WORK"
java -cp "$CP" org.articlekit.benchmarks.PostGenerator "$WORK/posts" "$COUNT" html
# shellcheck disable=SC2086
/usr/bin/time -v java ${JAVA_OPTS:-} -cp "$CP" org.articlekit.benchmarks.PdfBenchmark book "$WORK/posts" \
    "$WORK/book.pdf" 2> "$WORK/time.txt"
grep -E 'Elapsed \(wall|Maximum resident' "$WORK/time.txt"
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$CP" org.articlekit.benchmarks.PdfBenchmark warm "$WORK/posts"
