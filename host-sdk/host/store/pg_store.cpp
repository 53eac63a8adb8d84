// Opening the PostgreSQL store, carts, numbers from sequences, and the checkout transaction.
#include "store/pg_store.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>

#include <spdlog/spdlog.h>

#include "store/cart_lines.hpp"
#include "store/migrations.hpp"
#include "store/pg_migrations.hpp"
#include "store/pg_statements.hpp"
#include "store/pg_util.hpp"
#include "store/sql_util.hpp"

namespace servicedesk::host {
namespace {

struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string format_number(const char* prefix, long long value) {
  char text[32];
  std::snprintf(text, sizeof text, "%s%07lld", prefix, value);
  return text;
}

std::vector<std::int64_t> cart_ids(pqxx::work& work, const std::string& username) {
  std::vector<std::int64_t> ids;
  for (const auto& row : work.exec_prepared(pg::statement::kCartLineIds, username))
    ids.push_back(row[0].as<std::int64_t>());
  return ids;
}

/// The id of the item's form version, recorded the first time a checkout uses it.
std::int64_t form_version_id(pqxx::work& work, const NewRequestItem& item, std::int64_t now) {
  work.exec_params(
      "INSERT INTO form_versions(item_id, content_hash, loaded_at, fields) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT(item_id, content_hash) DO NOTHING",
      item.item_id, item.form_hash, now, item.form_fields.dump());
  return work
      .exec_params("SELECT id FROM form_versions WHERE item_id = $1 AND content_hash = $2",
                   item.item_id, item.form_hash)[0][0]
      .as<std::int64_t>();
}

std::string this_host() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) name[0] = '\0';
  return std::string(name) + ":" + std::to_string(getpid()) + ":" + std::to_string(sql::now_ms());
}

}  // namespace

PgStore::PgStore(const PgSettings& settings)
    : pool_(settings.url, settings.pool_size, pg::prepared_statements()),
      redacted_url_(redact_postgres_url(settings.url)),
      mail_lease_(settings.mail_lease),
      lease_owner_(this_host()) {}

std::unique_ptr<PgStore> PgStore::open(const PgSettings& settings, std::string& error) {
  std::unique_ptr<PgStore> store(new PgStore(settings));
  try {
    store->pool_.run([&](pqxx::connection& connection) {
      error = schema_problem(pg_schema_version(connection), pg_latest_schema_version(),
                             settings.migrate_on_start);
      if (error.empty()) pg_migrate(connection);
    });
  } catch (const std::exception& e) {
    error = e.what();
  }
  if (!error.empty()) {
    error = "cannot open the store at " + store->redacted_url_ + ": " + error;
    return nullptr;
  }
  return store;
}

bool PgStore::migrate_database(const PgSettings& settings, int& version, std::string& error) {
  PgSettings one = settings;
  one.pool_size = 1;
  one.migrate_on_start = true;
  auto store = open(one, error);
  if (!store) return false;
  store->pool_.run([&](pqxx::connection& connection) { version = pg_schema_version(connection); });
  return true;
}

std::optional<std::int64_t> PgStore::known_form_version(const FormVersionKey& key) {
  std::lock_guard lock(form_versions_mutex_);
  const auto found = form_version_ids_.find(key);
  if (found == form_version_ids_.end()) return std::nullopt;
  return found->second;
}

void PgStore::remember_form_versions(
    const std::vector<std::pair<FormVersionKey, std::int64_t>>& seen) {
  if (seen.empty()) return;
  std::lock_guard lock(form_versions_mutex_);
  // A bound for a catalog edited all day long: forgetting costs one lookup, never a wrong id.
  constexpr std::size_t kMaxKnown = 1024;
  if (form_version_ids_.size() + seen.size() > kMaxKnown) form_version_ids_.clear();
  form_version_ids_.insert(seen.begin(), seen.end());
}

std::vector<CartLine> PgStore::cart(std::string_view username) {
  return pool_.run([&](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    std::vector<CartLine> lines;
    for (const auto& row : work.exec_prepared(pg::statement::kCartLines, std::string(username))) {
      CartLine line;
      line.id = row[0].as<std::int64_t>();
      line.item_id = row[1].as<std::string>();
      line.answers = nlohmann::json::parse(row[2].as<std::string>(), nullptr, false);
      line.summary = row[3].as<std::string>();
      line.created_at_ms = row[4].as<std::int64_t>();
      lines.push_back(std::move(line));
    }
    return lines;
  });
}

std::optional<CartLine> PgStore::add_cart_line(std::string_view username, const CartLine& line,
                                               const std::vector<std::int64_t>& expected_line_ids,
                                               StoreError& error) {
  const std::string user(username);
  try {
    CartLine stored = write([&](pqxx::work& work) {
      pg::lock_cart(work, user);
      if (!same_cart_lines(expected_line_ids, cart_ids(work, user)))
        throw Conflict("the cart changed");
      CartLine added = line;
      added.created_at_ms = sql::now_ms();
      added.id = work.exec_prepared1(pg::statement::kAddCartLine, user, added.item_id,
                                     added.answers.dump(), added.summary, added.created_at_ms)[0]
                     .as<std::int64_t>();
      return added;
    });
    error = StoreError::none;
    return stored;
  } catch (const Conflict&) {
    error = StoreError::conflict;
  } catch (const std::exception& e) {
    spdlog::error("store: add to cart failed: {}", e.what());
    error = StoreError::failed;
  }
  return std::nullopt;
}

