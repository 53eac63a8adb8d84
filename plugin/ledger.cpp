// The live Duo ledger: thread-safe reads, all-or-nothing persisted updates.
#include "ledger.hpp"

#include <algorithm>
#include <mutex>
#include <system_error>

#include "phone_format.hpp"

namespace servicedesk::duo {

DuoLedger::Opened DuoLedger::open(const std::filesystem::path& data_dir,
                                  const std::filesystem::path& seed_yaml) {
  std::error_code error;
  std::filesystem::create_directories(data_dir, error);
  if (error) return {nullptr, data_dir.string() + ": cannot be created: " + error.message()};
  const std::filesystem::path live = data_dir / kLiveFileName;
  if (std::filesystem::exists(live, error)) {
    LedgerRead read = read_ledger_json(live);
    if (!read.snapshot) return {nullptr, read.error};
    return {std::make_unique<DuoLedger>(live, std::move(*read.snapshot)), {}};
  }
  LedgerRead seed = read_ledger_yaml(seed_yaml);
  if (!seed.snapshot) return {nullptr, seed.error};
  if (std::string written = write_ledger_json(live, *seed.snapshot); !written.empty()) {
    return {nullptr, written};
  }
  return {std::make_unique<DuoLedger>(live, std::move(*seed.snapshot)), {}};
}

DuoLedger::DuoLedger(std::filesystem::path live_file, LedgerSnapshot snapshot)
    : live_file_(std::move(live_file)), snapshot_(std::move(snapshot)) {}

const std::vector<std::string>* DuoLedger::find(std::string_view account,
                                                std::string_view user) const {
  const auto members = snapshot_.accounts.find(account);
  if (members == snapshot_.accounts.end()) return nullptr;
  const auto phones = members->second.find(user);
  return phones == members->second.end() ? nullptr : &phones->second;
}

std::vector<std::string> DuoLedger::phones(std::string_view account, std::string_view user) const {
  std::shared_lock lock(mutex_);
  const auto* phones = find(account, user);
  return phones ? *phones : std::vector<std::string>{};
}

std::optional<std::string> DuoLedger::phone_ending(std::string_view account, std::string_view user,
                                                   std::string_view last_four_digits) const {
  std::shared_lock lock(mutex_);
  if (const auto* phones = find(account, user)) {
    for (const std::string& phone : *phones) {
      if (last_four(phone) == last_four_digits) return phone;
    }
  }
  return std::nullopt;
}

bool DuoLedger::has_phone(std::string_view account, std::string_view user,
                          std::string_view e164) const {
  std::shared_lock lock(mutex_);
  const auto* phones = find(account, user);
  return phones && std::find(phones->begin(), phones->end(), e164) != phones->end();
}

LedgerAccounts DuoLedger::accounts() const {
  std::shared_lock lock(mutex_);
  return snapshot_.accounts;
}

DuoLedger::Outcome DuoLedger::update(std::string_view ritm, const Change& change) {
  std::unique_lock lock(mutex_);
  const auto& applied = snapshot_.applied;
  if (!ritm.empty() && std::find(applied.begin(), applied.end(), ritm) != applied.end()) {
    return {true, true, {}};
  }
  LedgerSnapshot next = snapshot_;
  if (std::string refused = change(next.accounts); !refused.empty()) return {false, false, refused};
  if (!ritm.empty()) next.applied.emplace_back(ritm);
  if (std::string failed = write_ledger_json(live_file_, next); !failed.empty()) {
    return {false, false, failed};
  }
  snapshot_ = std::move(next);
  return {true, false, {}};
}

}  // namespace servicedesk::duo
