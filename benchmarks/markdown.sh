#!/usr/bin/env bash
# Markdown benchmark: (1) read + normalise + write throughput on one thread, in memory, once warm;
# (2) 1,000 generated posts to HTML through the articlekit command line (wall time, peak RSS).
# Usage: benchmarks/markdown.sh [COUNT] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000}"
seconds="${2:-20}"
work="$(mktemp -d "${TMPDIR:-/tmp}/articlekit-md-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

mvn -B -q -DskipTests -pl benchmarks,examples -am package
cp="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
java -cp "$cp" org.articlekit.benchmarks.PostGenerator "$work/posts" "$count" md
echo "== throughput (one thread)"
java -cp "$cp" org.articlekit.benchmarks.MarkdownBenchmark "$work/posts" "$seconds"
echo "== $count posts to HTML through the CLI (--jobs 2)"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, peak RSS %M KB" \
    ./articlekit convert "$work/posts" -o "$work/html" --to html --jobs 2 --quiet
ls "$work/html" | wc -l | xargs echo "HTML files written:"
