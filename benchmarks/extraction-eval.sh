#!/bin/sh
# Extraction quality (token F1, exact titles) on ../shared/corpus and warm extraction speed.
# Usage: benchmarks/extraction-eval.sh [CORPUS_DIR] [SECONDS]   (run from the repository root)
set -e
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus}"
mvn -B -q -DskipTests -pl benchmarks -am package
exec java -Xss8m -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    org.articlekit.benchmarks.ExtractionEval "$CORPUS" "${2:-10}"
