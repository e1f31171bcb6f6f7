#!/usr/bin/env bash
# WeChat Pay notices under duplication: ORDERS orders of the Payment service are paid at the WeChat Pay simulator, which
# delivers every notice DUPLICATES times at once to the edge's notify URL, CONCURRENCY payments at a time. Prints
# notices handled per second, the notify endpoint's p50/p99 as the simulator timed it, and double credits (must be 0:
# one paid order and one PaymentSucceeded per order). Run by `./platform bench payment` after `./platform up`.
# Loopback only; bounded in count and time; removes its orders at the end.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export PLATFORM_EDGE_URL="${PLATFORM_EDGE_URL:-http://127.0.0.1:8080}"
export PLATFORM_WECHATPAY_SIM_URL="${PLATFORM_WECHATPAY_SIM_URL:-http://127.0.0.1:5305}"
export PLATFORM_PG_ADMIN="${PLATFORM_PG_ADMIN:-Host=127.0.0.1;Port=55432;Database=postgres;Username=platform;Password=platform-dev-password}"
export ORDERS="${ORDERS:-200}" CONCURRENCY="${CONCURRENCY:-20}" DUPLICATES="${DUPLICATES:-15}"
export MERCHANT_KEY="${MERCHANT_KEY:-$ROOT/deploy/local/wechatpay/merchant_private.pem}"

pg_field() { tr ';' '\n' <<< "$PLATFORM_PG_ADMIN" | sed -n "s/^$1=//Ip" | head -1; }
export PGHOST="$(pg_field Host)" PGPORT="$(pg_field Port)" PGUSER="$(pg_field Username)" PGPASSWORD="$(pg_field Password)"
sql() { psql -q -t -A -d payment -v ON_ERROR_STOP=1 -c "$1"; }

RUN="bench-$(date +%s)"
# The orders a patient would have made, prepaid below at the simulator as the service would; no query worker touches them.
sql "INSERT INTO payment_orders (id, kind, source_id, account_id, patient_id, description, amount_fen, out_trade_no, created_at,
       expires_at, status, refunded_fen, updated_at, prepaid_at, trade_type)
     SELECT g.id, 'bench', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), '压测 $RUN', 100, replace(g.id::text, '-', ''),
       now(), now() + interval '30 minutes', 'pending', 0, now(), now(), 'NATIVE'
     FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $ORDERS)) g" >/dev/null
cleanup() {
  sql "DELETE FROM outbox_messages WHERE payload::text LIKE '%压测 $RUN%'; DELETE FROM payment_orders WHERE description = '压测 $RUN'" >/dev/null || true
  curl -s -X DELETE "$PLATFORM_WECHATPAY_SIM_URL/\$sim/faults" >/dev/null || true
}
trap cleanup EXIT
sql "SELECT out_trade_no FROM payment_orders WHERE description = '压测 $RUN'" > "${TMPDIR:-/tmp}/bench-payment-orders.txt"

timeout 600 node "$HERE/payment/bench.mjs" "${TMPDIR:-/tmp}/bench-payment-orders.txt"
PAID="$(sql "SELECT count(*) FROM payment_orders WHERE description = '压测 $RUN' AND status = 'paid'")"
CREDITS="$(sql "SELECT count(*) FROM outbox_messages o WHERE o.message_type LIKE '%PaymentSucceededIntegrationEvent%' AND o.payload::text LIKE '%压测 $RUN%'")"
echo "paid orders: $PAID of $ORDERS; PaymentSucceeded events: $CREDITS; double credits: $(( CREDITS > PAID ? CREDITS - PAID : 0 ))"
[ "$PAID" -eq "$ORDERS" ] && [ "$CREDITS" -eq "$ORDERS" ]
