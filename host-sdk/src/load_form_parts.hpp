// The pieces load_form_file assembles: notifications, the schema check.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "servicedesk/forms/form.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// Reads the `notifications` list; body files are read relative to `folder`.
/// Placeholders are checked against the mail's own and `answers.<id>` of `field_ids`.
std::vector<NotificationSpec> load_notifications(const YAML::Node& list,
                                                 const std::filesystem::path& folder,
                                                 const std::vector<std::string>& field_ids,
                                                 Reporter& reporter);

/// Reads `summary: {template: "..."}`, checking its placeholders ({item.name},
/// {opened_by.name}, {requested_for.name}, {answers.<id>} of `field_ids`).
std::string load_summary_template(const YAML::Node& summary,
                                  const std::vector<std::string>& field_ids, Reporter& reporter);

/// Validates the document against the compiled-in JSON Schema; reports each violation at
/// the node it concerns.
void check_schema(const YAML::Node& document, Reporter& reporter);

}  // namespace servicedesk::forms
