// The raw single-row commit rate of SQLite with the host's settings (WAL, synchronous=FULL):
// the floor against which checkout throughput is judged.
#include <cstdlib>
#include <filesystem>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <benchmark/benchmark.h>

namespace {

namespace fs = std::filesystem;

/// Where the database goes: SERVICEDESK_BENCH_DIR (the same disk as the host's data dir).
fs::path bench_database() {
  const char* dir = std::getenv("SERVICEDESK_BENCH_DIR");
  fs::path folder = dir ? fs::path(dir) : fs::temp_directory_path();
  fs::create_directories(folder);
  fs::path file = folder / "sqlite-commit-bench.db";
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
  return file;
}

void BM_SqliteSingleRowCommit(benchmark::State& state) {
  const fs::path file = bench_database();
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode=WAL");
    db.exec("PRAGMA synchronous=FULL");
    db.exec("CREATE TABLE requests (id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE)");
    SQLite::Statement insert(db, "INSERT INTO requests(number) VALUES (?)");
    std::int64_t n = 0;
    for (auto _ : state) {
      // One transaction and one fsync per row, as a naive writer would do.
      insert.bind(1, "REQ" + std::to_string(++n));
      insert.exec();
      insert.reset();
    }
    state.counters["commits_per_s"] =
        benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(file.string() + suffix);
}
BENCHMARK(BM_SqliteSingleRowCommit)->MinTime(2.0)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
