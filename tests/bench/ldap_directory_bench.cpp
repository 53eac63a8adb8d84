// Directory from a real slapd: load time and memory for 10,000 and 100,000 LDAP entries, and the
// typeahead p99 over the directory as loaded from LDAP.
#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "directory/ldap_refresher.hpp"
#include "directory/live_directory.hpp"
#include "host_process.hpp"
#include "latency_percentiles.hpp"
#include "slapd_server.hpp"

namespace {

using namespace servicedesk;

double rss_mib() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kib = 0;
      status >> kib;
      return kib / 1024.0;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0;
}

host::LdapSettings settings_for(const test::SlapdServer& server) {
  host::LdapSettings ldap;
  ldap.url = server.url();
  ldap.bind_dn = test::kServiceDn;
  ldap.bind_password = test::kServicePassword;
  ldap.base_dn = test::kBaseDn;
  ldap.roles = {{"ditc", std::string("cn=ditc,ou=groups,") + test::kBaseDn},
                {"it_staff", std::string("cn=it-staff,ou=groups,") + test::kBaseDn}};
  return ldap;
}

/// Every prefix of "Last, First", "First Last" and the username of 200 sampled entries.
std::vector<std::string> keystroke_queries(const host::IndexedDirectory& directory) {
  std::vector<std::string> queries;
  const auto& records = directory.records();
  for (std::size_t i = 0; i < records.size(); i += records.size() / 200) {
    const auto& entry = records[i].entry;
    const auto comma = entry.display_name.find(", ");
    const std::string first_last =
        comma == std::string::npos
            ? entry.display_name
            : entry.display_name.substr(comma + 2) + " " + entry.display_name.substr(0, comma);
    for (const std::string* text : {&entry.display_name, &first_last, &entry.username})
      for (std::size_t length = 1; length <= text->size(); ++length)
        queries.push_back(text->substr(0, length));
  }
  return queries;
}

void measure(std::size_t people) {
  test::TempDir dir;
  const auto made = std::chrono::steady_clock::now();
  test::SlapdServer server(dir.path() / "slapd", test::campus_ldif(people));
  const double slapadd_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - made).count();
  const auto settings = settings_for(server);
  std::vector<double> load_seconds;
  double held_mib = 0;
  std::unique_ptr<host::LiveDirectory> live;
  for (int run = 0; run < 3; ++run) {
    live.reset();
    malloc_trim(0);
    const double before = rss_mib();
    auto load = host::load_ldap_directory(settings);
    if (!load.directory) throw std::runtime_error(load.error);
    load_seconds.push_back(load.seconds);
    live = std::make_unique<host::LiveDirectory>(std::move(load.directory), settings.url);
    malloc_trim(0);
    held_mib = rss_mib() - before;
  }
  const auto queries = keystroke_queries(*live->current());
  std::vector<double> micros;
  micros.reserve(queries.size() * 5);
  for (int round = 0; round < 5; ++round) {
    for (const auto& query : queries) {
      const auto start = std::chrono::steady_clock::now();
      auto results = live->search(query, KindFilter::any, 20);
      const auto stop = std::chrono::steady_clock::now();
      if (results.empty()) throw std::runtime_error("no result for " + query);
      micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
  }
  std::printf(
      "%8zu entries | load median %6.2f s (min %.2f) | RSS held %6.1f MiB | "
      "typeahead p50 %5.2f us p99 %5.2f us (%zu queries) | slapadd+start %.1f s\n",
      live->current()->size(), bench::percentile(load_seconds, 0.5),
      bench::percentile(load_seconds, 0.0), held_mib, bench::percentile(micros, 0.5),
      bench::percentile(micros, 0.99), micros.size(), slapadd_s);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::size_t> sizes = {10'000, 100'000};
  if (argc > 1) sizes = {static_cast<std::size_t>(std::atol(argv[1]))};
  try {
    for (const std::size_t people : sizes) measure(people);
  } catch (const std::exception& e) {
    std::cerr << "ldap_directory_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
