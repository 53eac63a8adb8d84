// Directory search over 100,000 generated people: per-query latency, p50 and p99.
#include <chrono>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "directory/indexed_directory.hpp"
#include "directory/people_generator.hpp"
#include "latency_percentiles.hpp"

namespace servicedesk::bench {
namespace {

using host::IndexedDirectory;

constexpr std::size_t kPeople = 100'000;

const IndexedDirectory& hundred_thousand_people() {
  static const IndexedDirectory directory(host::generate_people(kPeople));
  return directory;
}

/// The queries a person types, keystroke by keystroke, for a sample of real entries:
/// prefixes of "Last, First", of "First Last" and of the username.
std::vector<std::string> keystroke_queries(const IndexedDirectory& directory) {
  std::vector<std::string> queries;
  const auto& records = directory.records();
  for (std::size_t i = 0; i < records.size(); i += records.size() / 200) {
    const DirectoryEntry& entry = records[i].entry;
    const std::string& name = entry.display_name;  // "Last, First"
    const auto comma = name.find(", ");
    const std::string first_last =
        comma == std::string::npos ? name : name.substr(comma + 2) + " " + name.substr(0, comma);
    for (const std::string* text : {&name, &first_last, &entry.username}) {
      for (std::size_t length = 1; length <= text->size(); ++length) {
        queries.push_back(text->substr(0, length));
      }
    }
  }
  return queries;
}

void BM_DirectorySearchPrefixes(benchmark::State& state) {
  const IndexedDirectory& directory = hundred_thousand_people();
  const std::vector<std::string> queries = keystroke_queries(directory);
  std::vector<double> micros;
  micros.reserve(queries.size() * 4);
  std::size_t next = 0;
  for (auto _ : state) {
    const std::string& query = queries[next++ % queries.size()];
    const auto start = std::chrono::steady_clock::now();
    auto results = directory.search(query, KindFilter::any, 20);
    const auto stop = std::chrono::steady_clock::now();
    benchmark::DoNotOptimize(results);
    micros.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
  }
  state.counters["p50_us"] = percentile(micros, 0.50);
  state.counters["p99_us"] = percentile(micros, 0.99);
  state.counters["entries"] = static_cast<double>(directory.size());
}
BENCHMARK(BM_DirectorySearchPrefixes)->Iterations(200'000)->UseRealTime();

void BM_DirectoryLoad100k(benchmark::State& state) {
  for (auto _ : state) {
    IndexedDirectory directory(host::generate_people(kPeople));
    benchmark::DoNotOptimize(directory.size());
  }
}
BENCHMARK(BM_DirectoryLoad100k)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace servicedesk::bench

BENCHMARK_MAIN();
