#!/usr/bin/env bash
# Builds the release preset and runs every benchmark: in-process figures (Google Benchmark)
# and HTTP figures against the real host (start-up, search, checkout, reload, memory), then
# the host's directory search side by side with nginx serving a file of the same size.
# Usage: scripts/run-benchmarks.sh [--quick]   (--quick: shorter load phases)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh --tests --bench
cmake --preset release >/dev/null
cmake --build --preset release
bench=build/release/tests/bench
seconds=10
[[ "${1:-}" == "--quick" ]] && seconds=4

export SERVICEDESK_BENCH_DIR=build/release/bench-data
mkdir -p "$SERVICEDESK_BENCH_DIR"
echo "== form evaluation (targets: person 5 us, 20 rows 50 us, 20 new phones 1 ms)"
"$bench/form_evaluation_bench" --benchmark_min_time=1
echo "== what Duo adds to an evaluate (demo ledger; fake Duo Admin API, cache hit and miss)"
"$bench/duo_evaluate_bench" --benchmark_min_time=1
echo "== directory search over 100,000 people (target: p99 <= 20 us)"
"$bench/directory_search_bench"
echo "== directory from a real slapd: load time, memory, typeahead p99 (10,000 and 100,000 entries)"
PATH="/usr/sbin:$PATH" "$bench/ldap_directory_bench"
echo "== SQLite single-row commit rate (WAL, synchronous=FULL)"
"$bench/sqlite_commit_bench"
echo "== HTTP figures against servicedesk-host"
"$bench/servicedesk-load" --host-bin build/release/host-sdk/host/app/servicedesk-host \
  --catalog-dir catalog-items --work-dir "$SERVICEDESK_BENCH_DIR/load" --seconds "$seconds"
echo "== HTTP front side by side with nginx (wrk, 16 connections; then 2,000 idle connections)"
python3 tests/bench/http_front/vs_nginx.py --host-bin build/release/host-sdk/host/app/servicedesk-host \
  --directory "$SERVICEDESK_BENCH_DIR/load/directory.csv" --catalog-dir catalog-items \
  --seconds "$((seconds / 2 > 2 ? seconds / 2 : 2))" \
  --host-config "http: {max_connections_per_client: 4000, idle_timeout_ms: 120000}"
echo "== checkout on SQLite and PostgreSQL (one host, two hosts) and PostgreSQL's raw commit rate"
"$bench/servicedesk-store-load" --host-bin build/release/host-sdk/host/app/servicedesk-host \
  --catalog-dir catalog-items --work-dir "$SERVICEDESK_BENCH_DIR/store-load" --seconds "$seconds"
