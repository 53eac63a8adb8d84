#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the host and the tests need, when missing.
# Usage: scripts/install-deps.sh [--tests] [--bench] [--fuzz]
#   --tests adds Chromium, Node.js, the SMTP sink, openssl (TLS tests' certificates),
#   PostgreSQL 15 (started by the store tests themselves) and nginx-light (the single sign-on
#   snippet of docs/identity.md runs in front of a host);
#   --bench adds nginx-light and wrk (the HTTP benchmark's reference server and load);
#   --fuzz adds clang-15 and libFuzzer (scripts/fuzz.sh).
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost-dev libboost-filesystem-dev libyaml-cpp-dev nlohmann-json3-dev libspdlog-dev
  libsqlitecpp-dev libsqlite3-dev libcpp-httplib-dev libcurl4-openssl-dev libsodium-dev libssl-dev
  libcli11-dev libphonenumber-dev libvalijson-dev libldap-dev libpqxx-dev
)
for option in "$@"; do
  if [[ "$option" == "--tests" ]]; then
    packages+=(libgtest-dev libgmock-dev libbenchmark-dev python3 python3-aiosmtpd chromium curl
               openssl slapd ldap-utils postgresql-15 nginx-light)
    command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
  elif [[ "$option" == "--bench" ]]; then
    packages+=(nginx-light wrk)
  elif [[ "$option" == "--fuzz" ]]; then
    packages+=(clang-15 libfuzzer-15-dev)
  fi
done

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$package")
done
if ((${#missing[@]})); then
  echo "Installing missing packages: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then sudo=sudo; else sudo=; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
