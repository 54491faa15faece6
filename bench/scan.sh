#!/usr/bin/env bash
# Independent scanners against the site on loopback: wapiti (crawler plus injection, XSS, CRLF,
# redirect, header and method modules) and sqlmap (level 3, risk 2), each bounded in time, then a
# count of the site's own 5xx answers. Not part of the test suite: it runs for minutes.
#
#   bench/scan.sh                 about 8 minutes per scanner
#   SCAN_MINUTES=2 bench/scan.sh  shorter
#
# Results: bench/results/scan/ (wapiti report, sqlmap output, the site's log, summary.txt).
# The network is closed here: wapiti's wapp module would download its database at start unless
# --store-config holds a stub apps.json; ssrf is left out (it polls an outside host); --endpoint
# points at an unused loopback port; and every request asks for gzip only (Debian's Python has no
# brotli, and a br answer would hide every link from the crawler).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SCAN_MINUTES=${SCAN_MINUTES:-8}
OUT=bench/results/scan
rm -rf "$OUT"
mkdir -p "$OUT/wapiti-config" "$OUT/data"

say() { printf '== %s\n' "$*" >&2; }

missing=()
command -v wapiti >/dev/null || missing+=(wapiti)
command -v sqlmap >/dev/null || missing+=(sqlmap)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages)"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
UNUSED_PORT=$(free_port)
BASE="http://127.0.0.1:$PORT"

say "building the site (Release)"
dotnet build src/FilmCatalog.Web -c Release --nologo -v quiet >"$OUT/build.log" 2>&1 || { cat "$OUT/build.log"; exit 1; }

# The deployed configuration (Production), seeded from seeds/, with the write budgets raised so the
# scanners reach every form instead of a 429 after the first few posts.
say "starting the site on $BASE"
(
    cd src/FilmCatalog.Web/bin/Release/net10.0
    exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$BASE" \
        ConnectionStrings__Catalog="Data Source=$ROOT/$OUT/data/catalog.db" \
        Catalog__SeedsPath="$ROOT/seeds" \
        Serilog__WriteTo__1__Args__path="$ROOT/$OUT/data/logs/site-.log" \
        RateLimits__ReviewsPerWindow=1000000 RateLimits__VotesPerWindow=1000000 RateLimits__ReportsPerWindow=1000000 \
        Reviews__CountedVotesPerAddress=1000000 \
        dotnet FilmCatalog.Web.dll
) >"$OUT/site-console.log" 2>&1 &
SITE_PID=$!
trap 'kill "$SITE_PID" 2>/dev/null || true' EXIT
for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health" || true)" = 200 ] && break
    sleep 0.1
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/health")" = 200 ] || { echo "the site did not start" >&2; tail -20 "$OUT/site-console.log" >&2; exit 1; }

SLUG=$(curl -s -H 'Accept-Encoding: identity' "$BASE/" | grep -oE 'href="/title/[a-z0-9-]+"' | head -1 | sed -E 's|href="/title/([^"]+)"|\1|')
REVIEW=$(curl -s -H 'Accept-Encoding: identity' "$BASE/title/$SLUG" | grep -oE '/reviews/[0-9]+/vote' | head -1 | grep -oE '[0-9]+')
say "seeded film: $SLUG, review $REVIEW"

# --- wapiti ------------------------------------------------------------------------------------
echo '{"technologies": {}, "categories": {}}' >"$OUT/wapiti-config/apps.json"
MODULES=backup,blindsql,cookieflags,crlf,csp,csrf,exec,file,htaccess,http_headers,methods,permanentxss,redirect,sql,xss,xxe
WAPITI=(wapiti -u "$BASE/" --scope folder -m "$MODULES" --flush-session
    --store-config "$OUT/wapiti-config" --store-session "$OUT/wapiti-session"
    --max-scan-time $((SCAN_MINUTES * 60)) --max-attack-time $((SCAN_MINUTES * 60 / 4)) -t 10
    -H "Accept-Encoding: gzip" --no-bugreport --endpoint "http://127.0.0.1:$UNUSED_PORT/"
    -f txt -o "$OUT/wapiti-report.txt" -v 1)
