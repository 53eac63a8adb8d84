// Which SQLite failures mean "the database cannot be used right now" rather than a bug.
#pragma once

#include <exception>

namespace servicedesk::host {

/// What the store was doing when SQLite failed, for the sentence.
enum class SqliteAccess { read, write };

/// A failure the host cannot help right now (the disk is full or failing, the file or its
/// folder became read-only, the file is no longer a database) becomes StoreUnavailable,
/// which the API answers 503 with a sentence; the log keeps SQLite's own words. Anything
/// else is returned as it is.
std::exception_ptr as_store_failure(std::exception_ptr failure, SqliteAccess access);

}  // namespace servicedesk::host
