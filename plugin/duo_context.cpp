// Opens the plugin's shared state from the host's services.
#include "duo_context.hpp"

#include "phone_format.hpp"

#include <stdexcept>

namespace servicedesk::duo {

std::filesystem::path DuoContext::demo_ledger_file() {
  return DUO_DEMO_LEDGER_FILE;
}

std::shared_ptr<DuoContext> DuoContext::open(HostServices& services) {
  const std::optional<std::string> configured = services.config().get(kLedgerFileKey);
  const std::filesystem::path seed =
      configured && !configured->empty() ? std::filesystem::path(*configured) : demo_ledger_file();
  DuoLedger::Opened opened = DuoLedger::open(services.data_dir(), seed);
  if (!opened.ledger) throw std::runtime_error("the Duo ledger cannot be opened: " + opened.error);
  services.logger().info("Duo ledger: " + opened.ledger->live_file().string() + " (seed " +
                         seed.string() + ")");
  return std::make_shared<DuoContext>(services, std::move(opened.ledger));
}

DuoContext::DuoContext(HostServices& services, std::unique_ptr<DuoLedger> ledger)
    : services_(services),
      ledger_(std::move(ledger)),
      plain_phones_(std::make_shared<const PhonePolicy>(PhonePolicyOptions{})) {}

std::string DuoContext::e164_or_empty(std::string_view phone) const {
  if (is_e164(phone)) return std::string(phone);
  const RuleVerdict verdict = plain_phones_->check(phone);
  return verdict.ok() ? verdict.normalized : std::string{};
}

std::string DuoContext::display_name(std::string_view username) const {
  const DirectoryEntry* entry = directory().find(username);
  return entry ? entry->display_name : std::string(username);
}

std::optional<AccountKind> DuoContext::kind_of(std::string_view username) const {
  const DirectoryEntry* entry = directory().find(username);
  if (!entry) return std::nullopt;
  return entry->kind;
}

std::shared_ptr<const PhonePolicy> DuoContext::phone_policy(const PhonePolicyOptions& options) {
  std::lock_guard lock(policies_mutex_);
  for (const auto& policy : policies_) {
    if (policy->options() == options) return policy;
  }
  policies_.push_back(std::make_shared<const PhonePolicy>(options));
  return policies_.back();
}

}  // namespace servicedesk::duo
