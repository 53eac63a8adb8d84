// The host's persistence boundary: carts, requests, their items and the mail outbox.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "jobs/job_queue.hpp"
#include "mail/outbox.hpp"
#include "store/activity_log.hpp"
#include "store/session_store.hpp"
#include "store/store_types.hpp"

namespace servicedesk::host {

/// One line of a user's cart: an item with the answers that passed validation.
struct CartLine {
  std::int64_t id = 0;
  std::string item_id;
  nlohmann::json answers;
  std::string summary;
  std::int64_t created_at_ms = 0;
};

/// One item of a request being written at checkout.
struct NewRequestItem {
  std::string item_id;
  std::string item_name;
  nlohmann::json answers;  ///< normalized answers of visible fields
  std::string summary;     ///< phones masked
  /// The form version the answers were given to: a hash of `form_fields`, which holds the
  /// fields' ids, labels, types, choices, columns and `sensitive` flags in form order.
  std::string form_hash{};
  nlohmann::json form_fields{};
  /// Fulfilled without a staff decision: written `fulfilling`, its job queued at once.
  bool fulfil_at_checkout = false;
};

/// Numbers reserved for one checkout: REQ + 7 digits, and one RITM + 7 digits per item.
/// A reserved number is never handed out again, even when the checkout then fails.
struct ReservedNumbers {
  std::string request_number;
  std::vector<std::string> item_numbers;
};

/// What checkout writes in one transaction: finished rows and mails, numbers included.
struct CheckoutOrder {
  std::string opened_by;
  std::string requested_for;
  std::string special_instructions;
  std::vector<NewRequestItem> items;
  /// The cart lines this order was built from; the checkout fails with a conflict when the
  /// cart no longer holds exactly these lines, and removes them when it succeeds.
  std::vector<std::int64_t> cart_line_ids;
  ReservedNumbers numbers;  ///< from reserve_numbers(items.size())
  std::vector<NewMail> mails;
};

/// Whether a checkout was written.
struct CheckoutResult {
  StoreError error = StoreError::none;
  std::string message;
  bool ok() const { return error == StoreError::none; }
};

/// A notification as shown with its request.
struct NotificationRecord {
  std::int64_t id = 0;
  std::string item_number;
  std::string event;
  std::string to_username;
  std::string to_address;
  std::string subject;
  DeliveryState state = DeliveryState::pending;
  int attempts = 0;
  std::string last_error;
};

/// A requested item (RITM) as stored.
struct RequestItemRecord {
  std::string number;
  std::string request_number;
  std::string item_id;
  std::string item_name;
  nlohmann::json answers;
  std::string summary;
  std::string state;  ///< "open", "fulfilling", "fulfilled", "failed", "rejected"
  std::string decided_by;
  std::string reason;      ///< staff's reason for a rejection, or why the fulfilment failed
  int attempts = 0;        ///< temporary failures of its fulfilment job so far
  std::string last_error;  ///< the last of them, while `fulfilling`
  std::int64_t next_attempt_at_ms = 0;  ///< when the job tries again, while `fulfilling`
  std::string opened_by;
  std::string requested_for;
  std::string special_instructions;
  std::int64_t created_at_ms = 0;  ///< when its request was submitted
  /// The fields of the form version it was submitted with (see NewRequestItem); null for
  /// items stored before versions were recorded.
  nlohmann::json form_fields;
};

/// A request (REQ) with its items and, when asked for, its notifications.
struct RequestRecord {
  std::string number;
  std::string opened_by;
  std::string requested_for;
  std::string special_instructions;
  std::int64_t created_at_ms = 0;
  std::vector<RequestItemRecord> items;
  std::vector<NotificationRecord> notifications;
};

/// One version of an item's form that requests were submitted with (see NewRequestItem).
struct FormVersionRecord {
  std::string content_hash;
  /// When this host first recorded the version: the first checkout that used it.
  std::int64_t loaded_at_ms = 0;
  std::size_t items = 0;  ///< requested items submitted with it
};

/// A staff decision on an open RITM, written with its mails and activity in one transaction.
struct ItemDecision {
  std::string item_number;
  std::string state;  ///< "fulfilled" or "rejected"
  std::string decided_by;
  std::string reason;
  std::vector<NewMail> mails;
};

/// What IT staff's working queue asks for; every filter is optional.
struct QueueQuery {
  std::vector<std::string> states{"open", "fulfilling", "failed"};
  std::string item_id;                 ///< only this catalog item
  std::int64_t created_before_ms = 0;  ///< only requests submitted before this (0: any)
  std::string number;                  ///< a REQ or RITM number
  std::vector<std::string> people;     ///< opened by or requested for one of them
  bool newest_first = false;           ///< oldest first by default
  std::size_t limit = 25;
  std::size_t offset = 0;
};

/// One page of the queue and how many items match in all.
struct QueuePage {
  std::vector<RequestItemRecord> items;
  std::size_t total = 0;
};

/// Everything the host keeps. Implementations are thread-safe; every write that returns
/// has reached stable storage. SqliteStore (one host) and PgStore (any number of hosts on
/// one database) implement it. A read that cannot reach the database throws StoreUnavailable.
class Store : public Outbox, public SessionStore, public JobQueue, public ActivityLog {
 public:
  /// The user's cart lines, oldest first.
  virtual std::vector<CartLine> cart(std::string_view username) = 0;
  /// Adds a line when the user's cart still holds exactly `expected_line_ids` (the lines
  /// the guards judged); otherwise a conflict.
  virtual std::optional<CartLine> add_cart_line(std::string_view username, const CartLine& line,
                                                const std::vector<std::int64_t>& expected_line_ids,
                                                StoreError& error) = 0;
  /// Removes one of the user's lines; false when there was none with that id.
  virtual bool remove_cart_line(std::string_view username, std::int64_t line_id) = 0;
  /// Reserves a request number and `item_count` item numbers; nothing on failure.
  virtual std::optional<ReservedNumbers> reserve_numbers(std::size_t item_count) = 0;
  /// Writes the request, its items and mails, and clears the cart lines, atomically.
  virtual CheckoutResult checkout(const CheckoutOrder& order) = 0;

