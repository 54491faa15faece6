# Sourced by test.sh and bench/run.sh: PostgreSQL and Redis for one run, as real servers.
#
#   servers_up     installs Debian's postgresql and redis-server when missing; starts the cluster
#                  "15 main" when it is down; makes a login role and a database of this run's own
#                  (password authentication over TCP: root cannot enter as postgres by peer auth, so
#                  the run's role is made with `runuser -u postgres`); starts a Redis of this run's own
#                  on a free port. Exports FILMCATALOG_TEST_POSTGRES (a connection string; the role
#                  may create more databases, named after it) and FILMCATALOG_TEST_REDIS (host:port).
#   servers_down   drops the run's databases and role, stops its Redis, and stops the cluster only
#                  if a run started it and no other run is using it, leaving the machine as it was.
#
# The cluster is shared by every engineer on the machine, so everything of a run is named after it
# (filmcatalog_run_<pid>); roles left by a run that was killed are cleaned up by the next one.

SERVERS_STATE=/tmp/filmcatalog-servers
SERVERS_STARTED_CLUSTER="$SERVERS_STATE/started-cluster-15-main"

servers_as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
servers_psql() { servers_as_root runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$SERVERS_PG_PORT" "$@"; }

servers_up() {
    local missing=()
    command -v pg_ctlcluster >/dev/null || missing+=(postgresql)
    command -v redis-server >/dev/null || missing+=(redis-server)
    if [ ${#missing[@]} -gt 0 ]; then
        echo "== installing ${missing[*]} (Debian packages) for the tests on PostgreSQL and Redis" >&2
        servers_as_root apt-get update -qq
        servers_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    mkdir -p "$SERVERS_STATE"

    # PostgreSQL: the Debian cluster, started if it is down (and remembered, so the last run stops it).
    SERVERS_PG_PORT=$(pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $3 }')
    SERVERS_PG_PORT=${SERVERS_PG_PORT:-5432}
    if ! pg_lsclusters -h | awk '$1 == "15" && $2 == "main" { print $4 }' | grep -q online; then
        echo "== starting PostgreSQL (pg_ctlcluster 15 main start)" >&2
        servers_as_root pg_ctlcluster 15 main start
        touch "$SERVERS_STARTED_CLUSTER"
    fi
    for _ in $(seq 300); do pg_isready -q -h 127.0.0.1 -p "$SERVERS_PG_PORT" && break; sleep 0.1; done

    servers_drop_abandoned
    SERVERS_ROLE="filmcatalog_run_$$"
    local password
    password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
    servers_psql -c "CREATE ROLE $SERVERS_ROLE LOGIN CREATEDB PASSWORD '$password'" \
                 -c "CREATE DATABASE $SERVERS_ROLE OWNER $SERVERS_ROLE"
    # Small pools: many fixtures and site processes share one server's connections with other runs.
    export FILMCATALOG_TEST_POSTGRES="Host=127.0.0.1;Port=$SERVERS_PG_PORT;Database=$SERVERS_ROLE;Username=$SERVERS_ROLE;Password=$password;SSL Mode=Disable;Maximum Pool Size=10"

    # Redis: a server of this run's own, on a free port, keeping nothing on disk.
    local port
    for _ in $(seq 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
        if redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
            --dir "$SERVERS_STATE" --pidfile "$SERVERS_STATE/redis-$$.pid" --logfile "$SERVERS_STATE/redis-$$.log" >/dev/null; then
            for _ in $(seq 100); do redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break; sleep 0.05; done
            redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && break
        fi
        port=""
    done
    [ -n "$port" ] || { echo "could not start redis-server" >&2; return 1; }
    SERVERS_REDIS_PORT=$port
    export FILMCATALOG_TEST_REDIS="127.0.0.1:$port"
    echo "== PostgreSQL: database $SERVERS_ROLE on port $SERVERS_PG_PORT; Redis on port $port" >&2
}

# Drops a run's databases (its own and those its tests made, named after it) and its role.
servers_drop_run() {
    local role=$1 db
    for db in $(servers_psql -Atc "SELECT datname FROM pg_database WHERE datname = '$role' OR datname LIKE '${role}\_%'"); do
        servers_psql -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    done
    servers_psql -c "DROP ROLE IF EXISTS $role"
}

# Roles of runs whose process is gone (killed before servers_down).
servers_drop_abandoned() {
    local role pid
    for role in $(servers_psql -Atc "SELECT rolname FROM pg_roles WHERE rolname LIKE 'filmcatalog\_run\_%'"); do
        pid=${role##*_}
        kill -0 "$pid" 2>/dev/null || servers_drop_run "$role"
    done
}

servers_down() {
    if [ -n "${SERVERS_REDIS_PORT:-}" ]; then
        redis-cli -p "$SERVERS_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
        rm -f "$SERVERS_STATE/redis-$$.log"
    fi
    if [ -n "${SERVERS_ROLE:-}" ]; then
        servers_drop_run "$SERVERS_ROLE" || true
        servers_drop_abandoned || true
        # The cluster goes down only if a run started it and no other run still uses it.
        if [ -f "$SERVERS_STARTED_CLUSTER" ] && [ -z "$(servers_psql -Atc "SELECT 1 FROM pg_roles WHERE rolname LIKE 'filmcatalog\_run\_%' LIMIT 1")" ]; then
            echo "== stopping PostgreSQL (this run's machine had it stopped)" >&2
            servers_as_root pg_ctlcluster 15 main stop || true
            rm -f "$SERVERS_STARTED_CLUSTER"
        fi
    fi
}
