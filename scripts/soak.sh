#!/usr/bin/env bash
# Soak: builds the release preset's host, plugins and soak driver if needed, then runs a
# mixed load (searches, evaluations, orders, staff fulfilments, Duo orders fulfilled by jobs
# against the fake Duo, log-ins and log-outs, form reloads by rewriting a YAML file) on one
# host for MINUTES, printing the floor and peak of its resident memory (sampled each second;
# a log-in's Argon2id check holds 64 MiB while it runs) and its open fds each minute.
# Exits 1 on any unexpected answer, a host that died or did not exit cleanly, or growth
# after the first minute beyond --rss-bound-mib (32) or --fd-bound (16).
# Usage: scripts/soak.sh MINUTES [servicedesk-soak options...]
#        SOAK_PRESET=dev scripts/soak.sh 3    (the Debug build, when release is not built)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:?usage: scripts/soak.sh MINUTES}
shift
preset=${SOAK_PRESET:-release}
scripts/install-deps.sh --tests >/dev/null
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target servicedesk-host duo_account_updates request_software \
  servicedesk-soak
"build/$preset/tests/reliability/servicedesk-soak" --minutes "$minutes" \
  --host-bin "build/$preset/host-sdk/host/app/servicedesk-host" --catalog-dir catalog-items "$@"
