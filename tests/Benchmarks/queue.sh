#!/usr/bin/env bash
# Queue call latency (issue 14, Load): QUEUE_PATIENTS (5,000) patients waiting in QUEUE_QUEUES (100) clinic queues, each
# with the patient app's SignalR connection (@microsoft/signalr) signed in as that patient; the doctor calls the next
# number in every queue at once, round after round; prints p50/p99 from the call to the patients' queueChanged push (and
# to the page's re-read position), then the bare-hub broadcast of `./platform bench push` to as many clients and the
# ratio. Run by `./platform bench queue` after `./platform up` (test profile). Loopback only; stops by itself.
# See docs/queue-api.md, "Benchmark".
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export PLATFORM_EDGE_URL="${PLATFORM_EDGE_URL:-http://127.0.0.1:8080}"
export PLATFORM_AMQP_URI="${PLATFORM_AMQP_URI:-amqp://platform:platform-dev-password@127.0.0.1:55672/platform}"
export QUEUE_PATIENTS="${QUEUE_PATIENTS:-5000}" QUEUE_QUEUES="${QUEUE_QUEUES:-100}"

# Each client holds a socket (two through the edge): raise the open-file limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files limit: $(ulimit -n)"

(cd "$HERE/queue" && { [ -d node_modules/@microsoft/signalr ] && [ -d node_modules/amqplib ] || npm ci --no-audit --no-fund; })

source "$HERE/lib/bare-hub.sh"
start_bare_hub

timeout "${QUEUE_TIMEOUT_S:-4200}" node --max-old-space-size=3072 "$HERE/queue/bench.mjs"
