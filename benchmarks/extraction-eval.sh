#!/bin/sh
# Extraction quality on every visible set of ../shared/corpus (readability, the Chinese blog pages and
# the public benchmarks in extraction-ext) as one table, and warm extraction speed.
# Usage: benchmarks/extraction-eval.sh [CORPUS_DIR] [SECONDS] [--details] [--snippets] [--all] [--sets=a,b]
#   (run from the repository root). SECONDS 0 skips the speed measurement; --snippets lists the
#   trafilatura set's snippets missed and found unwanted; --all lists every page's score (for
#   comparing two runs); --sets scores only the sets named
#   (readability, html-pages, scrapinghub, trafilatura, cwced).
set -e
cd "$(dirname "$0")/.."
CORPUS="${1:-../shared/corpus}"
SECONDS_EACH="${2:-10}"
DETAILS=false
SNIPPETS=false
ALL=false
SETS=
[ $# -ge 2 ] && shift 2 || shift $#
for arg in "$@"; do
    case "$arg" in
        --details) DETAILS=true ;;
        --snippets) DETAILS=true; SNIPPETS=true ;;
        --all) DETAILS=true; ALL=true ;;
        --sets=*) SETS="${arg#--sets=}" ;;
        *) echo "extraction-eval.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done
mvn -B -o -q -DskipTests -pl benchmarks -am package
exec java -Xss8m -Deval.details=$DETAILS -Deval.all=$ALL -Deval.snippets=$SNIPPETS -Deval.sets="$SETS" \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    org.articlekit.benchmarks.ExtractionEval "$CORPUS" "$SECONDS_EACH"
