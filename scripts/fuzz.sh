#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang-15, ASan + UBSan) and runs each for
# SECONDS (default 60) over its seed corpus in tests/fuzz/corpus/<target>, with the
# target's dictionary where there is one. New inputs go to build/fuzz/corpus/<target>; a
# crash leaves its input in build/fuzz/crashes/<target>/ and makes the script exit 1.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
scripts/install-deps.sh --fuzz
cmake --preset fuzz >/dev/null
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(condition_fuzz directory_fuzz mail_template_fuzz duo_answers_fuzz form_yaml_fuzz
           form_answers_fuzz host_config_fuzz http_request_fuzz)
fi
cmake --build --preset fuzz --target "${targets[@]}"

declare -A dictionary=([condition_fuzz]=condition.dict [form_yaml_fuzz]=yaml.dict
                       [directory_fuzz]=yaml.dict [host_config_fuzz]=yaml.dict
                       [http_request_fuzz]=http.dict)
# One target per core at a time (FUZZ_JOBS, 2 by default); the table comes in list order.
run_target() {
  local target=$1 name=${1%_fuzz}
  local seeds=tests/fuzz/corpus/$name corpus=build/fuzz/corpus/$name
  local crashes=build/fuzz/crashes/$name log=build/fuzz/logs/$name.log
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  local options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
                 -artifact_prefix="$crashes/")
  [[ -n "${dictionary[$target]:-}" ]] && options+=(-dict="tests/fuzz/${dictionary[$target]}")
  local result=ok
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build/fuzz/tests/fuzz/$target" "${options[@]}" "$corpus" "$seeds" >"$log" 2>&1 ||
    result="CRASH (see $log and $crashes)"
  local executions coverage features
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
  printf '%-20s %12s %8s %8s %s\n' "$name" "$executions" "$coverage" "$features" "$result" \
    >"build/fuzz/logs/$name.result"
}

jobs_at_once=${FUZZ_JOBS:-2}
for target in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs_at_once)); do wait -n || true; done
  run_target "$target" &
done
wait
failed=0
printf '%-20s %12s %8s %8s %s\n' target executions cov ft result
for target in "${targets[@]}"; do
  line=$(cat "build/fuzz/logs/${target%_fuzz}.result")
  echo "$line"
  [[ "$line" == *CRASH* ]] && failed=1
done
exit "$failed"
