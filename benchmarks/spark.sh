#!/usr/bin/env bash
# Scaling of the Spark job: converts one generated web archive (WARC.gz, one gzip member a record,
# a request record before each page) into Markdown posts with ./articlekit-spark on local[1] and
# local[2], and with the command line (./articlekit convert ARCHIVE -o DIR/ --to markdown) beside
# them, and reports records per second. Whole processes, timed with /usr/bin/time; the job's own
# time (from its session's start to its counts) is reported too. Writes its section of
# benchmarks/RESULTS.md (between the spark.sh markers), replacing the section of an earlier run.
#
#   benchmarks/spark.sh [--pages N] [--runs R] [--work DIR] [--no-results]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
pages=20000
runs=3
work="${TMPDIR:-/tmp}/articlekit-spark-bench"
results=1
while [ $# -gt 0 ]; do
    case "$1" in
        --pages) pages="$2"; shift 2 ;;
        --runs) runs="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --no-results) results=0; shift ;;
        -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "spark.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
command -v /usr/bin/time >/dev/null || { echo "spark.sh: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
mkdir -p "$work"
archive="$work/crawl-$pages.warc.gz"

# Build both tools before timing anything.
"$here/articlekit" --version >/dev/null
"$here/articlekit-spark" --help >/dev/null

if [ ! -s "$archive" ]; then
    echo "spark.sh: writing $archive ($pages pages)…" >&2
    python3 - "$archive" "$pages" <<'PY'
import gzip, random, sys, datetime
out, n = sys.argv[1], int(sys.argv[2])
rng = random.Random(42)
zh = list("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质")
en = ("river bakery bicycle garden station market window letter morning evening street kitchen "
      "library harbour bridge lantern orchard village ticket breakfast notebook umbrella rooftop").split()
def zh_sentence():
    return "".join(rng.choice(zh) for _ in range(rng.randint(12, 40))) + "。"
def en_sentence():
    w = [rng.choice(en) for _ in range(rng.randint(8, 20))]
    return (" ".join(w)).capitalize() + "."
with open(out, "wb") as f:
    for i in range(n):
        chinese = i % 2 == 0
        uri = "https://site%d.example.org/%d/%02d/post-%d.html" % (i % 7, 2020 + i % 6, 1 + i % 12, i)
        date = datetime.datetime(2026, 1 + i % 12, 1 + i % 28, 6, 0, 0)
        title = ("".join(rng.choice(zh) for _ in range(10))) if chinese else " ".join(rng.choice(en) for _ in range(5)).title()
        paras = []
        for p in range(rng.randint(4, 12)):
            s = zh_sentence if (chinese ^ (p % 4 == 3)) else en_sentence
            paras.append("<p>" + " ".join(s() for _ in range(rng.randint(2, 5))) + "</p>")
            if p % 4 == 1:
                paras.append("<h2>%s</h2>" % (zh_sentence()[:8] if chinese else en_sentence()[:30]))
            if p % 5 == 2:
                paras.append('<figure><img src="/img/%d-%d.jpg" alt="%s"><figcaption>%s</figcaption></figure>'
                             % (i, p, title[:6], en_sentence()))
        nav = "".join('<li><a href="/c/%d">%s</a></li>' % (k, rng.choice(en)) for k in range(8))
        html = ('<!DOCTYPE html><html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
                '<meta property="article:published_time" content="%s+08:00"><meta name="author" content="%s">'
                '</head><body><header><ul>%s</ul></header><article><h1>%s</h1>%s</article>'
                '<aside><h3>Related</h3><ul>%s</ul></aside><footer>(c) example</footer></body></html>'
                % ("zh-CN" if chinese else "en", title, date.isoformat(), "Writer %d" % (i % 40), nav, title,
                   "".join(paras), nav)).encode("utf-8")
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(html) + html
        stamp = (date.isoformat() + "Z").encode()
        for kind, block in ((b"request", b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"), (b"response", http)):
            rec = (b"WARC/1.1\r\nWARC-Type: " + kind + b"\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n" % (i * 2 + (kind == b"response"))
                   + b"WARC-Date: " + stamp + b"\r\nWARC-Target-URI: " + uri.encode() + b"\r\nContent-Type: application/http;msgtype="
                   + kind + b"\r\nContent-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n")
            f.write(gzip.compress(rec, 6))
PY
fi
archive_mb="$(du -m "$archive" | cut -f1)"

# One timed run: prints "wall cpu peak_mb job_seconds".
timed() {
    local name="$1"; shift
    local out="$work/out-$name"
    rm -rf "$out"
    local log="$work/$name.log"
    /usr/bin/time -f 'TIME %e %U %S %M' -o "$work/$name.time" "$@" "$out" >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
    local t; read -r _ wall user sys rss <"$work/$name.time"
    local job; job="$(sed -n 's/.*(\([0-9.]*\) s)$/\1/p' "$log" | tail -n 1)"
    local files; files="$(find "$out" -name '*.md' | wc -l)"
    [ "$files" = "$pages" ] || { echo "spark.sh: $name wrote $files posts, not $pages" >&2; cat "$log" >&2; exit 1; }
    rm -rf "$out"
    echo "$wall $(echo "$user + $sys" | bc) $((rss / 1024)) ${job:--}"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

declare -A rows
for r in $(seq 1 "$runs"); do
    rows[cli]+="$(timed cli "$here/articlekit" convert "$archive" --to markdown --offline --quiet -o)"$'\n'
    rows[local1]+="$(timed local1 "$here/articlekit-spark" convert --master 'local[1]' --input "$archive" --to markdown --output)"$'\n'
    rows[local2]+="$(timed local2 "$here/articlekit-spark" convert --master 'local[2]' --input "$archive" --to markdown --output)"$'\n'
    echo "spark.sh: run $r of $runs done" >&2
done

col() { printf '%s' "${rows[$1]}" | awk -v c="$2" 'NF {print $c}' | median; }
line() {
    local key="$1" label="$2"
    local wall cpu rss job
    wall="$(col "$key" 1)"; cpu="$(col "$key" 2)"; rss="$(col "$key" 3)"
    job="$(printf '%s' "${rows[$key]}" | awk 'NF && $4 != "-" {print $4}' | median)"
    [ "$key" = cli ] && job=""
    local rate; rate="$(echo "scale=0; $pages / $wall" | bc)"
    local jobrate="—"
    if [ -n "$job" ] && [ "$job" != 0 ]; then
        jobrate="$(echo "scale=0; $pages / $job" | bc)"
    else
        job=""
    fi
    echo "| $label | $wall | $cpu | $rss | ${job:-—} | $rate | $jobrate |"
}
table="$(
    echo "| Run | Wall (s) | CPU (s) | Peak RSS (MB) | Job (s) | Records/s (wall) | Records/s (job) |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    line cli "\`./articlekit convert\` (CLI)"
    line local1 "\`./articlekit-spark --master local[1]\`"
    line local2 "\`./articlekit-spark --master local[2]\`"
)"
w1="$(col local1 1)"; w2="$(col local2 1)"
scaling="$(echo "scale=2; $w1 / $w2" | bc)"
j1="$(printf '%s' "${rows[local1]}" | awk 'NF {print $4}' | median)"
j2="$(printf '%s' "${rows[local2]}" | awk 'NF {print $4}' | median)"
jscaling="$(echo "scale=2; $j1 / $j2" | bc)"
echo "$table"
echo "local[1] ÷ local[2]: wall $scaling, job $jscaling"

if [ "$results" = 1 ]; then
    section="$(cat <<MD
<!-- spark.sh: start -->
## Spark job scaling (\`benchmarks/spark.sh\`)

One generated web archive, converted into one Markdown post per page; median of $runs run(s), each
tool in turn in every run; whole processes timed with \`/usr/bin/time\`. *Job* is the time the job
itself reports (from its Spark session's start to its counts: no JVM start, no Spark start-up).

- Command: \`benchmarks/spark.sh --pages $pages --runs $runs\`
- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); ArticleKit commit $(cd "$here" && git rev-parse --short HEAD)
- Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg) at the end
- Java: $(java -version 2>&1 | head -n 1); Spark 4.0.1 (local mode, in the launcher's JVM)
- Workload: $pages HTML pages (half Chinese, half English; 4–12 paragraphs, figures, navigation), each after a request record, ${archive_mb} MB of WARC.gz

$table

Scaling, local[1] ÷ local[2]: **$scaling** in wall time, **$jscaling** in the job's own time. The
Spark runs pay about three seconds to start the JVM and the session; the job also scans the archive
on one task (the first stage) before any core converts. The command line reads one archive on one
thread (an archive is one input), so its rate is the one-core rate; the job scans the archive on
one task and spreads the pages over the partitions by name (a shuffle), so that every core converts.
<!-- spark.sh: end -->
MD
)"
    file="$here/benchmarks/RESULTS.md"
    if grep -q '<!-- spark.sh: start -->' "$file"; then
        python3 - "$file" "$section" <<'PY'
import re, sys
p, s = sys.argv[1], sys.argv[2]
t = open(p, encoding="utf-8").read()
t = re.sub(r"<!-- spark.sh: start -->.*?<!-- spark.sh: end -->", lambda m: s, t, flags=re.S)
open(p, "w", encoding="utf-8").write(t)
PY
    else
        printf '\n%s\n' "$section" >>"$file"
    fi
    echo "spark.sh: wrote its section of benchmarks/RESULTS.md" >&2
fi