bool PgStore::remove_cart_line(std::string_view username, std::int64_t line_id) {
  const std::string user(username);
  return write([&](pqxx::work& work) {
    pg::lock_cart(work, user);
    return work.exec_params("DELETE FROM cart_lines WHERE id = $1 AND username = $2", line_id, user)
               .affected_rows() > 0;
  });
}

std::optional<ReservedNumbers> PgStore::reserve_numbers(std::size_t item_count) {
  try {
    // nextval outside a transaction: no commit to wait for, and never handed out twice.
    return pool_.run([&](pqxx::connection& connection) {
      pqxx::nontransaction work(connection);
      const auto rows =
          work.exec_prepared(pg::statement::kReserveNumbers, static_cast<long long>(item_count));
      ReservedNumbers numbers;
      numbers.request_number = format_number("REQ", rows[0][0].as<long long>());
      auto items = rows[0][1].is_null() ? std::string() : rows[0][1].as<std::string>();
      // "{7,8,9}": the RITM values in order.
      std::size_t at = 1;
      while (at < items.size()) {
        const std::size_t end = items.find_first_of(",}", at);
        numbers.item_numbers.push_back(format_number("RITM", std::stoll(items.substr(at))));
        at = end + 1;
      }
      return numbers;
    });
  } catch (const std::exception& e) {
    spdlog::error("store: reserving numbers failed: {}", e.what());
    return std::nullopt;
  }
}

CheckoutResult PgStore::checkout(const CheckoutOrder& order) {
  CheckoutResult result;
  if (order.numbers.request_number.empty() ||
      order.numbers.item_numbers.size() != order.items.size()) {
    result.error = StoreError::failed;
    result.message = "the order's numbers do not match its items";
    return result;
  }
  try {
    std::vector<std::pair<FormVersionKey, std::int64_t>> versions_seen;
    write([&](pqxx::work& work) {
      pg::lock_cart(work, order.opened_by);
      if (!same_cart_lines(order.cart_line_ids, cart_ids(work, order.opened_by)))
        throw Conflict("the cart changed");
      const std::int64_t now = sql::now_ms();
      const std::string& request_number = order.numbers.request_number;
      auto items = nlohmann::json::array();
      auto jobs = nlohmann::json::array();
      std::vector<ActivityEntry> submitted;
      for (std::size_t i = 0; i < order.items.size(); ++i) {
        const NewRequestItem& item = order.items[i];
        const std::string& number = order.numbers.item_numbers[i];
        nlohmann::json version;  // null: no form version recorded
        if (!item.form_hash.empty()) {
          const FormVersionKey key{item.item_id, item.form_hash};
          std::optional<std::int64_t> id = known_form_version(key);
          if (!id) {
            id = form_version_id(work, item, now);
            versions_seen.emplace_back(key, *id);
          }
          version = *id;
        }
        items.push_back({number, i, item.item_id, item.item_name, item.answers.dump(), item.summary,
                         item.fulfil_at_checkout ? "fulfilling" : "open", version});
        const auto rows = activity::submitted(request_number, number, order.opened_by, item, now);
        submitted.insert(submitted.end(), rows.begin(), rows.end());
        if (item.fulfil_at_checkout) jobs.push_back(number);
      }
      const pg::QueuedMails mails = pg::queued_mails(request_number, order.mails, now);
      auto activity = pg::activity_rows(submitted);
      activity.insert(activity.end(), mails.activity.begin(), mails.activity.end());
      // The whole request in one statement: one round trip to the database, not one per row.
      work.exec_prepared(pg::statement::kCheckout, request_number, order.opened_by,
                         order.requested_for, order.special_instructions, now, pg::json_rows(items),
                         pg::json_rows(jobs), pg::json_rows(mails.outbox), pg::json_rows(activity));
    });
    remember_form_versions(versions_seen);
    checkouts_.fetch_add(1);
  } catch (const Conflict& e) {
    result.error = StoreError::conflict;
    result.message = e.what();
  } catch (const std::exception& e) {
    spdlog::error("store: checkout failed: {}", e.what());
    result.error = StoreError::failed;
    result.message = "the request could not be stored";
  }
  return result;
}

bool PgStore::enqueue_mail(const NewMail& mail) {
  try {
    write_statement([&](pqxx::nontransaction& work) {
      pg::insert_outbox_mails(work, "", {mail}, sql::now_ms());
    });
    return true;
  } catch (const std::exception& e) {
    spdlog::error("store: queueing a mail failed: {}", e.what());
    return false;
  }
}

bool PgStore::healthy(std::string& detail) try {
  pool_.run([](pqxx::connection& connection) {
    pqxx::nontransaction work(connection);
    work.exec("SELECT 1");
  });
  detail = "postgresql";
  return true;
} catch (const std::exception& e) {
  detail = "postgresql";
  spdlog::warn("store: health check: {}", e.what());
  return false;
}

}  // namespace servicedesk::host