  /// Requests opened by or for `username`, newest first, without notifications.
  virtual std::vector<RequestRecord> requests_for(std::string_view username) = 0;
  /// One request with items and notifications.
  virtual std::optional<RequestRecord> request(std::string_view number) = 0;
  /// One requested item with its request's people.
  virtual std::optional<RequestItemRecord> request_item(std::string_view number) = 0;
  /// Every RITM waiting for IT staff or being fulfilled (open, fulfilling, failed), oldest
  /// first.
  virtual std::vector<RequestItemRecord> open_items() = 0;
  /// The requested items matching `query`, by request date, one page of them.
  virtual QueuePage queue(const QueueQuery& query) = 0;
  /// Moves an open RITM (or a failed one, to rejected) to its decided state, stopping a
  /// failed item's job; conflict when it is in neither state.
  virtual StoreError decide(const ItemDecision& decision) = 0;

  /// The versions of `item_id`'s form that requests were submitted with, newest first (at
  /// most `limit`).
  virtual std::vector<FormVersionRecord> form_versions(std::string_view item_id,
                                                       std::size_t limit = 100) = 0;

  /// Queues one mail that belongs to no request (a plugin's own notice); false on failure.
  virtual bool enqueue_mail(const NewMail& mail) = 0;

  /// Checkouts written since start (for /metrics).
  virtual std::uint64_t checkout_count() const = 0;
  /// Failed delivery attempts recorded since start (for /metrics).
  virtual std::uint64_t delivery_failures() const = 0;
  /// Write transactions committed, and write jobs run in them, since start (for /metrics).
  virtual std::uint64_t commits() const = 0;
  virtual std::uint64_t write_jobs() const = 0;
  /// Whether the database answers right now; `detail` names the backend ("sqlite",
  /// "postgresql") and nothing more, as /healthz is open to anyone.
  virtual bool healthy(std::string& detail) = 0;
  /// Waits for pending writes and stops accepting new ones.
  virtual void close() = 0;
};

}  // namespace servicedesk::host
