// The live Duo ledger: which phones each account (and each member of one) has.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "ledger_io.hpp"

namespace servicedesk::duo {

/// The plugin's record of Duo phones, kept as JSON in the plugin's data folder. Reads are
/// safe from any thread; it changes only through `update`, when staff fulfil a request.
class DuoLedger {
 public:
  /// The ledger, or why it could not be opened.
  struct Opened {
    std::unique_ptr<DuoLedger> ledger;
    std::string error;
  };
  /// What became of an update.
  struct Outcome {
    bool ok = false;
    bool already_applied = false;  ///< this RITM had been applied before; nothing changed
    std::string error;
  };
  /// Takes the change to apply to (a copy of) the accounts; returns an error or "".
  using Change = std::function<std::string(LedgerAccounts&)>;

  static constexpr const char* kLiveFileName = "duo-ledger.json";

  /// Opens `<data_dir>/duo-ledger.json`, seeding it from `seed_yaml` when it does not exist.
  static Opened open(const std::filesystem::path& data_dir, const std::filesystem::path& seed_yaml);

  DuoLedger(std::filesystem::path live_file, LedgerSnapshot snapshot);

  /// The phones `user` has on `account` (for a person account, user == account).
  std::vector<std::string> phones(std::string_view account, std::string_view user) const;
  /// The first phone of `user` on `account` whose last four digits are `last_four`.
  std::optional<std::string> phone_ending(std::string_view account, std::string_view user,
                                          std::string_view last_four) const;
  bool has_phone(std::string_view account, std::string_view user, std::string_view e164) const;
  /// A copy of every account.
  LedgerAccounts accounts() const;

  /// Applies `change` for `ritm` all or nothing: on success the result is written to disk
  /// before it becomes live; on an error (or a failed write) nothing changes.
  Outcome update(std::string_view ritm, const Change& change);

  const std::filesystem::path& live_file() const noexcept { return live_file_; }

 private:
  const std::vector<std::string>* find(std::string_view account, std::string_view user) const;

  mutable std::shared_mutex mutex_;
  std::filesystem::path live_file_;
  LedgerSnapshot snapshot_;
};

}  // namespace servicedesk::duo
