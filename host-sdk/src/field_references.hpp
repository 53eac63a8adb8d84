// Resolves the names used in a field's conditions against the fields declared above it.
#pragma once

#include <string>
#include <vector>

#include "condition.hpp"
#include "field_reads.hpp"
#include "form_model.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// What the field list being read looks like, for resolving condition names.
struct ListContext {
  const std::vector<FieldDef>* form =
      nullptr;  // top-level fields above (for columns: above the rows field)
  std::size_t form_count = 0;
  std::vector<std::string> form_below;         // ids declared further down the top-level list
  const std::vector<FieldDef>* row = nullptr;  // columns above, inside a rows field
  std::size_t row_count = 0;
  std::vector<std::string> row_below;
  std::string rows_field;                   // inside a rows field: its id
  std::vector<ReadCheck>* reads = nullptr;  // where bindings record what their handlers read
};

/// A resolver for the conditions of field `self_id`; `allow_visible` admits `visible`
/// (the field's own visibility, for mandatory_when and read_only_when).
Resolver make_resolver(const ListContext& context, std::string self_id, bool allow_visible);

/// Compiles the condition under `entry`, reporting errors at their column in the file.
Condition load_condition(const Entry& entry, const Resolver& resolver, Reporter& reporter);

}  // namespace servicedesk::forms
