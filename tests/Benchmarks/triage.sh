#!/usr/bin/env bash
# Triage quality on the labelled complaints (tests/Triage.Tests/Cases/triage-cases.json, labelled by what a triage
# nurse would answer): top-1 and top-3 accuracy, emergency recall and the non-urgent false-flag rate. Run by
# `./platform bench triage` after `./platform up`; TRIAGE_URL points it at another instance (e.g. a `dotnet run`).
# Exits non-zero below the floors of issue 13: top-3 ≥ 90 %, every emergency flagged, ≤ 5 % false flags.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
TRIAGE_URL="${TRIAGE_URL:-${PLATFORM_EDGE_URL:-http://127.0.0.1:8080}/api/triage}"
timeout 600 node "$HERE/triage/bench.mjs" "$ROOT/tests/Triage.Tests/Cases/triage-cases.json" "$TRIAGE_URL"
