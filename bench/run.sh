#!/usr/bin/env bash
# The benchmark, in one command: build, fresh database, import seeds/ plus a generated catalog,
# start the site as a user would, drive it with wrk in interleaved rounds, print a table and write
# bench/results/latest.json.
#
#   bench/run.sh            full size: 10,000 titles, 100,000 reviews on one film, 5 s x 3 rounds
#   bench/run.sh --quick    small size and 1 s runs, to check that the benchmark itself works
#   CATALOG_PROVIDER=Postgres bench/run.sh [--quick]
#                           the same figures on SQLite, then on PostgreSQL with Redis (started for the
#                           run by tests/servers.sh, as ./test.sh does), then both side by side
#
#   TITLES=100000 bench/run.sh
#                           finding at scale: search, suggestions, people and genre pages at 100,000
#                           titles, to compare with the default run's 10,000 (issue 10: within 1.5x)
#
# Environment: ROUNDS, DURATION (wrk -d), TITLES, REVIEWS, PAGE_CONNECTIONS, VOTE_CONNECTIONS,
# SEARCH_CONNECTIONS, PORT, CATALOG_PROVIDER (Sqlite, the default, or Postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# With CATALOG_PROVIDER=Postgres the script runs itself twice, one phase per provider, each writing
# its figures under bench/results/<provider>/, then prints them side by side (bench/results/latest.md).
if [ "${CATALOG_PROVIDER:-Sqlite}" = Postgres ] && [ -z "${BENCH_PHASE:-}" ]; then
    BENCH_PHASE=Sqlite "$0" "$@"
    . tests/servers.sh
    trap servers_down EXIT
    servers_up
    BENCH_PHASE=Postgres "$0" "$@"
    {
        echo
        echo "Side by side, one run (each provider's ratios are to its own /health baseline):"
        echo
        echo "| figure | SQLite | PostgreSQL + Redis |"
        echo "|---|---:|---:|"
        join -t $'\t' <(sort bench/results/sqlite/figures.tsv) <(sort bench/results/postgres/figures.tsv) | sort -t $'\t' -k1,1n |
            awk -F'\t' '{ sub(/^[0-9]+ /, "", $1); printf "| %s | %s | %s |\n", $1, $2, $3 }'
    } | tee bench/results/latest.md
    exit 0
fi
PHASE=${BENCH_PHASE:-Sqlite}

QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1
if [ $QUICK = 1 ]; then
    TITLES=${TITLES:-30} REVIEWS=${REVIEWS:-300} ROUNDS=${ROUNDS:-1} DURATION=${DURATION:-1s}
else
    TITLES=${TITLES:-10000} REVIEWS=${REVIEWS:-100000} ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-5s}
fi
PAGE_CONNECTIONS=${PAGE_CONNECTIONS:-32}
VOTE_CONNECTIONS=${VOTE_CONNECTIONS:-16}
SEARCH_CONNECTIONS=${SEARCH_CONNECTIONS:-16}
PORT=${PORT:-5181}
FRESH_PORT=$((PORT + 1))

SHARED=bench/results
RESULTS=$SHARED
[ -n "${BENCH_PHASE:-}" ] && RESULTS="$SHARED/$(tr '[:upper:]' '[:lower:]' <<<"$PHASE")"
RUN="$RESULTS/run"
PUBLISH="$SHARED/publish"
CATALOG="$SHARED/catalog-$TITLES-$REVIEWS"
DATA="$RUN/data"
LUA="$RUN/lua"
mkdir -p "$RESULTS"
rm -rf "$RUN"
mkdir -p "$RUN" "$LUA"

