# Sourced by push.sh and queue.sh: builds and starts tests/Benchmarks/BareHub on a free loopback port, exports
# BARE_HUB_BASE, and stops it when the calling script exits.
start_bare_hub() {
  local here; here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  dotnet build "$here/BareHub/BareHub.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
  local port="${BARE_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}"
  export BARE_HUB_BASE="http://127.0.0.1:$port"
  dotnet "$here/BareHub/bin/Release/net10.0/BareHub.dll" --urls "$BARE_HUB_BASE" >"${TMPDIR:-/tmp}/bench-barehub.log" 2>&1 &
  BARE_PID=$!
  trap 'kill "$BARE_PID" 2>/dev/null || true; wait "$BARE_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -sf "$BARE_HUB_BASE/health" >/dev/null && break; sleep 0.2; done
  curl -sf "$BARE_HUB_BASE/health" >/dev/null || { echo "bare hub did not start; see ${TMPDIR:-/tmp}/bench-barehub.log" >&2; exit 1; }
}
