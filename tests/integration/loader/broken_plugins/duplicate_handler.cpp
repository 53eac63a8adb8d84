// A plugin registering a handler name the example plugin already registered.
#include <servicedesk/plugin.hpp>

namespace {
void register_duplicate(servicedesk::Registrar& registrar) {
  registrar.add_item({.id = "another-item", .form_file = ""});
  registrar.add_summarizer("software_summary", {}, [](const servicedesk::RuleParams&) {
    return [](const servicedesk::SummaryInput&) { return std::string("duplicate"); };
  });
}
}  // namespace

SERVICEDESK_PLUGIN("duplicate-handler", "0.1.0", register_duplicate)
