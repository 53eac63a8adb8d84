// Scratch space for tests: temporary folders, free ports, reading files, polling.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
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

/// A port on 127.0.0.1 nobody listens on right now (bound and released).
int free_port();

/// Files in `folder` (not recursive, sorted), excluding temporary ones (`*.tmp`).
std::vector<std::filesystem::path> files_in(const std::filesystem::path& folder);

/// Reads a whole file ("" when it cannot be read).
std::string read_file(const std::filesystem::path& file);

/// Polls `condition` every 50 ms up to `seconds`; returns its last value.
template <class Condition>
bool eventually(Condition condition, double seconds = 10.0) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return condition();
}

}  // namespace servicedesk::test
