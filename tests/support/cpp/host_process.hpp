// Starts the real servicedesk-host binary on a free port with a temporary data folder.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "fake_duo.hpp"
#include "scratch.hpp"
#include "smtp_sink.hpp"

namespace servicedesk::test {

/// How to start a host beyond its data folder.
struct HostOptions {
  std::vector<std::string> extra_args;  ///< appended to `serve --listen ... --data-dir ...`
  std::filesystem::path log_dir;        ///< where host.log goes (default: the data folder)
  std::filesystem::path binary;         ///< default: the servicedesk-host built with the tests
  int threads = 4;                      ///< --threads; 0 leaves the host's default (one per core)
  double ready_seconds = 30.0;          ///< how long it may take to say "ready on"
};

/// One running servicedesk-host. Its output goes to `<log_dir>/host.log`.
class HostProcess {
 public:
  /// Starts `servicedesk-host serve --listen 127.0.0.1:0 --data-dir DATA [--threads N]
  /// [extra...]` and waits for its "ready on" line. Throws when it does not become ready.
  HostProcess(const std::filesystem::path& data_dir, HostOptions options);
  HostProcess(const std::filesystem::path& data_dir, std::vector<std::string> extra_args = {},
              const std::filesystem::path& log_dir = {});
  ~HostProcess();
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  /// From starting the process to its "ready on" line (read every millisecond).
  std::chrono::duration<double, std::milli> time_to_ready() const { return time_to_ready_; }
  /// Peak resident memory so far (VmHWM), in KiB; -1 when it cannot be read.
  long peak_rss_kib() const;
  /// Resident memory now (VmRSS), in KiB; -1 when it cannot be read.
  long rss_kib() const;
  /// Sends SIGTERM and waits; returns the exit status (or -1 when killed by a signal).
  int stop();
  /// Sends SIGKILL (a crash: nothing is flushed or finished) and reaps the process.
  void kill_hard();
  /// Whether the process has ended on its own (then reaped, its wait status in `status`,
  /// and forgotten: stop() and the destructor signal nobody).
  bool has_exited(int& status);
  /// The host's log so far.
  std::string log() const;

 private:
  bool wait_ready(std::uintmax_t log_offset, double seconds);

  std::filesystem::path log_file_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::chrono::duration<double, std::milli> time_to_ready_{0};
};

}  // namespace servicedesk::test
