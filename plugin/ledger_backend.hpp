// The demo backend: Duo phones kept in the plugin's JSON ledger (the default, no Duo needed).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "duo_backend.hpp"
#include "ledger.hpp"

namespace servicedesk::duo {

/// Reads and changes the demo ledger; a change lands once per RITM, all or nothing.
class LedgerBackend final : public DuoBackend {
 public:
  /// `display_name` turns a username into "Titan, Tuffy" for messages.
  LedgerBackend(std::unique_ptr<DuoLedger> ledger,
                std::function<std::string(std::string_view)> display_name);

  PhonesRead phones(std::string_view account, std::string_view user) override;
  ApplyResult apply(std::string_view ritm, const DuoRequest& request, AccountKind kind) override;

  DuoLedger& ledger() { return *ledger_; }

 private:
  std::unique_ptr<DuoLedger> ledger_;
  std::function<std::string(std::string_view)> display_name_;
};

}  // namespace servicedesk::duo
