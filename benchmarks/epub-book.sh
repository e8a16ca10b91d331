#!/usr/bin/env bash
# EPUB benchmark: COUNT generated Hexo-style HTML posts (1-2 PNG images each) into one EPUB through
# the command line, reporting wall time and peak memory (/usr/bin/time -v).
#   benchmarks/epub-book.sh [COUNT] [WORKDIR]      (defaults: 1000, /tmp/articlekit-epub-bench)
set -euo pipefail
count="${1:-1000}"
work="${2:-/tmp/articlekit-epub-bench}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$root"
mvn -B -q -DskipTests -pl benchmarks,examples -am package
posts="$work/posts-$count"
if [ ! -d "$posts" ]; then
    java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
        org.articlekit.benchmarks.PostGenerator "$posts" "$count" html
fi
rm -f "$work/book-$count.epub"
/usr/bin/time -v ./articlekit convert "$posts" -o "$work/book-$count.epub" --quiet 2> "$work/time-$count.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time-$count.txt"
ls -l "$work/book-$count.epub"
