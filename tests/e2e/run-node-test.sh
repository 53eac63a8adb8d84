#!/bin/sh
# Runs one node test file of this folder against a servicedesk-host binary, installing the npm
# packages first when they are missing (no browser needed).
# Usage: run-node-test.sh HOST_BINARY CATALOG_DIR TEST_FILE
set -eu
here=$(cd "$(dirname "$0")" && pwd)
export SERVICEDESK_HOST_BIN="$1" SERVICEDESK_CATALOG_DIR="$2"
cd "$here"
if [ ! -f node_modules/ajv-draft-04/package.json ] || [ ! -f node_modules/@microsoft/jest-sarif/package.json ]; then
  npm ci --no-audit --no-fund || npm install --no-audit --no-fund
fi
exec node --test --test-reporter=spec "$3"
