#!/usr/bin/env bash
# Faults under load, run by `./platform chaos` on a stack with two replicas of every .NET service (PLATFORM_REPLICAS=2).
# workload.mjs books and pays as PATIENTS patients through the edge and holds the accounts' hub connections; meanwhile
# this script SIGKILLs one replica of every service, starts them again, restarts RabbitMQ, then PostgreSQL, each
# fault printed with its time. Once things settle (waited on conditions, bounded) it checks and prints: events written,
# published and consumed (outbox vs every consumer's inbox, nothing unsent, nothing in _error queues), payments vs
# credits (each payment at WeChat Pay credited to its booking once, none twice), slots vs bookings (no unit held twice,
# no active booking without its unit), pushes requested vs delivered to the hub clients, and errors that outlived the
# faults. Exits 1 when a check fails. Loopback only; bounded in count (PATIENTS) and time (about five minutes).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export ROOT
. "$ROOT/deploy/local/env.sh"
. "$ROOT/deploy/local/components.sh"
. "$ROOT/deploy/local/services.sh"
export PATH="$PATH:/usr/sbin:/usr/lib/postgresql/15/bin"
replicas_on || { echo "chaos needs two replicas: run it as ./platform chaos" >&2; exit 2; }

# A journey (book, wait for the HIS lock, pay) mostly waits, so 40 patients in flight make about 20 requests at a time.
export PATIENTS="${PATIENTS:-200}" PER_ACCOUNT="${PER_ACCOUNT:-5}" CONCURRENCY="${CONCURRENCY:-40}" WORKLOAD_SECONDS="${WORKLOAD_SECONDS:-150}"
export PLATFORM_EDGE_URL="http://$EDGE_HOST:$EDGE_PORT"
export PLATFORM_SMS_SIM_URL="http://127.0.0.1:$(port_of sms)" PLATFORM_REALNAME_SIM_URL="http://127.0.0.1:$(port_of realname)"
export PLATFORM_WECHATPAY_SIM_URL="http://127.0.0.1:$(port_of wechatpay-sim)" PLATFORM_RABBIT_MGMT="http://127.0.0.1:$RABBIT_MGMT_PORT"
export PLATFORM_RABBIT_USER="$RABBIT_USER" PLATFORM_RABBIT_PASSWORD="$RABBIT_PASSWORD"
export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$PG_USER" PGPASSWORD="$PG_PASSWORD"
CHAOS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/chaos.XXXXXX")"
export CHAOS_DIR
(cd "$HERE" && { [ -d node_modules/@microsoft/signalr ] || npm ci --no-audit --no-fund >/dev/null; })

sql() { psql -q -t -A -F '|' -d "$1" -v ON_ERROR_STOP=1 -c "$2"; }
now() { date -u +%H:%M:%S; }
fault() { printf '  %s  %s\n' "$(now)" "$*" | tee -a "$CHAOS_DIR/faults.txt"; }
FAILED=()
check() { # name ok(0/1) figures
  if [ "$2" -eq 0 ]; then printf '  ✓ %-26s %s\n' "$1" "$3"; else printf '  ✗ %-26s %s\n' "$1" "$3"; FAILED+=("$1"); fi
}

# The .NET services (one name each) and their databases.
SERVICES=() DATABASES=()
for c in "${COMPONENTS[@]}"; do
  [ "$(component_field "$c" 2)" = dotnet ] && ! is_replica "$c" || continue
  SERVICES+=("$c")
  [ "$(component_field "$c" 4)" != - ] && DATABASES+=("$(component_field "$c" 4)")
done

