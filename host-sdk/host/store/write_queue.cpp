// The writer thread of the group commit and its batch transaction.
#include "store/write_queue.hpp"

#include <optional>
#include <stdexcept>
#include <vector>

#include <spdlog/spdlog.h>

#include "store/sqlite_failures.hpp"

namespace servicedesk::host {

WriteQueue::WriteQueue(std::unique_ptr<SQLite::Database> db, std::size_t max_batch)
    : db_(std::move(db)), max_batch_(max_batch == 0 ? 1 : max_batch) {
  writer_ = std::thread([this] { loop(); });
}

WriteQueue::~WriteQueue() {
  close();
}

std::future<void> WriteQueue::submit(Job job) {
  Pending pending{std::move(job), {}};
  auto future = pending.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (closing_) {
      pending.done.set_exception(
          std::make_exception_ptr(std::runtime_error("the store is closed")));
      return future;
    }
    queue_.push_back(std::move(pending));
  }
  wake_.notify_one();
  return future;
}

void WriteQueue::close() {
  {
    std::lock_guard lock(mutex_);
    if (closing_ && !writer_.joinable()) return;
    closing_ = true;
  }
  wake_.notify_one();
  if (writer_.joinable()) writer_.join();
}

void WriteQueue::loop() {
  for (;;) {
    std::deque<Pending> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing with nothing left
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    commit_batch(batch);
  }
}

void WriteQueue::commit_batch(std::deque<Pending>& batch) {
  std::vector<Pending*> committed;
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (...) {
    const auto failure = as_store_failure(std::current_exception(), SqliteAccess::write);
    for (auto& pending : batch) pending.done.set_exception(failure);
    return;
  }
  for (auto& pending : batch) {
    try {
      db_->exec("SAVEPOINT job");
      pending.job(*db_);
      db_->exec("RELEASE job");
      committed.push_back(&pending);
    } catch (...) {
      auto failure = as_store_failure(std::current_exception(), SqliteAccess::write);
      try {
        db_->exec("ROLLBACK TO job");
        db_->exec("RELEASE job");
      } catch (const std::exception& e) {
        spdlog::error("store: could not roll back a failed write: {}", e.what());
      }
      pending.done.set_exception(failure);
    }
  }
  try {
    db_->exec("COMMIT");
  } catch (...) {
    auto failure = as_store_failure(std::current_exception(), SqliteAccess::write);
    try {
      db_->exec("ROLLBACK");
    } catch (...) {
    }
    for (auto* pending : committed) pending->done.set_exception(failure);
    return;
  }
  commits_.fetch_add(1);
  jobs_.fetch_add(batch.size());
  for (auto* pending : committed) pending->done.set_value();
}

}  // namespace servicedesk::host
