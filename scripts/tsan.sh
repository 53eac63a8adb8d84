#!/usr/bin/env bash
# Builds the tsan preset (g++ 12, -fsanitize=thread) for the concurrency tests only and runs
# them (ctest label `tsan`): the write queue and stores, form reloads, the delivery worker,
# the job queue, the HTTP front under attack, and one real host under a mixed load
# (sessions, checkouts, reloads, mail and Duo jobs at once). Any race report fails the run:
# TSAN_OPTIONS halt_on_error=1 (in the test preset) stops the process that saw it.
# Usage: scripts/tsan.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
start=$(date +%s)
cmake --preset tsan >/dev/null
cmake --build --preset tsan --target servicedesk-host duo_account_updates request_software \
  store_tests jobs_tests fulfilment_worker_tests mail_tests forms_tests host_http_front_tests \
  reliability_tests
echo "build (tsan) took $(($(date +%s) - start)) s"
ctest --preset tsan -j2
