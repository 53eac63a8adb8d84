// An item's one-line summary: the plugin's summarizer, the YAML template, or the item name.
#include "usecases/summary.hpp"

#include "usecases/answer_view.hpp"
#include "usecases/notifications.hpp"

namespace servicedesk::host {
namespace {

std::string name_of(const Directory& directory, const std::string& username) {
  const DirectoryEntry* entry = directory.find(username);
  return entry ? mail_name(*entry) : username;
}

/// One line: a rows answer's lines joined with "; ".
std::string one_line(std::string text) {
  for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at))
    text.replace(at, 1, "; ");
  return text;
}

}  // namespace

std::string summarize(const Form& form, const nlohmann::json& answers, const SummaryPeople& people,
                      const HandlerFailureSink* failures) {
  const ItemHeader& header = form.header();
  if (!header.summary_template.empty()) {
    std::map<std::string, std::string> values =
        answer_placeholders(form_version_fields(form), answers, people.directory);
    for (auto& [name, value] : values) value = one_line(std::move(value));
    values["item.name"] = header.name;
    values["opened_by.name"] = name_of(people.directory, people.opened_by);
    values["requested_for.name"] = name_of(people.directory, people.requested_for);
    return render_template(header.summary_template, values);
  }
  if (const Summarizer* summarizer = form.summarizer()) {
    HandlerOutcome<std::string> summary = summarizer->call(SummaryInput{header.id, answers});
    if (summary.ok() && !summary.result->empty()) return std::move(*summary.result);
    const HandlerOrigin& origin = form.summarizer_origin();
    if (failures != nullptr) {
      failures->report({HandlerKind<SummarizerFn>::name, origin.name, origin.plugin, header.id, "",
                        summary.ok() ? "returned an empty summary" : summary.failure});
    }
  }
  return header.name;
}

}  // namespace servicedesk::host
