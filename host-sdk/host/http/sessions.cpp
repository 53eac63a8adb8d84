// Session bookkeeping; libsodium supplies the random tokens.
#include "http/sessions.hpp"

#include <algorithm>
#include <stdexcept>

#include <sodium.h>

namespace servicedesk::host {
namespace {

constexpr std::size_t kMaxSessions = 100000;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

bool Session::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool same_token(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SessionManager::SessionManager(const Directory& directory, RolesLookup roles,
                               std::chrono::seconds idle_timeout)
    : directory_(directory),
      roles_(std::move(roles)),
      idle_timeout_(idle_timeout),
      last_sweep_(std::chrono::steady_clock::now()) {
  // Tokens come from randombytes_buf, which wants the library initialized first.
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialized");
}

std::string SessionManager::random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::optional<Session> SessionManager::open(std::string_view username) {
  const DirectoryEntry* entry = directory_.find(username);
  if (entry == nullptr || entry->kind != AccountKind::person) return std::nullopt;

  Session session;
  session.id = random_token();
  session.csrf_token = random_token();
  session.username = entry->username;
  session.display_name = entry->display_name;
  if (roles_) session.roles = roles_(entry->username);

  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  expire_locked(now);
  if (sessions_.size() >= kMaxSessions) {
    // Full: drop the least recently used session rather than refuse every new log-in.
    auto oldest = std::min_element(sessions_.begin(), sessions_.end(), [](auto& a, auto& b) {
      return a.second.last_used < b.second.last_used;
    });
    sessions_.erase(oldest);
  }
  sessions_.emplace(session.id, Entry{session, now});
  return session;
}

std::optional<Session> SessionManager::find(std::string_view id) {
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  expire_locked(now);
  auto it = sessions_.find(std::string(id));
  if (it == sessions_.end()) return std::nullopt;
  if (now - it->second.last_used > idle_timeout_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  it->second.last_used = now;
  return it->second.session;
}

void SessionManager::log_out(std::string_view id) {
  std::lock_guard lock(mutex_);
  sessions_.erase(std::string(id));
}

std::size_t SessionManager::size() {
  std::lock_guard lock(mutex_);
  return sessions_.size();
}

void SessionManager::expire_locked(std::chrono::steady_clock::time_point now) {
  if (now - last_sweep_ < std::chrono::seconds(60)) return;
  last_sweep_ = now;
  std::erase_if(sessions_,
                [&](const auto& item) { return now - item.second.last_used > idle_timeout_; });
}

}  // namespace servicedesk::host
