// Reads the `fields` (and checkout `fields`) lists of a catalog-item YAML into FieldDefs.
#pragma once

#include <vector>

#include "form_model.hpp"
#include "servicedesk/handler_catalog.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// Reads a list of field definitions. `what` names the list in messages ("fields").
/// Conditions may refer to fields above them in the same list.
std::vector<FieldDef> load_field_list(const YAML::Node& list, std::string_view what,
                                      const HandlerCatalog& handlers, Reporter& reporter);

/// "request_type" -> "Request type": the label of a field that has none.
std::string label_from_id(std::string_view id);

}  // namespace servicedesk::forms
