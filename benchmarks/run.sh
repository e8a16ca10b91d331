#!/usr/bin/env bash
# Times ArticleKit's command line against pandoc, calibre (ebook-convert) and turndown on the same
# generated posts, as whole processes: wall time, CPU time (user + sys) and peak RSS from
# /usr/bin/time, the median of RUNS runs after WARMUP untimed runs. Prints one Markdown table and
# writes it, with the machine it ran on, to benchmarks/RESULTS.md (or --out FILE).
#
# Usage: benchmarks/run.sh [options]
#   --sizes "N ..."   post counts (default "100 1000"; env SIZES)
#   --large           also 10,000 posts (env LARGE=1)
#   --runs R          timed runs per job and tool, median reported (default 5; env RUNS)
#   --warmup W        untimed runs first (default 1; env WARMUP)
#   --jobs "J ..."    any of: start epub pdf html extract epub-md (default all; env JOBS)
#   --tools "T ..."   any of: articlekit pandoc calibre turndown (default all; env TOOLS)
#   --pdf-max N       Markdown -> PDF only for N <= this (default 1000; env PDF_MAX)
#   --seed S          workload seed (default 42; env SEED)
#   --work DIR        where workloads and outputs go (default a temporary folder, removed at the end;
#                     env WORK; a given folder is kept and its workloads reused)
#   --out FILE        the results file (default benchmarks/RESULTS.md; env OUT)
#   --no-build        use the jars already built
# Installs nothing: a tool that is missing is listed as "skipped: not installed".
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
root="$(cd "$here/.." && pwd -P)"
command_line="benchmarks/run.sh$(printf ' %q' "$@")"

SIZES="${SIZES:-100 1000}"
LARGE="${LARGE:-0}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
JOBS="${JOBS:-start epub pdf html extract epub-md}"
TOOLS="${TOOLS:-articlekit pandoc calibre turndown}"
PDF_MAX="${PDF_MAX:-1000}"
SEED="${SEED:-42}"
WORK="${WORK:-}"
OUT="${OUT:-$root/benchmarks/RESULTS.md}"
BUILD=1

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --sizes) SIZES="$2"; shift 2 ;;
        --large) LARGE=1; shift ;;
        --runs) RUNS="$2"; shift 2 ;;
        --warmup) WARMUP="$2"; shift 2 ;;
        --jobs) JOBS="$2"; shift 2 ;;
        --tools) TOOLS="$2"; shift 2 ;;
        --pdf-max) PDF_MAX="$2"; shift 2 ;;
        --seed) SEED="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        --out) OUT="$2"; shift 2 ;;
        --no-build) BUILD=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "run.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ "$LARGE" = 1 ] && SIZES="$SIZES 10000"
