#!/usr/bin/env bash
# Runs every test: parser and importer, the site through WebApplicationFactory on SQLite and on
# PostgreSQL with Redis, and real-browser tests in headless Chromium. Installs Debian's Chromium,
# ChromeDriver, PostgreSQL and Redis first when they are missing, and the npm package axe-core (the
# accessibility checks the browser tests inject); starts PostgreSQL and a Redis of its own for the
# run and stops what it started (tests/servers.sh).
# tmux is installed too: the moderator command's terminal test types its password into a real terminal.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v tmux >/dev/null; then
    echo "== installing chromium, chromium-driver and tmux (Debian packages) for the browser and terminal tests"
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium chromium-driver tmux >/dev/null
fi

axe=tests/FilmCatalog.BrowserTests
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
    echo "== installing axe-core (npm) for the browser tests' accessibility checks"
    if ! command -v npm >/dev/null; then
        sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq
        $sudo apt-get install -y -qq npm >/dev/null
    fi
    (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error)
fi

. tests/servers.sh
log=$(mktemp)
trap 'servers_down; rm -f "$log"' EXIT
servers_up
status=0
dotnet test FilmCatalog.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line over all test assemblies.
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -oE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
