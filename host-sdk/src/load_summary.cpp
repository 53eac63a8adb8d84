// Reads `summary: {template: "..."}`: a one-line summary written in YAML, placeholders checked.
#include "load_form_parts.hpp"
#include "placeholders.hpp"

namespace servicedesk::forms {

std::string load_summary_template(const YAML::Node& summary,
                                  const std::vector<std::string>& field_ids, Reporter& reporter) {
  check_keys(summary, {"template"}, "'summary' with a template", reporter);
  auto text_node = find(summary, "template");
  if (!text_node) return {};
  auto text = read_text(*text_node, reporter);
  if (!text) return {};
  const PlaceholderSet allowed{{"item.name", "opened_by.name", "requested_for.name"}, field_ids};
  check_placeholders(*text, allowed, [&](std::size_t offset, std::string_view name) {
    YAML::Mark mark = text_node->value.Mark();
    mark.column = content_column(text_node->value) + static_cast<int>(offset);
    reporter.at(mark, "unknown placeholder {" + std::string(name) +
                          "} in the summary template; expected " + allowed.expected());
  });
  if (text->empty()) reporter.at(text_node->value, "the summary template is empty");
  return *text;
}

}  // namespace servicedesk::forms
