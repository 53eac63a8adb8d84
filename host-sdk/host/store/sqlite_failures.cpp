// SQLite error codes mapped onto StoreUnavailable.
#include "store/sqlite_failures.hpp"

#include <string>

#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

#include "store/session_store.hpp"

namespace servicedesk::host {

std::exception_ptr as_store_failure(std::exception_ptr failure, SqliteAccess access) {
  try {
    std::rethrow_exception(failure);
  } catch (const SQLite::Exception& e) {
    const auto unavailable = [&](const char* sentence) {
      return std::make_exception_ptr(StoreUnavailable(std::string(sentence) + ": " + e.what()));
    };
    switch (e.getErrorCode()) {
      case SQLITE_FULL:
        return unavailable("the disk is full");
      case SQLITE_READONLY:
        return unavailable("the database is read-only");
      case SQLITE_IOERR:
      case SQLITE_CANTOPEN:
        return unavailable(access == SqliteAccess::read ? "the database cannot be read"
                                                        : "the database cannot be written");
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return unavailable("the database file is damaged");
      default:
        return failure;
    }
  } catch (...) {
    return failure;
  }
}

}  // namespace servicedesk::host
