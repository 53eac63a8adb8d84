// The thread that drains the notification outbox into a mail transport, with backoff.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "mail/mail_transport.hpp"
#include "mail/outbox.hpp"

namespace servicedesk::host {

/// Sender identity and pacing of the worker.
struct DeliveryOptions {
  std::string from_address = "servicedesk@example.edu";
  std::string from_name = "IT Service Desk";
  std::string message_id_domain = "servicedesk.example.edu";
  std::chrono::milliseconds poll_interval{1000};  ///< how often to look for due mail
  std::size_t batch_size = 20;
  std::chrono::milliseconds initial_backoff{1000};  ///< after the first failure
  std::chrono::milliseconds max_backoff{std::chrono::minutes(5)};
};

/// Delay before the next attempt of a message that has failed `attempts` times (1, 2, 4 ... s,
/// capped): `attempts` counts failures before this one, as OutboxMessage::attempts does.
std::chrono::milliseconds backoff_delay(int attempts, const DeliveryOptions& options);

/// Polls an Outbox and delivers what is due. A message is marked sent only after the
/// transport accepted it, so a crash or a down server can delay mail but never lose it
/// (at worst a message is delivered twice when marking it sent fails).
class DeliveryWorker {
 public:
  DeliveryWorker(Outbox& outbox, MailTransport& transport, DeliveryOptions options = {});
  DeliveryWorker(const DeliveryWorker&) = delete;
  DeliveryWorker& operator=(const DeliveryWorker&) = delete;
  /// Stops the thread if it still runs.
  ~DeliveryWorker();

  /// Starts the background thread (no-op when running).
  void start();
  /// Asks the thread to finish the message in hand and returns once it has exited.
  void stop();
  /// Looks for due mail now instead of at the next poll (e.g. right after a checkout).
  void wake();
  /// One synchronous pass over what is due now; returns how many messages were attempted.
  /// For tests and for a final drain; do not call while the thread runs.
  std::size_t run_once();

  /// Messages accepted by the transport since start (for /metrics).
  std::uint64_t delivered() const noexcept { return delivered_.load(); }
  /// Failed delivery attempts since start (for /metrics).
  std::uint64_t failures() const noexcept { return failures_.load(); }

 private:
  void loop();
  /// Whether the transport accepted the message.
  bool deliver_one(const OutboxMessage& message);

  Outbox& outbox_;
  MailTransport& transport_;
  DeliveryOptions options_;
  std::atomic<std::uint64_t> delivered_{0};
  std::atomic<std::uint64_t> failures_{0};
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace servicedesk::host
