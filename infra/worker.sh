#!/usr/bin/env bash
# One more worker (one per GPU) against the same Redis: `REDIS_URL=redis://queue-host:6379 bash infra/worker.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx apps/worker/src/main.ts
