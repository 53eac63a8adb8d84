// Opens the plugin's shared state from the host's services: config, backend, policies.
#include "duo_context.hpp"

#include <stdexcept>

#include "duo_admin_backend.hpp"
#include "ledger_backend.hpp"
#include "phone_format.hpp"

namespace servicedesk::duo {
namespace {

/// One audit line per Duo call; paths only (a number sits in the query, never logged). A
/// fulfilment's own calls also reach its request's activity log through the journal.
AdminApiClient::Observer audit_to(HostServices& services, const DuoContext* context) {
  return [&services, context](const DuoCallRecord& call) {
    Logger& logger = services.logger();
    services.count("duo_calls", call.outcome);
    std::string line = "duo call " + std::string(call.tag) + " " + std::string(call.method) + " " +
                       std::string(call.path) + " -> " +
                       (call.status == 0 ? std::string("no answer") : std::to_string(call.status)) +
                       " " + std::string(call.outcome) + " in " +
                       std::to_string(call.duration.count()) + " ms (attempt " +
                       std::to_string(call.attempt) + ")";
    context->journal().note(call.tag, line);
    if (call.status == 200) {
      logger.info(line);
    } else {
      logger.warn(line);
    }
  };
}

}  // namespace

std::filesystem::path DuoContext::demo_ledger_file() {
  return DUO_DEMO_LEDGER_FILE;
}

std::shared_ptr<DuoContext> DuoContext::open(HostServices& services) {
  const DuoPluginConfig config = read_plugin_config(services);
  if (!config.ok)
    throw std::runtime_error("the duo-account-updates configuration has mistakes (see above)");
  if (config.admin_api) {
    const DuoAdminConfig& admin = *config.admin_api;
    auto context = std::make_shared<DuoContext>(services, nullptr, nullptr, admin.fulfil);
    const DuoContext* raw = context.get();
    context->backend_ = std::make_shared<DuoAdminBackend>(
        admin.api, admin.cache_ttl, audit_to(services, raw),
        [raw](std::string_view username) { return raw->display_name(username); });
    services.logger().info("Duo backend: the Admin API of " + admin.api.host + " at " +
                           admin.api.endpoint);
    return context;
  }
  const std::filesystem::path seed =
      config.ledger_file.empty() ? demo_ledger_file() : std::filesystem::path(config.ledger_file);
  DuoLedger::Opened opened = DuoLedger::open(services.data_dir(), seed);
  if (!opened.ledger) throw std::runtime_error("the Duo ledger cannot be opened: " + opened.error);
  services.logger().info("Duo backend: the demo ledger " + opened.ledger->live_file().string() +
                         " (seed " + seed.string() + ")");
  return std::make_shared<DuoContext>(services, std::move(opened.ledger));
}

DuoContext::DuoContext(HostServices& services, std::unique_ptr<DuoLedger> ledger)
    : services_(services),
      plain_phones_(std::make_shared<const PhonePolicy>(PhonePolicyOptions{})) {
  ledger_ = ledger.get();
  backend_ = std::make_shared<LedgerBackend>(
      std::move(ledger), [this](std::string_view username) { return display_name(username); });
}

DuoContext::DuoContext(HostServices& services, std::shared_ptr<DuoBackend> backend,
                       DuoLedger* ledger, FulfilMode fulfil)
    : services_(services),
      backend_(std::move(backend)),
      ledger_(ledger),
      fulfil_(fulfil),
      plain_phones_(std::make_shared<const PhonePolicy>(PhonePolicyOptions{})) {}

DuoLedger& DuoContext::ledger() const {
  if (ledger_ == nullptr) throw std::logic_error("the Duo backend is not the demo ledger");
  return *ledger_;
}

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
