// The thread that runs fulfilment jobs outside HTTP requests: claim, run, renew, end.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "jobs/job_queue.hpp"
#include "jobs/job_settings.hpp"
#include "servicedesk/directory.hpp"
#include "servicedesk/forms/handler_failures.hpp"
#include "store/store.hpp"
#include "usecases/item_source.hpp"

namespace servicedesk::host {

/// Delay before the next try of a job that failed `attempts` times before (initial, x2, ...,
/// capped), with up to a fifth of it added at random so many jobs do not retry in step.
std::chrono::milliseconds job_backoff(int attempts, const JobSettings& settings);

/// What a worker needs besides its queue. Every member outlives the worker.
struct JobParts {
  Store& store;
  ItemSource& catalog;
  const Directory& directory;
  std::function<void()> mail_queued;  ///< after a job queued mail
  /// Logs and counts a fulfilment handler that threw (the host's HandlerFailureLog, shown
  /// in /metrics); null: such failures are logged here only.
  const HandlerFailureSink* failures = nullptr;
};

/// Runs due jobs one at a time on its own thread. The plugin's fulfilment handler runs on
/// a helper thread while this one renews the lease; success writes `fulfilled` with its
/// mails, a temporary failure reschedules with backoff, anything else writes `failed`.
class FulfilmentWorker final : public JobRunner {
 public:
  FulfilmentWorker(JobParts parts, JobSettings settings);
  ~FulfilmentWorker() override;
  FulfilmentWorker(const FulfilmentWorker&) = delete;
  FulfilmentWorker& operator=(const FulfilmentWorker&) = delete;

  /// Frees this host's claims left by a previous run, then starts the thread.
  void start();
  /// Finishes the job in hand and stops the thread.
  void stop();

  void wake() override;
  std::uint64_t runs_ended() const override { return runs_ended_.load(); }
  std::uint64_t await_run(std::uint64_t seen,
                          std::chrono::steady_clock::time_point deadline) override;
  std::chrono::milliseconds answer_wait() const override { return settings_.answer_wait; }

  /// One pass: claims and runs due jobs until none is left; returns how many ran.
  std::size_t run_once();

 private:
  void loop();
  void run(const FulfilmentJob& job);
  void ended();

  JobParts parts_;
  JobSettings settings_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool stopping_ = false;
  bool woken_ = false;
  std::condition_variable run_ended_;
  std::atomic<std::uint64_t> runs_ended_{0};
  std::thread thread_;
};

}  // namespace servicedesk::host
