// The ordered list of PostgreSQL schema steps. Append new steps; never edit a released one.
#include "store/pg_migrations.hpp"

#include <array>
#include <string>
#include <string_view>

namespace servicedesk::host {
namespace {

/// Held by the migrating transaction: a second host waits, then finds nothing left to do.
constexpr long long kMigrationLock = 0x5e7d1c0de;

constexpr std::array<std::string_view, 4> kPostgresSteps = {
    // 1: carts, requests, requested items, the mail outbox with leases, sessions, and the
    // sequences REQ and RITM numbers come from.
    R"sql(
CREATE SEQUENCE req_numbers;
CREATE SEQUENCE ritm_numbers;

CREATE TABLE cart_lines (
  id         BIGSERIAL PRIMARY KEY,
  username   TEXT NOT NULL,
  item_id    TEXT NOT NULL,
  answers    TEXT NOT NULL,
  summary    TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX cart_lines_by_user ON cart_lines(username, id);

CREATE TABLE requests (
  number               TEXT PRIMARY KEY,
  opened_by            TEXT NOT NULL,
  requested_for        TEXT NOT NULL,
  special_instructions TEXT NOT NULL,
  created_at           BIGINT NOT NULL
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
  decided_at     BIGINT
);
CREATE INDEX request_items_by_request ON request_items(request_number, position);
CREATE INDEX request_items_by_state ON request_items(state, number);

CREATE TABLE outbox (
  id              BIGSERIAL PRIMARY KEY,
  request_number  TEXT NOT NULL,
  item_number     TEXT NOT NULL,
  event           TEXT NOT NULL,
  to_username     TEXT NOT NULL,
  to_address      TEXT NOT NULL,
  to_name         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  sent            BOOLEAN NOT NULL DEFAULT false,
  attempts        INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT NOT NULL DEFAULT '',
  next_attempt_at BIGINT NOT NULL,
  sent_at         BIGINT,
  lease_owner     TEXT NOT NULL DEFAULT '',
  lease_until     BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX outbox_due ON outbox(next_attempt_at, id) WHERE NOT sent;
CREATE INDEX outbox_by_request ON outbox(request_number);

CREATE TABLE sessions (
  key        TEXT PRIMARY KEY,
  username   TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  last_used  BIGINT NOT NULL
);
CREATE INDEX sessions_by_last_use ON sessions(last_used);
)sql",
    // 2: durable fulfilment jobs, one per requested item, claimed under a lease by one host.
    R"sql(
CREATE TABLE fulfilment_jobs (
  id               BIGSERIAL PRIMARY KEY,
  item_number      TEXT NOT NULL UNIQUE REFERENCES request_items(number),
  state            TEXT NOT NULL DEFAULT 'queued',
  decided_by       TEXT NOT NULL,
  attempts         INTEGER NOT NULL DEFAULT 0,
  last_error       TEXT NOT NULL DEFAULT '',
  next_attempt_at  BIGINT NOT NULL,
  claimed_by       TEXT NOT NULL DEFAULT '',
  claims           BIGINT NOT NULL DEFAULT 0,
  lease_expires_at BIGINT NOT NULL DEFAULT 0,
  created_at       BIGINT NOT NULL,
  finished_at      BIGINT
);
CREATE INDEX fulfilment_jobs_due ON fulfilment_jobs(state, next_attempt_at);
)sql",
    // 3: the form version each item was submitted with, and each request's activity log.
    R"sql(
CREATE TABLE form_versions (
  id           BIGSERIAL PRIMARY KEY,
  item_id      TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  loaded_at    BIGINT NOT NULL,
  fields       TEXT NOT NULL,
  UNIQUE (item_id, content_hash)
);
ALTER TABLE request_items ADD COLUMN form_version_id BIGINT REFERENCES form_versions(id);

CREATE TABLE activity (
  id             BIGSERIAL PRIMARY KEY,
  request_number TEXT NOT NULL,
  item_number    TEXT NOT NULL,
  at             BIGINT NOT NULL,
  actor          TEXT NOT NULL,
  kind           TEXT NOT NULL,
  detail         TEXT NOT NULL
);
CREATE INDEX activity_by_request ON activity(request_number, id);
CREATE INDEX requests_by_created ON requests(created_at, number);
)sql",
    // 4: counting the items submitted with each form version (GET .../versions).
    R"sql(
CREATE INDEX request_items_by_form_version ON request_items(form_version_id);
)sql",
};

}  // namespace

int pg_schema_version(pqxx::connection& connection) {
  pqxx::work work(connection);
  const auto exists = work.exec("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!exists[0][0].as<bool>()) return 0;
  return work.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<int>();
}

int pg_latest_schema_version() {
  return static_cast<int>(kPostgresSteps.size());
}

int pg_migrate(pqxx::connection& connection) {
  for (;;) {
    pqxx::work work(connection);
    work.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    work.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const int version =
        work.exec("SELECT COALESCE(MAX(version), 0) FROM schema_version")[0][0].as<int>();
    if (version >= pg_latest_schema_version()) return version;
    work.exec(std::string(kPostgresSteps[static_cast<std::size_t>(version)]));
    work.exec_params("INSERT INTO schema_version(version) VALUES ($1)", version + 1);
    work.commit();
  }
}

}  // namespace servicedesk::host
