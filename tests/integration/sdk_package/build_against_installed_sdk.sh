#!/usr/bin/env bash
# Installs the SDK to a scratch prefix, builds the example plugin with find_package(ServiceDesk)
# alone, checks that only the entry symbol is exported, and loads it with the host if given.
set -euo pipefail
build_dir=$1 example_dir=$2 work=$3 host_bin=${4:-}

rm -rf "$work" && mkdir -p "$work"
cmake --install "$build_dir" --prefix "$work/prefix" >/dev/null
test -f "$work/prefix/include/servicedesk/plugin.hpp"
test -f "$work/prefix/lib/cmake/ServiceDesk/ServiceDeskConfig.cmake"
# Only the plugin-facing headers ship: nothing of the host's form engine.
if find "$work/prefix/include" -name 'form.hpp' -o -name 'handler_catalog.hpp' | grep -q .; then
  echo "host-side headers were installed" >&2
  exit 1
fi

# The example's CMakeLists.txt builds unchanged outside the tree.
cmake -S "$example_dir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
cmake --build "$work/build"
mkdir -p "$work/plugins"
cp "$work/build/request_software.so" "$work/plugins/"
plugin="$work/plugins/request_software.so"

exported=$(nm -D --defined-only "$plugin" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | grep -v '^_' || true)
if [[ "$exported" != "servicedesk_plugin_entry" ]]; then
  echo "expected only servicedesk_plugin_entry to be exported, got:" >&2
  echo "$exported" >&2
  exit 1
fi

if [[ -n "$host_bin" ]]; then
  listing=$("$host_bin" plugins --plugin-dir "$work/plugins")
  echo "$listing"
  # The item's name comes from its YAML in the host's catalog folder.
  grep -q "\[request-software\] form request-software.yaml: Request software in Software and Access" <<<"$listing"
  grep -q "1 plugin(s) loaded, 0 refused" <<<"$listing"
fi
echo "third-party plugin built against the installed SDK: OK"
