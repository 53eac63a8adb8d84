// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "catalog/lint_report.hpp"
#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::host {

/// Checks each file, and each `*.yaml` in each folder (not `*.tests.yaml`), against the
/// schema and `catalog`: handlers, their parameters and the fields they read, and that a
/// loaded plugin registered the item with this file. For folders, also every registered
/// item whose form file is in none of them. `known_roles`, when not empty, are the roles
/// an `available_for` may name.
LintReport lint_files(const std::vector<std::filesystem::path>& files_or_dirs,
                      const HandlerCatalog& catalog,
                      const std::vector<std::string>& known_roles = {});

/// lint_files, printed as `file:line:col: message` per problem and a one-line summary to
/// `out`. Returns the exit code: 0 without errors, 1 otherwise.
int lint_paths(const std::vector<std::filesystem::path>& files_or_dirs,
               const HandlerCatalog& catalog, std::ostream& out);

}  // namespace servicedesk::host
