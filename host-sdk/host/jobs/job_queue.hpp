// The durable fulfilment job queue as the job worker sees it; the store implements it.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store_types.hpp"

namespace servicedesk::host {

/// Who holds a job: a host id and the number of the claim. Every write that ends or extends
/// a job names its claim and is refused (a conflict) once another claim took the job over,
/// so a host whose lease ran out can never finish a job twice.
struct JobClaim {
  std::int64_t job_id = 0;
  std::int64_t claim = 0;  ///< increases with every claim of the job
  std::string host_id;
};

/// A decision to fulfil one requested item, held by a worker under a lease.
struct FulfilmentJob {
  JobClaim claim;
  std::string item_number;
  std::string decided_by;  ///< staff's username, or "automatic"
  int attempts = 0;        ///< temporary failures before this claim
};

/// What one run of a job tells its request's activity log: the handler's message (or the
/// error) and the external calls it reported (FulfilmentFeedback::activity), with no full
/// phone number or secret in either.
struct JobReport {
  JobReport() = default;
  JobReport(std::string message_text, std::vector<std::string> call_lines = {})  // NOLINT
      : message(std::move(message_text)), calls(std::move(call_lines)) {}
  JobReport(const char* message_text) : message(message_text) {}  // NOLINT
  std::string message;
  std::vector<std::string> calls;
};

/// Jobs by state, for /metrics.
struct JobCounts {
  std::size_t waiting = 0;   ///< queued, never tried (or claimed and not yet finished)
  std::size_t retrying = 0;  ///< queued again after a temporary failure: the retry queue
  std::size_t failed = 0;    ///< failed for good, waiting for IT staff
};

/// Durable queue of fulfilment jobs. A job is due when it is queued, its next attempt has
/// come and no live lease holds it; a claim holds it until `lease_expires_at`, after which
/// any host may claim it again (the worker renews the lease while it runs). Implementations
/// are thread-safe, and safe with several hosts on one database (PostgreSQL: claim with
/// `FOR UPDATE SKIP LOCKED`). Every write that returns has reached stable storage.
class JobQueue {
 public:
  virtual ~JobQueue() = default;

  /// IT staff decided to fulfil an open item: the item becomes `fulfilling` and its job is
  /// queued, in one transaction. Conflict when the item is not open; not_found when absent.
  virtual StoreError start_fulfilment(std::string_view item_number,
                                      std::string_view decided_by) = 0;
  /// IT staff retry a `failed` item: it becomes `fulfilling` again and its job is queued
  /// with no attempts, in one transaction. Conflict when the item is not failed.
  virtual StoreError retry_fulfilment(std::string_view item_number,
                                      std::string_view decided_by) = 0;

  /// Claims up to `limit` due jobs for `host_id` until `now + lease`, oldest first.
  virtual std::vector<FulfilmentJob> claim_due(std::string_view host_id,
                                               std::chrono::system_clock::time_point now,
                                               std::chrono::milliseconds lease,
                                               std::size_t limit) = 0;
  /// Extends the claim's lease to `until`; false when the claim is no longer the job's.
  virtual bool renew_lease(const JobClaim& claim, std::chrono::system_clock::time_point until) = 0;
  /// The handler succeeded: the item becomes `fulfilled`, the job done, the mails queued and
  /// the report's rows logged, in one transaction. Conflict when the claim is no longer the
  /// job's.
  virtual StoreError finish_job(const JobClaim& claim, const std::vector<NewMail>& mails,
                                const JobReport& report) = 0;
  /// A temporary failure: the job is queued again for `next_attempt` with the error
  /// (`report.message`) noted; the item stays `fulfilling`.
  virtual StoreError retry_job_later(const JobClaim& claim, const JobReport& report,
                                     std::chrono::system_clock::time_point next_attempt) = 0;
  /// A permanent failure (or too many temporary ones): the item becomes `failed` with the
  /// reason `report.message`, and the job stops.
  virtual StoreError fail_job(const JobClaim& claim, const JobReport& report) = 0;
  /// Frees the claims `host_id` holds (a host starting again after a crash); returns how many.
  virtual std::size_t release_claims(std::string_view host_id) = 0;

  virtual JobCounts job_counts() = 0;
};

/// The running job worker as a decision sees it: told of a new job, and waited on briefly
/// so that a quick fulfilment answers with its outcome.
class JobRunner {
 public:
  virtual ~JobRunner() = default;
  /// Looks for due jobs now instead of at the next poll.
  virtual void wake() = 0;
  /// How many job runs have ended since start.
  virtual std::uint64_t runs_ended() const = 0;
  /// Waits until more than `seen` runs have ended, or `deadline`; returns runs_ended().
  virtual std::uint64_t await_run(std::uint64_t seen,
                                  std::chrono::steady_clock::time_point deadline) = 0;
  /// How long a decision waits for its job before answering `fulfilling`.
  virtual std::chrono::milliseconds answer_wait() const = 0;
};

}  // namespace servicedesk::host
