#!/usr/bin/env bash
# Push latency: 5,000 SignalR clients receiving one event through RabbitMQ and Notification.API, then the same
# broadcast from a bare SignalR hub; prints p50/p99 and the ratio. Run by `./platform bench push` after
# `./platform up` (PLATFORM_EDGE_URL, PLATFORM_AMQP_URI set). Loopback only; stops by itself.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${PLATFORM_ROOT:-$(cd "$HERE/../.." && pwd)}"
export PLATFORM_EDGE_URL="${PLATFORM_EDGE_URL:-http://127.0.0.1:8080}"
export PLATFORM_AMQP_URI="${PLATFORM_AMQP_URI:-amqp://platform:platform-dev-password@127.0.0.1:55672/platform}"
export PUSH_CLIENTS="${PUSH_CLIENTS:-5000}"

# Each client holds a socket (two through the edge): raise the open-file limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files limit: $(ulimit -n)"

(cd "$HERE/push" && { [ -d node_modules/@microsoft/signalr ] && [ -d node_modules/amqplib ] || npm ci --no-audit --no-fund; })

source "$HERE/lib/bare-hub.sh"
start_bare_hub

timeout 900 node --max-old-space-size=2048 "$HERE/push/bench.mjs"
