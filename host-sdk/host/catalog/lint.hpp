// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "servicedesk/handler_catalog.hpp"

namespace servicedesk::host {

/// Checks each file, and each `*.yaml` in each folder, against the schema and `handlers`.
/// Prints `file:line:col: message` per problem and a one-line summary to `out`.
/// Returns the exit code: 0 when every file is clean, 1 otherwise.
int lint_paths(const std::vector<std::filesystem::path>& files_or_dirs,
               const HandlerCatalog& handlers, std::ostream& out);

}  // namespace servicedesk::host
