// The outbox delivery thread: due mail -> format -> transport -> mark sent or failed.
#include "mail/delivery_worker.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>
#include <set>
#include <utility>

#include "mail/mail_message.hpp"

namespace servicedesk::host {

std::chrono::milliseconds backoff_delay(int attempts, const DeliveryOptions& options) {
  auto delay = options.initial_backoff;
  for (int i = 0; i < attempts && delay < options.max_backoff; ++i) delay *= 2;
  return std::min(delay, options.max_backoff);
}

DeliveryWorker::DeliveryWorker(Outbox& outbox, MailTransport& transport, DeliveryOptions options)
    : outbox_(outbox), transport_(transport), options_(std::move(options)) {
  options_.batch_size = std::max<std::size_t>(options_.batch_size, 1);
}

DeliveryWorker::~DeliveryWorker() {
  stop();
}

void DeliveryWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
  spdlog::info("mail delivery worker started: {}", transport_.describe());
}

void DeliveryWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wakeup_.notify_all();
  thread_.join();
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;  // run_once may drain what is left after the thread is gone
  }
  spdlog::info("mail delivery worker stopped ({} delivered, {} failed attempts)", delivered(),
               failures());
}

void DeliveryWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

std::size_t DeliveryWorker::run_once() {
  std::vector<OutboxMessage> batch;
  try {
    batch = outbox_.due(std::chrono::system_clock::now(), options_.batch_size);
  } catch (const std::exception& e) {
    spdlog::error("mail delivery: cannot read the outbox: {}", e.what());
    return 0;
  }
  std::size_t attempted = 0;
  // Request and address of each mail that failed in this pass: the later mails of that
  // request to that address wait for it (creation order per recipient).
  std::set<std::pair<std::string, std::string>> held_back;
  for (const auto& message : batch) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    const auto key = std::make_pair(message.request_number, message.to_address);
    if (!message.request_number.empty() && held_back.count(key) > 0) {
      try {
        outbox_.release(message.id);
      } catch (const std::exception& e) {
        spdlog::error("mail {}: cannot give it back to the outbox: {}", message.id, e.what());
      }
      continue;
    }
    if (!deliver_one(message) && !message.request_number.empty()) held_back.insert(key);
    ++attempted;
  }
  return attempted;
}

void DeliveryWorker::loop() {
  for (;;) {
    const std::size_t attempted = run_once();
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    // A full batch means more may be due: go again at once.
    if (attempted >= options_.batch_size) continue;
    wakeup_.wait_for(lock, options_.poll_interval, [this] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}

bool DeliveryWorker::deliver_one(const OutboxMessage& message) {
  MailMessage mail;
  mail.from = {options_.from_address, options_.from_name};
  mail.to = {message.to_address, message.to_name};
  mail.subject = message.subject;
  mail.body = message.body;
  // Stable across retries, so a receiver can spot a duplicate after a lost acknowledgement.
  mail.message_id =
      message.request_number + "." + std::to_string(message.id) + "@" + options_.message_id_domain;
  mail.date = std::chrono::system_clock::now();

  const FormattedMail formatted = format_message(mail);
  DeliveryResult result;
  if (formatted.ok()) {
    try {
      result = transport_.deliver({options_.from_address, message.to_address, formatted.data});
    } catch (const std::exception& e) {
      result.error = std::string("transport error: ") + e.what();
    }
  } else {
    result.error = formatted.error;
  }

  const auto now = std::chrono::system_clock::now();
  try {
    if (result.delivered) {
      outbox_.mark_sent(message.id, now);
      ++delivered_;
      spdlog::info("mail {} for {} delivered via {}", message.id, message.request_number,
                   transport_.describe());
      return true;
    }
    ++failures_;
    const auto delay = backoff_delay(message.attempts, options_);
    outbox_.mark_failed(message.id, result.error, now + delay);
    spdlog::warn("mail {} for {} not delivered (attempt {}), retry in {} ms: {}", message.id,
                 message.request_number, message.attempts + 1, delay.count(), result.error);
  } catch (const std::exception& e) {
    // The message stays due in the outbox; it is retried (possibly delivered twice).
    spdlog::error("mail {} for {}: cannot record the delivery outcome: {}", message.id,
                  message.request_number, e.what());
  }
  return result.delivered;
}

}  // namespace servicedesk::host
