// Answers as people read them: labels of the form version, values in words, sensitive masked.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "servicedesk/directory.hpp"
#include "servicedesk/forms/form.hpp"
#include "store/store.hpp"

namespace servicedesk::host {

/// A form version's fields as recorded with each item: id, label, type, `sensitive`,
/// choices (value, label) and columns, in form order; nothing a reader does not need.
nlohmann::json form_version_fields(const Form& form);

/// The fields of the version `item_fields` records, or the live form's for an item stored
/// before versions were recorded (`item_fields` null).
nlohmann::json recorded_fields(const RequestItemRecord& item, const Form& live);

/// A stable hash of `fields` (hex FNV-1a of its JSON text): the version's identity.
std::string form_version_hash(const nlohmann::json& fields);

/// "***-***-0188" for a phone, "****6789" for any other sensitive text; shorter values are
/// masked whole.
std::string mask_last_four(std::string_view value, std::string_view type);

/// How answers are shown: masked or in full, and who reads them for the activity log.
struct AnswerReading {
  bool reveal = false;  ///< IT staff: sensitive values in full
  /// Filled with "id (Label)" of each sensitive field shown in full.
  std::vector<std::string>* revealed = nullptr;
};

/// Every answered field in form order as
/// `[{id, label, type, sensitive, masked, value}]`, a rows field as
/// `{..., columns:[{id,label}], rows:[[{value, masked}]]}`. Fields without an answer (hidden
/// when submitted) are left out.
nlohmann::json answers_json(const nlohmann::json& fields, const nlohmann::json& answers,
                            const Directory& directory, const AnswerReading& reading);

/// `answers.<id>` placeholders for mail and summary templates: each answer in words,
/// sensitive values masked, a rows field as one line per row ("Label: value, ...").
std::map<std::string, std::string> answer_placeholders(const nlohmann::json& fields,
                                                       const nlohmann::json& answers,
                                                       const Directory& directory);

}  // namespace servicedesk::host
