#!/usr/bin/env bash
# Builds the project and starts the reference host on its embedded default (demo data,
# SQLite and maildir in ./var, http://127.0.0.1:8080). Extra arguments go to `serve`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release -DSERVICEDESK_BUILD_TESTS=OFF -DSERVICEDESK_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build --preset release --target servicedesk-host duo_account_updates request_software
exec build/release/host-sdk/host/app/servicedesk-host serve "$@"
