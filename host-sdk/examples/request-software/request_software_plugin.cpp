// An ordinary catalog item, "Request software": the smallest useful plugin.
#include <string>

#include <nlohmann/json.hpp>
#include <servicedesk/plugin.hpp>

namespace {

/// "Install <software>", so carts, requests and mails say what was asked for.
std::string summarize(const servicedesk::SummaryInput& input) {
  const auto software = input.answers.find("software");
  if (software == input.answers.end() || !software->is_string()) return "Software request";
  return "Install " + software->get<std::string>();
}

void register_request_software(servicedesk::Registrar& registrar) {
  registrar.add_item({.id = "request-software",
                      .name = "Request software",
                      .category = "Software and Access",
                      .description = "Ask IT to install licensed software on your computer.",
                      .form_file = "request-software.yaml"});
  registrar.add_summarizer("software_summary", {}, [](const servicedesk::RuleParams&) {
    return [](const servicedesk::SummaryInput& input) { return summarize(input); };
  });
}

}  // namespace

SERVICEDESK_PLUGIN("request-software", "1.0.0", register_request_software)
