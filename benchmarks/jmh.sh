#!/usr/bin/env bash
# JMH microbenchmarks of the hot paths (org.articlekit.benchmarks.jmh.HotPaths): front matter,
# Markdown -> body, the body normaliser, the extractor (whole page -> article), body -> Markdown,
# a small EPUB book and one article as PDF. Quick settings by default (1 fork, 2 x 1 s warm-up,
# 3 x 1 s measured); the whole suite takes a few minutes.
#
# Usage: benchmarks/jmh.sh [REGEX] [JMH options...]
#   benchmarks/jmh.sh                           every benchmark
#   benchmarks/jmh.sh normalizer                benchmarks whose name matches the regular expression
#   benchmarks/jmh.sh 'extractor|parsePage' -f 3 -wi 5 -i 10    longer, steadier runs
#   benchmarks/jmh.sh HotPaths -rf json -rff jmh.json            machine-readable results
#   benchmarks/jmh.sh -l                        list them;  -h for JMH's options
# NO_BUILD=1 skips the Maven build (mvn -B -q -DskipTests -pl benchmarks -am package);
# MVN_FLAGS adds Maven options (such as -o).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ "${NO_BUILD:-0}" != 1 ]; then
    # shellcheck disable=SC2086 # MVN_FLAGS is a list of options
    mvn ${MVN_FLAGS:-} -B -q -DskipTests -pl benchmarks -am package
fi
args=("$@")
# Without a regular expression first, run the HotPaths benchmarks only.
if [ ${#args[@]} -eq 0 ] || [[ "${args[0]}" == -* ]]; then
    args=("org.articlekit.benchmarks.jmh." "${args[@]}")
fi
export LC_ALL="${LC_ALL:-C.UTF-8}"
exec java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" org.openjdk.jmh.Main "${args[@]}"
