// Group commit: one writer thread runs queued write jobs in shared SQLite transactions.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

#include <SQLiteCpp/Database.h>

namespace servicedesk::host {

/// Serializes every write through one connection. Jobs waiting together commit together
/// (one fsync for the batch); each job runs inside its own savepoint, so a job that throws
/// is rolled back alone and its caller gets the exception, the others still commit. A full
/// disk, a read-only database or a failing disk reaches callers as StoreUnavailable.
class WriteQueue {
 public:
  using Job = std::function<void(SQLite::Database&)>;

  /// Takes ownership of the writer connection and starts the writer thread.
  WriteQueue(std::unique_ptr<SQLite::Database> db, std::size_t max_batch);
  ~WriteQueue();
  WriteQueue(const WriteQueue&) = delete;
  WriteQueue& operator=(const WriteQueue&) = delete;

  /// Queues `job`; the future is ready once its transaction committed (or failed).
  std::future<void> submit(Job job);

  /// Runs `fn` as one job and returns its result after commit; rethrows its failure.
  template <class Fn>
  auto run(Fn fn) -> std::invoke_result_t<Fn, SQLite::Database&> {
    using Result = std::invoke_result_t<Fn, SQLite::Database&>;
    if constexpr (std::is_void_v<Result>) {
      submit([&fn](SQLite::Database& db) { fn(db); }).get();
    } else {
      std::optional<Result> result;
      submit([&fn, &result](SQLite::Database& db) { result.emplace(fn(db)); }).get();
      return std::move(*result);
    }
  }

  /// Finishes queued jobs, then stops the writer; later submits fail.
  void close();

  /// Transactions committed and jobs run in them: jobs/commits is the group-commit factor.
  std::uint64_t commits() const { return commits_.load(); }
  std::uint64_t jobs() const { return jobs_.load(); }

 private:
  struct Pending {
    Job job;
    std::promise<void> done;
  };
  void loop();
  void commit_batch(std::deque<Pending>& batch);

  std::unique_ptr<SQLite::Database> db_;
  std::size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;
  bool closing_ = false;
  std::atomic<std::uint64_t> commits_{0};
  std::atomic<std::uint64_t> jobs_{0};
  std::thread writer_;
};

}  // namespace servicedesk::host
