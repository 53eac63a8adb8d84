// The fulfilment job queue in PostgreSQL: claims with FOR UPDATE SKIP LOCKED under a lease.
#include <spdlog/spdlog.h>

#include "store/activity_rows.hpp"
#include "store/pg_store.hpp"
#include "store/pg_util.hpp"
#include "store/sql_util.hpp"

namespace servicedesk::host {
namespace {

/// Moves the item from `from` to `to` and logs it as `kind`; a conflict when it is not in
/// `from`, not_found when there is no such item.
void move_item(pqxx::work& work, const std::string& number, const std::string& from,
               const std::string& to, const std::string& decided_by, const char* kind) {
  const std::int64_t now = sql::now_ms();
  const auto moved = work.exec_params(
      "UPDATE request_items SET state = $1, decided_by = $2, reason = '', decided_at = $3 "
      "WHERE number = $4 AND state = $5 RETURNING request_number",
      to, decided_by, now, number, from);
  if (!moved.empty()) {
    pg::insert_activity(work, {activity::decided(moved[0][0].as<std::string>(), number, now,
                                                 decided_by, kind, "")});
    return;
  }
  if (work.exec_params("SELECT 1 FROM request_items WHERE number = $1", number).empty())
    throw sql::NotFound("no such item");
  throw sql::Conflict("the item is not " + from);
}

/// Ends the claimed job in `state`; returns its item number, or throws a conflict when the
/// claim is no longer the job's.
std::string end_job(pqxx::work& work, const JobClaim& claim, const std::string& state) {
  const auto rows = work.exec_params(
      "UPDATE fulfilment_jobs SET state = $1, finished_at = $2, lease_expires_at = 0 "
      "WHERE id = $3 AND claims = $4 AND claimed_by = $5 AND state = 'queued' "
      "RETURNING item_number",
      state, sql::now_ms(), claim.job_id, claim.claim, claim.host_id);
  if (rows.empty()) throw sql::Conflict("the job was claimed again");
  return rows[0][0].as<std::string>();
}

}  // namespace

/// Runs `fn` as one transaction and maps its failure onto a StoreError.
template <class Fn>
StoreError PgStore::job_write(const char* what, Fn&& fn) {
  try {
    write(std::forward<Fn>(fn));
    return StoreError::none;
  } catch (const sql::Conflict&) {
    return StoreError::conflict;
  } catch (const sql::NotFound&) {
    return StoreError::not_found;
  } catch (const std::exception& e) {
    spdlog::error("store: {} failed: {}", what, e.what());
    return StoreError::failed;
  }
}

StoreError PgStore::start_fulfilment(std::string_view item_number, std::string_view decided_by) {
  const std::string number(item_number), by(decided_by);
  return job_write("starting a fulfilment", [&](pqxx::work& work) {
    move_item(work, number, "open", "fulfilling", by, "fulfilment_started");
    pg::queue_job(work, number, by, sql::now_ms());
  });
}

StoreError PgStore::retry_fulfilment(std::string_view item_number, std::string_view decided_by) {
  const std::string number(item_number), by(decided_by);
  return job_write("retrying a fulfilment", [&](pqxx::work& work) {
    move_item(work, number, "failed", "fulfilling", by, "fulfilment_retried");
    pg::queue_job(work, number, by, sql::now_ms());
  });
}

std::vector<FulfilmentJob> PgStore::claim_due(std::string_view host_id,
                                              std::chrono::system_clock::time_point now,
                                              std::chrono::milliseconds lease,
                                              std::size_t limit) try {
  const std::string host(host_id);
  const std::int64_t now_ms = sql::to_ms(now);
  return write_statement([&](pqxx::nontransaction& work) {
    // Other hosts skip the rows this claim has locked instead of waiting for them.
    const auto rows = work.exec_params(
        "UPDATE fulfilment_jobs SET claimed_by = $1, claims = claims + 1, lease_expires_at = $2 "
        "WHERE id IN (SELECT id FROM fulfilment_jobs WHERE state = 'queued' AND "
        "next_attempt_at <= $3 AND lease_expires_at <= $3 ORDER BY next_attempt_at, id "
        "LIMIT $4 FOR UPDATE SKIP LOCKED) "
        "RETURNING id, claims, item_number, decided_by, attempts, next_attempt_at",
        host, now_ms + lease.count(), now_ms, static_cast<long long>(limit));
    std::vector<std::pair<std::int64_t, FulfilmentJob>> claimed;
    for (const auto& row : rows) {
      FulfilmentJob job;
      job.claim = {row[0].as<std::int64_t>(), row[1].as<std::int64_t>(), host};
      job.item_number = row[2].as<std::string>();
      job.decided_by = row[3].as<std::string>();
      job.attempts = row[4].as<int>();
      claimed.emplace_back(row[5].as<std::int64_t>(), std::move(job));
    }
    std::sort(claimed.begin(), claimed.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first < b.first : a.second.claim.job_id < b.second.claim.job_id;
    });
    std::vector<FulfilmentJob> jobs;
    for (auto& entry : claimed) jobs.push_back(std::move(entry.second));
    return jobs;
  });
} catch (const std::exception& e) {
  spdlog::error("store: claiming fulfilment jobs failed: {}", e.what());
  return {};
}

