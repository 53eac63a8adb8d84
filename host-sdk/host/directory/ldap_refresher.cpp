// The LDAP refresh loop and the start-up load.
#include "directory/ldap_refresher.hpp"

#include <chrono>

#include <spdlog/spdlog.h>

#include "directory/ldap_directory_source.hpp"

namespace servicedesk::host {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

LdapInitialLoad load_ldap_directory(const LdapSettings& settings) {
  LdapInitialLoad load;
  const auto start = std::chrono::steady_clock::now();
  auto result = load_ldap_records(settings);
  if (!result.ok()) {
    load.error = "cannot load the directory from " + settings.url + ": " + result.error;
    return load;
  }
  if (result.skipped > 0)
    spdlog::warn("directory: {} LDAP entries skipped (no usable username, name or e-mail)",
                 result.skipped);
  load.fingerprint = fingerprint(result.records);
  load.directory = std::make_unique<IndexedDirectory>(std::move(result.records));
  load.seconds = seconds_since(start);
  return load;
}

LdapRefresher::LdapRefresher(LdapSettings settings, LiveDirectory& live,
                             std::uint64_t initial_fingerprint)
    : settings_(std::move(settings)), live_(live), fingerprint_(initial_fingerprint) {}

LdapRefresher::~LdapRefresher() {
  stop();
}

void LdapRefresher::start() {
  thread_ = std::thread([this] {
    const auto period = std::chrono::seconds(std::max(1, settings_.refresh_seconds));
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, period, [this] { return stopping_; })) {
      lock.unlock();
      refresh_once();
      lock.lock();
    }
  });
}

void LdapRefresher::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void LdapRefresher::refresh_once() {
  const auto start = std::chrono::steady_clock::now();
  auto result = load_ldap_records(settings_);
  if (!result.ok()) {
    const bool was_stale = live_.health().stale;
    live_.mark_failed(result.error);
    spdlog::error("directory: refresh from {} failed, serving the last good copy ({} entries): {}",
                  settings_.url, live_.health().entries, result.error);
    if (!was_stale) spdlog::warn("directory: now stale");
    return;
  }
  const bool was_stale = live_.health().stale;
  const std::uint64_t print = fingerprint(result.records);
  if (print == fingerprint_) {
    live_.mark_fresh(seconds_since(start));
  } else {
    auto next = std::make_unique<IndexedDirectory>(std::move(result.records));
    const std::size_t size = next->size();
    live_.replace(std::move(next), seconds_since(start));
    fingerprint_ = print;
    spdlog::info("directory: reloaded {} entries from {} in {:.2f} s", size, settings_.url,
                 seconds_since(start));
  }
  if (was_stale) spdlog::info("directory: {} answers again; no longer stale", settings_.url);
}

}  // namespace servicedesk::host
