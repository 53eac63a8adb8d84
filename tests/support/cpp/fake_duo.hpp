// The fake Duo Admin API (tests/support/fake_duo/fake_duo.py) as a child process.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace servicedesk::test {

/// The fake Duo Admin API (tests/support/fake_duo/fake_duo.py) on `port` (0: a free one),
/// signed for `api_host` with `ikey` and the secret in the environment variable `skey_env`.
/// Its state lives in `<folder>/state.json`, seeded from `<folder>/seed.json` when that
/// exists, so a fake started again on the same folder and port carries on.
class FakeDuo {
 public:
  FakeDuo(const std::filesystem::path& folder, std::string api_host, std::string ikey,
          std::string skey_env, int port = 0);
  ~FakeDuo();
  FakeDuo(const FakeDuo&) = delete;
  FakeDuo& operator=(const FakeDuo&) = delete;
  int port() const { return port_; }
  /// Stops the process (SIGTERM), as if Duo went away.
  void stop();

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace servicedesk::test
