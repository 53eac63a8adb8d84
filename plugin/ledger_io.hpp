// Reading the Duo ledger's seed (YAML) and its live file (JSON), and writing the live file.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace servicedesk::duo {

/// Phones (E.164) by member username. A person account's own phones sit under its own
/// username; an administrative account lists each member's phones.
using AccountPhones = std::map<std::string, std::vector<std::string>, std::less<>>;
/// Every Duo account by username.
using LedgerAccounts = std::map<std::string, AccountPhones, std::less<>>;

/// The whole ledger: accounts, and the RITMs already applied (so a change lands once).
struct LedgerSnapshot {
  LedgerAccounts accounts;
  std::vector<std::string> applied;
};

/// A ledger read from a file, or why it could not be (`file:line:col: message` for YAML).
struct LedgerRead {
  std::optional<LedgerSnapshot> snapshot;
  std::string error;
};

/// Reads a seed file:
///   accounts:
///     tuffytitan: { phones: ["+17145550101"] }
///     athletics-admin: { members: { tuffytitan: ["+17145550111"] } }
LedgerRead read_ledger_yaml(const std::filesystem::path& file);

/// Reads the live file `{"version":1,"accounts":{ACCOUNT:{USER:[E164...]}},"applied":[...]}`.
LedgerRead read_ledger_json(const std::filesystem::path& file);

/// Writes the live file atomically (temporary file, then rename). Returns an error or "".
std::string write_ledger_json(const std::filesystem::path& file, const LedgerSnapshot& snapshot);

}  // namespace servicedesk::duo
