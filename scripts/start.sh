#!/usr/bin/env bash
# `npm start`: installs the cached Node 24 + n8n runtime on first run, then starts the emulator and n8n.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-runtime.sh >/dev/null
exec node scripts/start.js
