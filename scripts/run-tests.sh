#!/usr/bin/env bash
# Builds everything with the dev preset (Debug, warnings on) and runs the whole test suite:
# unit, integration (real host, real plugins, SMTP sink) and browser tests (Chromium).
# Usage: scripts/run-tests.sh [preset]   (dev by default; asan for the sanitizer run)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"

scripts/install-deps.sh --tests
start=$(date +%s)
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
echo "build ($preset) took $(($(date +%s) - start)) s"
# The browser suite and the kill -9 rounds run once, in the dev build; under the sanitizers
# they add minutes, not coverage.
exclude=()
[[ "$preset" == "asan" ]] && exclude=(-LE "e2e|crash")
ctest --preset "$preset" -j2 "${exclude[@]}"
