// The plugin's config section: `ledger_file` (demo) or `duo_admin_api` (a real Duo tenant).
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "duo_admin_client.hpp"
#include "servicedesk/host_services.hpp"

namespace servicedesk::duo {

/// When a request reaches Duo: when IT staff approve it, or right after checkout (the host
/// runs the fulfilment job without a staff decision).
enum class FulfilMode { on_approval, automatic };

/// The `duo_admin_api` section, checked.
struct DuoAdminConfig {
  AdminApiSettings api;
  FulfilMode fulfil = FulfilMode::on_approval;
  std::chrono::milliseconds cache_ttl{10000};
};

/// The whole section, checked.
struct DuoPluginConfig {
  std::string ledger_file;                  ///< demo ledger seed; empty: the built-in one
  std::optional<DuoAdminConfig> admin_api;  ///< set: Duo is the backend
  bool ok = true;                           ///< false when a mistake was reported
};

/// Reads the section, reporting each mistake (unknown key, missing or empty secret, bad
/// host, bad value) through `services.config_problem` with its place. `environment` looks
/// up a variable (getenv by default). The secret is read, never repeated in a message.
DuoPluginConfig read_plugin_config(
    HostServices& services,
    const std::function<std::optional<std::string>(const std::string&)>& environment = {});

/// True for a plain DNS host name such as `api-1a2b3c4d.duosecurity.com`.
bool is_api_host_name(std::string_view host);

}  // namespace servicedesk::duo