[ "$RUNS" -ge 1 ] || { echo "run.sh: --runs must be at least 1" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time (GNU time) is needed for CPU time and peak RSS" >&2; exit 1; }

if [ -z "$WORK" ]; then
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/articlekit-bench.XXXXXX")"
    trap 'rm -rf "$WORK"' EXIT
else
    mkdir -p "$WORK"
    WORK="$(cd "$WORK" && pwd -P)"
fi

has() { case " $TOOLS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
wants() { case " $JOBS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# ---- build once ---------------------------------------------------------------------------------
cd "$root"
if [ "$BUILD" = 1 ]; then
    echo "== building (mvn -B -q -DskipTests -pl benchmarks,examples -am package)" >&2
    # shellcheck disable=SC2086 # MVN_FLAGS is a list of options, such as -o
    mvn ${MVN_FLAGS:-} -B -q -DskipTests -pl benchmarks,examples -am package >&2
fi
[ -f examples/target/articlekit-cli.jar ] && [ -f benchmarks/target/classpath.txt ] \
    || { echo "run.sh: build first (or drop --no-build)" >&2; exit 1; }
# The launcher rebuilds when a source is newer than the jar; it is fresh now, so it only starts Java.
ak="$root/articlekit"
cp_bench="$root/benchmarks/target/classes:$(cat "$root/benchmarks/target/classpath.txt")"
export LC_ALL="${LC_ALL:-C.UTF-8}"

# ---- which other tools are here -----------------------------------------------------------------
declare -A present note
for t in pandoc calibre turndown; do present[$t]=0; done
note[pandoc]="skipped: not installed"
note[calibre]="skipped: not installed"
note[turndown]="skipped: not installed"
if has pandoc && command -v pandoc >/dev/null 2>&1; then present[pandoc]=1; note[pandoc]=""; fi
if has calibre && command -v ebook-convert >/dev/null 2>&1; then present[calibre]=1; note[calibre]=""; fi
if has turndown && command -v node >/dev/null 2>&1; then
    if (cd "$here" && NODE_PATH="${NODE_PATH:-}${NODE_PATH:+:}$(npm root -g 2>/dev/null || true)" \
            node -e "require.resolve('turndown')") >/dev/null 2>&1; then
        present[turndown]=1; note[turndown]=""
    else
        note[turndown]="skipped: node is here but the turndown package is not"
    fi
fi
for t in pandoc calibre turndown; do
    has "$t" || note[$t]="skipped: not asked for (--tools)"
done
wkhtmltopdf=0
command -v wkhtmltopdf >/dev/null 2>&1 && wkhtmltopdf=1
node_path="${NODE_PATH:-}${NODE_PATH:+:}$(command -v npm >/dev/null 2>&1 && npm root -g 2>/dev/null || true)"

# ---- timing -------------------------------------------------------------------------------------
rows=()      # "job|N|tool|wall|cpu|rss|output|note"
skips=()     # "job|N|tool|why"
declare -A base_wall base_cpu

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "" } else if (NR % 2) { print v[(NR + 1) / 2] } else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }

# describe PATH: what a job wrote ("1 file, 1.7 MB" or "100 files, 0.5 MB")
describe() {
    local p="$1"
    if [ -d "$p" ]; then
        local files bytes
        files="$(find "$p" -type f | wc -l)"
        bytes="$(find "$p" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')"
        awk -v f="$files" -v b="$bytes" 'BEGIN { printf "%d files, ", f; if (b < 1e6) printf "%.0f KB", b / 1e3; else printf "%.1f MB", b / 1e6 }'
    elif [ -f "$p" ]; then
        awk -v b="$(stat -c %s "$p")" 'BEGIN { if (b < 1e6) printf "1 file, %.0f KB", b / 1e3; else printf "1 file, %.1f MB", b / 1e6 }'
    else
        echo "—"
    fi
}

# measure JOB N TOOL OUTPUT CMD: removes OUTPUT before every run, runs CMD with bash -c under
# /usr/bin/time; WARMUP untimed runs, then RUNS timed ones. Appends a row; prints progress to stderr.
measure() {
    local job="$1" n="$2" tool="$3" output="$4" cmd="$5"
    local log="$WORK/log" tf="$WORK/time" i rc walls="" cpus="" rsss=""
    printf '  %-28s N=%-6s %-10s' "$job" "$n" "$tool" >&2
    for ((i = 0; i < WARMUP + RUNS; i++)); do
        rm -rf "$output"
        case "$output" in */) mkdir -p "$output" ;; esac
        rc=0
        /usr/bin/time -f '%e %U %S %M' -o "$tf" bash -c "$cmd" >"$log" 2>&1 || rc=$?
        if [ "$rc" != 0 ]; then
            local why
            why="$(grep -v '^Command exited' "$log" | tail -n 1 | cut -c1-160 | tr '|' '/')"
            echo " failed (exit $rc): $why" >&2
            rows+=("$job|$n|$tool|||||failed (exit $rc): $why")
            return 0
        fi
        if [ "$i" -ge "$WARMUP" ]; then
            read -r wall user sys rss <"$tf"
            walls+="$wall"$'\n'
            cpus+="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')"$'\n'
            rsss+="$rss"$'\n'
        fi
    done
    local w c r
    w="$(printf '%s' "$walls" | median)"
    c="$(printf '%s' "$cpus" | median)"
    r="$(printf '%s' "$rsss" | median)"
    printf ' wall %6.2f s  CPU %6.2f s  RSS %5.0f MB  (%s)\n' "$w" "$c" "$(awk -v k="$r" 'BEGIN { print k / 1024 }')" \
        "$(describe "$output")" >&2
    rows+=("$job|$n|$tool|$w|$c|$r|$(describe "$output")|")
    if [ "$tool" = ArticleKit ]; then
        base_wall["$job|$n"]="$w"
        base_cpu["$job|$n"]="$c"
    fi
}

