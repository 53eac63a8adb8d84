// Warns about keys swallowed by a text block (`help: >-` followed by an over-indented key).
#pragma once

#include <string_view>

#include "yaml_reader.hpp"

namespace servicedesk::forms {

/// Reports, as warnings, each line inside a block scalar (`>-`, `|`) that reads like a key
/// of a field (`mandatory: true`, `visible_when: ...`): indented one level too far, it
/// became part of the text and the field lost the key. `text` is the file's YAML.
void check_text_blocks(std::string_view text, const YAML::Node& root, Reporter& warnings);

}  // namespace servicedesk::forms
