// Starts the real servicedesk-host binary on a free port with a temporary data folder.
#pragma once

#include <sys/types.h>
#include <filesystem>
#include <string>
#include <vector>

namespace servicedesk::test {

/// A fresh temporary folder, removed when the object dies.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// A port nobody listens on right now.
int free_port();

/// One running servicedesk-host. Its output goes to `<data_dir>/host.log`.
class HostProcess {
 public:
  /// Starts `servicedesk-host serve --listen 127.0.0.1:0 --data-dir DATA [extra...]` and waits
  /// for its "ready on" line. Throws when it does not become ready. The log goes to
  /// `log_dir` (default: the data folder).
  HostProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra_args = {},
              const std::filesystem::path& log_dir = {});
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  /// Sends SIGTERM and waits; returns the exit status (or -1 when killed by a signal).
  int stop();
  /// Sends SIGKILL (a crash: nothing is flushed or finished) and reaps the process.
  void kill_hard();
  /// The host's log so far.
  std::string log() const;

 private:
  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  int port_ = 0;
};

/// A python3 aiosmtpd server (tests/support/smtp_sink.py) storing each mail as a file.
class SmtpSink {
 public:
  SmtpSink(int port, const std::filesystem::path& folder);
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  void stop();

 private:
  pid_t pid_ = -1;
};

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

/// Files in `folder` (not recursive), excluding temporary ones.
std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder);

/// Reads a whole file.
std::string read_file(const std::filesystem::path& file);

/// Polls `condition` every 50 ms up to `seconds`; returns its last value.
template <class Condition>
bool eventually(Condition condition, double seconds = 10.0);

}  // namespace servicedesk::test

#include <chrono>
#include <thread>

template <class Condition>
bool servicedesk::test::eventually(Condition condition, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}
