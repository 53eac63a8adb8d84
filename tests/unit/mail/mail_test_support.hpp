// Test helpers for mail: temporary folders, the Python helpers, a real SMTP server process.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace servicedesk::host::testing {

/// A fresh temporary folder, removed with the object.
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

/// Files directly inside `dir` (sorted), ignoring names ending in ".tmp".
std::vector<std::filesystem::path> files_in(const std::filesystem::path& dir);
std::string read_file(const std::filesystem::path& file);

/// tests/support/parse_mail.py's reading of `file` (Python's email package).
nlohmann::json parse_with_python(const std::filesystem::path& file);

/// A port on 127.0.0.1 that was free a moment ago.
int free_port();

/// tests/support/smtp_sink.py as a child process; stopped with the object.
class SmtpSink {
 public:
  /// `credentials` "user:password" makes the server require AUTH (no TLS; tests only).
  SmtpSink(int port, std::filesystem::path folder, std::string credentials = "");
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;
  /// Starts the server and waits until it accepts connections.
  void start();
  /// Stops the server (SIGTERM) and waits for it to exit.
  void stop();
  int port() const { return port_; }
  const std::filesystem::path& folder() const { return folder_; }

 private:
  int port_;
  std::filesystem::path folder_;
  std::string credentials_;
  int pid_ = -1;
};

/// Polls `done` every 10 ms until it holds or `seconds` pass; returns the last result.
template <class Predicate>
bool eventually(Predicate done, double seconds = 10.0);

}  // namespace servicedesk::host::testing

#include <chrono>
#include <thread>

template <class Predicate>
bool servicedesk::host::testing::eventually(Predicate done, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return done();
}
