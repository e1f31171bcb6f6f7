#!/usr/bin/env bash
# Release-time rush: PATIENTS patients (PER_ACCOUNT per account, registered through Identity), CONCURRENCY at once,
# booking the SLOT_UNITS open units of one day through nginx; then pgbench -N on the same PostgreSQL. Prints
# bookings/s, p50/p99, oversold units (must be 0), pgbench tps and the ratio. Run by `./platform bench booking` after
# `./platform up`. Loopback only; bounded in count and time; cancels its bookings at the end so it can run again.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PLATFORM_EDGE_URL="${PLATFORM_EDGE_URL:-http://127.0.0.1:8080}"
export PLATFORM_PG_ADMIN="${PLATFORM_PG_ADMIN:-Host=127.0.0.1;Port=55432;Database=postgres;Username=platform;Password=platform-dev-password}"
export PATIENTS="${PATIENTS:-2000}" PER_ACCOUNT="${PER_ACCOUNT:-5}" CONCURRENCY="${CONCURRENCY:-200}" SLOT_UNITS="${SLOT_UNITS:-500}"

# pgbench is the reference: what this PostgreSQL does with simple writes from as many clients, measured in this run.
pg_field() { tr ';' '\n' <<< "$PLATFORM_PG_ADMIN" | sed -n "s/^$1=//Ip" | head -1; }
PGBENCH="$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)"
export PGHOST="$(pg_field Host)" PGPORT="$(pg_field Port)" PGUSER="$(pg_field Username)" PGPASSWORD="$(pg_field Password)"
run_pgbench() {
  psql -q -d postgres -c 'DROP DATABASE IF EXISTS bench_pgbench' -c 'CREATE DATABASE bench_pgbench' >/dev/null
  "$PGBENCH" -q -i -s 10 bench_pgbench >/dev/null 2>&1
  local clients=$(( CONCURRENCY < 100 ? CONCURRENCY : 100 ))
  local out="${TMPDIR:-/tmp}/bench-pgbench.out"
  "$PGBENCH" -N -c "$clients" -j 2 -T "${PGBENCH_SECONDS:-20}" bench_pgbench > "$out" 2>&1 || true
  grep -q '^tps = ' "$out" || { echo "pgbench failed:" >&2; tail -3 "$out" >&2; }
  sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$out" | head -1
  psql -q -d postgres -c 'DROP DATABASE IF EXISTS bench_pgbench' >/dev/null
}

timeout 1500 node "$HERE/booking/bench.mjs" | tee "${TMPDIR:-/tmp}/bench-booking.out"
[ "${PIPESTATUS[0]}" -eq 0 ] || exit 1
TPS="$(run_pgbench)"
BPS="$(sed -n 's/^booking: \([0-9.]*\) bookings\/s.*/\1/p' "${TMPDIR:-/tmp}/bench-booking.out")"
echo "pgbench -N: ${TPS} tps; ratio booking/pgbench: $(awk -v b="$BPS" -v t="$TPS" 'BEGIN { printf "%.3f", (t > 0 ? b / t : 0) }')"
