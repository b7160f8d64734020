#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, CI and local development (ARCHITECTURE
# decision 9): made from the machine's PostgreSQL binaries on a private port and socket
# directory, thrown away by `stop`.
#
# Usage:
#   scripts/pg.sh start   # creates and starts the cluster; prints its DATABASE_URL
#   scripts/pg.sh url     # prints the DATABASE_URL of the running cluster
#   scripts/pg.sh stop    # stops the cluster and deletes its files
#
# Typical use:  export DATABASE_URL="$(scripts/pg.sh start)"
#
# Settings (environment): MESH_PG_PORT (default 55432), MESH_PG_DIR (default
# /tmp/mesh-pg-$MESH_PG_PORT). When the PostgreSQL server binaries are missing they are
# installed from Debian's packages (`postgresql`), which needs root. PostgreSQL refuses to
# run as root, so as root the cluster runs as the unprivileged user `postgres` (created by
# the package) or else `nobody`.
#
# The cluster has one role `mesh` (password `mesh`, superuser) and a database `mesh`;
# connections over TCP use SCRAM passwords (so bad credentials can be tested), the server
# runs with fsync off (it is thrown away anyway).
set -euo pipefail

PORT="${MESH_PG_PORT:-55432}"
DIR="${MESH_PG_DIR:-/tmp/mesh-pg-$PORT}"
URL="postgres://mesh:mesh@127.0.0.1:$PORT/mesh"

log() { echo "pg.sh: $*" >&2; }

find_bindir() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
        if [[ -x "$d/initdb" && -x "$d/postgres" && -x "$d/pg_ctl" ]]; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

install_postgres() {
    if [[ "$(id -u)" != 0 ]]; then
        log "PostgreSQL server binaries not found and not root: install the 'postgresql' package"
        exit 1
    fi
    log "installing PostgreSQL from Debian's packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends postgresql >&2
}

# Runs a command as the cluster's owner.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u "$OWNER" -- "$@"
    else
        "$@"
    fi
}

start() {
    local bin
    if ! bin="$(find_bindir)"; then
        install_postgres
        bin="$(find_bindir)" || { log "no PostgreSQL binaries after installing"; exit 1; }
    fi
    # Already running (started by an earlier `start`)? Then it is reused.
    if [[ -f "$DIR/data/postmaster.pid" ]]; then
        OWNER="$(stat -c %U "$DIR/data")"
        if as_owner "$bin/pg_ctl" status -D "$DIR/data" >/dev/null 2>&1; then
            echo "$URL"
            return 0
        fi
    fi
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$PORT" >/dev/null 2>&1; then
        log "port $PORT is taken by a server that is not this script's; set MESH_PG_PORT to another port"
        exit 1
    fi
    OWNER="$(id -un)"
    if [[ "$(id -u)" == 0 ]]; then
        if id postgres >/dev/null 2>&1; then OWNER=postgres; else OWNER=nobody; fi
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR/data" "$DIR/sock"
    printf 'mesh\n' >"$DIR/pwfile"
    if [[ "$(id -u)" == 0 ]]; then
        chown -R "$OWNER" "$DIR"
        chmod 700 "$DIR"
    fi
    as_owner "$bin/initdb" -D "$DIR/data" -U mesh --pwfile="$DIR/pwfile" \
        --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
        || { cat "$DIR/initdb.log" >&2; log "initdb failed"; exit 1; }
    as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 start \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        >/dev/null 2>&1 || { cat "$DIR/server.log" >&2; log "the server did not start"; exit 1; }
    echo "$bin" >"$DIR/bindir"
    as_owner "$bin/createdb" -h "$DIR/sock" -p "$PORT" -U mesh mesh \
        || { log "createdb failed"; exit 1; }
    echo "$URL"
}

stop() {
    if [[ -f "$DIR/bindir" && -d "$DIR/data" ]]; then
        local bin
        bin="$(cat "$DIR/bindir")"
        OWNER="$(stat -c %U "$DIR/data")"
        as_owner "$bin/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    url) echo "$URL" ;;
    *) echo "usage: scripts/pg.sh start|stop|url" >&2; exit 2 ;;
esac
