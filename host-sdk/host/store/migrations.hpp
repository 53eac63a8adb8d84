// Schema migrations of the SQLite store, applied in order and recorded in a version table.
#pragma once

#include <SQLiteCpp/Database.h>

namespace servicedesk::host {

/// Brings the database to the newest schema; each step runs in its own transaction.
/// Returns the version reached. Throws SQLite::Exception when a step fails.
int migrate(SQLite::Database& db);

/// The newest schema version this build knows.
int latest_schema_version();

}  // namespace servicedesk::host
