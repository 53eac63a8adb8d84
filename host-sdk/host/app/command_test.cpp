// `servicedesk-host test`: the forms' own test cases, through the real engine and plugins.
#include <iostream>
#include <set>

#include <spdlog/spdlog.h>

#include "app/commands.hpp"
#include "app/host_parts.hpp"
#include "app/repository_item_source.hpp"
#include "workbench/form_tests.hpp"

namespace servicedesk::host {

int run_test_command(const HostConfig& config, const std::vector<std::string>& paths) {
  // Failures are the output; the plugins' and the catalog's info lines would bury them.
  auto parts = load_host_parts_for_command(config, spdlog::level::err);
  if (!parts) return 1;
  spdlog::set_level(spdlog::level::off);  // a refused form's problems are printed once, below
  std::vector<std::filesystem::path> targets(paths.begin(), paths.end());
  if (targets.empty()) targets.assign(config.catalog_dirs.begin(), config.catalog_dirs.end());
  std::vector<Diagnostic> problems;
  const auto files = find_tests_files(targets, problems);
  for (const auto& problem : problems) std::cout << problem.to_string() << "\n";
  // The forms are loaded from the tests files' folders with the checks `serve` makes.
  std::vector<std::filesystem::path> folders;
  std::set<std::filesystem::path> seen;
  for (const auto& file : files) {
    const auto folder =
        file.parent_path().empty() ? std::filesystem::path(".") : file.parent_path();
    if (seen.insert(folder).second) folders.push_back(folder);
  }
  FormRepository forms(folders, parts->plugins->catalog());
  forms.load_all();
  const RepositoryItemSource items(forms, parts->plugins->catalog());
  const int status = run_form_tests(files, forms, items, *parts->directory, std::cout);
  return problems.empty() ? status : 1;
}

}  // namespace servicedesk::host
