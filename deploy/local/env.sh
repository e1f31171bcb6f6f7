# Shared settings for the local stack; every value can be overridden from the environment or .env.local.
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# .env.local gives defaults; variables already in the environment win (test fixtures start private brokers this way).
if [ -f "$ROOT/.env.local" ]; then
  while IFS='=' read -r key value; do
    [[ $key =~ ^[A-Z_][A-Z0-9_]*$ ]] && [ -z "${!key+x}" ] && export "$key=$value"
  done < "$ROOT/.env.local"
fi
DATA="${PLATFORM_DATA:-$ROOT/.data}"
LOGS="$DATA/logs"
RUN="$DATA/run"

PG_PORT="${PG_PORT:-55432}"
PG_USER="${PG_USER:-platform}"
PG_PASSWORD="${PG_PASSWORD:-platform-dev-password}"
AMQP_PORT="${AMQP_PORT:-55672}"
RABBIT_MGMT_PORT="${RABBIT_MGMT_PORT:-55673}"
RABBIT_DIST_PORT="${RABBIT_DIST_PORT:-55674}"
EPMD_PORT="${EPMD_PORT:-55675}"
RABBIT_USER="${RABBIT_USER:-platform}"
RABBIT_PASSWORD="${RABBIT_PASSWORD:-platform-dev-password}"
EDGE_PORT="${EDGE_PORT:-8080}"
EDGE_TLS_PORT="${EDGE_TLS_PORT:-8443}"
EDGE_HOST="${EDGE_HOST:-127.0.0.1}"
# coturn (STUN/TURN for video consultations): its listening port, the UDP range it relays media through, and the
# shared secret Consultation signs the short-lived TURN credentials with (coturn's use-auth-secret REST-API scheme).
TURN_PORT="${TURN_PORT:-3478}"
TURN_RELAY_MIN_PORT="${TURN_RELAY_MIN_PORT:-49160}"
TURN_RELAY_MAX_PORT="${TURN_RELAY_MAX_PORT:-49200}"
TURN_SECRET="${TURN_SECRET:-turn-local-dev-secret}"

# Services and simulators: name, port, project or command. Ports are fixed so nginx can route to them.
SERVICE_BASE_PORT="${SERVICE_BASE_PORT:-5100}"

mkdir -p "$LOGS" "$RUN"
