// Keeps a LiveDirectory in step with the LDAP server: reloads every refresh_seconds.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "directory/ldap_settings.hpp"
#include "directory/live_directory.hpp"

namespace servicedesk::host {

/// The first load, done before the host serves: a directory or the reason there is none.
struct LdapInitialLoad {
  std::unique_ptr<IndexedDirectory> directory;
  std::uint64_t fingerprint = 0;
  double seconds = 0;
  std::string error;
};
LdapInitialLoad load_ldap_directory(const LdapSettings& settings);

/// A background thread that reloads the directory. A failed reload keeps the last good copy
/// in service, logs why and marks the directory stale (shown in /healthz and /metrics); the
/// next good reload clears it. An unchanged directory is not rebuilt.
class LdapRefresher {
 public:
  LdapRefresher(LdapSettings settings, LiveDirectory& live, std::uint64_t initial_fingerprint);
  ~LdapRefresher();
  LdapRefresher(const LdapRefresher&) = delete;
  LdapRefresher& operator=(const LdapRefresher&) = delete;

  void start();
  void stop();
  /// One reload now, on the caller's thread.
  void refresh_once();

 private:
  LdapSettings settings_;
  LiveDirectory& live_;
  std::uint64_t fingerprint_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace servicedesk::host
