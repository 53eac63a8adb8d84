// A plugin that declares minor 0 of this SDK major and uses only what it had: a host of a
// later minor must load it.
#include <servicedesk/plugin.hpp>

namespace {
void register_old_plugin(servicedesk::Registrar& registrar) {
  // The flat config view of minor 0 still answers (nothing configured here).
  const auto form = registrar.services().config().get("form_file");
  registrar.add_item({"older-minor", form.value_or("older-minor.yaml")});
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

const servicedesk::PluginInfo info{SERVICEDESK_API_MAJOR, 0, "older-minor", "0.1.0",
                                   &register_trampoline};
const servicedesk::PluginInfo* entry() {
  return &info;
}
}  // namespace

BOOST_DLL_ALIAS(entry, servicedesk_plugin_entry)
