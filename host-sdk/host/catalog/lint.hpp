// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::host {

/// Checks each file, and each `*.yaml` in each folder, against the schema and `catalog`:
/// handlers, their parameters and the fields they read, and that a loaded plugin registered
/// the item with this file. For folders, also every registered item whose form file is in
/// none of them. Prints `file:line:col: message` per problem and a one-line summary to
/// `out`. Returns the exit code: 0 when everything is clean, 1 otherwise.
int lint_paths(const std::vector<std::filesystem::path>& files_or_dirs,
               const HandlerCatalog& catalog, std::ostream& out);

}  // namespace servicedesk::host
