// The services each plugin receives: directory, logger, outbox notifier, config, data folder.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

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

/// Builds one plugin's services.
std::shared_ptr<HostServices> make_plugin_services(std::string_view plugin,
                                                   const Directory& directory, MailSink& mail,
                                                   std::map<std::string, std::string> config,
                                                   const std::filesystem::path& data_root);

}  // namespace servicedesk::host
