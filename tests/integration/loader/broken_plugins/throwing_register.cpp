// A plugin whose register function throws: the host refuses it and carries on.
#include <stdexcept>

#include <servicedesk/plugin.hpp>

namespace {
void register_and_fail(servicedesk::Registrar& registrar) {
  registrar.add_item({.id = "never-registered", .form_file = ""});
  throw std::runtime_error("ledger file is missing");
}
}  // namespace

SERVICEDESK_PLUGIN("throwing-register", "0.1.0", register_and_fail)
