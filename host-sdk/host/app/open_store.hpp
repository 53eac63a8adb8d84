// The store the configuration names: SQLite in the data folder, or PostgreSQL.
#pragma once

#include <memory>
#include <string>

#include "app/host_config.hpp"
#include "store/store.hpp"

namespace servicedesk::host {

/// Opens the configured store, checking (and, when configured, migrating) its schema.
/// nullptr with a sentence in `error` (never a password) when it cannot be used.
std::unique_ptr<Store> open_store(const HostConfig& config, std::string& error);

/// `servicedesk-host migrate`: applies the schema steps the store lacks; 0 on success.
int migrate_store(const HostConfig& config);

}  // namespace servicedesk::host
