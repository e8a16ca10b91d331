#!/bin/sh
# PDF benchmark: COUNT generated Markdown posts (with their pictures) -> one PDF book with the
# command line, as users run it: wall time, peak RSS and file size; then one article, warm
# (PdfBenchmark). Build first: mvn -B -q -DskipTests -pl benchmarks,examples -am package
# Usage: benchmarks/pdf.sh [COUNT]   (JAVA_OPTS goes to the JVM, e.g. JAVA_OPTS=-Xmx512m to try a
# 10,000-post book in half a gigabyte of heap)
set -eu
cd "$(dirname "$0")/.."
COUNT=${1:-100}
WORK=${TMPDIR:-/tmp}/articlekit-pdf-bench
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
rm -rf "$WORK"
mkdir -p "$WORK"
java -cp "$CP" org.articlekit.benchmarks.PostGenerator "$WORK/posts" "$COUNT" md
# the launcher's JVM settings (see ./articlekit), without its class-data archive
# shellcheck disable=SC2086
/usr/bin/time -v java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewRatio=3 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 ${JAVA_OPTS:-} -jar examples/target/articlekit-cli.jar \
    convert "$WORK/posts" -o "$WORK/book.pdf" --offline --quiet 2> "$WORK/time.txt" || { cat "$WORK/time.txt"; exit 1; }
grep -E 'Elapsed \(wall|Maximum resident' "$WORK/time.txt"
echo "book.pdf: $(stat -c %s "$WORK/book.pdf") bytes"
java -cp "$CP" org.articlekit.benchmarks.PostGenerator "$WORK/one" 1 html
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$CP" org.articlekit.benchmarks.PdfBenchmark warm "$WORK/one"
rm -rf "$WORK/posts"
