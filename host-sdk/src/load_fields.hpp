// Reads the `fields` (and checkout `fields`) lists of a catalog-item YAML into FieldDefs.
#pragma once

#include <vector>

#include "field_reads.hpp"
#include "form_model.hpp"
#include "servicedesk/forms/handler_catalog.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// Reads a list of field definitions. `what` names the list in messages ("fields").
/// Conditions may refer to fields above them in the same list. When `reads` is given, each
/// field rule bound records there what its handler declared it reads.
std::vector<FieldDef> load_field_list(const YAML::Node& list, std::string_view what,
                                      const HandlerCatalog& handlers, Reporter& reporter,
                                      std::vector<ReadCheck>* reads = nullptr);

/// "request_type" -> "Request type": the label of a field that has none.
std::string label_from_id(std::string_view id);

}  // namespace servicedesk::forms
