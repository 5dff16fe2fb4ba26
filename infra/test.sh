#!/usr/bin/env bash
# The test suite: installs what is missing, makes sure Redis runs, typechecks and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
bash infra/redis.sh
export TURBO_TELEMETRY_DISABLED=1
pnpm test
