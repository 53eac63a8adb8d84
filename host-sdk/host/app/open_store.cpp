// Choosing and opening the store; the `migrate` command.
#include "app/open_store.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include "store/pg_store.hpp"
#include "store/sqlite_store.hpp"

namespace servicedesk::host {
namespace {

PgSettings pg_settings(const HostConfig& config) {
  PgSettings settings;
  settings.url = config.store.postgres;
  settings.pool_size = config.store.pool_size;
  settings.migrate_on_start = config.store.migrate_on_start.value_or(false);
  settings.mail_lease = std::chrono::seconds(config.store.mail_lease_seconds);
  return settings;
}

std::filesystem::path sqlite_file(const HostConfig& config) {
  return config.data_dir / "servicedesk.db";
}

}  // namespace

std::unique_ptr<Store> open_store(const HostConfig& config, std::string& error) {
  if (config.store.postgres.empty()) {
    auto store =
        SqliteStore::open(sqlite_file(config), error, config.store.migrate_on_start.value_or(true));
    if (store) spdlog::info("store: SQLite at {}", sqlite_file(config).string());
    return store;
  }
  auto store = PgStore::open(pg_settings(config), error);
  if (store)
    spdlog::info("store: PostgreSQL at {} ({} connections)",
                 redact_postgres_url(config.store.postgres), config.store.pool_size);
  return store;
}

int migrate_store(const HostConfig& config) {
  std::string error;
  int version = 0;
  const bool postgres = !config.store.postgres.empty();
  const bool done = postgres ? PgStore::migrate_database(pg_settings(config), version, error)
                             : SqliteStore::migrate_file(sqlite_file(config), version, error);
  if (!done) {
    std::cerr << error << "\n";
    return 1;
  }
  std::cout << "schema at version " << version << " ("
            << (postgres ? redact_postgres_url(config.store.postgres)
                         : sqlite_file(config).string())
            << ")\n";
  return 0;
}

}  // namespace servicedesk::host
