#!/bin/sh
# The article's flow with curl only, against a running host (README's run command):
# dcoordinator adds a phone for newhire, checks out, gets REQ/RITM numbers, mail appears.
# Usage: curl_walkthrough.sh [BASE_URL] [DATA_DIR]   (defaults: http://127.0.0.1:8080 ./var)
set -eu
base=${1:-http://127.0.0.1:8080}
data=${2:-./var}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT

json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

echo "== log in as dcoordinator"
token=$(curl -sf -c "$jar" -H 'Content-Type: application/json' \
  -d '{"username":"dcoordinator","password":"demo"}' "$base/api/session" | json_field "['csrf_token']")

call() {  # METHOD PATH [JSON]
  if [ $# -ge 3 ]; then
    curl -s -b "$jar" -X "$1" -H "X-CSRF-Token: $token" -H 'Content-Type: application/json' \
      -d "$3" -w '  -> HTTP %{http_code}\n' "$base$2"
  else
    curl -s -b "$jar" -X "$1" -H "X-CSRF-Token: $token" -w '  -> HTTP %{http_code}\n' "$base$2"
  fi
}

echo "== the catalog"; call GET /api/catalog
echo "== search 'Titan, Tuffy'"; call GET '/api/directory/search?q=Titan,%20Tuffy&kind=any'
echo "== a campus number is refused"
call POST /api/cart/items '{"item":"duo-account-updates","answers":{"account":"newhire","request_type":"add","phone":"657-278-7777"}}'
echo "== add a cellphone for newhire"
call POST /api/cart/items '{"item":"duo-account-updates","answers":{"account":"newhire","request_type":"add","phone":"714-555-0150"}}'
echo "== nothing else may join the DUO request"
call POST /api/cart/items '{"item":"request-software","answers":{"software":"Matlab"}}'
echo "== checkout"
call POST /api/cart/checkout '{"requested_for":"newhire","special_instructions":"Starts Monday"}'
sleep 2
echo "== mail in $data/mail/new"
ls -l "$data/mail/new" | tail -n +2
