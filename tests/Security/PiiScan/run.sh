#!/usr/bin/env bash
# Personal identifiers in what a full test run left behind (issue 21):
#   run.sh start-trace   before the tests: rabbitmq_tracing writes every message published in vhost platform to a file
#                        (TestVirtualHost traces the tests' own vhosts when PLATFORM_TRACE_MESSAGES=1)
#   run.sh scan          after the tests: the platform's logs, the traced messages, every database's outbox/inbox rows
#                        and whatever waits in _error/_skipped queues, scanned by scan.mjs; findings are printed masked
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${ROOT:-$(cd "$HERE/../../.." && pwd)}"
. "$ROOT/deploy/local/env.sh"
TRACE_DIR="$DATA/rabbitmq-tracing"
API="http://127.0.0.1:$RABBIT_MGMT_PORT/api"
OUT="$DATA/pii-scan"

uri_part() { node -p 'encodeURIComponent(process.argv[1])' "$1"; }
rabbit() { curl -sf -u "$RABBIT_USER:$RABBIT_PASSWORD" -H 'content-type: application/json' "$@"; }
psql_at() { PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -X -q -At "$@"; }

start_trace() {
  rabbit -X DELETE "$API/traces/platform/platform" >/dev/null 2>&1 || true
  mkdir -p "$TRACE_DIR"
  rm -f "$TRACE_DIR"/*.log
  rabbit -X PUT "$API/traces/platform/platform" -d '{"format":"json","pattern":"publish.#"}' >/dev/null \
    || { echo "rabbitmq_tracing: trace of vhost platform not started (plugin enabled? see deploy/local/rabbitmq.sh)" >&2; return 1; }
}

# Outbox, inbox and error rows of every database, whole rows as text, one file per table.
dump_tables() {
  local db table
  mkdir -p "$OUT/tables"
  for db in $(psql_at -d postgres -c "SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'"); do
    for table in $(psql_at -d "$db" -c "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'
        AND table_type = 'BASE TABLE' AND table_name ~ '(outbox|inbox|error|dead_letter|skipped)'"); do
      psql_at -d "$db" -c "COPY (SELECT t::text FROM \"$table\" t) TO STDOUT" > "$OUT/tables/$db.$table.txt"
    done
  done
}

# Messages left in _error and _skipped queues of every vhost, got without taking them off the queue. Every such queue
# is read whatever its count says: the management API's counts lag the queue by seconds.
dump_dead_letters() {
  local vhost name
  mkdir -p "$OUT/queues"
  rabbit "$API/queues?columns=vhost,name,messages" | node -e '
    let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
      for (const q of JSON.parse(s)) if (/_(error|skipped)$/.test(q.name)) console.log(`${q.vhost}\t${q.name}`);
    });' | while IFS=$'\t' read -r vhost name; do
      rabbit -X POST "$API/queues/$(uri_part "$vhost")/$(uri_part "$name")/get" \
        -d "{\"count\":100000,\"ackmode\":\"ack_requeue_true\",\"encoding\":\"auto\"}" > "$OUT/queues/$vhost.$name.json"
    done
}

# The stack's configured secrets (deploy/local), which no log or message may carry.
configured_secrets() {
  printf '%s\n' "$PG_PASSWORD" "$RABBIT_PASSWORD" "$TURN_SECRET"
  grep -oE '[A-Za-z_]*(Secret|Password|Key)[A-Za-z_]*=[^ '"'"']+' "$ROOT/deploy/local/components.sh" | cut -d= -f2- | grep -v '^{' | sort -u
}

scan() {
  rm -rf "$OUT"; mkdir -p "$OUT"
  local rc=0 lost=0
  # A trace that stopped during the run (rabbitmq_tracing dies when a traced vhost is deleted under it) saw only part.
  rabbit "$API/traces/platform/platform" >/dev/null 2>&1 || lost=1
  dump_tables
  dump_dead_letters
  PII_SCAN_SECRETS="$(configured_secrets)" node "$HERE/scan.mjs" --logs "$LOGS" --service-lines-of "$LOGS/test.log" --traces "$TRACE_DIR" --queues "$OUT/queues" --tables "$OUT/tables" || rc=$?
  rabbit -X DELETE "$API/traces/platform/platform" >/dev/null 2>&1 || true
  if [ "$lost" -eq 1 ]; then
    echo "not ok the RabbitMQ trace of vhost platform was not running at the end of the run: not every message was scanned"
    echo "# fail 1"; return 1
  fi
  echo "# pii-scan: the RabbitMQ trace of vhost platform ran through the whole run"
  echo "# pass 1"
  return $rc
}

case "${1:-}" in
  start-trace) start_trace ;;
  scan) scan ;;
  *) echo "usage: run.sh start-trace|scan" >&2; exit 2 ;;
esac
