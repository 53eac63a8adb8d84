// Schema migrations of the PostgreSQL store, applied in order and recorded in a version table.
#pragma once

#include <pqxx/pqxx>

namespace servicedesk::host {

/// The version the database's schema is at (0 for an empty database).
int pg_schema_version(pqxx::connection& connection);

/// The newest PostgreSQL schema version this build knows.
int pg_latest_schema_version();

/// Brings the database to the newest schema; each step runs in its own transaction under an
/// advisory lock, so hosts starting together migrate once. Returns the version reached.
/// Never call it on a newer schema (schema_problem() says so first).
int pg_migrate(pqxx::connection& connection);

}  // namespace servicedesk::host
