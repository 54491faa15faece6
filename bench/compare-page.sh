#!/usr/bin/env bash
# Compares what one page costs to render fresh (page cache off) with two commits' builds of the site,
# both running at once on this machine and measured in turn, round after round: a change to a page
# is compared with its base in the same conditions, not with a figure measured on another day.
#
#   bench/compare-page.sh BASE [HEAD]        e.g. bench/compare-page.sh main issue-12
#
# Both commits are published as bench/run.sh publishes the site (Release, ReadyToRun) and import
# seeds/ into a catalog of their own. Each round runs wrk on PAGE against one site, then the other,
# and reads the site process's CPU time (user + system, /proc) around the run: CPU milliseconds per
# page is what a busy machine disturbs least; requests per second is printed beside it. Then the
# page's size: plain, gzip and br, as a browser fetches it. Environment: PAGE
# (/title/in-the-soup-1992), ROUNDS (6), SECONDS_PER_RUN (8), RID. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
BASE=${1:?usage: bench/compare-page.sh BASE [HEAD]}
HEAD=${2:-HEAD}
PAGE=${PAGE:-/title/in-the-soup-1992}
ROUNDS=${ROUNDS:-6}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
RID=${RID:-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production

work=$(mktemp -d)
declare -A port pid
cleanup() { for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
say() { printf '== %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

for side in base head; do
    ref=$BASE; [ "$side" = head ] && ref=$HEAD
    say "publishing $ref ($(git rev-parse --short "$ref")) and importing seeds/"
    mkdir -p "$work/src-$side" "$work/data-$side"
    git archive "$ref" | tar -x -C "$work/src-$side"
    dotnet publish "$work/src-$side/src/FilmCatalog.Web" -c Release -r "$RID" --self-contained false \
        -p:PublishReadyToRun=true -o "$work/publish-$side" --nologo -v quiet >"$work/publish-$side.log" 2>&1 \
        || { cat "$work/publish-$side.log"; exit 1; }
    export ConnectionStrings__Catalog="Data Source=$work/data-$side/catalog.db" Serilog__WriteTo__1__Args__path="$work/data-$side/logs/site-.log"
    (cd "$work/publish-$side" && dotnet FilmCatalog.Web.dll import "$root"/seeds/*.txt >"$work/import-$side.log" 2>&1) \
        || { cat "$work/import-$side.log"; exit 1; }
    port[$side]=$(free_port)
    (cd "$work/publish-$side" && exec env ASPNETCORE_URLS="http://127.0.0.1:${port[$side]}" Caching__Enabled=false \
        dotnet FilmCatalog.Web.dll) >"$work/site-$side.log" 2>&1 &
    pid[$side]=$!
    unset ConnectionStrings__Catalog Serilog__WriteTo__1__Args__path
done

cat >"$work/get.lua" <<'EOF'
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Encoding"] = "br, gzip"
EOF
for side in base head; do
    for _ in $(seq 6000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port[$side]}$PAGE" || true)" = 200 ] && break
        sleep 0.01
    done
    wrk -t1 -c2 -d"${SECONDS_PER_RUN}s" -s "$work/get.lua" "http://127.0.0.1:${port[$side]}$PAGE" >/dev/null # warm-up: JIT tiers, caches
done

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
declare -A cpus
for round in $(seq "$ROUNDS"); do
    for side in base head; do
        before=$(ticks "${pid[$side]}")
        out=$(wrk -t1 -c2 -d"${SECONDS_PER_RUN}s" -s "$work/get.lua" "http://127.0.0.1:${port[$side]}$PAGE")
        after=$(ticks "${pid[$side]}")
        requests=$(awk '/requests in/ { print $1 }' <<<"$out")
        errors=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
        [ -z "$errors" ] || { echo "$side answered $errors non-2xx responses" >&2; exit 1; }
        ms=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
        cpus[$side]="${cpus[$side]:-} $ms"
        printf 'round %d %-4s %7.3f ms CPU per page  %7.1f pages/s\n' "$round" "$side" "$ms" \
            "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for side in base head; do
    url="http://127.0.0.1:${port[$side]}$PAGE"
    printf 'median %-4s %7.3f ms CPU per page; %s bytes plain, %s gzip, %s br (load average %s)\n' "$side" \
        "$(echo "${cpus[$side]}" | median)" "$(curl -s "$url" | wc -c)" \
        "$(curl -s -H 'Accept-Encoding: gzip' "$url" | wc -c)" "$(curl -s -H 'Accept-Encoding: br' "$url" | wc -c)" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
done