say "wapiti, at most $SCAN_MINUTES minutes: ${WAPITI[*]}"
printf '%s\n' "${WAPITI[*]}" >"$OUT/commands.txt"
timeout $((SCAN_MINUTES * 60 + 120)) "${WAPITI[@]}" >"$OUT/wapiti.log" 2>&1 || echo "wapiti exited with $?" >>"$OUT/wapiti.log"

# --- sqlmap ------------------------------------------------------------------------------------
# Every query parameter of the all-reviews page, then every form the crawler finds from the title
# page (sqlmap refreshes the antiforgery token from each form before it posts).
SQLMAP_COMMON=(--batch --level 3 --risk 2 --threads 1 --time-sec 2 --flush-session
    --headers "Accept-Encoding: gzip" --output-dir "$OUT/sqlmap")
SQLMAP_QUERY=(sqlmap -u "$BASE/title/$SLUG/reviews?sort=newest&after=1_1&rating=5&spoilers=hide" "${SQLMAP_COMMON[@]}")
SQLMAP_FORMS=(sqlmap -u "$BASE/title/$SLUG" --crawl 2 --forms --csrf-token __RequestVerificationToken "${SQLMAP_COMMON[@]}")
SQLMAP_VOTE=(sqlmap -u "$BASE/reviews/$REVIEW/vote" --data "helpful=yes&__RequestVerificationToken=x" --csrf-token __RequestVerificationToken --csrf-url "$BASE/reviews/$REVIEW/vote" "${SQLMAP_COMMON[@]}")
for command in SQLMAP_QUERY SQLMAP_FORMS SQLMAP_VOTE; do
    declare -n run=$command
    say "sqlmap, at most $((SCAN_MINUTES / 3 + 1)) minutes: ${run[*]}"
    printf '%s\n' "${run[*]}" >>"$OUT/commands.txt"
    timeout $(((SCAN_MINUTES / 3 + 1) * 60)) "${run[@]}" >>"$OUT/sqlmap.log" 2>&1 || echo "sqlmap exited with $?" >>"$OUT/sqlmap.log"
done

# --- outcome -----------------------------------------------------------------------------------
kill "$SITE_PID" 2>/dev/null || true
wait "$SITE_PID" 2>/dev/null || true
requests=$(cat "$OUT"/data/logs/*.log 2>/dev/null | grep -c ' responded ' || true)
server_errors=$(cat "$OUT"/data/logs/*.log 2>/dev/null | grep -cE ' responded 5[0-9][0-9] ' || true)
faults=$(cat "$OUT"/data/logs/*.log 2>/dev/null | grep -c '\] Fault ' || true)
wapiti_findings=$(awk '/^Summary of vulnerabilities/,/^\*\*\*\*\*\*/' "$OUT/wapiti-report.txt" 2>/dev/null | grep -E ':\s+[1-9][0-9]*$' || true)
sqlmap_injectable=$(grep -ciE 'sqlmap identified the following injection point|parameter .* is vulnerable' "$OUT/sqlmap.log" || true)
sqlmap_clean=$(grep -cE "parameter '[^']+' does not seem to be injectable" "$OUT/sqlmap.log" || true)
{
    echo "scan of $BASE on $(date -u +%Y-%m-%dT%H:%M:%SZ), $SCAN_MINUTES minutes per scanner"
    echo "requests logged by the site (refusals and slow ones; fast 2xx/3xx are at Debug): $requests"
    echo "5xx answers in the site's log: $server_errors; fault lines: $faults"
    echo "wapiti findings (category: count): ${wapiti_findings:-none}"
    echo "sqlmap: injection points found: $sqlmap_injectable; parameters tested clean: $sqlmap_clean"
} | tee "$OUT/summary.txt"
