// The fulfilment job worker: claims due jobs under a lease and runs the plugin's handler.
#include "jobs/fulfilment_worker.hpp"

#include <algorithm>
#include <future>
#include <random>

#include <spdlog/spdlog.h>

#include "usecases/notifications.hpp"

namespace servicedesk::host {
namespace {

/// How a run ended, before it is written.
struct RunResult {
  bool ok = false;
  bool temporary = false;
  std::string message;
  std::vector<std::string> calls;  ///< what the handler reported for the activity log
};

/// At most this many call lines of one run reach the activity log, each at most this long.
constexpr std::size_t kMaxCalls = 50;
constexpr std::size_t kMaxCallLength = 300;

std::vector<std::string> bounded(std::vector<std::string> calls) {
  if (calls.size() > kMaxCalls) calls.resize(kMaxCalls);
  for (auto& call : calls)
    if (call.size() > kMaxCallLength) call.resize(kMaxCallLength);
  return calls;
}

/// Calls the handler on a helper thread, renewing the lease until it answers. A handler that
/// threw is reported to `failures` (log and /metrics) like any other handler failure.
RunResult call_handler(const Form& form, const RequestItemRecord& item,
                       const HandlerFailureSink* failures, const std::function<void()>& renew,
                       std::chrono::milliseconds every) {
  FulfilmentFeedback feedback;
  auto answer = std::async(std::launch::async, [&] {
    return form.fulfilment()->call(
        FulfilmentInput{item.number, item.item_id, item.answers, Decision::fulfil, {}, &feedback});
  });
  while (answer.wait_for(every) != std::future_status::ready) renew();
  HandlerOutcome<FulfilmentResult> outcome = answer.get();
  if (!outcome.ok()) {
    // The exception's text is for the log only; staff see a plain sentence.
    const HandlerOrigin& origin = form.fulfilment_origin();
    if (failures != nullptr) {
      failures->report({HandlerKind<FulfilmentFn>::name, origin.name, origin.plugin, item.item_id,
                        "", outcome.failure});
    } else {
      spdlog::error("handler failed: fulfilment handler of item '{}' ({}): {}", item.item_id,
                    item.number, outcome.failure);
    }
    return {false, false, "Fulfilment failed: the item's handler could not run; see the host log.",
            bounded(std::move(feedback.activity))};
  }
  const FulfilmentResult& result = *outcome.result;
  return {result.ok, !result.ok && feedback.temporary,
          result.message.empty() && !result.ok ? "Fulfilment failed." : result.message,
          bounded(std::move(feedback.activity))};
}

const char* describe(StoreError error) {
  switch (error) {
    case StoreError::none:
      return "saved";
    case StoreError::conflict:
      return "not saved: another claim took the job over";
    case StoreError::not_found:
      return "not saved: the item is gone";
    case StoreError::failed:
      break;
  }
  return "not saved: the store failed (the job runs again when its lease ends)";
}

}  // namespace

std::chrono::milliseconds job_backoff(int attempts, const JobSettings& settings) {
  auto delay = settings.initial_backoff;
  for (int i = 0; i < attempts && delay < settings.max_backoff; ++i) delay *= 2;
  delay = std::min(delay, settings.max_backoff);
  thread_local std::mt19937 random{std::random_device{}()};
  std::uniform_int_distribution<long long> jitter(0, delay.count() / 5);
  return delay + std::chrono::milliseconds(jitter(random));
}

FulfilmentWorker::FulfilmentWorker(JobParts parts, JobSettings settings)
    : parts_(std::move(parts)), settings_(std::move(settings)) {}

FulfilmentWorker::~FulfilmentWorker() {
  stop();
}

void FulfilmentWorker::start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  if (const std::size_t released = parts_.store.release_claims(settings_.host_id))
    spdlog::warn("jobs: {} fulfilment job(s) held by this host ({}) before a restart run again",
                 released, settings_.host_id);
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
  spdlog::info("fulfilment job worker started as {} (lease {} ms)", settings_.host_id,
               settings_.lease.count());
}

void FulfilmentWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    if (!thread_.joinable()) return;
    stopping_ = true;
  }
  wakeup_.notify_all();
  thread_.join();
  spdlog::info("fulfilment job worker stopped");
}

void FulfilmentWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wakeup_.notify_all();
}

std::uint64_t FulfilmentWorker::await_run(std::uint64_t seen,
                                          std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  run_ended_.wait_until(lock, deadline, [&] { return runs_ended_.load() > seen; });
  return runs_ended_.load();
}

void FulfilmentWorker::ended() {
  {
    std::lock_guard lock(mutex_);
    runs_ended_.fetch_add(1);
  }
  run_ended_.notify_all();
}

std::size_t FulfilmentWorker::run_once() {
  std::size_t ran = 0;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    const auto jobs = parts_.store.claim_due(settings_.host_id, std::chrono::system_clock::now(),
                                             settings_.lease, 1);
    if (jobs.empty()) break;
    run(jobs.front());
    ended();
    ++ran;
  }
  return ran;
}

void FulfilmentWorker::loop() {
  for (;;) {
    run_once();
    std::unique_lock lock(mutex_);
    if (stopping_) return;
    wakeup_.wait_for(lock, settings_.poll_interval, [this] { return stopping_ || woken_; });
    woken_ = false;
    if (stopping_) return;
  }
}

void FulfilmentWorker::run(const FulfilmentJob& job) {
  const JobClaim& claim = job.claim;
  auto item = parts_.store.request_item(job.item_number);
  if (!item) {
    spdlog::error("job {}: no such item", job.item_number);
    parts_.store.fail_job(claim, "The requested item no longer exists.");
    return;
  }
  spdlog::info("job {} claimed by {} (claim {}, attempt {})", item->number, claim.host_id,
               claim.claim, job.attempts + 1);
  RunResult result;
  const auto form = parts_.catalog.find(item->item_id);
  if (!form) {
    result = {false, true, "The item's form is not loaded; the job waits for it.", {}};
  } else if (form->fulfilment() == nullptr) {
    result = {true, false, "No fulfilment handler; nothing to change.", {}};
  } else {
    auto renew = [&] {
      if (!parts_.store.renew_lease(claim, std::chrono::system_clock::now() + settings_.lease))
        spdlog::warn("job {}: the lease could not be renewed", item->number);
    };
    result = call_handler(*form, *item, parts_.failures, renew, settings_.lease / 3);
  }
  StoreError saved = StoreError::none;
  if (result.ok) {
    saved = parts_.store.finish_job(
        claim, compose_item_mails(*form, "fulfilled", *item, "", parts_.directory),
        {result.message, result.calls});
    spdlog::info("job {} fulfilled, {}: {}", item->number, describe(saved), result.message);
    if (saved == StoreError::none && parts_.mail_queued) parts_.mail_queued();
  } else if (result.temporary && job.attempts + 1 < settings_.max_attempts) {
    const auto delay = job_backoff(job.attempts, settings_);
    saved = parts_.store.retry_job_later(claim, {result.message, result.calls},
                                         std::chrono::system_clock::now() + delay);
    spdlog::warn("job {} failed for now (attempt {}), retry in {} ms, {}: {}", item->number,
                 job.attempts + 1, delay.count(), describe(saved), result.message);
  } else {
    saved = parts_.store.fail_job(claim, {result.message, result.calls});
    spdlog::warn("job {} failed (attempt {}), {}: {}", item->number, job.attempts + 1,
                 describe(saved), result.message);
  }
}

}  // namespace servicedesk::host
