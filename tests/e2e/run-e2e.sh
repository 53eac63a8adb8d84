#!/bin/sh
# Runs the portal's browser tests against a servicedesk-host binary; installs chromium and the
# npm packages first when they are missing. Usage: run-e2e.sh HOST_BINARY [ARTIFACTS_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)

if [ $# -ge 1 ]; then SERVICEDESK_HOST_BIN=$1; fi
if [ -z "${SERVICEDESK_HOST_BIN:-}" ]; then
  echo "usage: $0 HOST_BINARY [ARTIFACTS_DIR]  (or set SERVICEDESK_HOST_BIN)" >&2
  exit 2
fi
export SERVICEDESK_HOST_BIN
if [ $# -ge 2 ]; then export SERVICEDESK_E2E_ARTIFACTS="$2"; fi

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "node and npm are needed: apt-get install nodejs npm" >&2
  exit 1
fi

chromium="${SERVICEDESK_CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
  echo "installing Debian's chromium (no browser is downloaded by npm)" >&2
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  else
    sudo -n apt-get update && sudo -n env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
  fi
fi

cd "$here"
if [ ! -f node_modules/playwright-core/package.json ] || [ ! -f node_modules/axe-core/axe.min.js ]; then
  # playwright-core never downloads a browser; chromium comes from Debian.
  npm ci --no-audit --no-fund || npm install --no-audit --no-fund
fi

exec node --test --test-concurrency=1 --test-reporter=spec ./*.test.mjs