rabbit_api() { curl -sf -m 10 -u "$RABBIT_USER:$RABBIT_PASSWORD" "http://127.0.0.1:$RABBIT_MGMT_PORT/api/$1"; }
error_queue_messages() { rabbit_api "queues/platform" | jq '[.[] | select(.name | test("_error$|_skipped$")) | .messages // 0] | add // 0'; }
# A killed Notification replica leaves its durable push queue behind (no consumer) until x-expires removes it.
busy_queue_messages() {
  rabbit_api "queues/platform" | jq '[.[] | select(.name | test("_error$|_skipped$") | not)
    | select((.name | test("push-requested")) and (.consumers // 0) == 0 | not) | .messages // 0] | add // 0'
}
orphan_push_queues() { rabbit_api "queues/platform" | jq -r '[.[] | select((.name | test("push-requested")) and (.consumers // 0) == 0)] | "\(length) (\([.[].messages // 0] | add // 0) messages)"'; }
unsent_outbox() {
  local db total=0
  for db in "${DATABASES[@]}"; do total=$((total + $(sql "$db" "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL"))); done
  echo "$total"
}
wait_for() { # what seconds command...: true once the command succeeds
  local what=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@"; do [ $SECONDS -ge $deadline ] && { echo "  … gave up waiting for $what" >&2; return 1; }; sleep 2; done
}

ERRORS_BEFORE=$(error_queue_messages)
RUN_START=$(sql postgres "SELECT now()")
echo "chaos: $PATIENTS patients ($PER_ACCOUNT per account), $CONCURRENCY at a time over ${WORKLOAD_SECONDS}s; ${#SERVICES[@]} services × 2 replicas; edge $PLATFORM_EDGE_URL"
( set -o pipefail; timeout 600 node "$HERE/workload.mjs" 2>&1 | sed -u 's/^/    · /' ) &
WORKLOAD=$!

# ---- the faults ----
wait_for "the workload to start booking" 300 test -f "$CHAOS_DIR/started" || { kill "$WORKLOAD" 2>/dev/null; exit 1; }
echo "faults:"
sleep 8
KILLED=()
for c in "${SERVICES[@]}"; do
  name=$(component_field "$c" 0); pid=$(cat "$(component_pidfile "$name")")
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  KILLED+=("$c")
  fault "SIGKILL $name replica 1 (pid $pid, 127.0.0.1:$(component_port "$c")); replica 2 on 127.0.0.1:$(port_of "$name-r2") carries on"
done
sleep 15
for c in "${KILLED[@]}"; do component_start "$c"; done
fault "replica 1 of ${#KILLED[@]} services starting again (not waited for: the broker and the database restart meanwhile)"
sleep 5
fault "RabbitMQ stopping"
"$ROOT/deploy/local/rabbitmq.sh" stop
fault "RabbitMQ stopped; starting"
"$ROOT/deploy/local/rabbitmq.sh" start
fault "RabbitMQ up (127.0.0.1:$AMQP_PORT)"
sleep 10
fault "PostgreSQL stopping (fast: every connection cut)"
"$ROOT/deploy/local/postgres.sh" stop
fault "PostgreSQL stopped; starting"
"$ROOT/deploy/local/postgres.sh" start
fault "PostgreSQL up (127.0.0.1:$PG_PORT)"
saved=("${COMPONENTS[@]}"); COMPONENTS=("${KILLED[@]}")
if wait_healthy 240 >/dev/null 2>&1; then fault "replica 1 of every service healthy again"; else fault "NOT every replica 1 healthy in 240 s"; fi
COMPONENTS=("${saved[@]}")
date -u +%s > "$CHAOS_DIR/faults-done"
FAULTS_DONE=$(cat "$CHAOS_DIR/faults-done")

WORKLOAD_RC=0
wait "$WORKLOAD" || WORKLOAD_RC=$?
[ -f "$CHAOS_DIR/summary.json" ] || { echo "the workload wrote no summary (exit $WORKLOAD_RC)" >&2; exit 1; }

echo "settling:"
wait_for "every outbox to be sent" 120 test "$(unsent_outbox)" -eq 0 && echo "  $(now)  every outbox sent" || true
wait_for "every queue to drain" 90 test "$(busy_queue_messages)" -eq 0 && echo "  $(now)  every queue drained" || true
echo "  push queues of killed Notification replicas, expiring: $(orphan_push_queues)"

# ---- the checks ----
S="$CHAOS_DIR/summary.json"
echo "checks:"
# Every outbox row and every inbox row of the run, from every database, side by side in one scratch database.
psql -q -d postgres -c "DROP DATABASE IF EXISTS chaos_audit" -c "CREATE DATABASE chaos_audit" >/dev/null
sql chaos_audit "CREATE TABLE outbox (db text, id uuid, message_type text, created_at timestamptz, sent_at timestamptz, payload jsonb);
                 CREATE TABLE inbox (db text, message_id uuid, consumer text, processed_at timestamptz)" >/dev/null
for db in "${DATABASES[@]}"; do
  psql -q -d "$db" -c "\copy (SELECT '$db', id, message_type, created_at, sent_at, payload FROM outbox_messages WHERE created_at >= '$RUN_START') TO STDOUT" \
    | psql -q -d chaos_audit -c "\copy outbox FROM STDIN"
  psql -q -d "$db" -c "\copy (SELECT '$db', message_id, consumer, processed_at FROM inbox_messages WHERE processed_at >= '$RUN_START') TO STDOUT" \
    | psql -q -d chaos_audit -c "\copy inbox FROM STDIN"
done
short="regexp_replace(split_part(message_type, ',', 1), '^.*[.:]', '')"

# Events: written vs published (sent) vs consumed by each consumer that takes the type.
read -r WRITTEN SENT UNSENT <<< "$(sql chaos_audit "SELECT count(*), count(sent_at), count(*) - count(sent_at) FROM outbox" | tr '|' ' ')"
INBOX_ROWS=$(sql chaos_audit "SELECT count(*) FROM inbox i JOIN outbox o ON o.id = i.message_id")
PAIRS_SQL="WITH sent AS (SELECT id, $short AS type FROM outbox WHERE sent_at IS NOT NULL),
  per_type AS (SELECT type, count(*) AS n FROM sent GROUP BY type),
  consumed AS (SELECT i.db, i.consumer, s.type, count(*) AS n FROM inbox i JOIN sent s ON s.id = i.message_id GROUP BY 1, 2, 3)
  SELECT c.db, c.consumer, c.type, c.n, t.n FROM consumed c JOIN per_type t USING (type) ORDER BY c.n < t.n DESC, t.n DESC, c.db, c.consumer"
PAIRS=$(sql chaos_audit "$PAIRS_SQL")
SHORT_PAIRS=$(awk -F'|' '$4 < $5' <<< "$PAIRS" | grep -c . || true)
NO_CONSUMER=$(sql chaos_audit "SELECT string_agg(type || ' ' || n, ', ' ORDER BY n DESC) FROM (SELECT $short AS type, count(*) AS n FROM outbox o
  WHERE sent_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM inbox i WHERE i.message_id = o.id) GROUP BY 1) x")
ERRORS_AFTER=$(error_queue_messages)
check "outbox → broker" $([ "$UNSENT" -eq 0 ] && echo 0 || echo 1) "$WRITTEN events written in ${#DATABASES[@]} databases, $SENT published, $UNSENT left unsent"
check "broker → consumers" $([ "$SHORT_PAIRS" -eq 0 ] && echo 0 || echo 1) "$(grep -c . <<< "$PAIRS" || true) consumer×event pairs, $INBOX_ROWS inbox rows; pairs short of what was published: $SHORT_PAIRS"
awk -F'|' '{ printf "      %s %-44s %-44s %5d of %5d%s\n", ($4 < $5 ? "✗" : " "), $1 "/" $2, $3, $4, $5, ($4 < $5 ? "  ← missing" : "") }' <<< "$PAIRS" | head -40
[ -n "$NO_CONSUMER" ] && echo "      consumed without an inbox row (PushRequested: each Notification replica's own queue, checked as pushes below) or by no one: $NO_CONSUMER"
check "_error/_skipped queues" $([ "$ERRORS_AFTER" -le "$ERRORS_BEFORE" ] && echo 0 || echo 1) "$ERRORS_AFTER messages (before the run: $ERRORS_BEFORE)"

# Payments vs credits: every order paid at WeChat Pay is paid in Payment, announced once, credited to its booking
# once (or, when the booking had lapsed, handed back), never twice.
jq -r '.payments[] | [.orderId, .appointmentId, .outTradeNo, (.simState // ""), .amountFen] | @csv' "$S" \
  | psql -q -d chaos_audit -c "CREATE TABLE paid (order_id uuid, appointment_id uuid, out_trade_no text, sim_state text, amount_fen bigint)" \
      -c "\copy paid FROM STDIN WITH (FORMAT csv)"
PAID_AT_SIM=$(sql chaos_audit "SELECT count(*) FROM paid WHERE sim_state IN ('SUCCESS', 'REFUND')")
ORDERS_PAID=0 ORDER_STATES=""
ORDER_IDS=$(sql chaos_audit "SELECT string_agg(quote_literal(order_id), ',') FROM paid")
if [ -n "$ORDER_IDS" ]; then
  ORDERS_PAID=$(sql payment "SELECT count(*) FROM payment_orders WHERE id IN ($ORDER_IDS) AND paid_at IS NOT NULL")
  ORDER_STATES=$(sql payment "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) n FROM payment_orders WHERE id IN ($ORDER_IDS) GROUP BY 1) x")
fi
read -r EVENTS ORDERS_WITH_EVENT DOUBLE_EVENTS <<< "$(sql chaos_audit "SELECT count(*), count(DISTINCT p.order_id), count(*) - count(DISTINCT p.order_id)
  FROM outbox o JOIN paid p ON (o.payload->>'paymentId')::uuid = p.order_id WHERE $short = 'PaymentSucceededIntegrationEvent'" | tr '|' ' ')"
CREDIT_ROWS=$(sql chaos_audit "SELECT count(*) FROM inbox i JOIN outbox o ON o.id = i.message_id JOIN paid p ON (o.payload->>'paymentId')::uuid = p.order_id
  WHERE i.db = 'scheduling' AND i.consumer = 'PaymentSucceededConsumer'")
APPT_IDS=$(sql chaos_audit "SELECT string_agg(quote_literal(appointment_id), ',') FROM paid")
CREDITED=0 OVERPAID=0 RETURNED=0
if [ -n "$APPT_IDS" ]; then
  read -r CREDITED OVERPAID <<< "$(sql scheduling "SELECT count(*) FILTER (WHERE paid_fen > 0 AND paid_by_appointment_id = id), count(*) FILTER (WHERE paid_fen > fee_fen)
    FROM appointments WHERE id IN ($APPT_IDS)" | tr '|' ' ')"
  RETURNED=$(sql payment "SELECT count(*) FROM payment_orders WHERE id IN ($ORDER_IDS) AND refunded_fen > 0")
fi
PAYMENTS=$(jq '.payments | length' "$S")
ok=0; [ "$PAID_AT_SIM" -eq "$PAYMENTS" ] && [ "$ORDERS_PAID" -eq "$PAID_AT_SIM" ] && [ "$ORDERS_WITH_EVENT" -eq "$ORDERS_PAID" ] \
  && [ "$DOUBLE_EVENTS" -eq 0 ] && [ "$CREDIT_ROWS" -eq "$ORDERS_WITH_EVENT" ] && [ "$OVERPAID" -eq 0 ] \
  && [ $((CREDITED + RETURNED)) -eq "$ORDERS_PAID" ] || ok=1
check "payments vs credits" $ok "$PAYMENTS paid at WeChat Pay ($PAID_AT_SIM SUCCESS there), $ORDERS_PAID paid in Payment [$ORDER_STATES], $EVENTS PaymentSucceeded for $ORDERS_WITH_EVENT orders ($DOUBLE_EVENTS doubled), consumed by Scheduling $CREDIT_ROWS×; $CREDITED bookings credited, $RETURNED returned (booking lapsed), $OVERPAID credited twice"

# Slots vs bookings: a unit is held by one active booking at most; every active booking holds exactly its unit.
read -r ACTIVE OVERSOLD UNHELD MULTI LEAKED <<< "$(sql scheduling "SELECT
  (SELECT count(*) FROM appointments WHERE status IN ('locking', 'awaitingPayment', 'booked') AND created_at >= '$RUN_START'),
  (SELECT count(*) FROM (SELECT unit_id FROM appointments WHERE status IN ('locking', 'awaitingPayment', 'booked') GROUP BY unit_id HAVING count(*) > 1) x),
  (SELECT count(*) FROM appointments a LEFT JOIN slot_units u ON u.id = a.unit_id WHERE a.status IN ('locking', 'awaitingPayment', 'booked')
     AND a.created_at >= '$RUN_START' AND u.held_by IS DISTINCT FROM a.id),
  (SELECT count(*) FROM (SELECT held_by FROM slot_units WHERE held_by IS NOT NULL GROUP BY held_by HAVING count(*) > 1) x),
  (SELECT count(*) FROM slot_units u JOIN appointments a ON a.id = u.held_by WHERE a.status NOT IN ('locking', 'awaitingPayment', 'booked'))" | tr '|' ' ')"
STATES=$(jq -c '.appointmentStates' "$S")
check "slots vs bookings" $([ $((OVERSOLD + UNHELD + MULTI + LEAKED)) -eq 0 ] && echo 0 || echo 1) "$(jq '.booked | length' "$S") bookings made, final states $STATES; $ACTIVE active: $OVERSOLD units held twice, $UNHELD active without their unit, $MULTI holding two units, $LEAKED units held by ended bookings"

# Pushes: every message of every account reached that account's hub client (live, or by catch-up after a reconnect).
read -r REQ DEL MISS CLIENTS CONNECTED RECONNECTS <<< "$(jq -r '.pushes | "\(.requested) \(.delivered) \(.missing) \(.clients) \(.connectedAtEnd) \(.reconnects)"' "$S")"
check "pushes" $([ "$MISS" -eq 0 ] && [ "$REQ" -gt 0 ] && [ "$CONNECTED" -eq "$CLIENTS" ] && echo 0 || echo 1) "$REQ messages for $CLIENTS accounts, $DEL delivered to their hub clients, $MISS missing; $RECONNECTS reconnects, $CONNECTED/$CLIENTS connected at the end"

# Errors: 5xx and failed connections seen by the patients, and none once the faults were over (+30 s to recover).
TOTAL_ERR=$(jq '.errors | length' "$S")
LATE_ERR=$(jq --argjson t "$FAULTS_DONE" '[.errors[] | select(.at / 1000 > $t + 30)] | length' "$S")
check "errors after the faults" $([ "$LATE_ERR" -eq 0 ] && echo 0 || echo 1) "$TOTAL_ERR 5xx/failed requests during the run (each retried), $LATE_ERR more than 30 s after the last fault; probe: $(jq -r '.follow | "\(.errors) of \(.requests)"' "$S") failed"
jq -r '.errors | group_by(.call + " " + (.status|tostring)) | map("      \(length)× \(.[0].status) \(.[0].call) \(.[0].code // "")") | .[:12][]' "$S"
jq -r '.outcomes | to_entries | map("      \(.value)× \(.key)") | .[]' "$S"

UNHEALTHY=()
for c in "${COMPONENTS[@]}"; do component_healthy "$c" || UNHEALTHY+=("$(component_field "$c" 0)"); done
check "every process healthy" $([ ${#UNHEALTHY[@]} -eq 0 ] && echo 0 || echo 1) "${#COMPONENTS[@]} processes; unhealthy: ${UNHEALTHY[*]:-none}"

psql -q -d postgres -c "DROP DATABASE IF EXISTS chaos_audit" >/dev/null
echo "faults and figures kept in $CHAOS_DIR"
if [ ${#FAILED[@]} -gt 0 ] || [ "$WORKLOAD_RC" -ne 0 ]; then echo "chaos: FAILED (${FAILED[*]:-workload exit $WORKLOAD_RC})"; exit 1; fi
echo "chaos: every check passed"
