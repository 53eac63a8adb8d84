// The pieces load_form_file assembles: notifications, the schema check.
#pragma once

#include <filesystem>
#include <vector>

#include "servicedesk/forms/form.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// Reads the `notifications` list; body files are read relative to `folder`.
std::vector<NotificationSpec> load_notifications(const YAML::Node& list,
                                                 const std::filesystem::path& folder,
                                                 Reporter& reporter);

/// Validates the document against the compiled-in JSON Schema; reports each violation at
/// the node it concerns.
void check_schema(const YAML::Node& document, Reporter& reporter);

}  // namespace servicedesk::forms
