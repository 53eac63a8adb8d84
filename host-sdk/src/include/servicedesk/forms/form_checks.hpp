// Checks beside the loader's: likely mistakes that leave a form valid, and who it is for.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "servicedesk/forms/form.hpp"

namespace servicedesk {

/// Likely mistakes in a form the loader accepts, as `warning: ...` diagnostics at their line:
/// a line inside a text block (`help: >-`) that reads like a key of the field
/// (`mandatory: true`), which the block swallowed. `yaml` is the file's text.
std::vector<Diagnostic> form_warnings(std::string_view yaml, const std::filesystem::path& file);

/// One error per role of `available_for: {roles: [...]}` that is not in `known_roles` (the
/// roles people hold in the directory and the host's own), at the role's line.
std::vector<Diagnostic> unknown_roles(std::string_view yaml, const std::filesystem::path& file,
                                      const std::vector<std::string>& known_roles);

/// Whether a diagnostic of form_warnings is a warning (its message starts with "warning: ").
bool is_warning(const Diagnostic& diagnostic);

}  // namespace servicedesk
