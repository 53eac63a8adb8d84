// Starts the real servicedesk-host as a child process, times its start-up, reads its memory.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace servicedesk::bench {

/// A running host. Stopped (SIGTERM, then waited for) when destroyed.
class HostProcess {
 public:
  /// Starts `binary args...` with stdout and stderr appended to `log`.
  HostProcess(const std::filesystem::path& binary, const std::vector<std::string>& args,
              const std::filesystem::path& log);
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;
  ~HostProcess();

  /// Polls GET /healthz until it answers 200; returns the time since start. Throws on timeout
  /// or when the process exits first.
  std::chrono::duration<double, std::milli> wait_ready(const std::string& host, int port,
                                                       std::chrono::seconds timeout);
  /// Peak resident memory so far (VmHWM), in KiB.
  long peak_rss_kib() const;
  /// SIGTERM and wait; returns the exit status.
  int stop();

 private:
  pid_t pid_ = -1;
  std::chrono::steady_clock::time_point started_;
};

/// A free TCP port on 127.0.0.1 (bound and released).
int free_port();

}  // namespace servicedesk::bench
