// The registry's word on catalog files: which item a file may define and which forms are missing.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::host {

/// Why a loaded form is not served, or nothing: its id is not an item a loaded plugin
/// registered (unless the form says `yaml_only: true`), it sits in another file than the one
/// the plugin registered for it, or it says `yaml_only` while a plugin registers its id.
/// Reported at the YAML's `id`.
std::optional<Diagnostic> registration_problem(const Form& form, const std::filesystem::path& file,
                                               const HandlerCatalog& catalog);

/// One diagnostic per registered item whose form file is not among `present` (the files
/// found in `folder`), naming the item, its plugin and the file expected.
std::vector<Diagnostic> missing_forms(const HandlerCatalog& catalog,
                                      const std::filesystem::path& folder,
                                      const std::vector<std::filesystem::path>& present);

}  // namespace servicedesk::host
