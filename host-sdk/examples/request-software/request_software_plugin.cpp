// An ordinary catalog item, "Request software": the smallest useful plugin.
#include <string>

#include <nlohmann/json.hpp>
#include <servicedesk/plugin.hpp>

namespace {

/// The form field the summary reads; declared at registration, so a form without it fails
/// to load instead of summarizing nothing.
constexpr const char* kSoftwareField = "software";

/// "Install <software>", so carts, requests and mails say what was asked for.
std::string summarize(const servicedesk::SummaryInput& input) {
  const auto software = input.answers.find(kSoftwareField);
  if (software == input.answers.end() || !software->is_string()) return "Software request";
  return "Install " + software->get<std::string>();
}

void register_request_software(servicedesk::Registrar& registrar) {
  // The item's name, category and description are in request-software.yaml.
  registrar.add_item({.id = "request-software", .form_file = "request-software.yaml"});
  registrar.add_summarizer("software_summary", {},
                           [](const servicedesk::RuleParams&) {
                             return [](const servicedesk::SummaryInput& input) {
                               return summarize(input);
                             };
                           },
                           {{kSoftwareField, {}}});
}

}  // namespace

SERVICEDESK_PLUGIN("request-software", "1.0.0", register_request_software)
