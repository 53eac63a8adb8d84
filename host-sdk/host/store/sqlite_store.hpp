// The SQLite implementation of Store: WAL, synchronous=FULL, one writer with group commit.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>

#include "store/sqlite_failures.hpp"
#include "store/store.hpp"
#include "store/write_queue.hpp"

namespace servicedesk::host {

/// A Store over one SQLite file. Writes go through a single writer connection whose
/// thread batches concurrent transactions into one commit; reads use a small pool of
/// connections, which WAL lets run beside the writer.
class SqliteStore final : public Store {
 public:
  /// Opens (creating it as needed) the database at `file`; applies missing schema steps when
  /// `migrate_schema`, else refuses an older schema. Always refuses a newer one. On failure
  /// returns nullptr with `error` set.
  static std::unique_ptr<SqliteStore> open(const std::filesystem::path& file, std::string& error,
                                           bool migrate_schema = true);
  /// Applies missing schema steps to the database at `file`; false with `error` when the
  /// schema is newer than this build or a step failed. `version` gets the version reached.
  static bool migrate_file(const std::filesystem::path& file, int& version, std::string& error);
  ~SqliteStore() override;

  std::vector<CartLine> cart(std::string_view username) override;
  std::optional<CartLine> add_cart_line(std::string_view username, const CartLine& line,
                                        const std::vector<std::int64_t>& expected_line_ids,
                                        StoreError& error) override;
  bool remove_cart_line(std::string_view username, std::int64_t line_id) override;
  std::optional<ReservedNumbers> reserve_numbers(std::size_t item_count) override;
  CheckoutResult checkout(const CheckoutOrder& order) override;

  std::vector<RequestRecord> requests_for(std::string_view username) override;
  std::optional<RequestRecord> request(std::string_view number) override;
  std::optional<RequestItemRecord> request_item(std::string_view number) override;
  std::vector<RequestItemRecord> open_items() override;
  QueuePage queue(const QueueQuery& query) override;
  StoreError decide(const ItemDecision& decision) override;

  std::vector<OutboxMessage> due(std::chrono::system_clock::time_point now,
                                 std::size_t limit) override;
  void mark_sent(std::int64_t id, std::chrono::system_clock::time_point when) override;
  void mark_failed(std::int64_t id, const std::string& error,
                   std::chrono::system_clock::time_point next_attempt) override;
  std::size_t depth() override;

  bool enqueue_mail(const NewMail& mail) override;

  bool save_session(const StoredSession& session) override;
  std::optional<StoredSession> find_session(std::string_view key,
                                            std::int64_t live_since_ms) override;
  void touch_session(std::string_view key, std::int64_t now_ms) override;
  void delete_session(std::string_view key) override;
  std::size_t expire_sessions(std::int64_t live_since_ms) override;
  std::size_t session_count(std::int64_t live_since_ms) override;
  bool healthy(std::string& detail) override;
  StoreError start_fulfilment(std::string_view item_number, std::string_view decided_by) override;
  StoreError retry_fulfilment(std::string_view item_number, std::string_view decided_by) override;
  std::vector<FulfilmentJob> claim_due(std::string_view host_id,
                                       std::chrono::system_clock::time_point now,
                                       std::chrono::milliseconds lease, std::size_t limit) override;
  bool renew_lease(const JobClaim& claim, std::chrono::system_clock::time_point until) override;
  StoreError finish_job(const JobClaim& claim, const std::vector<NewMail>& mails,
                        const JobReport& report) override;
  StoreError retry_job_later(const JobClaim& claim, const JobReport& report,
                             std::chrono::system_clock::time_point next_attempt) override;
  StoreError fail_job(const JobClaim& claim, const JobReport& report) override;
  bool record_activity(const std::vector<ActivityEntry>& entries) override;
  std::vector<ActivityEntry> activity(std::string_view request_number, std::size_t limit) override;
  std::vector<FormVersionRecord> form_versions(std::string_view item_id,
                                               std::size_t limit) override;
  std::size_t release_claims(std::string_view host_id) override;
  JobCounts job_counts() override;

  std::uint64_t checkout_count() const override { return checkouts_.load(); }
  std::uint64_t delivery_failures() const override { return delivery_failures_.load(); }
  std::uint64_t commits() const override { return writes_.commits(); }
  std::uint64_t write_jobs() const override { return writes_.jobs(); }
  void close() override;

 private:
  /// A read connection borrowed from the pool, returned when the lease ends.
  class ReadLease {
   public:
    ReadLease(SqliteStore& store, std::unique_ptr<SQLite::Database> db)
        : store_(store), db_(std::move(db)) {}
    ~ReadLease();
    ReadLease(const ReadLease&) = delete;
    ReadLease& operator=(const ReadLease&) = delete;
    SQLite::Database& operator*() { return *db_; }
    /// Closes the connection instead of returning it to the pool.
    void discard() { db_.reset(); }

   private:
    SqliteStore& store_;
    std::unique_ptr<SQLite::Database> db_;
  };

  std::vector<OutboxMessage> due_messages(std::chrono::system_clock::time_point now,
                                          std::size_t limit);
  explicit SqliteStore(std::filesystem::path file, std::unique_ptr<SQLite::Database> writer);
  ReadLease read();
  /// `fn(db)` on a pooled read connection; a disk or file the database cannot be read from
  /// becomes StoreUnavailable (see as_store_failure).
  template <class Fn>
  auto reading(Fn&& fn) {
    try {
      auto lease = read();
      try {
        return fn(*lease);
      } catch (const SQLite::Exception&) {
        lease.discard();  // it may hold a file that is no longer the database
        throw;
      }
    } catch (const SQLite::Exception&) {
      std::rethrow_exception(as_store_failure(std::current_exception(), SqliteAccess::read));
    }
  }

  std::filesystem::path file_;
  WriteQueue writes_;
  std::mutex pool_mutex_;
  std::vector<std::unique_ptr<SQLite::Database>> idle_readers_;
  std::atomic<std::uint64_t> checkouts_{0};
  std::atomic<std::uint64_t> delivery_failures_{0};
};

}  // namespace servicedesk::host