say() { printf '== %s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages)"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- build and catalog -------------------------------------------------------------------------
# ReadyToRun: the site's and its packages' code is compiled ahead of time for this machine's
# runtime identifier, so the first requests after a start do not wait for the JIT (first title
# page 1.9 s -> 1.2 s). It needs the runtime pack from NuGet; RID=... overrides the identifier.
RID=${RID:-linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')}
say "$PHASE: publishing the site in Release, ReadyToRun for $RID, to $PUBLISH"
rm -rf "$PUBLISH"
dotnet publish src/FilmCatalog.Web -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o "$PUBLISH" --nologo -v quiet >"$RUN/publish.log" 2>&1 || { cat "$RUN/publish.log"; exit 1; }

if [ ! -f "$CATALOG/.complete" ]; then
    say "generating $TITLES titles and one film with $REVIEWS reviews in $CATALOG"
    rm -rf "$CATALOG"
    dotnet run --project bench/FilmCatalog.Bench.Generator -c Release -- --titles "$TITLES" --reviews "$REVIEWS" --out "$CATALOG" >&2
    touch "$CATALOG/.complete"
fi

# The site runs from its publish folder (its content root), as a deployed site would.
SITE="dotnet FilmCatalog.Web.dll"
site() { (cd "$PUBLISH" && exec $SITE "$@"); }
export ASPNETCORE_ENVIRONMENT=Production
# The runtime setting the README recommends for a deployment (Configuration): an 8 MB budget for the
# youngest generation instead of one sized from the CPU's cache. Only an environment variable can set it.
export DOTNET_GCgen0size=${DOTNET_GCgen0size:-0x800000}
if [ "$PHASE" = Postgres ]; then
    # The run's own database and Redis (tests/servers.sh); the same settings a deployment would use.
    # (Two sites of 40 connections each fit the server's 100 beside the run's own.)
    export Catalog__Provider=Postgres ConnectionStrings__Catalog="$FILMCATALOG_TEST_POSTGRES;Maximum Pool Size=40" ConnectionStrings__Redis="$FILMCATALOG_TEST_REDIS"
    export Catalog__DataFolder="$PWD/$DATA"
    Reviews__AddressHashKey=$(head -c 32 /dev/urandom | base64)
    export Reviews__AddressHashKey
    pg() { sed -nE "s/.*(^|;)$1=([^;]*).*/\2/p" <<<"$FILMCATALOG_TEST_POSTGRES"; }
    q() { PGPASSWORD=$(pg Password) psql -X -q -At -h "$(pg Host)" -p "$(pg Port)" -U "$(pg Username)" -d "$(pg Database)" -c "$1"; }
    # The shortest text that reads back as the same double, for the deep page's cursor.
    score_text='"HelpfulScore"::text'
else
    DB="$PWD/$DATA/catalog.db"
    export ConnectionStrings__Catalog="Data Source=$DB"
    q() { sqlite3 -batch -noheader "$DB" "$1"; }
    score_text="printf('%!.17g', \"HelpfulScore\")"
fi

# --- import throughput -------------------------------------------------------------------------
# Two timed runs into the empty catalog: the title pages (seeds/ and the generated ones), then the one
# page carrying the big film's reviews, whose cost is its reviews rather than its being a file.
BIG_FILE="$PWD/$CATALOG/gen_big_reviews.txt"
timed_import() { # paths... -> seconds on stdout
    local start end
    start=$(date +%s.%N)
    site import "$@" >>"$RUN/import.log" 2>&1 || { tail -5 "$RUN/import.log" >&2; exit 1; }
    end=$(date +%s.%N)
    tail -1 "$RUN/import.log" >&2
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }'
}
# The title pages are handed over as two folders, not one argument per file: at 100,000 titles the
# paths would pass the system's limit on a command line. The generated pages are hard-linked (copied
# across file systems) into a folder of their own, without the big page; a folder is read in name order.
PAGES="$PWD/$RUN/pages"
mkdir -p "$PAGES"
find "$PWD/$CATALOG/" -maxdepth 1 -name 'gen_[0-9]*.txt' -exec ln -t "$PAGES" {} + 2>/dev/null \
    || find "$PWD/$CATALOG/" -maxdepth 1 -name 'gen_[0-9]*.txt' -exec cp -t "$PAGES" {} +
files=$(( $(find "$PWD/seeds" -maxdepth 1 -name '*.txt' | wc -l) + $(find "$PAGES" -maxdepth 1 -name '*.txt' | wc -l) ))
say "importing $files title pages into an empty catalog"
: >"$RUN/import.log"
import_seconds=$(timed_import "$PWD/seeds" "$PAGES") || exit 1
import_rate=$(awk -v n="$files" -v s="$import_seconds" 'BEGIN { printf "%.0f", n / s }')
# The import's own split (its "time:" line): the one writer's seconds, and reading and parsing summed over its threads.
import_writing=$(sed -nE 's/^time: .* ([0-9.]+) s writing.*/\1/p' "$RUN/import.log" | tail -1)
import_parsing=$(sed -nE 's/^time: .* ([0-9.]+) s reading and parsing.*/\1/p' "$RUN/import.log" | tail -1)
say "importing the page with the big film's reviews"
big_import_seconds=$(timed_import "$BIG_FILE") || exit 1

# Identifiers quoted, so each query reads the same on SQLite and PostgreSQL.
BIG_SLUG=$(q "SELECT \"TitleSlug\" FROM \"ImportRecords\" WHERE \"FileName\" = 'gen_big_reviews.txt'")
BIG_ID=$(q "SELECT \"Id\" FROM \"Titles\" WHERE \"Slug\" = '$BIG_SLUG'")
PAGE_SLUG=$(q "SELECT \"TitleSlug\" FROM \"ImportRecords\" WHERE \"FileName\" = 'gen_000001.txt'")
BIG_REVIEWS=$(q "SELECT COUNT(*) FROM \"Reviews\" WHERE \"TitleId\" = $BIG_ID AND \"Status\" = 0")
DEEP_OFFSET=$(( BIG_REVIEWS * 9 / 10 ))
DEEP_CURSOR=$(q "SELECT $score_text || '_' || \"Id\" FROM \"Reviews\" WHERE \"TitleId\" = $BIG_ID AND \"Status\" = 0 ORDER BY \"HelpfulScore\" DESC, \"Id\" DESC LIMIT 1 OFFSET $DEEP_OFFSET")
VOTE_REVIEW=$(q "SELECT \"Id\" FROM \"Reviews\" WHERE \"TitleId\" = $BIG_ID AND \"Status\" = 0 ORDER BY \"Id\" LIMIT 1 OFFSET $(( BIG_REVIEWS / 2 ))")
q "SELECT '/title/' || \"Slug\" FROM \"Titles\" WHERE NOT \"IsCardOnly\" AND \"Id\" <> $BIG_ID ORDER BY \"Id\"" >"$RUN/fresh-paths.txt"

# Finding (issue 10): queries drawn from the catalog itself, so they hit on any size of it. Folded
# names hold only a-z, 0-9 and spaces, so a query needs no more encoding than '+' for a space.
FIRST_NAME=$(q "SELECT n.\"Folded\" FROM \"TitleNames\" n JOIN \"Titles\" t ON t.\"Id\" = n.\"TitleId\" WHERE t.\"Slug\" = '$PAGE_SLUG' AND n.\"Variant\" = 0")
SEARCH_ONE=$(tr ' ' '\n' <<<"$FIRST_NAME" | awk '{ print length, $0 }' | sort -k1,1nr -k2 | head -1 | cut -d' ' -f2)
SEARCH_TWO=$(q "SELECT \"Folded\" FROM \"PersonNames\" ORDER BY \"Key\" LIMIT 1 OFFSET 1" | tr ' ' '\n' | tac | paste -sd+)
TOP_PERSON=$(q "SELECT \"Slug\" FROM \"PersonNames\" ORDER BY \"Key\" LIMIT 1")
SEARCH_PREFIX=$(cut -c1-3 <<<"${TOP_PERSON##*-}")
SEARCH_NONE=qzxjvw
GENRE=$(q "SELECT \"Genre\" FROM \"TitleListings\" WHERE \"Genre\" <> '' GROUP BY \"Genre\" ORDER BY COUNT(*) DESC, \"Genre\" LIMIT 1")
GENRE_TITLES=$(q "SELECT COUNT(*) FROM \"TitleListings\" WHERE \"Genre\" = '$GENRE'")
GENRE_DEEP=$(q "SELECT t.\"Slug\" FROM \"TitleListings\" l JOIN \"Titles\" t ON t.\"Id\" = l.\"TitleId\" WHERE l.\"Genre\" = '$GENRE' ORDER BY l.\"RatingTenths\" DESC, l.\"TitleId\" DESC LIMIT 1 OFFSET $(( GENRE_TITLES * 9 / 10 ))")
PERSON_FILMS=$(q "SELECT COUNT(*) FROM \"Credits\" c JOIN \"PersonNames\" n ON n.\"PersonId\" = c.\"PersonId\" WHERE n.\"Slug\" = '$TOP_PERSON'")
say "finding: '$SEARCH_ONE', '${SEARCH_TWO//+/ }' (a person's name, surname first), prefix '$SEARCH_PREFIX', /name/$TOP_PERSON ($PERSON_FILMS credits), /genre/$GENRE ($GENRE_TITLES titles)"

# What the search index, the browse lists and the careers cost on disk: their tables, indexes and (SQLite) FTS5 tables.
FINDING_TABLES="'TitleNames', 'PersonNames', 'TitleListings', 'CardCredits', 'CareerListings', 'CareerYears'"
if [ "$PHASE" = Postgres ]; then
    index_bytes=$(q "SELECT SUM(pg_total_relation_size(quote_ident(t)::regclass)) FROM unnest(ARRAY[$FINDING_TABLES]) t")
    database_bytes=$(q "SELECT pg_database_size(current_database())")
else
    index_bytes=$(q "SELECT SUM(d.pgsize) FROM dbstat d JOIN sqlite_schema s ON s.name = d.name WHERE s.tbl_name IN ($FINDING_TABLES) OR s.tbl_name LIKE '%NamesFts%'")
    database_bytes=$(q "SELECT SUM(pgsize) FROM dbstat")
fi
index_mb=$(awk -v b="$index_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
database_mb=$(awk -v b="$database_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
index_share=$(awk -v i="$index_bytes" -v d="$database_bytes" 'BEGIN { printf "%.1f", 100 * i / d }')

# --- sites ---------------------------------------------------------------------------------------
# Both sites are the published build on the same database, with the write rate limits and the
# votes counted per address raised so that one client address can cast the benchmark's votes. The second has the page cache off: it
# is what "rendered fresh" measures.
export RateLimits__VotesPerWindow=1000000000 RateLimits__ReviewsPerWindow=1000000000 RateLimits__ReportsPerWindow=1000000000
export Reviews__CountedVotesPerAddress=1000000000
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
start_site() { # port, extra env..., prints pid
    local port=$1; shift
    (cd "$PUBLISH" && exec env ASPNETCORE_URLS="http://127.0.0.1:$port" "$@" $SITE) >"$RUN/site-$port.log" 2>&1 &
    echo $!
}
wait_for() { # url: waits for a 200, up to 60 s
    for _ in $(seq 6000); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ] && return 0
        sleep 0.01
    done
    echo "no answer from $1" >&2
    return 1
}
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# CPU ticks (user + system) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
# Waits until both sites are idle (under a tenth of a core over 0.2 s, at most 30 s): when wrk stops,
# the requests it left in flight still run, and the next endpoint must not be timed behind them.
settle() {
    local tries a b
    for tries in $(seq 150); do
        a=$(( $(cpu_ticks "$SITE_PID") + $(cpu_ticks "$FRESH_PID") ))
        sleep 0.2
        b=$(( $(cpu_ticks "$SITE_PID") + $(cpu_ticks "$FRESH_PID") ))
        [ $(( b - a )) -le 2 ] && return 0
    done
}

say "starting the site (cache on) and timing the first title page"
t0=$(now_ms)
SITE_PID=$(start_site "$PORT")
PIDS+=("$SITE_PID")
wait_for "http://127.0.0.1:$PORT/title/$PAGE_SLUG"
first_page_ms=$(( $(now_ms) - t0 ))

FRESH_PID=$(start_site "$FRESH_PORT" Caching__Enabled=false)
PIDS+=("$FRESH_PID")
wait_for "http://127.0.0.1:$FRESH_PORT/health"

# Votes need a known visitor (a POST without the visitor cookie is refused), so the vote runs use
# a pool of visitors, each with its own identity and antiforgery pair. Each request takes the next
# visitor of its wrk thread and flips that visitor's answer, so every vote is a write (a vote recorded
# or changed), not a repeat that changes nothing.
VISITORS=$((VOTE_CONNECTIONS * 4))
: >"$RUN/visitors.txt"
for i in $(seq "$VISITORS"); do
    jar="$RUN/visitor-$i.cookies"
    token=$(curl -s -c "$jar" "http://127.0.0.1:$PORT/antiforgery/token" | sed -E 's/.*"token":"([^"]+)".*/\1/')
    cookies=$(awk '$6 == "fc_af" || $6 == "fc_visitor" { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
    printf '%s %s\n' "$token" "$cookies" >>"$RUN/visitors.txt"
done

# --- wrk scripts ---------------------------------------------------------------------------------
REPORT='
local threads = {}
function setup(thread) thread:set("id", #threads) table.insert(threads, thread) end
function done(summary, latency, requests)
  local ok = 0
  for _, t in ipairs(threads) do ok = ok + (t:get("ok") or 0) end
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d max_us=%d status_errors=%d socket_errors=%d ok=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, ok))
end
'
cat >"$LUA/get.lua" <<EOF
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Encoding"] = "br, gzip"
$REPORT
EOF
cat >"$LUA/fresh.lua" <<EOF
wrk.headers["Accept"] = "text/html,application/xhtml+xml"
wrk.headers["Accept-Encoding"] = "br, gzip"
local paths = {}
for line in io.lines("$PWD/$RUN/fresh-paths.txt") do paths[#paths + 1] = line end
local i = 0
function init(args) i = math.random(#paths) end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
$REPORT
EOF
cat >"$LUA/vote.lua" <<EOF
wrk.method = "POST"
local visitors = {}
for line in io.lines("$PWD/$RUN/visitors.txt") do
  local token, cookies = line:match("^(%S+) (.*)$")
  visitors[#visitors + 1] = { token = token, cookies = cookies }
end
local thread_count = 2
local n = 0
ok = 0
function request()
  local per_thread = math.floor(#visitors / thread_count)
  local v = visitors[id + thread_count * (n % per_thread) + 1]
  local helpful = (math.floor(n / per_thread) % 2 == 0) and "yes" or "no"
  n = n + 1
  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Accept"] = "application/json",
    ["RequestVerificationToken"] = v.token, ["Cookie"] = v.cookies }
  return wrk.format(nil, nil, headers, "helpful=" .. helpful)
end
function response(status, headers, body)
  if status == 200 and (body:find('"Recorded"', 1, true) or body:find('"Changed"', 1, true)) then ok = ok + 1 end
end
$REPORT
EOF

# name|connections|script|url
ENDPOINTS=(
    "baseline /health|$PAGE_CONNECTIONS|get|http://127.0.0.1:$PORT/health"
    "title page, cached|$PAGE_CONNECTIONS|get|http://127.0.0.1:$PORT/title/$PAGE_SLUG"
    "title page, fresh|$PAGE_CONNECTIONS|fresh|http://127.0.0.1:$FRESH_PORT"
    "all reviews, first page|$PAGE_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/title/$BIG_SLUG/reviews"
    "all reviews, deep page|$PAGE_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/title/$BIG_SLUG/reviews?after=$DEEP_CURSOR"
    "helpful votes|$VOTE_CONNECTIONS|vote|http://127.0.0.1:$PORT/reviews/$VOTE_REVIEW/vote"
    "front page, cached|$PAGE_CONNECTIONS|get|http://127.0.0.1:$PORT/"
    "search, one word|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/search?q=$SEARCH_ONE"
    "search, two words|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/search?q=$SEARCH_TWO"
    "search, prefix|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/search?q=$SEARCH_PREFIX"
    "search, no hit|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/search?q=$SEARCH_NONE"
    "suggestions, prefix|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/search/suggest?q=$SEARCH_PREFIX"
    "people page, fresh|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/name/$TOP_PERSON"
    "genre page, first, fresh|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/genre/$GENRE"
    "genre page, deep, fresh|$SEARCH_CONNECTIONS|get|http://127.0.0.1:$FRESH_PORT/genre/$GENRE?after=$GENRE_DEEP"
)

say "warming up"
for ep in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name conns script url <<<"$ep"
    wrk -t2 -c"$conns" -d1s -s "$LUA/$script.lua" "$url" >/dev/null
done
sleep 1
rss_idle=$(rss_mb "$SITE_PID")
fresh_rss_idle=$(rss_mb "$FRESH_PID")

# Resident memory of both sites, sampled while the rounds run.
( while kill -0 "$SITE_PID" 2>/dev/null; do
      echo "$(rss_mb "$SITE_PID") $(rss_mb "$FRESH_PID" 2>/dev/null || echo 0)"
      sleep 0.25
  done >"$RUN/rss.txt" ) &
SAMPLER=$!
PIDS+=("$SAMPLER")

: >"$RUN/rounds.tsv"
for round in $(seq "$ROUNDS"); do
    for ep in "${ENDPOINTS[@]}"; do
        IFS='|' read -r name conns script url <<<"$ep"
        settle
        out=$(wrk -t2 -c"$conns" -d"$DURATION" --timeout 5s -s "$LUA/$script.lua" "$url")
        line=$(grep '^RESULT' <<<"$out")
        printf '%s\t%s\t%s\t%s\n' "$round" "$name" "$conns" "$line" >>"$RUN/rounds.tsv"
        say "round $round: $name: $(awk '{ print $2, $4, $5 }' <<<"$line")"
    done
done
kill "$SAMPLER" 2>/dev/null || true
sleep 1

# --- vote counts ---------------------------------------------------------------------------------
votes_ok=$(awk -F'\t' '$2 == "helpful votes" { split($4, f, " "); for (i in f) if (f[i] ~ /^ok=/) { sub("ok=", "", f[i]); s += f[i] } } END { print s + 0 }' "$RUN/rounds.tsv")
# The counter and the rows in one statement, so a vote still in flight cannot fall between two reads.
read -r helpful_rows site_helpful < <(q "SELECT (SELECT COUNT(*) FROM \"HelpfulVotes\" WHERE \"ReviewId\" = $VOTE_REVIEW AND \"IsHelpful\") || ' ' || \"SiteHelpful\" FROM \"Reviews\" WHERE \"Id\" = $VOTE_REVIEW")
busy_warnings=$(cat "$RUN"/site-*.log "$RUN"/data/logs/*.log 2>/dev/null | grep -ciE 'database is locked|SQLITE_BUSY|deadlock detected|too many clients' || true)

rss_load=$(awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { print m }' "$RUN/rss.txt")
fresh_rss_load=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$RUN/rss.txt")

# --- medians, table and JSON ---------------------------------------------------------------------
awk -F'\t' -v rounds="$ROUNDS" '
function field(s, key,   n, parts, i, kv) {
    n = split(s, parts, " ")
    for (i = 1; i <= n; i++) { split(parts[i], kv, "="); if (kv[1] == key) return kv[2] }
    return 0
}
function median(list,   n, a, i, j, t) {
    n = split(list, a, ",")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
    name = $2
    if (!(name in seen)) { seen[name] = 1; order[++count] = name; conns[name] = $3 }
    rps = field($4, "requests") / (field($4, "duration_us") / 1e6)
    if (name == "helpful votes") rps = field($4, "ok") / (field($4, "duration_us") / 1e6)
    R[name] = R[name] (R[name] == "" ? "" : ",") rps
    P50[name] = P50[name] (P50[name] == "" ? "" : ",") field($4, "p50_us") / 1000
    P99[name] = P99[name] (P99[name] == "" ? "" : ",") field($4, "p99_us") / 1000
    MAX[name] = (field($4, "max_us") / 1000 > MAX[name] ? field($4, "max_us") / 1000 : MAX[name])
    ERR[name] += field($4, "status_errors") + field($4, "socket_errors")
}
END {
    base = median(R[order[1]])
    for (k = 1; k <= count; k++) {
        n = order[k]
        printf "%s\t%s\t%.0f\t%.2f\t%.2f\t%.1f\t%.3f\t%d\n", n, conns[n], median(R[n]), median(P50[n]), median(P99[n]), MAX[n], median(R[n]) / base, ERR[n]
    }
}' "$RUN/rounds.tsv" >"$RUN/medians.tsv"

stamp=$(date -u +%Y-%m-%dT%H:%M:%SZ)
{
    printf '{\n  "when": "%s",\n  "command": "bench/run.sh%s",\n  "provider": "%s",\n' "$stamp" "$([ $QUICK = 1 ] && echo ' --quick')" "$PHASE"
    printf '  "machine": { "cores": %d, "load_average_at_end": "%s" },\n' "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '  "sizes": { "titles": %d, "reviews_on_big_film": %d, "rounds": %d, "duration": "%s" },\n' "$TITLES" "$BIG_REVIEWS" "$ROUNDS" "$DURATION"
    printf '  "endpoints": [\n'
    awk -F'\t' '{ printf "%s    { \"name\": \"%s\", \"connections\": %d, \"rps\": %.0f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"max_ms\": %.1f, \"rps_ratio_to_baseline\": %.3f, \"errors\": %d }", (NR > 1 ? ",\n" : ""), $1, $2, $3, $4, $5, $6, $7, $8 } END { print "" }' "$RUN/medians.tsv"
    printf '  ],\n'
    printf '  "votes": { "ok_responses": %d, "visitors": %d, "helpful_rows": %d, "site_helpful_counter": %d, "database_busy_log_lines": %d },\n' "$votes_ok" "$VISITORS" "$helpful_rows" "$site_helpful" "$busy_warnings"
    printf '  "import": { "files": %d, "seconds": %s, "files_per_second": %d, "writing_seconds": %s, "parsing_seconds_all_threads": %s, "big_reviews_page_seconds": %s },\n' "$files" "$import_seconds" "$import_rate" "${import_writing:-0}" "${import_parsing:-0}" "$big_import_seconds"
    printf '  "first_title_page_ms": %d,\n' "$first_page_ms"
    printf '  "finding_index": { "bytes": %d, "database_bytes": %d, "share_percent": %s },\n' "$index_bytes" "$database_bytes" "$index_share"
    printf '  "rss_mb": { "idle": %d, "under_load": %d, "fresh_site_idle": %d, "fresh_site_under_load": %d }\n}\n' "$rss_idle" "$rss_load" "$fresh_rss_idle" "$fresh_rss_load"
} >"$RESULTS/latest.json"
cp "$RESULTS/latest.json" "$RESULTS/run-$(date -u +%Y%m%dT%H%M%SZ).json"

# The figures compared across providers, one per line ("order name<TAB>value"), for the side-by-side table.
{
    awk -F'\t' '{ printf "%d %s, req/s (of baseline), p99\t%s (%.1f%%), %s ms\n", NR, $1, $3, $7 * 100, $5 }' "$RUN/medians.tsv"
    printf '20 helpful votes: rows = counter\t%s = %s: %s\n' "$helpful_rows" "$site_helpful" "$([ "$helpful_rows" = "$site_helpful" ] && echo exact || echo NOT EQUAL)"
    printf '21 import of the title pages, files/s\t%s (%s files in %s s: writing %s s, parsing %s s over its threads)\n' "$import_rate" "$files" "$import_seconds" "$import_writing" "$import_parsing"
    printf '22 import of the page with %s reviews\t%s s\n' "$BIG_REVIEWS" "$big_import_seconds"
    printf '23 first title page after start\t%s ms\n' "$first_page_ms"
    printf '24 resident memory under load, cached / fresh site\t%s / %s MB\n' "$rss_load" "$fresh_rss_load"
    printf '25 search index, browse lists and careers on disk, share of the database\t%s MB of %s MB (%s%%)\n' "$index_mb" "$database_mb" "$index_share"
} >"$RESULTS/figures.tsv"

{
    echo
    echo "| endpoint | conns | req/s | p50 ms | p99 ms | max ms | rps / baseline | errors |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %.1f%% | %s |\n", $1, $2, $3, $4, $5, $6, $7 * 100, $8 }' "$RUN/medians.tsv"
    echo
    echo "| figure | value |"
    echo "|---|---:|"
    echo "| import of the title pages into an empty catalog | $files files in ${import_seconds} s = $import_rate files/s (process start included) |"
    echo "| of which: the one writer / reading and parsing, summed over $(nproc) threads beside it | ${import_writing} s / ${import_parsing} s |"
    echo "| import of the one page with $BIG_REVIEWS reviews, after them | ${big_import_seconds} s |"
    echo "| first title page after process start | $first_page_ms ms |"
    echo "| resident memory, idle / under load (cached site) | $rss_idle MB / $rss_load MB |"
    echo "| resident memory, idle / under load (fresh site, cache off) | $fresh_rss_idle MB / $fresh_rss_load MB |"
    echo "| votes in the rounds that wrote (recorded or changed), from $VISITORS visitors | $votes_ok |"
    echo "| review's helpful vote rows = its SiteHelpful counter (warm-up votes included) | $helpful_rows = $site_helpful: $([ "$helpful_rows" = "$site_helpful" ] && echo exact || echo NOT EQUAL) |"
    echo "| 'database is locked' in the site logs | $busy_warnings |"
    echo "| database size / of which search index, browse lists and careers (tables, indexes, FTS5) | $database_mb MB / $index_mb MB ($index_share%) |"
    echo
    echo "Medians of $ROUNDS round(s) of $DURATION per endpoint, interleaved; $TITLES titles, $BIG_REVIEWS reviews on one film; $(nproc) cores, load average at end $(cut -d' ' -f1-3 /proc/loadavg)."
} | tee "$RESULTS/latest.md"
echo "wrote $RESULTS/latest.json" >&2
