#!/bin/sh
# Extraction quality on every visible set of ../shared/corpus (readability, the Chinese blog pages and
# the public benchmarks in extraction-ext) as one table, and warm extraction speed.
# Usage: benchmarks/extraction-eval.sh [CORPUS_DIR] [SECONDS] [--details]   (run from the repository root)
set -e
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus}"
DETAILS=false
[ "$3" = "--details" ] && DETAILS=true
mvn -B -o -q -DskipTests -pl benchmarks -am package
exec java -Xss8m -Deval.details=$DETAILS -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    org.articlekit.benchmarks.ExtractionEval "$CORPUS" "${2:-10}"
