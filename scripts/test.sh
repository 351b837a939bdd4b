#!/usr/bin/env bash
# Every test: build, type check, n8n's community-node lint, the package scanner on the packed tarball, unit and engine
# tests, then the end-to-end suite inside a real n8n (Node 24 and n8n are installed into a cache on first run; Redis and
# PostgreSQL for the queue-mode case and Chromium for the editor test from Debian's packages, when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== build"
npm run build
echo "== type check (sources and tests)"
npm run typecheck
echo "== lint"
npm run lint
echo "== community-package scanner"
npm run scan
echo "== runtime for the end-to-end suite"
bash scripts/install-runtime.sh >/dev/null
bash scripts/install-system-packages.sh redis-server:redis-server /usr/lib/postgresql/15/bin/postgres:postgresql
echo "== Chromium for the editor test (Debian's package, when missing)"
bash scripts/install-system-packages.sh /usr/bin/chromium:chromium
echo "== unit, engine and end-to-end tests"
npx jest --ci --selectProjects unit e2e "$@"
