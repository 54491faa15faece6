#!/usr/bin/env bash
# The scale curve (issue 13): bench/run.sh at two catalog sizes, one after the other on this machine,
# then each figure side by side with how it changed. Every per-request figure should stay within 1.5x.
#
#   bench/scale.sh                 10,000 then 100,000 titles (SMALL=, LARGE= to change them)
#   bench/scale.sh --quick         30 then 300 titles, 1 s runs: checks the script itself
#   KEEP=10000 bench/scale.sh      runs only the other size, keeping that one's figures from an earlier run
#
# Writes bench/results/scale/<titles>/ (each run's latest.json, medians.tsv, figures.tsv) and
# bench/results/scale/latest.md (the table).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--quick" ]; then SMALL=${SMALL:-30} LARGE=${LARGE:-300}; else SMALL=${SMALL:-10000} LARGE=${LARGE:-100000}; fi
OUT=bench/results/scale
mkdir -p "$OUT"

for titles in "$SMALL" "$LARGE"; do
    # KEEP=<titles> keeps that size's figures from an earlier run of this script (say so when you report them).
    [ "${KEEP:-}" = "$titles" ] && [ -f "$OUT/$titles/medians.tsv" ] && continue
    TITLES=$titles bench/run.sh "$@"
    rm -rf "${OUT:?}/$titles"
    mkdir -p "$OUT/$titles"
    cp bench/results/latest.json bench/results/figures.tsv bench/results/run/medians.tsv "$OUT/$titles/"
done

# medians.tsv: name, conns, req/s, p50, p99, max, ratio to /health, errors.
json() { sed -nE "s/.*\"$2\": ([0-9.]+).*/\1/p" "$OUT/$1/latest.json" | head -1; }
{
    echo
    echo "Scale curve: $SMALL vs $LARGE titles, one bench/run.sh each, same machine, one after the other."
    echo
    echo "| endpoint | req/s at $SMALL | req/s at $LARGE | slower by | p99 ms at $SMALL | p99 ms at $LARGE | within 1.5x |"
    echo "|---|---:|---:|---:|---:|---:|---|"
    # In the benchmark's own order: the large run's figures read first, then the small run's lines printed beside them.
    awk -F'\t' 'NR == FNR { rps[$1] = $3; p99[$1] = $5; next }
        ($1 in rps) { slower = (rps[$1] > 0 ? $3 / rps[$1] : 0); p = ($5 > 0 ? p99[$1] / $5 : 0); worst = (slower > p ? slower : p)
                      printf "| %s | %s | %s | %.2fx | %s | %s | %s |\n", $1, $3, rps[$1], slower, $5, p99[$1], (worst <= 1.5 ? "yes" : "NO (" sprintf("%.2f", worst) "x)") }' \
        "$OUT/$LARGE/medians.tsv" "$OUT/$SMALL/medians.tsv"
    echo
    echo "| figure | $SMALL titles | $LARGE titles |"
    echo "|---|---:|---:|"
    join -t $'\t' <(sort "$OUT/$SMALL/figures.tsv") <(sort "$OUT/$LARGE/figures.tsv") | sort -t $'\t' -k1,1n |
        awk -F'\t' '$1 ~ /^2[0-9] / { sub(/^[0-9]+ /, "", $1); printf "| %s | %s | %s |\n", $1, $2, $3 }'
    echo "| database size, MB | $(awk -v b="$(json "$SMALL" database_bytes)" 'BEGIN { printf "%.0f", b / 1048576 }') | $(awk -v b="$(json "$LARGE" database_bytes)" 'BEGIN { printf "%.0f", b / 1048576 }') |"
} | tee "$OUT/latest.md"