skip() { rows+=("$1|$2|$3|||||$4"); printf '  %-28s N=%-6s %-10s %s\n' "$1" "$2" "$3" "$4" >&2; }

# other TOOL JOB N OUTPUT CMD: measures an other tool if present, else records why not
other() {
    local tool="$1" job="$2" n="$3" output="$4" cmd="$5" label
    case "$tool" in pandoc) label=pandoc ;; calibre) label=calibre ;; turndown) label=turndown ;; esac
    if [ "${present[$tool]}" = 1 ]; then
        measure "$job" "$n" "$label" "$output" "$cmd"
    else
        skip "$job" "$n" "$label" "${note[$tool]}"
    fi
}

q() { printf '%q' "$1"; }

echo "== $RUNS timed runs after $WARMUP warm-up, sizes: $SIZES; work folder $WORK" >&2
load_start="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")"
out="$WORK/out"
mkdir -p "$out"

if wants start; then
    measure "CLI start (--version)" - ArticleKit "$out/none" "$(q "$ak") --version"
    measure "CLI start (--version)" - "java -jar" "$out/none" \
        "java \${JAVA_OPTS:-} -jar $(q "$root/examples/target/articlekit-cli.jar") --version"
    other pandoc "CLI start (--version)" - "$out/none" "pandoc --version"
    other calibre "CLI start (--version)" - "$out/none" "ebook-convert --version"
fi

