// Host services for loading real plugins outside the host (loader tests, benchmarks).
#pragma once

#include <filesystem>
#include <memory>

#include "servicedesk/host_services.hpp"

namespace servicedesk::testing {

/// A directory with nobody in it, for tests that need no people.
class EmptyDirectory final : public Directory {
 public:
  std::vector<const DirectoryEntry*> search(std::string_view, KindFilter,
                                            std::size_t) const override {
    return {};
  }
  const DirectoryEntry* find(std::string_view) const override { return nullptr; }
};

class SilentLogger final : public Logger {
 public:
  void info(std::string_view) override {}
  void warn(std::string_view) override {}
  void error(std::string_view) override {}
};

class DroppingNotifier final : public Notifier {
 public:
  void send(const OutgoingMail&) override {}
};

class EmptyConfig final : public PluginConfig {
 public:
  std::optional<std::string> get(std::string_view) const override { return std::nullopt; }
};

/// Services over a caller's directory (which must outlive them) and a data folder.
class TestHostServices final : public HostServices {
 public:
  TestHostServices(const Directory& directory, std::filesystem::path data_dir)
      : directory_(directory), data_dir_(std::move(data_dir)) {
    std::filesystem::create_directories(data_dir_);
  }
  const Directory& directory() const override { return directory_; }
  Logger& logger() override { return logger_; }
  Notifier& notifier() override { return notifier_; }
  const PluginConfig& config() const override { return config_; }
  std::filesystem::path data_dir() const override { return data_dir_; }

 private:
  const Directory& directory_;
  SilentLogger logger_;
  DroppingNotifier notifier_;
  EmptyConfig config_;
  std::filesystem::path data_dir_;
};

}  // namespace servicedesk::testing
