#!/usr/bin/env bash
# Quick start: installs what is missing, makes sure Redis runs, then serves the API on :8000
# with one worker on the default CPU OCR engine. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
bash infra/redis.sh

pids=()
stop() { kill -TERM "${pids[@]}" 2>/dev/null || true; wait; }
trap stop INT TERM
node --import tsx apps/worker/src/main.ts & pids+=($!)
node --import tsx apps/api/src/main.ts & pids+=($!)
echo "start: API on http://${HOST:-0.0.0.0}:${PORT:-8000} (docs at /docs), worker pid ${pids[0]}"
# Either process ending ends the service: a half-running service is worse than a stopped one.
wait -n
stop