bool PgStore::renew_lease(const JobClaim& claim, std::chrono::system_clock::time_point until) try {
  return write_statement([&](pqxx::nontransaction& work) {
    return work.exec_params(
                   "UPDATE fulfilment_jobs SET lease_expires_at = $1 WHERE id = $2 AND "
                   "claims = $3 AND claimed_by = $4 AND state = 'queued'",
                   sql::to_ms(until), claim.job_id, claim.claim, claim.host_id)
               .affected_rows() > 0;
  });
} catch (const std::exception& e) {
  spdlog::error("store: renewing a job lease failed: {}", e.what());
  return false;
}

StoreError PgStore::finish_job(const JobClaim& claim, const std::vector<NewMail>& mails,
                               const JobReport& report) {
  return job_write("finishing a fulfilment job", [&](pqxx::work& work) {
    const std::string item_number = end_job(work, claim, "done");
    const std::int64_t now = sql::now_ms();
    const auto rows = work.exec_params(
        "UPDATE request_items SET state = 'fulfilled', reason = '', decided_at = $1 "
        "WHERE number = $2 AND state = 'fulfilling' RETURNING request_number",
        now, item_number);
    if (rows.empty()) throw sql::Conflict("the item is no longer fulfilling");
    const std::string request_number = rows[0][0].as<std::string>();
    pg::insert_activity(work,
                        activity::job_ran(request_number, item_number, now, "fulfilled", report));
    pg::insert_outbox_mails(work, request_number, mails, now);
  });
}

StoreError PgStore::retry_job_later(const JobClaim& claim, const JobReport& report,
                                    std::chrono::system_clock::time_point next_attempt) {
  return job_write("rescheduling a fulfilment job", [&](pqxx::work& work) {
    const auto rows = work.exec_params(
        "UPDATE fulfilment_jobs j SET attempts = attempts + 1, last_error = $1, "
        "next_attempt_at = $2, lease_expires_at = 0 FROM request_items i WHERE j.id = $3 AND "
        "j.claims = $4 AND j.claimed_by = $5 AND j.state = 'queued' AND "
        "i.number = j.item_number RETURNING j.item_number, i.request_number",
        report.message, sql::to_ms(next_attempt), claim.job_id, claim.claim, claim.host_id);
    if (rows.empty()) throw sql::Conflict("the job was claimed again");
    pg::insert_activity(
        work, activity::job_ran(rows[0][1].as<std::string>(), rows[0][0].as<std::string>(),
                                sql::now_ms(), "retry_scheduled", report));
  });
}

StoreError PgStore::fail_job(const JobClaim& claim, const JobReport& report) {
  const std::string& reason = report.message;
  return job_write("failing a fulfilment job", [&](pqxx::work& work) {
    const std::string item_number = end_job(work, claim, "failed");
    work.exec_params(
        "UPDATE fulfilment_jobs SET attempts = attempts + 1, last_error = $1 WHERE id = $2", reason,
        claim.job_id);
    const std::int64_t now = sql::now_ms();
    const auto rows = work.exec_params(
        "UPDATE request_items SET state = 'failed', reason = $1, decided_at = $2 "
        "WHERE number = $3 AND state = 'fulfilling' RETURNING request_number",
        reason, now, item_number);
    if (rows.empty()) throw sql::Conflict("the item is no longer fulfilling");
    pg::insert_activity(
        work, activity::job_ran(rows[0][0].as<std::string>(), item_number, now, "failed", report));
  });
}

std::size_t PgStore::release_claims(std::string_view host_id) try {
  const std::string host(host_id);
  return write_statement([&](pqxx::nontransaction& work) {
    return static_cast<std::size_t>(
        work.exec_params("UPDATE fulfilment_jobs SET lease_expires_at = 0 WHERE claimed_by = $1 "
                         "AND state = 'queued' AND lease_expires_at > 0",
                         host)
            .affected_rows());
  });
} catch (const std::exception& e) {
  spdlog::error("store: releasing job claims failed: {}", e.what());
  return 0;
}

JobCounts PgStore::job_counts() try {
  return pool_.run([](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    const auto row = work.exec(
        "SELECT COUNT(*) FILTER (WHERE state = 'queued' AND attempts = 0), "
        "COUNT(*) FILTER (WHERE state = 'queued' AND attempts > 0), "
        "COUNT(*) FILTER (WHERE state = 'failed') FROM fulfilment_jobs "
        "WHERE state IN ('queued', 'failed')")[0];
    return JobCounts{row[0].as<std::size_t>(), row[1].as<std::size_t>(), row[2].as<std::size_t>()};
  });
} catch (const std::exception& e) {
  spdlog::error("store: counting fulfilment jobs failed: {}", e.what());
  return {};
}

}  // namespace servicedesk::host
