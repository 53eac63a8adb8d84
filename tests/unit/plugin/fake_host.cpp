// Stand-ins for the host's services used by the DUO plugin's unit tests.
#include "fake_host.hpp"

#include <atomic>
#include <random>

namespace servicedesk::duo::testing {

std::vector<std::string> RecordingLogger::lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

void RecordingLogger::record(std::string_view level, std::string_view message) {
  std::lock_guard lock(mutex_);
  lines_.push_back(std::string(level) + ": " + std::string(message));
}

std::optional<std::string> MapConfig::get(std::string_view key) const {
  const auto it = values.find(key);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

FakeHost::FakeHost() {
  static std::atomic<unsigned> counter{0};
  std::random_device random;
  root_ = std::filesystem::temp_directory_path() /
          ("duo-plugin-test-" + std::to_string(random()) + "-" + std::to_string(counter++));
  data_dir_ = root_ / "data";
  std::filesystem::create_directories(data_dir_);
  std::filesystem::create_directories(scratch());
}

FakeHost::~FakeHost() {
  std::error_code ignored;
  std::filesystem::remove_all(root_, ignored);
}

std::shared_ptr<DuoContext> open_demo_context(FakeHost& host) {
  return DuoContext::open(host);
}

}  // namespace servicedesk::duo::testing
