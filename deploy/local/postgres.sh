#!/usr/bin/env bash
# PostgreSQL as a local process on loopback, data under .data/postgres. PostgreSQL refuses to run as root,
# so as root it runs as the 'postgres' system user.
set -euo pipefail
. "$(dirname "$0")/env.sh"
PGDATA="$DATA/postgres"
PGBIN="$(dirname "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")"
PGBIN="$(dirname "$(readlink -f "$PGBIN/pg_ctl")")"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

init() {
  [ -f "$PGDATA/PG_VERSION" ] && return 0
  mkdir -p "$PGDATA"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$PGDATA" "$DATA" && chmod 700 "$PGDATA"
  local pwfile; pwfile=$(mktemp); echo "$PG_PASSWORD" > "$pwfile"; chmod 644 "$pwfile"
  as_owner "$PGBIN/initdb" -D "$PGDATA" -U "$PG_USER" --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGDATA'
max_connections = 400
shared_buffers = 256MB
fsync = ${PG_FSYNC:-on}
logging_collector = off
CONF
}

case "${1:-start}" in
  start)
    init
    if as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then exit 0; fi
    # The data dir may sit below a root-owned folder: postgres must be able to write its log.
    touch "$LOGS/postgres.log"; [ "$(id -u)" -eq 0 ] && chown postgres "$LOGS/postgres.log"
    as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w -t 60 start >/dev/null
    ;;
  stop) as_owner "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true ;;
  status) as_owner "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1 ;;
  *) echo "usage: postgres.sh start|stop|status" >&2; exit 2 ;;
esac
