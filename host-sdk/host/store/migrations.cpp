// The ordered list of schema steps. Append new steps; never edit a released one.
#include "store/migrations.hpp"

#include <array>
#include <string>
#include <string_view>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace servicedesk::host {
namespace {

constexpr std::array<std::string_view, 5> kSqliteSteps = {
    // 1: carts, requests, requested items, the mail outbox and number counters.
    R"sql(
CREATE TABLE counters (
  name  TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters(name, value) VALUES ('REQ', 0), ('RITM', 0);

CREATE TABLE cart_lines (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  username   TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  answers    TEXT NOT NULL,
  summary    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX cart_lines_by_user ON cart_lines(username, id);

CREATE TABLE requests (
  number               TEXT PRIMARY KEY,
  opened_by            TEXT NOT NULL,
  requested_for        TEXT NOT NULL,
  special_instructions TEXT NOT NULL,
  created_at           INTEGER NOT NULL
);
CREATE INDEX requests_by_opener ON requests(opened_by);
CREATE INDEX requests_by_requested_for ON requests(requested_for);

CREATE TABLE request_items (
  number         TEXT PRIMARY KEY,
  request_number TEXT NOT NULL REFERENCES requests(number),
  position       INTEGER NOT NULL,
  item_id        TEXT NOT NULL,
  item_name      TEXT NOT NULL,
  answers        TEXT NOT NULL,
  summary        TEXT NOT NULL,
  state          TEXT NOT NULL DEFAULT 'open',
  decided_by     TEXT NOT NULL DEFAULT '',
  reason         TEXT NOT NULL DEFAULT '',
  decided_at     INTEGER
);
CREATE INDEX request_items_by_request ON request_items(request_number, position);
CREATE INDEX request_items_by_state ON request_items(state, number);

CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  request_number  TEXT NOT NULL,
  item_number     TEXT NOT NULL,
  event           TEXT NOT NULL,
  to_username     TEXT NOT NULL,
  to_address      TEXT NOT NULL,
  to_name         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  sent            INTEGER NOT NULL DEFAULT 0,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT NOT NULL DEFAULT '',
  next_attempt_at INTEGER NOT NULL,
  sent_at         INTEGER
);
CREATE INDEX outbox_due ON outbox(sent, next_attempt_at);
CREATE INDEX outbox_by_request ON outbox(request_number);
)sql",
    // 2: durable fulfilment jobs, one per requested item, claimed under a lease by one host.
    R"sql(
CREATE TABLE fulfilment_jobs (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  item_number      TEXT NOT NULL UNIQUE REFERENCES request_items(number),
  state            TEXT NOT NULL DEFAULT 'queued',
  decided_by       TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT NOT NULL DEFAULT '',
  next_attempt_at  INTEGER NOT NULL,
  claimed_by       TEXT NOT NULL DEFAULT '',
  claims           INTEGER NOT NULL DEFAULT 0,
  lease_expires_at INTEGER NOT NULL DEFAULT 0,
  created_at       INTEGER NOT NULL,
  finished_at      INTEGER
);
CREATE INDEX fulfilment_jobs_due ON fulfilment_jobs(state, next_attempt_at);
)sql",
    // 3: log-in sessions, kept by the store so that they survive a restart.
    R"sql(
CREATE TABLE sessions (
  key        TEXT PRIMARY KEY,
  username   TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  last_used  INTEGER NOT NULL
);
CREATE INDEX sessions_by_last_use ON sessions(last_used);
)sql",
    // 4: the form version each item was submitted with, and each request's activity log.
    R"sql(
CREATE TABLE form_versions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  item_id      TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  loaded_at    INTEGER NOT NULL,
  fields       TEXT NOT NULL,
  UNIQUE (item_id, content_hash)
);
ALTER TABLE request_items ADD COLUMN form_version_id INTEGER REFERENCES form_versions(id);

CREATE TABLE activity (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  request_number TEXT NOT NULL,
  item_number    TEXT NOT NULL,
  at             INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  kind           TEXT NOT NULL,
  detail         TEXT NOT NULL
);
CREATE INDEX activity_by_request ON activity(request_number, id);
CREATE INDEX requests_by_created ON requests(created_at, number);
)sql",
    // 5: counting the items submitted with each form version (GET .../versions).
    R"sql(
CREATE INDEX request_items_by_form_version ON request_items(form_version_id);
)sql",
};

}  // namespace

int schema_version(SQLite::Database& db) {
  db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  SQLite::Statement query(db, "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  query.executeStep();
  return query.getColumn(0).getInt();
}

std::string schema_problem(int found, int known, bool will_migrate) {
  if (found > known)
    return "the database's schema is version " + std::to_string(found) +
           ", newer than this build knows (" + std::to_string(known) +
           "); run a host at least as new as the one that migrated it";
  if (found < known && !will_migrate)
    return "the database's schema is version " + std::to_string(found) + ", this build needs " +
           std::to_string(known) +
           "; run `servicedesk-host migrate --config FILE` (or set store.migrate_on_start: true)";
  return "";
}

int latest_schema_version() {
  return static_cast<int>(kSqliteSteps.size());
}

int migrate(SQLite::Database& db) {
  int version = schema_version(db);
  while (version < latest_schema_version()) {
    SQLite::Transaction transaction(db);
    db.exec(std::string(kSqliteSteps[static_cast<std::size_t>(version)]));
    ++version;
    SQLite::Statement record(db, "INSERT INTO schema_version(version) VALUES (?)");
    record.bind(1, version);
    record.exec();
    transaction.commit();
  }
  return version;
}

}  // namespace servicedesk::host
