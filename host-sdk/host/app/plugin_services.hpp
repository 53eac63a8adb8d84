// The services each plugin receives: directory, logger, outbox notifier, config, data folder.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
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

/// Builds one plugin's services over its config section (absent: nothing configured).
std::shared_ptr<HostServices> make_plugin_services(std::string_view plugin,
                                                   const Directory& directory, MailSink& mail,
                                                   ConfigNode config,
                                                   const std::filesystem::path& data_root,
                                                   ConfigProblems& problems);

}  // namespace servicedesk::host
