// A test plugin whose handlers fail on purpose on one input each: a field rule that throws
// a std::exception or something else, or crashes the process, and a summarizer that throws.
#include <csignal>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <servicedesk/plugin.hpp>

namespace {

servicedesk::RuleVerdict touchy(const servicedesk::FieldInput& input) {
  if (input.value == "explode") throw std::runtime_error("touchy rule exploded on purpose");
  if (input.value == "throw-int") throw 42;  // not a std::exception
  if (input.value == "segfault") std::raise(SIGSEGV);
  return servicedesk::RuleVerdict::pass();
}

std::string summary(const servicedesk::SummaryInput& input) {
  const auto word = input.answers.find("word");
  const std::string text =
      word != input.answers.end() && word->is_string() ? word->get<std::string>() : "";
  if (text == "summary-explodes") throw std::runtime_error("summary exploded on purpose");
  return "Word " + text;
}

void register_faulty(servicedesk::Registrar& registrar) {
  registrar.add_item({.id = "faulty-item", .form_file = "faulty-item.yaml"});
  registrar.add_field_rule("touchy", {}, [](const servicedesk::RuleParams&) {
    return [](const servicedesk::FieldInput& input) { return touchy(input); };
  });
  registrar.add_summarizer("faulty_summary", {},
                           [](const servicedesk::RuleParams&) {
                             return [](const servicedesk::SummaryInput& input) {
                               return summary(input);
                             };
                           },
                           {{"word", {}}});
}

}  // namespace

SERVICEDESK_PLUGIN("faulty-rules", "0.1.0", register_faulty)
