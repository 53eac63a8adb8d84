// Opening the SQLite store, its read pool, carts and the checkout transaction.
#include "store/sqlite_store.hpp"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <spdlog/spdlog.h>

#include "store/activity_rows.hpp"
#include "store/cart_lines.hpp"
#include "store/migrations.hpp"
#include "store/sql_util.hpp"

namespace servicedesk::host {
namespace {

constexpr int kBusyTimeoutMs = 10000;
constexpr std::size_t kMaxBatch = 128;

/// A connection to `file`; only the writer may create it (a reader finding the file gone
/// must fail, not read an empty new database).
std::unique_ptr<SQLite::Database> connect(const std::filesystem::path& file, bool create = true) {
  const int flags =
      SQLite::OPEN_READWRITE | SQLite::OPEN_FULLMUTEX | (create ? SQLite::OPEN_CREATE : 0);
  auto db = std::make_unique<SQLite::Database>(file.string(), flags, kBusyTimeoutMs);
  db->exec("PRAGMA foreign_keys = ON");
  return db;
}

CartLine read_cart_line(SQLite::Statement& row) {
  CartLine line;
  line.id = row.getColumn(0).getInt64();
  line.item_id = row.getColumn(1).getString();
  line.answers = nlohmann::json::parse(row.getColumn(2).getString(), nullptr, false);
  line.summary = row.getColumn(3).getString();
  line.created_at_ms = row.getColumn(4).getInt64();
  return line;
}

std::vector<std::int64_t> cart_ids(SQLite::Database& db, std::string_view username) {
  SQLite::Statement query(db, "SELECT id FROM cart_lines WHERE username = ? ORDER BY id");
  query.bind(1, std::string(username));
  std::vector<std::int64_t> ids;
  while (query.executeStep()) ids.push_back(query.getColumn(0).getInt64());
  return ids;
}

/// The id of the item's form version, recorded the first time a checkout uses it.
std::int64_t form_version_id(SQLite::Database& db, const NewRequestItem& item, std::int64_t now) {
  SQLite::Statement insert(db,
                           "INSERT INTO form_versions(item_id, content_hash, loaded_at, fields) "
                           "VALUES (?, ?, ?, ?) ON CONFLICT(item_id, content_hash) DO NOTHING");
  insert.bind(1, item.item_id);
  insert.bind(2, item.form_hash);
  insert.bind(3, static_cast<std::int64_t>(now));
  insert.bind(4, item.form_fields.dump());
  insert.exec();
  SQLite::Statement query(db,
                          "SELECT id FROM form_versions WHERE item_id = ? AND content_hash = ?");
  query.bind(1, item.item_id);
  query.bind(2, item.form_hash);
  if (!query.executeStep()) throw std::runtime_error("form version not recorded");
  return query.getColumn(0).getInt64();
}

}  // namespace

namespace sql {

void insert_activity(SQLite::Database& db, const std::vector<ActivityEntry>& rows) {
  SQLite::Statement insert(db,
                           "INSERT INTO activity(request_number, item_number, at, actor, kind, "
                           "detail) VALUES (?, ?, ?, ?, ?, ?)");
  for (const auto& entry : rows) {
    insert.bind(1, entry.request_number);
    insert.bind(2, entry.item_number);
    insert.bind(3, static_cast<std::int64_t>(entry.at_ms));
    insert.bind(4, entry.actor);
    insert.bind(5, entry.kind);
    insert.bind(6, entry.detail);
    insert.exec();
    insert.reset();
  }
}

void insert_outbox_mail(SQLite::Database& db, const std::string& request_number,
                        const NewMail& mail, std::int64_t now) {
  SQLite::Statement insert(db,
                           "INSERT INTO outbox(request_number, item_number, event, to_username, "
                           "to_address, to_name, subject, body, next_attempt_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  insert.bind(1, request_number);
  insert.bind(2, mail.item_number);
  insert.bind(3, mail.event);
  insert.bind(4, mail.to_username);
  insert.bind(5, mail.to_address);
  insert.bind(6, mail.to_name);
  insert.bind(7, mail.subject);
  insert.bind(8, mail.body);
  insert.bind(9, static_cast<std::int64_t>(now));
  insert.exec();
  if (!request_number.empty())
    insert_activity(db, {activity::mail_queued(request_number, mail, now)});
}

}  // namespace sql

std::unique_ptr<SqliteStore> SqliteStore::open(const std::filesystem::path& file,
                                               std::string& error, bool migrate_schema) {
  try {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    auto writer = connect(file);
    writer->exec("PRAGMA journal_mode = WAL");
    // A 201 promises the request survives power loss: every commit is fsynced.
    writer->exec("PRAGMA synchronous = FULL");
    const std::string problem =
        schema_problem(schema_version(*writer), latest_schema_version(), migrate_schema);
    if (!problem.empty()) {
      error = "cannot open the store at " + file.string() + ": " + problem;
      return nullptr;
    }
    migrate(*writer);
    return std::unique_ptr<SqliteStore>(new SqliteStore(file, std::move(writer)));
  } catch (const std::exception& e) {
    error = "cannot open the store at " + file.string() + ": " + e.what();
    return nullptr;
  }
}

bool SqliteStore::migrate_file(const std::filesystem::path& file, int& version,
                               std::string& error) {
  try {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    auto db = connect(file);
    db->exec("PRAGMA journal_mode = WAL");
    error = schema_problem(schema_version(*db), latest_schema_version(), true);
    if (!error.empty()) return false;
    version = migrate(*db);
    return true;
  } catch (const std::exception& e) {
    error = "cannot migrate the store at " + file.string() + ": " + e.what();
    return false;
  }
}

SqliteStore::SqliteStore(std::filesystem::path file, std::unique_ptr<SQLite::Database> writer)
    : file_(std::move(file)), writes_(std::move(writer), kMaxBatch) {}

SqliteStore::~SqliteStore() {
  close();
}

void SqliteStore::close() {
  writes_.close();
}

SqliteStore::ReadLease::~ReadLease() {
  if (!db_) return;
  std::lock_guard lock(store_.pool_mutex_);
  store_.idle_readers_.push_back(std::move(db_));
}

SqliteStore::ReadLease SqliteStore::read() {
  {
    std::lock_guard lock(pool_mutex_);
    if (!idle_readers_.empty()) {
      auto db = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return ReadLease(*this, std::move(db));
    }
  }
  return ReadLease(*this, connect(file_, /*create=*/false));
}

std::vector<CartLine> SqliteStore::cart(std::string_view username) {
  return reading([&](SQLite::Database& db) -> std::vector<CartLine> {
    SQLite::Statement query(db,
                            "SELECT id, item_id, answers, summary, created_at FROM cart_lines "
                            "WHERE username = ? ORDER BY id");
    query.bind(1, std::string(username));
    std::vector<CartLine> lines;
    while (query.executeStep()) lines.push_back(read_cart_line(query));
    return lines;
  });
}

std::optional<CartLine> SqliteStore::add_cart_line(
    std::string_view username, const CartLine& line,
    const std::vector<std::int64_t>& expected_line_ids, StoreError& error) {
  try {
    auto added = writes_.run([&](SQLite::Database& db) {
      if (!same_cart_lines(expected_line_ids, cart_ids(db, username)))
        throw sql::Conflict("the cart changed");
      CartLine stored = line;
      stored.created_at_ms = sql::now_ms();
      SQLite::Statement insert(db,
                               "INSERT INTO cart_lines(username, item_id, answers, summary, "
                               "created_at) VALUES (?, ?, ?, ?, ?)");
      insert.bind(1, std::string(username));
      insert.bind(2, stored.item_id);
      insert.bind(3, stored.answers.dump());
      insert.bind(4, stored.summary);
      insert.bind(5, static_cast<std::int64_t>(stored.created_at_ms));
      insert.exec();
      stored.id = db.getLastInsertRowid();
      return stored;
    });
    error = StoreError::none;
    return added;
  } catch (const sql::Conflict&) {
    error = StoreError::conflict;
  } catch (const std::exception& e) {
    spdlog::error("store: add to cart failed: {}", e.what());
    error = StoreError::failed;
  }
  return std::nullopt;
}

bool SqliteStore::remove_cart_line(std::string_view username, std::int64_t line_id) {
  return writes_.run([&](SQLite::Database& db) {
    SQLite::Statement remove(db, "DELETE FROM cart_lines WHERE id = ? AND username = ?");
    remove.bind(1, static_cast<std::int64_t>(line_id));
    remove.bind(2, std::string(username));
    remove.exec();
    return sql::changes(db) > 0;
  });
}

std::optional<ReservedNumbers> SqliteStore::reserve_numbers(std::size_t item_count) {
  try {
    return writes_.run([&](SQLite::Database& db) {
      ReservedNumbers numbers;
      numbers.request_number = sql::next_number(db, "REQ");
      for (std::size_t i = 0; i < item_count; ++i)
        numbers.item_numbers.push_back(sql::next_number(db, "RITM"));
      return numbers;
    });
  } catch (const std::exception& e) {
    spdlog::error("store: reserving numbers failed: {}", e.what());
    return std::nullopt;
  }
}

CheckoutResult SqliteStore::checkout(const CheckoutOrder& order) {
  CheckoutResult result;
  if (order.numbers.request_number.empty() ||
      order.numbers.item_numbers.size() != order.items.size()) {
    result.error = StoreError::failed;
    result.message = "the order's numbers do not match its items";
    return result;
  }
  try {
    writes_.run([&](SQLite::Database& db) {
      if (!same_cart_lines(order.cart_line_ids, cart_ids(db, order.opened_by)))
        throw sql::Conflict("the cart changed");
      const std::int64_t now = sql::now_ms();
      const std::string& request_number = order.numbers.request_number;
      SQLite::Statement request(db,
                                "INSERT INTO requests(number, opened_by, requested_for, "
                                "special_instructions, created_at) VALUES (?, ?, ?, ?, ?)");
      request.bind(1, request_number);
      request.bind(2, order.opened_by);
      request.bind(3, order.requested_for);
      request.bind(4, order.special_instructions);
      request.bind(5, static_cast<std::int64_t>(now));
      request.exec();
      SQLite::Statement insert(
          db,
          "INSERT INTO request_items(number, request_number, position, item_id, item_name, "
          "answers, summary, state, form_version_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      for (std::size_t i = 0; i < order.items.size(); ++i) {
        const NewRequestItem& item = order.items[i];
        insert.bind(1, order.numbers.item_numbers[i]);
        insert.bind(2, request_number);
        insert.bind(3, static_cast<int>(i));
        insert.bind(4, item.item_id);
        insert.bind(5, item.item_name);
        insert.bind(6, item.answers.dump());
        insert.bind(7, item.summary);
        insert.bind(8, item.fulfil_at_checkout ? "fulfilling" : "open");
        if (item.form_hash.empty())
          insert.bind(9);
        else
          insert.bind(9, static_cast<std::int64_t>(form_version_id(db, item, now)));
        insert.exec();
        insert.reset();
        sql::insert_activity(db, activity::submitted(request_number, order.numbers.item_numbers[i],
                                                     order.opened_by, item, now));
        if (item.fulfil_at_checkout) sql::queue_automatic_job(db, order.numbers.item_numbers[i]);
      }
      for (const auto& mail : order.mails) sql::insert_outbox_mail(db, request_number, mail, now);
      SQLite::Statement clear(db, "DELETE FROM cart_lines WHERE username = ?");
      clear.bind(1, order.opened_by);
      clear.exec();
    });
    checkouts_.fetch_add(1);
  } catch (const sql::Conflict& e) {
    result.error = StoreError::conflict;
    result.message = e.what();
  } catch (const std::exception& e) {
    spdlog::error("store: checkout failed: {}", e.what());
    result.error = StoreError::failed;
    result.message = "the request could not be stored";
  }
  return result;
}

bool SqliteStore::enqueue_mail(const NewMail& mail) {
  try {
    writes_.run(
        [&](SQLite::Database& db) { sql::insert_outbox_mail(db, "", mail, sql::now_ms()); });
    return true;
  } catch (const std::exception& e) {
    spdlog::error("store: queueing a mail failed: {}", e.what());
    return false;
  }
}

}  // namespace servicedesk::host
