// The notification outbox as the delivery worker sees it; the store implements it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace servicedesk::host {

/// One message waiting in the outbox (written in the same transaction as its request).
struct OutboxMessage {
  std::int64_t id = 0;
  std::string request_number;  ///< "REQ0000001"
  std::string to_address;      ///< "tuffytitan@example.edu"
  std::string to_name;         ///< "Tuffy Titan"
  std::string subject;
  std::string body;  ///< plain text, phone numbers already masked
  int attempts = 0;
};

/// Delivery states shown by `GET /api/requests/{number}`.
enum class DeliveryState { pending, sent, failed_retrying };

/// Durable queue of outgoing mail. Implementations are thread-safe. A request's mails reach
/// each recipient in the order they were written: due() holds back a mail while an earlier
/// one of its request to the same address is not due (waiting for its retry).
class Outbox {
 public:
  virtual ~Outbox() = default;
  /// Up to `limit` messages due now (pending, or retrying whose next attempt has come).
  virtual std::vector<OutboxMessage> due(std::chrono::system_clock::time_point now,
                                         std::size_t limit) = 0;
  virtual void mark_sent(std::int64_t id, std::chrono::system_clock::time_point when) = 0;
  /// Records a failed attempt; the message stays queued until `next_attempt`.
  virtual void mark_failed(std::int64_t id, const std::string& error,
                           std::chrono::system_clock::time_point next_attempt) = 0;
  /// Messages not yet sent (for /metrics).
  virtual std::size_t depth() = 0;
  /// Gives back a message handed out by due() without an attempt (it waits behind an
  /// earlier mail of its request that just failed), so it is due again at once, not after
  /// a claim's lease. Stores without claims need nothing here.
  virtual void release(std::int64_t id) { (void)id; }
};

}  // namespace servicedesk::host
