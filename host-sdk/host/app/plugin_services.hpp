// The services each plugin receives: directory, logger, outbox notifier, config, data folder.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "servicedesk/host_services.hpp"
#include "store/store.hpp"

namespace servicedesk::host {

/// Where plugin mail goes. The store is attached once it is open; commands without a
/// store (`plugins`, `lint`) log and drop such mail.
class MailSink {
 public:
  void attach(Store* store) { store_.store(store); }
  Store* store() const { return store_.load(); }

 private:
  std::atomic<Store*> store_{nullptr};
};

/// Mistakes plugins report in their config sections (`file:line:col: sentence`), so that
/// `serve` refuses to start while any is there.
class ConfigProblems {
 public:
  void add(std::string line);
  std::vector<std::string> lines() const;

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

/// Counters plugins keep through HostServices::count, shown in /metrics.
class PluginCounters {
 public:
  void add(std::string_view plugin, std::string_view name, std::string_view outcome);
  /// Prometheus text: servicedesk_plugin_events_total{plugin,name,outcome}.
  std::string render() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, std::string>, std::uint64_t> counts_;
};

/// Builds one plugin's services over its config section (absent: nothing configured).
std::shared_ptr<HostServices> make_plugin_services(
    std::string_view plugin, const Directory& directory, MailSink& mail, ConfigNode config,
    const std::filesystem::path& data_root, ConfigProblems& problems, PluginCounters& counters);

}  // namespace servicedesk::host
