// The PostgreSQL implementation of Store: any number of hosts share one database.
#pragma once

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/pg_pool.hpp"
#include "store/store.hpp"

namespace servicedesk::host {

/// How a host reaches its PostgreSQL database (`store:` in the host config).
struct PgSettings {
  std::string url;  ///< libpq URL or key=value string; never logged with its password
  std::size_t pool_size = 8;
  bool migrate_on_start = false;
  /// How long a host owns the mails it claimed; a dead host's claims expire after this.
  std::chrono::seconds mail_lease{60};
};

/// A Store over PostgreSQL. Each call borrows a pooled connection; numbers come from
/// sequences, cart changes of one person are serialized by an advisory lock, and mail is
/// claimed with leases (FOR UPDATE SKIP LOCKED) so that exactly one host sends each.
class PgStore final : public Store {
 public:
  /// Connects and checks (or, with migrate_on_start, brings up to date) the schema. On
  /// failure returns nullptr with `error` set (no password in it).
  static std::unique_ptr<PgStore> open(const PgSettings& settings, std::string& error);
  /// Applies missing schema steps; false with `error` when the schema is newer than this
  /// build or a step failed. `version` gets the version reached.
  static bool migrate_database(const PgSettings& settings, int& version, std::string& error);

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
  void release(std::int64_t id) override;
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
  std::uint64_t commits() const override { return commits_.load(); }
  std::uint64_t write_jobs() const override { return commits_.load(); }
  bool healthy(std::string& detail) override;
  void close() override {}

  /// This host's name on the mail leases it holds.
  const std::string& lease_owner() const { return lease_owner_; }

 private:
  explicit PgStore(const PgSettings& settings);
  /// Runs `fn(work)` in one transaction and commits it; counts the commit.
  template <class Fn>
  auto write(Fn&& fn) {
    return committed<pqxx::work>(std::forward<Fn>(fn));
  }
  /// Runs `fn(work)`, one statement, committed on its own (no BEGIN and COMMIT round trips);
  /// counts the commit.
  template <class Fn>
  auto write_statement(Fn&& fn) {
    return committed<pqxx::nontransaction>(std::forward<Fn>(fn));
  }
  /// `fn(work)` in a `Transaction` on a pooled connection, committed (a no-op for
  /// nontransaction, whose statements commit as they run) and counted.
  template <class Transaction, class Fn>
  auto committed(Fn&& fn);
  /// A job-queue write in one transaction, its failure mapped onto a StoreError.
  template <class Fn>
  StoreError job_write(const char* what, Fn&& fn);
  std::vector<OutboxMessage> claim_due_mail(std::chrono::system_clock::time_point now,
                                            std::size_t limit);

  /// A form version's row: its item and content hash.
  using FormVersionKey = std::pair<std::string, std::string>;
  /// The id of a form version this host has already seen committed, if any.
  std::optional<std::int64_t> known_form_version(const FormVersionKey& key);
  void remember_form_versions(const std::vector<std::pair<FormVersionKey, std::int64_t>>& seen);

  PgPool pool_;
  std::string redacted_url_;
  std::chrono::seconds mail_lease_;
  std::string lease_owner_;
  std::atomic<std::uint64_t> checkouts_{0};
  std::atomic<std::uint64_t> delivery_failures_{0};
  std::atomic<std::uint64_t> commits_{0};
  /// Form version ids never change once committed; a checkout looks them up here first.
  std::mutex form_versions_mutex_;
  std::map<FormVersionKey, std::int64_t> form_version_ids_;
};

template <class Transaction, class Fn>
auto PgStore::committed(Fn&& fn) {
  return pool_.run([&](pqxx::connection& connection) {
    Transaction work(connection);
    using Result = decltype(fn(work));
    if constexpr (std::is_void_v<Result>) {
      fn(work);
      work.commit();
      commits_.fetch_add(1);
    } else {
      Result result = fn(work);
      work.commit();
      commits_.fetch_add(1);
      return result;
    }
  });
}

}  // namespace servicedesk::host
