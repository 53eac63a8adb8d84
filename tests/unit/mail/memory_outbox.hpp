// An in-memory Outbox for the worker tests: the worker's collaborator, not the thing tested.
#pragma once

#include <algorithm>
#include <map>
#include <mutex>

#include "mail/outbox.hpp"

namespace servicedesk::host::testing {

/// Keeps every message with its state, counting how often each was marked sent.
class MemoryOutbox final : public Outbox {
 public:
  struct Row {
    OutboxMessage message;
    DeliveryState state = DeliveryState::pending;
    std::chrono::system_clock::time_point next_attempt{};
    std::string last_error;
    int times_marked_sent = 0;
    std::vector<std::chrono::milliseconds> retry_delays;  ///< next_attempt - failure time
  };

  std::int64_t add(std::string request_number, std::string to_address, std::string to_name,
                   std::string subject, std::string body) {
    std::lock_guard lock(mutex_);
    const auto id = next_id_++;
    Row row;
    row.message = {id,
                   std::move(request_number),
                   std::move(to_address),
                   std::move(to_name),
                   std::move(subject),
                   std::move(body),
                   0};
    rows_.emplace(id, std::move(row));
    return id;
  }

  std::vector<OutboxMessage> due(std::chrono::system_clock::time_point now,
                                 std::size_t limit) override {
    std::lock_guard lock(mutex_);
    std::vector<OutboxMessage> out;
    for (const auto& [id, row] : rows_) {
      if (out.size() >= limit) break;
      if (row.state != DeliveryState::sent && row.next_attempt <= now) out.push_back(row.message);
    }
    return out;
  }

  void mark_sent(std::int64_t id, std::chrono::system_clock::time_point) override {
    std::lock_guard lock(mutex_);
    auto& row = rows_.at(id);
    row.state = DeliveryState::sent;
    ++row.times_marked_sent;
  }

  void mark_failed(std::int64_t id, const std::string& error,
                   std::chrono::system_clock::time_point next_attempt) override {
    std::lock_guard lock(mutex_);
    auto& row = rows_.at(id);
    row.state = DeliveryState::failed_retrying;
    row.last_error = error;
    ++row.message.attempts;
    row.retry_delays.push_back(std::chrono::duration_cast<std::chrono::milliseconds>(
        next_attempt - std::chrono::system_clock::now()));
    row.next_attempt = next_attempt;
  }

  std::size_t depth() override {
    std::lock_guard lock(mutex_);
    return static_cast<std::size_t>(std::count_if(rows_.begin(), rows_.end(), [](const auto& p) {
      return p.second.state != DeliveryState::sent;
    }));
  }

  std::vector<Row> rows() {
    std::lock_guard lock(mutex_);
    std::vector<Row> out;
    for (const auto& [id, row] : rows_) out.push_back(row);
    return out;
  }

 private:
  std::mutex mutex_;
  std::map<std::int64_t, Row> rows_;
  std::int64_t next_id_ = 1;
};

}  // namespace servicedesk::host::testing
