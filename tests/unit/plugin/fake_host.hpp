// Small stand-ins for the host's services, so the DUO handlers can be tested directly.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "demo_directory.hpp"
#include "duo_context.hpp"
#include "servicedesk/host_services.hpp"

namespace servicedesk::duo::testing {

/// The one demo directory of the test support library.
using DemoDirectory = servicedesk::testing::DemoDirectory;

/// Keeps every line, so tests can check what was logged (and that no phone leaked).
class RecordingLogger final : public Logger {
 public:
  void info(std::string_view message) override { record("info", message); }
  void warn(std::string_view message) override { record("warn", message); }
  void error(std::string_view message) override { record("error", message); }
  std::vector<std::string> lines() const;

 private:
  void record(std::string_view level, std::string_view message);
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

class RecordingNotifier final : public Notifier {
 public:
  void send(const OutgoingMail& mail) override { sent.push_back(mail); }
  std::vector<OutgoingMail> sent;
};

class MapConfig final : public PluginConfig {
 public:
  std::optional<std::string> get(std::string_view key) const override;
  std::map<std::string, std::string, std::less<>> values;
};

/// A host with the demo directory and a fresh data folder, removed afterwards.
class FakeHost final : public HostServices {
 public:
  FakeHost();
  ~FakeHost() override;
  FakeHost(const FakeHost&) = delete;
  FakeHost& operator=(const FakeHost&) = delete;

  const Directory& directory() const override { return directory_; }
  Logger& logger() override { return logger_; }
  Notifier& notifier() override { return notifier_; }
  const PluginConfig& config() const override { return config_; }
  std::filesystem::path data_dir() const override { return data_dir_; }

  RecordingLogger& recorded_log() { return logger_; }
  MapConfig& mutable_config() { return config_; }
  /// A scratch folder next to the data folder, for seed files a test writes.
  std::filesystem::path scratch() const { return root_ / "scratch"; }

 private:
  std::filesystem::path root_;
  std::filesystem::path data_dir_;
  DemoDirectory directory_;
  RecordingLogger logger_;
  RecordingNotifier notifier_;
  MapConfig config_;
};

/// The plugin's shared state over `host`, seeded from the demo ledger.
std::shared_ptr<DuoContext> open_demo_context(FakeHost& host);

}  // namespace servicedesk::duo::testing
