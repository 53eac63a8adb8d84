// The fields a bound handler declared it reads, checked against the form once it is loaded.
#pragma once

#include <string>
#include <vector>

#include "form_model.hpp"
#include "load_bindings.hpp"
#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// One binding whose handler declared the fields it reads.
struct ReadCheck {
  std::string kind;                               ///< "form rule"
  std::string handler;                            ///< "duo_account_rules"
  const std::vector<FieldRead>* reads = nullptr;  ///< owned by the handler catalog
  YAML::Mark use_mark;                            ///< where the binding names the handler
  std::string rows_field;                ///< for a field rule on a column: the rows field's id
  std::vector<FieldParam> field_params;  ///< its `field` parameters, checked like reads
};

/// Reports, at each binding's `use:` value, every declared field (or column) the form's
/// item fields do not have, and at its value every `field` parameter naming no field.
void check_reads(const std::vector<ReadCheck>& checks, const std::vector<FieldDef>& fields,
                 Reporter& reporter);

}  // namespace servicedesk::forms
