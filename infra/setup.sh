#!/usr/bin/env bash
# Installs what the service and its tests need on a Debian machine with Node 20. Idempotent:
# each step runs only when its result is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
export ONNXRUNTIME_NODE_INSTALL=skip TURBO_TELEMETRY_DISABLED=1

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=()
command -v redis-server >/dev/null || packages+=(redis-server)
# A CJK font renders non-embedded Chinese in PDFs and the tests' own pages.
{ command -v fc-list >/dev/null && fc-list | grep -q "Noto Sans CJK"; } || packages+=(fonts-noto-cjk fontconfig)
# pdftoppm: the documents benchmark's baseline.
command -v pdftoppm >/dev/null || packages+=(poppler-utils)
if [ ${#packages[@]} -gt 0 ]; then
  echo "setup: installing ${packages[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION"
  as_root npm install -g --silent "pnpm@$PNPM_VERSION"
fi

pnpm install --frozen-lockfile --reporter=silent
