// A plugin that declares SDK API 1.0 and uses only what 1.0 had: a 1.1 host must load it.
#include <servicedesk/plugin.hpp>

namespace {
void register_old_plugin(servicedesk::Registrar& registrar) {
  // SDK 1.0's flat config view still answers (nothing configured here).
  const auto greeting = registrar.services().config().get("greeting");
  registrar.add_item({"built-for-1-0", greeting.value_or("Built for 1.0"), "Software and Access",
                      "", "built-for-1-0.yaml"});
}

bool register_trampoline(servicedesk::Registrar& registrar, std::string& error) noexcept {
  try {
    register_old_plugin(registrar);
    return true;
  } catch (...) {
    error = servicedesk::detail::describe_current_exception();
    return false;
  }
}

const servicedesk::PluginInfo info{1, 0, "built-for-1-0", "0.1.0", &register_trampoline};
const servicedesk::PluginInfo* entry() {
  return &info;
}
}  // namespace

BOOST_DLL_ALIAS(entry, servicedesk_plugin_entry)
