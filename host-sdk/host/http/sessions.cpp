// Session bookkeeping over the store; libsodium supplies the random tokens and the id hashes.
#include "http/sessions.hpp"

#include <algorithm>
#include <stdexcept>

#include <sodium.h>
#include <spdlog/spdlog.h>

namespace servicedesk::host {
namespace {

/// A session's last use is written at most this often (a read serves every other request).
constexpr std::int64_t kTouchEveryMs = 60 * 1000;
/// Expired sessions are removed at most this often by each host.
constexpr std::int64_t kSweepEveryMs = 60 * 1000;
/// How long a session read from the store serves this host's requests without a new read.
constexpr std::int64_t kRereadAfterMs = 1000;
/// The most sessions remembered between reads (beyond it, the memory starts afresh).
constexpr std::size_t kMaxRecent = 100000;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

bool Session::has_role(std::string_view role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool same_token(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SessionManager::SessionManager(SessionStore& store, const Directory& directory, RolesLookup roles,
                               std::chrono::seconds idle_timeout)
    : store_(store), directory_(directory), roles_(std::move(roles)), idle_timeout_(idle_timeout) {
  // Tokens come from randombytes_buf, which wants the library initialized first.
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot be initialized");
}

std::string SessionManager::random_token() {
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return to_hex(bytes, sizeof bytes);
}

std::string SessionManager::key_of(std::string_view id) {
  unsigned char hash[32];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(id.data()),
                     id.size(), nullptr, 0);
  return to_hex(hash, sizeof hash);
}

std::optional<Session> SessionManager::session_for(const StoredSession& stored, std::string id) {
  const DirectoryEntry* entry = directory_.find(stored.username);
  if (entry == nullptr || entry->kind != AccountKind::person) return std::nullopt;
  Session session;
  session.id = std::move(id);
  session.csrf_token = stored.csrf_token;
  session.username = entry->username;
  session.display_name = entry->display_name;
  if (roles_) session.roles = roles_(entry->username);
  return session;
}

std::optional<Session> SessionManager::open(std::string_view username) {
  const DirectoryEntry* entry = directory_.find(username);
  if (entry == nullptr || entry->kind != AccountKind::person) return std::nullopt;
  const std::int64_t now = now_ms();
  sweep(now);
  const std::string id = random_token();
  StoredSession stored{key_of(id), entry->username, random_token(), now};
  if (!store_.save_session(stored)) throw StoreUnavailable("the session could not be saved");
  return session_for(stored, id);
}

std::optional<Session> SessionManager::find(std::string_view id) {
  if (id.size() != 64) return std::nullopt;
  const std::int64_t now = now_ms();
  auto stored = stored_session(key_of(id), now);
  if (!stored) return std::nullopt;
  sweep(now);
  return session_for(*stored, std::string(id));
}

std::optional<StoredSession> SessionManager::stored_session(const std::string& key,
                                                            std::int64_t now) {
  const std::int64_t live_since = now - std::chrono::milliseconds(idle_timeout_).count();
  {
    std::lock_guard lock(recent_mutex_);
    if (const auto found = recent_.find(key); found != recent_.end()) {
      if (now - found->second.read_at_ms < kRereadAfterMs &&
          found->second.stored.last_used_ms >= live_since)
        return found->second.stored;
      recent_.erase(found);
    }
  }
  auto stored = store_.find_session(key, live_since);
  if (!stored) return std::nullopt;
  if (now - stored->last_used_ms >= kTouchEveryMs) {
    store_.touch_session(key, now);
    stored->last_used_ms = now;
  }
  std::lock_guard lock(recent_mutex_);
  if (recent_.size() >= kMaxRecent) recent_.clear();
  recent_[key] = {*stored, now};
  return stored;
}

void SessionManager::log_out(std::string_view id) {
  const std::string key = key_of(id);
  {
    std::lock_guard lock(recent_mutex_);
    recent_.erase(key);
  }
  store_.delete_session(key);
}

std::size_t SessionManager::size() try {
  return store_.session_count(now_ms() - std::chrono::milliseconds(idle_timeout_).count());
} catch (const std::exception&) {
  return 0;
}

void SessionManager::sweep(std::int64_t now_ms) {
  {
    std::lock_guard lock(sweep_mutex_);
    if (now_ms - last_sweep_ms_ < kSweepEveryMs) return;
    last_sweep_ms_ = now_ms;
  }
  try {
    store_.expire_sessions(now_ms - std::chrono::milliseconds(idle_timeout_).count());
  } catch (const std::exception& e) {
    spdlog::warn("sessions: removing expired sessions failed: {}", e.what());
  }
}

}  // namespace servicedesk::host
