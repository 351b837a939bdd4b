#!/usr/bin/env bash
# Installs Debian packages the tests need (for example redis-server, postgresql, chromium) when their commands are
# missing. Arguments are pairs `command:package`; only the packages whose command is not found are installed, with one
# `apt-get update` first. Needs root or sudo; prints what it does on stderr.
set -euo pipefail

missing=()
for pair in "$@"; do
  command_path="${pair%%:*}"
  package="${pair#*:}"
  if ! command -v "$command_path" >/dev/null 2>&1 && [[ ! -x "$command_path" ]]; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "[system] need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "[system] installing ${missing[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >&2
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
