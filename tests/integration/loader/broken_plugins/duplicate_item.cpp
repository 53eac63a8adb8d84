// A plugin registering an item id the example plugin already registered.
#include <servicedesk/plugin.hpp>

namespace {
void register_duplicate(servicedesk::Registrar& registrar) {
  registrar.add_item({.id = "request-software", .form_file = "request-software-again.yaml"});
}
}  // namespace

SERVICEDESK_PLUGIN("duplicate-item", "0.1.0", register_duplicate)
