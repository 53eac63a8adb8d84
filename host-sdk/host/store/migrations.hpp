// Schema migrations of the SQLite store, applied in order and recorded in a version table.
#pragma once

#include <string>

#include <SQLiteCpp/Database.h>

namespace servicedesk::host {

/// Brings the database to the newest schema; each step runs in its own transaction.
/// Returns the version reached. Throws SQLite::Exception when a step fails. Never call it on
/// a schema newer than latest_schema_version() (schema_problem() says so first).
int migrate(SQLite::Database& db);

/// The version the database's schema is at (0 for an empty database).
int schema_version(SQLite::Database& db);

/// The newest schema version this build knows.
int latest_schema_version();

/// Why a host must not start on a schema at `found` when this build knows `known` (either
/// backend), or "" when it may: newer than known, or older without migrating.
std::string schema_problem(int found, int known, bool will_migrate);

}  // namespace servicedesk::host
