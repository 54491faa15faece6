#!/usr/bin/env bash
# Times the command-line import of one generated catalog with two commits' builds of the site, in
# turn, round after round, on this machine: a change to the importer is compared with its base in
# the same conditions (same files, same load), not with a figure measured on another day.
#
#   bench/compare-import.sh BASE [HEAD]        e.g. bench/compare-import.sh main issue-11
#
# Both commits are published as bench/run.sh publishes the site (Release, ReadyToRun). The catalog
# (seeds/ plus TITLES generated pages, made by HEAD's generator so that it holds the newer shapes)
# is imported into an empty database ROUNDS times per commit, alternating. Environment: TITLES
# (10000), ROUNDS (3), RID. Prints each run (wall-clock and CPU seconds) and the medians per commit;
# not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: bench/compare-import.sh BASE [HEAD]}
HEAD=${2:-HEAD}
TITLES=${TITLES:-10000}
ROUNDS=${ROUNDS:-3}
RID=${RID:-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { printf '== %s\n' "$*" >&2; }

for side in base head; do
    ref=$BASE; [ "$side" = head ] && ref=$HEAD
    say "publishing $ref ($(git rev-parse --short "$ref"))"
    mkdir -p "$work/src-$side"
    git archive "$ref" | tar -x -C "$work/src-$side"
    dotnet publish "$work/src-$side/src/FilmCatalog.Web" -c Release -r "$RID" --self-contained false \
        -p:PublishReadyToRun=true -o "$work/publish-$side" --nologo -v quiet >"$work/publish-$side.log" 2>&1 \
        || { cat "$work/publish-$side.log"; exit 1; }
done

say "generating $TITLES title pages with $HEAD's generator"
dotnet run --project "$work/src-head/bench/FilmCatalog.Bench.Generator" -c Release -- --titles "$TITLES" --reviews 0 --out "$work/catalog" >&2
pages=("$PWD"/seeds/*.txt "$work/catalog"/gen_[0-9]*.txt)

declare -A times cpus
for round in $(seq "$ROUNDS"); do
    for side in base head; do
        rm -rf "$work/data"; mkdir -p "$work/data"
        start=$(date +%s.%N)
        # CPU seconds (user + system) of the import beside the wall-clock time: on a machine others
        # share, the wall clock measures them too, the CPU time mostly the import.
        cpu=$( { (cd "$work/publish-$side" && ConnectionStrings__Catalog="Data Source=$work/data/catalog.db" \
            Serilog__WriteTo__1__Args__path="$work/data/logs/site-.log" TIMEFORMAT='%U %S' \
            bash -c 'time dotnet FilmCatalog.Web.dll import "$@" >"'"$work"'/import.log" 2>&1' _ "${pages[@]}") ; } 2>&1 ) \
            || { tail -5 "$work/import.log"; exit 1; }
        end=$(date +%s.%N)
        seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
        cpu=$(echo "$cpu" | tail -1 | awk '{ printf "%.2f", $1 + $2 }')
        times[$side]="${times[$side]:-} $seconds"
        cpus[$side]="${cpus[$side]:-} $cpu"
        printf 'round %d %-4s %6.2f s wall  %6.2f s CPU  %5.0f files/s  (%s)\n' "$round" "$side" "$seconds" "$cpu" \
            "$(awk -v n="${#pages[@]}" -v s="$seconds" 'BEGIN { print n / s }')" "$(tail -1 "$work/import.log")"
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for side in base head; do
    m=$(echo "${times[$side]}" | median)
    c=$(echo "${cpus[$side]}" | median)
    printf 'median %-4s %6.2f s wall  %6.2f s CPU  %5.0f files/s  (%d files, load average %s)\n' "$side" "$m" "$c" \
        "$(awk -v n="${#pages[@]}" -v s="$m" 'BEGIN { print n / s }')" "${#pages[@]}" "$(cut -d' ' -f1-3 /proc/loadavg)"
done
