// Log-in decisions and their log lines.
#include "auth/login_service.hpp"

#include <spdlog/spdlog.h>

namespace servicedesk::host {

std::string loggable(std::string_view text) {
  std::string out;
  for (const char c : text.substr(0, 64)) out += (c >= 0x20 && c < 0x7F) ? c : '?';
  if (text.size() > 64) out += "...";
  return out;
}

bool LoginService::may_log_in(std::string_view username) const {
  const DirectoryEntry* entry = directory_.find(username);
  return entry != nullptr && entry->kind == AccountKind::person;
}

LoginOutcome LoginService::log_in(std::string_view username, std::string_view password,
                                  std::string_view client) {
  LoginOutcome outcome;
  const std::string user_key(username);
  const std::string address_key(client);
  const auto user_lock = per_user_.locked(user_key);
  const auto address_lock = per_address_.locked(address_key);
  if (user_lock || address_lock) {
    outcome.kind = LoginOutcome::Kind::throttled;
    outcome.retry_after = std::max(user_lock.value_or(std::chrono::seconds(0)),
                                   address_lock.value_or(std::chrono::seconds(0)));
    spdlog::warn("log-in: throttled attempt for user \"{}\" from {} (retry in {} s)",
                 loggable(username), loggable(client), outcome.retry_after.count());
    return outcome;
  }
  // The check runs for unknown names too; only its answer for a person counts.
  const PasswordVerdict verdict = check_(username, password);
  if (verdict == PasswordVerdict::unavailable) {
    outcome.kind = LoginOutcome::Kind::unavailable;
    return outcome;
  }
  if (verdict == PasswordVerdict::match && may_log_in(username)) {
    per_user_.reset(user_key);
    outcome.kind = LoginOutcome::Kind::accepted;
    outcome.username = user_key;
    return outcome;
  }
  const auto user_locked = per_user_.failure(user_key);
  const auto address_locked = per_address_.failure(address_key);
  spdlog::warn("log-in: failed for user \"{}\" from {} ({} failures for this user)",
               loggable(username), loggable(client), per_user_.failures(user_key));
  if (user_locked)
    spdlog::warn("log-in: user \"{}\" locked for {} s", loggable(username), user_locked->count());
  if (address_locked)
    spdlog::warn("log-in: address {} locked for {} s", loggable(client), address_locked->count());
  return outcome;
}

}  // namespace servicedesk::host
