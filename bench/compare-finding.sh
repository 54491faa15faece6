#!/usr/bin/env bash
# Compares what finding costs (search, suggestions, people and genre pages, the queries bench/run.sh
# sends) with two commits' builds of the site, both running at once on copies of one imported
# catalog and measured in turn, round after round, as bench/compare-page.sh does for a title page.
#
#   bench/compare-finding.sh CATALOG_DB BASE [HEAD]     e.g. bench/compare-finding.sh bench/results/run/data/catalog.db main
#
# CATALOG_DB is a SQLite catalog already imported (bench/run.sh leaves one in bench/results/run/data/);
# it is copied for each side and never written. Each round runs wrk on each endpoint against one
# site, then the other, and reads the site's CPU time (user + system, /proc) around the run: CPU
# milliseconds per request is what a busy machine disturbs least; requests per second and p99 are
# printed beside it. Environment: ROUNDS (3), SECONDS_PER_RUN (5), CONNECTIONS (16, as bench/run.sh),
# WORK (a folder to keep the published builds in between runs, keyed by commit), RID. Not part of
# the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
CATALOG_DB=$(realpath "${1:?usage: bench/compare-finding.sh CATALOG_DB BASE [HEAD]}")
BASE=${2:?usage: bench/compare-finding.sh CATALOG_DB BASE [HEAD]}
HEAD=${3:-HEAD}
ROUNDS=${ROUNDS:-3}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-5}
CONNECTIONS=${CONNECTIONS:-16}
RID=${RID:-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ASPNETCORE_ENVIRONMENT=Production

keep=${WORK:-}
work=$(mktemp -d)
[ -n "$keep" ] && mkdir -p "$keep"
declare -A port pid
cleanup() { for p in "${pid[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
say() { printf '== %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# The queries bench/run.sh sends, drawn from the catalog the same way.
q() { sqlite3 -batch -noheader "$CATALOG_DB" "$1"; }
PAGE_SLUG=$(q "SELECT \"TitleSlug\" FROM \"ImportRecords\" WHERE \"FileName\" = 'gen_000001.txt'")
FIRST_NAME=$(q "SELECT n.\"Folded\" FROM \"TitleNames\" n JOIN \"Titles\" t ON t.\"Id\" = n.\"TitleId\" WHERE t.\"Slug\" = '$PAGE_SLUG' AND n.\"Variant\" = 0")
SEARCH_ONE=$(tr ' ' '\n' <<<"$FIRST_NAME" | awk '{ print length, $0 }' | sort -k1,1nr -k2 | head -1 | cut -d' ' -f2)
SEARCH_TWO=$(q "SELECT \"Folded\" FROM \"PersonNames\" ORDER BY \"Key\" LIMIT 1 OFFSET 1" | tr ' ' '\n' | tac | paste -sd+)
TOP_PERSON=$(q "SELECT \"Slug\" FROM \"PersonNames\" ORDER BY \"Key\" LIMIT 1")
SEARCH_PREFIX=$(cut -c1-3 <<<"${TOP_PERSON##*-}")
GENRE=$(q "SELECT \"Genre\" FROM \"TitleListings\" WHERE \"Genre\" <> '' GROUP BY \"Genre\" ORDER BY COUNT(*) DESC, \"Genre\" LIMIT 1")
GENRE_TITLES=$(q "SELECT COUNT(*) FROM \"TitleListings\" WHERE \"Genre\" = '$GENRE'")
GENRE_DEEP=$(q "SELECT t.\"Slug\" FROM \"TitleListings\" l JOIN \"Titles\" t ON t.\"Id\" = l.\"TitleId\" WHERE l.\"Genre\" = '$GENRE' ORDER BY l.\"RatingTenths\" DESC, l.\"TitleId\" DESC LIMIT 1 OFFSET $(( GENRE_TITLES * 9 / 10 ))")
PATHS=(
    "/search?q=$SEARCH_ONE"
    "/search?q=$SEARCH_TWO"
    "/search?q=$SEARCH_PREFIX"
    "/search?q=qzxjvw"
    "/search/suggest?q=$SEARCH_PREFIX"
    "/name/$TOP_PERSON"
    "/genre/$GENRE"
    "/genre/$GENRE?after=$GENRE_DEEP"
)
[ -n "${ONLY:-}" ] && mapfile -t PATHS < <(printf '%s\n' "${PATHS[@]}" | grep -E "$ONLY")

for side in base head; do
    ref=$BASE; [ "$side" = head ] && ref=$HEAD
    sha=$(git rev-parse --short "$ref")
    publish="${keep:-$work}/publish-$sha"
    if [ ! -f "$publish/FilmCatalog.Web.dll" ]; then
        say "publishing $ref ($sha)"
        rm -rf "$work/src-$side" && mkdir -p "$work/src-$side"
        git archive "$ref" | tar -x -C "$work/src-$side"
        dotnet publish "$work/src-$side/src/FilmCatalog.Web" -c Release -r "$RID" --self-contained false \
            -p:PublishReadyToRun=true -o "$publish" --nologo -v quiet >"$work/publish-$side.log" 2>&1 \
            || { cat "$work/publish-$side.log"; exit 1; }
    fi
    mkdir -p "$work/data-$side"
    cp "$CATALOG_DB" "$work/data-$side/catalog.db"
    port[$side]=$(free_port)
    (cd "$publish" && exec env ASPNETCORE_URLS="http://127.0.0.1:${port[$side]}" Caching__Enabled=false \
        ConnectionStrings__Catalog="Data Source=$work/data-$side/catalog.db" Serilog__WriteTo__1__Args__path="$work/data-$side/logs/site-.log" \
        dotnet FilmCatalog.Web.dll) >"$work/site-$side.log" 2>&1 &
    pid[$side]=$!
done

cat >"$work/get.lua" <<'EOF'
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Encoding"] = "br, gzip"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d\n", summary.requests, latency:percentile(99), summary.errors.status))
end
EOF
for side in base head; do
    for _ in $(seq 12000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${port[$side]}/health" || true)" = 200 ] && break
        sleep 0.01
    done
    for path in "${PATHS[@]}"; do # warm-up: JIT tiers, the database's pages
        wrk -t1 -c2 -d2s -s "$work/get.lua" "http://127.0.0.1:${port[$side]}$path" >/dev/null
    done
done

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
declare -A cpus rates p99s
for round in $(seq "$ROUNDS"); do
    for path in "${PATHS[@]}"; do
        for side in base head; do
            before=$(ticks "${pid[$side]}")
            out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 5s -s "$work/get.lua" "http://127.0.0.1:${port[$side]}$path")
            after=$(ticks "${pid[$side]}")
            read -r requests p99 errors < <(awk '/^RESULT/ { print $2, $3, $4 }' <<<"$out")
            [ "$errors" = 0 ] || { echo "$side answered $errors non-2xx responses on $path" >&2; exit 1; }
            ms=$(awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.3f", t * 1000 / hz / n }')
            rps=$(awk -v n="$requests" -v s="$SECONDS_PER_RUN" 'BEGIN { printf "%.1f", n / s }')
            cpus[$side$path]="${cpus[$side$path]:-} $ms"
            rates[$side$path]="${rates[$side$path]:-} $rps"
            p99s[$side$path]="${p99s[$side$path]:-} $(awk -v u="$p99" 'BEGIN { printf "%.1f", u / 1000 }')"
            printf 'round %d %-4s %-50s %8.3f ms CPU/request %8.1f req/s\n' "$round" "$side" "$path" "$ms" "$rps" >&2
        done
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
printf '\nmedians of %d rounds, %d connections, load average %s\n' "$ROUNDS" "$CONNECTIONS" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-50s %12s %12s %8s %10s %10s %9s %9s\n' path "base ms CPU" "head ms CPU" ratio "base req/s" "head req/s" "base p99" "head p99"
for path in "${PATHS[@]}"; do
    b=$(echo "${cpus[base$path]}" | median); h=$(echo "${cpus[head$path]}" | median)
    printf '%-50s %12.3f %12.3f %8.2f %10.1f %10.1f %9.1f %9.1f\n' "$path" "$b" "$h" "$(awk -v b="$b" -v h="$h" 'BEGIN { print (h > 0 ? b / h : 0) }')" \
        "$(echo "${rates[base$path]}" | median)" "$(echo "${rates[head$path]}" | median)" \
        "$(echo "${p99s[base$path]}" | median)" "$(echo "${p99s[head$path]}" | median)"
done
