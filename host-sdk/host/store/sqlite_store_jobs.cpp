// The fulfilment job queue in SQLite: starting, claiming under a lease, and ending jobs.
#include <SQLiteCpp/Statement.h>
#include <spdlog/spdlog.h>

#include "store/activity_rows.hpp"
#include "store/sql_util.hpp"
#include "store/sqlite_store.hpp"

namespace servicedesk::host {
namespace {

constexpr const char* kAutomatic = "automatic";

/// Moves the item from `from` to `to` and logs it as `kind`; a conflict when it is not in
/// `from`, not_found when there is no such item.
void move_item(SQLite::Database& db, std::string_view number, const char* from, const char* to,
               const std::string& decided_by, const char* kind) {
  SQLite::Statement update(
      db,
      "UPDATE request_items SET state = ?, decided_by = ?, reason = ?, "
      "decided_at = ? WHERE number = ? AND state = ? RETURNING request_number");
  update.bind(1, to);
  update.bind(2, decided_by);
  update.bind(3, "");
  update.bind(4, static_cast<std::int64_t>(sql::now_ms()));
  update.bind(5, std::string(number));
  update.bind(6, from);
  if (update.executeStep()) {
    const std::string request_number = update.getColumn(0).getString();
    update.reset();
    sql::insert_activity(db, {activity::decided(request_number, std::string(number), sql::now_ms(),
                                                decided_by, kind, "")});
    return;
  }
  SQLite::Statement exists(db, "SELECT 1 FROM request_items WHERE number = ?");
  exists.bind(1, std::string(number));
  if (!exists.executeStep()) throw sql::NotFound("no such item");
  throw sql::Conflict(std::string("the item is not ") + from);
}

/// Queues the item's job (a new row, or the old row of a failed item again).
void queue_job(SQLite::Database& db, std::string_view number, const std::string& decided_by) {
  SQLite::Statement upsert(db,
                           "INSERT INTO fulfilment_jobs(item_number, decided_by, next_attempt_at, "
                           "created_at) VALUES (?1, ?2, ?3, ?3) "
                           "ON CONFLICT(item_number) DO UPDATE SET state = 'queued', "
                           "decided_by = ?2, attempts = 0, last_error = '', next_attempt_at = ?3, "
                           "claimed_by = '', lease_expires_at = 0, finished_at = NULL");
  upsert.bind(1, std::string(number));
  upsert.bind(2, decided_by);
  upsert.bind(3, static_cast<std::int64_t>(sql::now_ms()));
  upsert.exec();
}

/// Ends the claimed job in `state`; returns its item number, or throws a conflict when the
/// claim is no longer the job's.
std::string end_job(SQLite::Database& db, const JobClaim& claim, const char* state) {
  SQLite::Statement update(db,
                           "UPDATE fulfilment_jobs SET state = ?, finished_at = ?, "
                           "lease_expires_at = 0 WHERE id = ? AND claims = ? AND claimed_by = ? "
                           "AND state = 'queued' RETURNING item_number");
  update.bind(1, state);
  update.bind(2, static_cast<std::int64_t>(sql::now_ms()));
  update.bind(3, static_cast<std::int64_t>(claim.job_id));
  update.bind(4, static_cast<std::int64_t>(claim.claim));
  update.bind(5, claim.host_id);
  if (!update.executeStep()) throw sql::Conflict("the job was claimed again");
  return update.getColumn(0).getString();
}

std::string request_of(SQLite::Database& db, const std::string& item_number) {
  SQLite::Statement query(db, "SELECT request_number FROM request_items WHERE number = ?");
  query.bind(1, item_number);
  if (!query.executeStep()) throw sql::NotFound("no such item");
  return query.getColumn(0).getString();
}

/// Runs `write` as one transaction and maps its failure onto a StoreError.
template <class Write>
StoreError run_job_write(WriteQueue& writes, const char* what, Write write) {
  try {
    writes.run(write);
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

}  // namespace

namespace sql {

void queue_automatic_job(SQLite::Database& db, const std::string& item_number) {
  queue_job(db, item_number, kAutomatic);
}

}  // namespace sql

StoreError SqliteStore::start_fulfilment(std::string_view item_number,
                                         std::string_view decided_by) {
  return run_job_write(writes_, "starting a fulfilment", [&](SQLite::Database& db) {
    move_item(db, item_number, "open", "fulfilling", std::string(decided_by), "fulfilment_started");
    queue_job(db, item_number, std::string(decided_by));
  });
}

StoreError SqliteStore::retry_fulfilment(std::string_view item_number,
                                         std::string_view decided_by) {
  return run_job_write(writes_, "retrying a fulfilment", [&](SQLite::Database& db) {
    move_item(db, item_number, "failed", "fulfilling", std::string(decided_by),
              "fulfilment_retried");
    queue_job(db, item_number, std::string(decided_by));
  });
}

std::vector<FulfilmentJob> SqliteStore::claim_due(std::string_view host_id,
                                                  std::chrono::system_clock::time_point now,
                                                  std::chrono::milliseconds lease,
                                                  std::size_t limit) try {
  return writes_.run([&](SQLite::Database& db) {
    // One writer at a time, so select-then-update cannot race in SQLite; PostgreSQL does the
    // same with SELECT ... FOR UPDATE SKIP LOCKED.
    SQLite::Statement claim(
        db,
        "UPDATE fulfilment_jobs SET claimed_by = ?1, claims = claims + 1, lease_expires_at = ?2 "
        "WHERE id IN (SELECT id FROM fulfilment_jobs WHERE state = 'queued' AND "
        "next_attempt_at <= ?3 AND lease_expires_at <= ?3 ORDER BY next_attempt_at, id LIMIT ?4) "
        "RETURNING id, claims, item_number, decided_by, attempts");
    const std::int64_t now_ms = sql::to_ms(now);
    claim.bind(1, std::string(host_id));
    claim.bind(2, static_cast<std::int64_t>(now_ms + lease.count()));
    claim.bind(3, static_cast<std::int64_t>(now_ms));
    claim.bind(4, static_cast<std::int64_t>(limit));
    std::vector<FulfilmentJob> jobs;
    while (claim.executeStep()) {
      FulfilmentJob job;
      job.claim = {claim.getColumn(0).getInt64(), claim.getColumn(1).getInt64(),
                   std::string(host_id)};
      job.item_number = claim.getColumn(2).getString();
      job.decided_by = claim.getColumn(3).getString();
      job.attempts = claim.getColumn(4).getInt();
      jobs.push_back(std::move(job));
    }
    return jobs;
  });
} catch (const std::exception& e) {
  spdlog::error("store: claiming fulfilment jobs failed: {}", e.what());
  return {};
}

bool SqliteStore::renew_lease(const JobClaim& claim,
                              std::chrono::system_clock::time_point until) try {
  return writes_.run([&](SQLite::Database& db) {
    SQLite::Statement renew(db,
                            "UPDATE fulfilment_jobs SET lease_expires_at = ? WHERE id = ? AND "
                            "claims = ? AND claimed_by = ? AND state = 'queued'");
    renew.bind(1, static_cast<std::int64_t>(sql::to_ms(until)));
    renew.bind(2, static_cast<std::int64_t>(claim.job_id));
    renew.bind(3, static_cast<std::int64_t>(claim.claim));
    renew.bind(4, claim.host_id);
    return renew.exec() > 0;
  });
} catch (const std::exception& e) {
  spdlog::error("store: renewing a job lease failed: {}", e.what());
  return false;
}

StoreError SqliteStore::finish_job(const JobClaim& claim, const std::vector<NewMail>& mails,
                                   const JobReport& report) {
  return run_job_write(writes_, "finishing a fulfilment job", [&](SQLite::Database& db) {
    const std::string item_number = end_job(db, claim, "done");
    SQLite::Statement update(db,
                             "UPDATE request_items SET state = 'fulfilled', reason = '', "
                             "decided_at = ? WHERE number = ? AND state = 'fulfilling'");
    const std::int64_t now = sql::now_ms();
    update.bind(1, static_cast<std::int64_t>(now));
    update.bind(2, item_number);
    if (update.exec() == 0) throw sql::Conflict("the item is no longer fulfilling");
    const std::string request_number = request_of(db, item_number);
    sql::insert_activity(db,
                         activity::job_ran(request_number, item_number, now, "fulfilled", report));
    for (const auto& mail : mails) sql::insert_outbox_mail(db, request_number, mail, now);
  });
}

StoreError SqliteStore::retry_job_later(const JobClaim& claim, const JobReport& report,
                                        std::chrono::system_clock::time_point next_attempt) {
  return run_job_write(writes_, "rescheduling a fulfilment job", [&](SQLite::Database& db) {
    SQLite::Statement update(db,
                             "UPDATE fulfilment_jobs SET attempts = attempts + 1, last_error = ?, "
                             "next_attempt_at = ?, lease_expires_at = 0 WHERE id = ? AND "
                             "claims = ? AND claimed_by = ? AND state = 'queued' "
                             "RETURNING item_number");
    update.bind(1, report.message);
    update.bind(2, static_cast<std::int64_t>(sql::to_ms(next_attempt)));
    update.bind(3, static_cast<std::int64_t>(claim.job_id));
    update.bind(4, static_cast<std::int64_t>(claim.claim));
    update.bind(5, claim.host_id);
    if (!update.executeStep()) throw sql::Conflict("the job was claimed again");
    const std::string item_number = update.getColumn(0).getString();
    update.reset();
    sql::insert_activity(db, activity::job_ran(request_of(db, item_number), item_number,
                                               sql::now_ms(), "retry_scheduled", report));
  });
}

StoreError SqliteStore::fail_job(const JobClaim& claim, const JobReport& report) {
  const std::string& reason = report.message;
  return run_job_write(writes_, "failing a fulfilment job", [&](SQLite::Database& db) {
    const std::string item_number = end_job(db, claim, "failed");
    SQLite::Statement attempts(
        db, "UPDATE fulfilment_jobs SET attempts = attempts + 1, last_error = ? WHERE id = ?");
    attempts.bind(1, reason);
    attempts.bind(2, static_cast<std::int64_t>(claim.job_id));
    attempts.exec();
    SQLite::Statement update(db,
                             "UPDATE request_items SET state = 'failed', reason = ?, "
                             "decided_at = ? WHERE number = ? AND state = 'fulfilling'");
    update.bind(1, reason);
    update.bind(2, static_cast<std::int64_t>(sql::now_ms()));
    update.bind(3, item_number);
    if (update.exec() == 0) throw sql::Conflict("the item is no longer fulfilling");
    sql::insert_activity(db, activity::job_ran(request_of(db, item_number), item_number,
                                               sql::now_ms(), "failed", report));
  });
}

std::size_t SqliteStore::release_claims(std::string_view host_id) try {
  return writes_.run([&](SQLite::Database& db) {
    SQLite::Statement release(db,
                              "UPDATE fulfilment_jobs SET lease_expires_at = 0 WHERE "
                              "claimed_by = ? AND state = 'queued' AND lease_expires_at > 0");
    release.bind(1, std::string(host_id));
    return static_cast<std::size_t>(release.exec());
  });
} catch (const std::exception& e) {
  spdlog::error("store: releasing job claims failed: {}", e.what());
  return 0;
}

JobCounts SqliteStore::job_counts() try {
  return reading([&](SQLite::Database& db) -> JobCounts {
    SQLite::Statement query(db,
                            "SELECT COALESCE(SUM(state = 'queued' AND attempts = 0), 0), "
                            "COALESCE(SUM(state = 'queued' AND attempts > 0), 0), "
                            "COALESCE(SUM(state = 'failed'), 0) FROM fulfilment_jobs "
                            "WHERE state IN ('queued', 'failed')");
    query.executeStep();
    return {static_cast<std::size_t>(query.getColumn(0).getInt64()),
            static_cast<std::size_t>(query.getColumn(1).getInt64()),
            static_cast<std::size_t>(query.getColumn(2).getInt64())};
  });
} catch (const std::exception& e) {
  spdlog::error("store: counting fulfilment jobs failed: {}", e.what());
  return {};
}

}  // namespace servicedesk::host
