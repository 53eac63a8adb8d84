// What the DUO handlers share: the host's services, the Duo backend, the phone policies.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "call_journal.hpp"
#include "duo_backend.hpp"
#include "duo_config.hpp"
#include "ledger.hpp"
#include "phone_policy.hpp"
#include "servicedesk/host_services.hpp"

namespace servicedesk::duo {

/// Shared by every handler the plugin creates; lives as long as the plugin's factories.
class DuoContext {
 public:
  /// The config key naming the ledger seed file.
  static constexpr const char* kLedgerFileKey = "ledger_file";

  /// Opens the backend the config names: the Duo Admin API (`duo_admin_api`), else the
  /// demo ledger (config `ledger_file`, else the demo file compiled in; live copy in
  /// data_dir()). Throws std::runtime_error when it cannot, or when the section has
  /// mistakes (reported to the host first), so the host refuses the plugin with the reason.
  static std::shared_ptr<DuoContext> open(HostServices& services);
  /// The demo ledger shipped with the plugin's sources.
  static std::filesystem::path demo_ledger_file();

  /// Over the demo ledger.
  DuoContext(HostServices& services, std::unique_ptr<DuoLedger> ledger);
  /// Over any backend (`ledger` set only for the demo one).
  DuoContext(HostServices& services, std::shared_ptr<DuoBackend> backend, DuoLedger* ledger,
             FulfilMode fulfil);

  const Directory& directory() const { return services_.directory(); }
  Logger& logger() { return services_.logger(); }
  /// Where Duo phones are read and changed; the rules and fulfilment use only this.
  DuoBackend& backend() const { return *backend_; }
  /// The demo ledger, for tests and tools; throws std::logic_error with the Duo backend.
  DuoLedger& ledger() const;
  FulfilMode fulfil_mode() const { return fulfil_; }

  /// "Titan, Tuffy" for `tuffytitan`; the username itself when the directory lacks it.
  std::string display_name(std::string_view username) const;
  /// The directory kind of `username`, or nothing for an unknown name.
  std::optional<AccountKind> kind_of(std::string_view username) const;

  /// A policy for these options, shared by every binding that asks for the same ones so
  /// they share one cache. Throws std::invalid_argument for bad options.
  std::shared_ptr<const PhonePolicy> phone_policy(const PhonePolicyOptions& options);
  /// The policy with no campus prefixes and region US, used to normalize phones.
  const PhonePolicy& plain_phones() const { return *plain_phones_; }
  /// The E.164 form of a phone answer (answers are normally E.164 already), or "" when it
  /// is not a valid number.
  std::string e164_or_empty(std::string_view phone) const;

  /// Where each Duo call's audit line also goes while its fulfilment runs.
  CallJournal& journal() const { return journal_; }

 private:
  HostServices& services_;
  std::shared_ptr<DuoBackend> backend_;
  DuoLedger* ledger_ = nullptr;
  FulfilMode fulfil_ = FulfilMode::on_approval;
  std::shared_ptr<const PhonePolicy> plain_phones_;
  std::mutex policies_mutex_;
  std::vector<std::shared_ptr<const PhonePolicy>> policies_;
  mutable CallJournal journal_;
};

}  // namespace servicedesk::duo