declare -A workload
for n in $SIZES; do
    md="$WORK/posts-$n-seed$SEED/md"
    pages="$WORK/posts-$n-seed$SEED/pages"
    if [ ! -f "$WORK/posts-$n-seed$SEED/done" ]; then
        echo "== generating $n posts (seed $SEED)" >&2
        rm -rf "$WORK/posts-$n-seed$SEED"
        java -cp "$cp_bench" org.articlekit.benchmarks.PostGenerator "$md" "$n" md "$SEED"
        java -cp "$cp_bench" org.articlekit.benchmarks.PostGenerator "$pages" "$n" pages "$SEED"
        touch "$WORK/posts-$n-seed$SEED/done"
    fi
    workload[$n]="$(find "$md" -maxdepth 1 -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { printf "%.2f MB of Markdown", s / 1e6 }'), $(find "$pages" -maxdepth 1 -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { printf "%.2f MB of HTML pages", s / 1e6 }'), $(find "$md/images" -type f | wc -l) images ($(find "$md/images" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f MB", s / 1e6 }'))"
    echo "== N=$n: ${workload[$n]}" >&2
    qmd="$(q "$md")"
    qpages="$(q "$pages")"

    if wants epub; then
        job="Markdown → EPUB"
        measure "$job" "$n" ArticleKit "$out/book.epub" "$(q "$ak") convert $qmd -o $(q "$out/book.epub") --offline --quiet"
        other pandoc "$job" "$n" "$out/book.epub" "cd $qmd && pandoc --file-scope -o $(q "$out/book.epub") *.md"
        skip "$job" "$n" calibre "n/a: ebook-convert converts one input file, not a folder of posts"
    fi

    if wants pdf; then
        job="Markdown → PDF"
        if [ "$n" -le "$PDF_MAX" ]; then
            measure "$job" "$n" ArticleKit "$out/book.pdf" "$(q "$ak") convert $qmd -o $(q "$out/book.pdf") --offline --quiet"
            if [ "${present[pandoc]}" = 1 ] && [ "$wkhtmltopdf" = 0 ]; then
                skip "$job" "$n" pandoc "skipped: wkhtmltopdf (the PDF engine) not installed"
            else
                other pandoc "$job" "$n" "$out/book.pdf" \
                    "cd $qmd && pandoc --file-scope --pdf-engine wkhtmltopdf -o $(q "$out/book.pdf") *.md"
            fi
        else
            skip "$job" "$n" ArticleKit "skipped: N > --pdf-max $PDF_MAX"
        fi
    fi

    if wants html; then
        job="Markdown → HTML (per post)"
        measure "$job" "$n" ArticleKit "$out/html/" "$(q "$ak") convert $qmd -o $(q "$out/html/") --to html --offline --quiet"
        other pandoc "$job" "$n" "$out/html/" \
            "cd $qmd && for f in *.md; do pandoc -s -f markdown -t html \"\$f\" -o $(q "$out/html")/\"\${f%.md}.html\" || exit; done"
    fi

    if wants extract; then
        job="HTML page → Markdown"
        measure "$job" "$n" ArticleKit "$out/md/" "$(q "$ak") convert $qpages -o $(q "$out/md/") --to markdown --offline --quiet"
        other pandoc "$job" "$n" "$out/md/" \
            "cd $qpages && for f in *.html; do pandoc -f html -t gfm \"\$f\" -o $(q "$out/md")/\"\${f%.html}.md\" || exit; done"
        other turndown "$job" "$n" "$out/md/" \
            "NODE_PATH=$(q "$node_path") node $(q "$here/turndown.js") $qpages $(q "$out/md")"
        other calibre "$job" "$n" "$out/md/" \
            "cd $qpages && for f in *.html; do ebook-convert \"\$f\" $(q "$out/md")/\"\${f%.html}.txt\" --txt-output-formatting=markdown >/dev/null || exit; done"
    fi

    if wants epub-md; then
        job="EPUB → Markdown"
        book="$WORK/posts-$n-seed$SEED/book.epub"
        if [ ! -f "$book" ]; then
            "$ak" convert "$md" -o "$book" --offline --quiet
        fi
        measure "$job" "$n" ArticleKit "$out/md/" "$(q "$ak") convert $(q "$book") -o $(q "$out/md/") --to markdown --quiet"
        other pandoc "$job" "$n" "$out/book.md" "pandoc -f epub -t gfm $(q "$book") -o $(q "$out/book.md")"
        other calibre "$job" "$n" "$out/book.txt" \
            "ebook-convert $(q "$book") $(q "$out/book.txt") --txt-output-formatting=markdown >/dev/null"
    fi
done

# ---- the table ----------------------------------------------------------------------------------
fmt_row() {
    local job n tool wall cpu rss output why
    IFS='|' read -r job n tool wall cpu rss output why <<<"$1"
    if [ -z "$wall" ]; then
        printf '| %s | %s | %s | — | — | — | — | — | %s |\n' "$job" "$n" "$tool" "$why"
        return
    fi
    local bw="${base_wall["$job|$n"]:-}" bc="${base_cpu["$job|$n"]:-}" rw="—" rc="—"
    if [ -n "$bw" ]; then
        rw="$(awk -v a="$wall" -v b="$bw" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }')"
        rc="$(awk -v a="$cpu" -v b="$bc" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "—" }')"
    fi
    printf '| %s | %s | %s | %.2f | %.2f | %.0f | %s | %s | %s |\n' "$job" "$n" "$tool" "$wall" "$cpu" \
        "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')" "$rw" "$rc" "$output${why:+; $why}"
}

