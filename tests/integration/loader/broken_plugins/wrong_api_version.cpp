// A plugin declaring an SDK API version this host must refuse (set by API_MAJOR/API_MINOR).
#include <servicedesk/plugin.hpp>

namespace {
bool register_nothing(servicedesk::Registrar&, std::string&) noexcept {
  return true;
}
const servicedesk::PluginInfo info{API_MAJOR, API_MINOR, "wrong-version", "0.1.0",
                                   &register_nothing};
const servicedesk::PluginInfo* entry() {
  return &info;
}
}  // namespace

BOOST_DLL_ALIAS(entry, servicedesk_plugin_entry)
