#!/usr/bin/env bash
# A third party's first plugin, from a scratch folder: "Laptop loan", written here, built
# against the INSTALLED SDK with find_package(ServiceDesk) alone, and run in the real host
# beside the shipped DUO plugin (two --plugin-dir, two --catalog-dir). Shows that its
# cross-field rule cannot be bypassed (trailing space, answer to a hidden field), that a
# handler that throws is logged with plugin and handler name while the requester reads a
# plain sentence, that a fulfilment job that throws is counted in /metrics, and that a
# mistyped parameter is a lint error at its line.
set -euo pipefail
prefix=$1 shipped_plugins=$2 shipped_catalog=$3 work=$4 host_bin=$5

rm -rf "$work" && mkdir -p "$work/src" "$work/catalog" "$work/plugins" "$work/bad"
fail() { echo "FAIL: $*" >&2; [[ -f $work/host.log ]] && tail -n 40 "$work/host.log" >&2; exit 1; }

# ---- the plugin, as an author would write it from docs/plugin-sdk.md ----
cat >"$work/src/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.25)
project(LaptopLoanPlugin VERSION 1.0.0 LANGUAGES CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
find_package(ServiceDesk 3.1 REQUIRED)
servicedesk_add_plugin(laptop_loan SOURCES laptop_loan.cpp)
EOF
cat >"$work/src/laptop_loan.cpp" <<'EOF'
// Laptop loan: borrow a laptop; students for at most a few days unless someone approved it.
#include <chrono>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <servicedesk/plugin.hpp>

namespace {
using namespace servicedesk;

/// Written the naive way on purpose: an answer that is not exactly YYYY-MM-DD is skipped,
/// so only the host's validated answers keep this rule from being bypassed.
std::optional<std::chrono::sys_days> day_of(const nlohmann::json& answers, const std::string& id) {
  auto it = answers.find(id);
  if (it == answers.end() || !it->is_string()) return std::nullopt;
  const std::string text = it->get<std::string>();
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return std::nullopt;
  return std::chrono::sys_days(std::chrono::year(y) / m / d);
}

void register_laptop_loan(Registrar& registrar) {
  registrar.add_item({.id = "laptop-loan", .form_file = "laptop-loan.yaml"});
  registrar.add_form_rule(
      "student_loan_limit",
      {{"start", ParamType::date_field, true, "the loan's first day"},
       {"end", ParamType::date_field, true, "the loan's last day"},
       {"max_days", ParamType::integer, true, "the longest loan without an approval"},
       {"approval", ParamType::field, true, "a field whose answer lifts the limit"}},
      [](const RuleParams& params) {
        const std::string start = params.get<std::string>("start");
        const std::string end = params.get<std::string>("end");
        const std::string approval = params.get<std::string>("approval");
        const std::int64_t max_days = params.get<std::int64_t>("max_days");
        return [=](const FormInput& input) {
          std::vector<FieldError> errors;
          if (input.answers.contains(approval)) return errors;  // approved: no limit
          const auto first = day_of(input.answers, start), last = day_of(input.answers, end);
          if (first && last && (*last - *first).count() > max_days)
            errors.push_back({end, "Without an approval, a loan lasts at most " +
                                       std::to_string(max_days) + " days."});
          return errors;
        };
      });
  // A lookup that was never filled: throws std::out_of_range ("map::at") for every tag.
  registrar.add_field_rule("asset_in_inventory", {}, [](const RuleParams&) {
    return [](const FieldInput& input) {
      static const std::map<std::string, std::string> inventory;
      return RuleVerdict::pass(inventory.at(std::string(input.value)));
    };
  });
  registrar.add_fulfilment("reserve_laptop", {}, [](const RuleParams&) {
    return [](const FulfilmentInput&) -> FulfilmentResult {
      throw std::runtime_error("inventory service unreachable");
    };
  });
  registrar.fulfil_at_checkout("laptop-loan");
}
}  // namespace

SERVICEDESK_PLUGIN("laptop-loan", "1.0.0", register_laptop_loan)
EOF
cat >"$work/catalog/laptop-loan.yaml" <<'EOF'
id: laptop-loan
name: Laptop loan
category: Hardware
description: Borrow a laptop from the IT Help Desk.
fields:
  - id: borrower
    type: choice
    label: I am
    mandatory: true
    choices:
      - { value: student, label: A student }
      - { value: staff, label: Staff }
  - { id: loan_begin, type: date, label: First day, mandatory: true, min: today, max: +60d }
  - { id: loan_end, type: date, label: Last day, mandatory: true, min: today }
  - { id: approved_by, type: text, label: Approved by, visible_when: "borrower == 'staff'" }
  - { id: needs_charger, type: checkbox, label: I need a charger }
  - { id: asset_tag, type: text, label: Asset tag, rules: [ { use: asset_in_inventory } ] }
validators:
  - { use: date_range, start: loan_begin, end: loan_end, max_days: 30 }
  - { use: student_loan_limit, start: loan_begin, end: loan_end, max_days: 7,
      approval: approved_by }
fulfilment: { use: reserve_laptop }
checkout:
  fields:
    - { id: requested_for, type: person, label: Requested For, mandatory: true }
EOF

cmake -S "$work/src" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/build"
cp "$work/build/laptop_loan.so" "$work/plugins/"
dirs=(--plugin-dir "$shipped_plugins" --plugin-dir "$work/plugins")
catalogs=(--catalog-dir "$shipped_catalog" --catalog-dir "$work/catalog")

# ---- plugins: both folders, nothing refused ----
listing=$("$host_bin" plugins "${dirs[@]}" "${catalogs[@]}") || fail "plugins exited non-zero: $listing"
grep -q "laptop-loan 1.0.0" <<<"$listing" || fail "laptop-loan not listed: $listing"
grep -q "duo-account-updates" <<<"$listing" || fail "DUO plugin not listed: $listing"
grep -q "\[laptop-loan\] form laptop-loan.yaml: Laptop loan in Hardware" <<<"$listing" ||
  fail "the item's form was not found in the second catalog folder: $listing"

# ---- lint: a mistyped parameter is an error at its line ----
sed 's/max_days: 7,/max_days: seven,/' "$work/catalog/laptop-loan.yaml" >"$work/bad/laptop-loan.yaml"
line=$(grep -n "max_days: seven" "$work/bad/laptop-loan.yaml" | cut -d: -f1)
set +e
lint_out=$("$host_bin" lint "${dirs[@]}" "$shipped_catalog" "$work/bad" 2>&1)
lint_rc=$?
set -e
[[ $lint_rc == 1 ]] || fail "lint exit $lint_rc, expected 1: $lint_out"
grep -q "laptop-loan.yaml:$line:[0-9]*: parameter 'max_days' of form rule 'student_loan_limit': expected a whole number, found 'seven'" <<<"$lint_out" ||
  fail "lint did not point at line $line: $lint_out"
# Both catalog folders, as serve sees them: every plugin's item has its form.
"$host_bin" lint "${dirs[@]}" "${catalogs[@]}" >/dev/null || fail "the good file does not lint clean"

# ---- serve both plugins ----
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$host_bin" serve --listen "127.0.0.1:$port" --data-dir "$work/var" "${dirs[@]}" "${catalogs[@]}" \
  >"$work/host.log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "$base/healthz" >/dev/null 2>&1 && break
  kill -0 $host_pid 2>/dev/null || fail "the host exited"
  sleep 0.2
done
curl -sf "$base/healthz" >/dev/null || fail "the host did not answer /healthz"

jar="$work/cookies" token=""
login() {
  token=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"demo\"}" "$base/api/session" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
}
# call METHOD PATH [JSON]: prints the body, then the status on a line of its own.
call() {
  local args=(-s -b "$jar" -X "$1" -H "X-CSRF-Token: $token" -w '\n%{http_code}')
  [[ $# -ge 3 ]] && args+=(-H 'Content-Type: application/json' -d "$3")
  curl "${args[@]}" "$base$2"
}
status() { tail -n 1 <<<"$1"; }
body() { sed '$d' <<<"$1"; }
add() { call POST /api/cart/items "{\"item\":\"laptop-loan\",\"answers\":$1}"; }
day() { date -d "+$1 days" +%F; }

login tessatitan
too_long_error='Without an approval, a loan lasts at most 7 days.'
expect_limit() {  # answers, what it tries
  local answer
  answer=$(add "$1")
  [[ $(status "$answer") == 422 ]] || fail "$2: expected 422, got $(status "$answer"): $(body "$answer")"
  grep -qF "$too_long_error" <<<"$answer" || fail "$2: not refused by the rule: $(body "$answer")"
}
begin=$(day 1) end=$(day 11)
expect_limit "{\"borrower\":\"student\",\"loan_begin\":\"$begin\",\"loan_end\":\"$end\"}" "a 10-day student loan"
expect_limit "{\"borrower\":\"student\",\"loan_begin\":\"$begin \",\"loan_end\":\"$end\"}" "a trailing space"
expect_limit "{\"borrower\":\"student\",\"loan_begin\":\"\\t$begin\",\"loan_end\":\"$end\\n\"}" "a tab and a line break"
expect_limit "{\"borrower\":\"student\",\"loan_begin\":\"$begin\",\"loan_end\":\"$end\",\"approved_by\":\"dean\"}" "an answer to the hidden approval field"
# The same loan with an approval a staff member may give passes: the rule works, not a blanket refusal.
answer=$(add "{\"borrower\":\"staff\",\"loan_begin\":\"$begin\",\"loan_end\":\"$end\",\"approved_by\":\"dean\",\"needs_charger\":true}")
[[ $(status "$answer") == 201 ]] || fail "an approved loan: expected 201: $answer"
# The host's date_range (max 30 days) applies too, live in /evaluate.
answer=$(call POST /api/catalog/items/laptop-loan/evaluate "{\"answers\":{\"borrower\":\"staff\",\"loan_begin\":\"$begin\",\"loan_end\":\"$(day 40)\",\"approved_by\":\"dean\"}}")
grep -qF "at most 30 days after the start date" <<<"$answer" || fail "date_range not live: $answer"

# ---- a throwing field rule: the log names plugin and handler, the requester reads a plain sentence ----
answer=$(add "{\"borrower\":\"student\",\"loan_begin\":\"$begin\",\"loan_end\":\"$(day 3)\",\"asset_tag\":\"LT-0042\"}")
[[ $(status "$answer") == 422 ]] || fail "throwing rule: expected 422: $answer"
grep -qF '"asset_tag":["This answer could not be checked right now. Try again, or contact the IT Help Desk."]' <<<"$answer" ||
  fail "throwing rule: not the plain sentence: $answer"
if grep -q "map::at" <<<"$answer"; then fail "the exception's text reached the requester: $answer"; fi
grep -qF "handler failed: plugin 'laptop-loan', field rule 'asset_in_inventory', item 'laptop-loan', field 'asset_tag': map::at" "$work/host.log" ||
  fail "the failure was not logged with plugin and handler"

# ---- a throwing fulfilment job is counted in /metrics ----
answer=$(call POST /api/cart/checkout '{"requested_for":"tessatitan"}')
[[ $(status "$answer") == 201 ]] || fail "checkout: expected 201: $answer"
login helpdesk
for _ in $(seq 1 50); do
  metrics=$(call GET /metrics)
  grep -q 'kind="fulfilment handler",handler="reserve_laptop"} 1' <<<"$metrics" && break
  sleep 0.2
done
grep -q 'servicedesk_handler_failures_total{plugin="laptop-loan",kind="fulfilment handler",handler="reserve_laptop"} 1' <<<"$metrics" ||
  fail "the fulfilment failure is not in /metrics: $metrics"
grep -q 'servicedesk_handler_failures_total{plugin="laptop-loan",kind="field rule",handler="asset_in_inventory"} 1' <<<"$metrics" ||
  fail "the field rule failure is not in /metrics: $metrics"
grep -qF "handler failed: plugin 'laptop-loan', fulfilment handler 'reserve_laptop', item 'laptop-loan'" "$work/host.log" ||
  fail "the fulfilment failure was not logged"
echo "laptop-loan built from a scratch folder runs beside the DUO plugin: OK"