table() {
    echo "| Job | N | Tool | Wall (s) | CPU (s) | Peak RSS (MB) | Wall ÷ ArticleKit | CPU ÷ ArticleKit | Output / note |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
    for row in "${rows[@]}"; do fmt_row "$row"; done
}

java_version="$(java -version 2>&1 | head -n 1)"
pandoc_version="$(command -v pandoc >/dev/null 2>&1 && pandoc --version | head -n 1 || echo "not installed")"
calibre_version="$(command -v ebook-convert >/dev/null 2>&1 && ebook-convert --version 2>/dev/null | head -n 1 || echo "not installed")"
node_version="$(command -v node >/dev/null 2>&1 && node --version || echo "not installed")"
cpu_model="$(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ //' || true)"
cpu_model="${cpu_model:-$(uname -m)}"
ram="$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo "?")"
os="$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s), kernel $(uname -r)"
commit="$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo "?")"
git -C "$root" diff --quiet HEAD 2>/dev/null || commit="$commit (with uncommitted changes)"

{
    echo "# Benchmark results"
    echo
    echo "Written by \`benchmarks/run.sh\`; rerun it to replace this file. Whole processes, timed with"
    echo "\`/usr/bin/time\`: the median of $RUNS run(s) after $WARMUP warm-up run(s), every tool on the same"
    echo "files in the same run. CPU is user + system time of the process and its children; peak RSS is the"
    echo "largest resident set of any one process of the job. Ratios above 1 mean the other tool took longer."
    echo
    small=0
    for n in $SIZES; do [ "$n" -lt 100 ] && small=1; done
    if [ "$RUNS" -lt 5 ] || [ "$small" = 1 ]; then
        echo "> **A short run** (N = ${SIZES// /, }; $RUNS timed run(s) per job): it shows that the harness works."
        echo "> Do not quote these numbers; a run with the defaults (100 and 1,000 posts, 5 runs) replaces them."
        echo
    fi
    echo "- Command: \`SIZES=\"$SIZES\" RUNS=$RUNS WARMUP=$WARMUP PDF_MAX=$PDF_MAX SEED=$SEED $command_line\`"
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); ArticleKit commit $commit"
    echo "- Machine: $cpu_model, $(nproc) cores, $ram RAM; $os; load average $load_start at the start, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?") at the end"
    if [ -n "${JAVA_OPTS:-}" ]; then java_opts="\`$JAVA_OPTS\`"; else java_opts="(none)"; fi
    echo "- Java: $java_version; JAVA_OPTS: $java_opts"
    echo "- pandoc: $pandoc_version; wkhtmltopdf: $([ "$wkhtmltopdf" = 1 ] && wkhtmltopdf --version 2>/dev/null | head -n 1 || echo "not installed")"
    echo "- calibre: $calibre_version; node: $node_version; turndown: ${note[turndown]:-present}"
    for n in $SIZES; do
        echo "- Workload N=$n (PostGenerator, seed $SEED): ${workload[$n]}"
    done
    echo
    table
    echo
    echo "Jobs: *Markdown → EPUB / PDF* bind the folder of posts into one book (pandoc: \`pandoc --file-scope -o book.epub *.md\`);"
    echo "*Markdown → HTML* writes one standalone page per post (pandoc: \`pandoc -s\` once per file, in one shell loop);"
    echo "*HTML page → Markdown* converts whole blog pages (ArticleKit extracts the article; \`pandoc -f html -t gfm\`"
    echo "and turndown convert the whole page, navigation and footer included); *EPUB → Markdown* reads the book"
    echo "ArticleKit wrote from the same posts (ArticleKit writes one file per chapter, pandoc one file)."
} >"$OUT.tmp"
mv "$OUT.tmp" "$OUT"

echo >&2
table
echo
echo "written to ${OUT#"$root"/}"
