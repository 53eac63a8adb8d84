// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#include "catalog/lint.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "catalog/catalog_files.hpp"
#include "catalog/item_registration.hpp"
#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/form_checks.hpp"

namespace servicedesk::host {
namespace {

/// The files to check: each file as given, each folder's `*.yaml` sorted (test cases,
/// `*.tests.yaml`, are checked by `servicedesk-host test`). A folder without any is a
/// problem of its own.
std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths,
                                          std::vector<Diagnostic>& problems,
                                          std::vector<std::filesystem::path>& folders) {
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    folders.push_back(path);
    std::vector<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.is_regular_file() && is_form_file_name(entry.path())) found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) problems.push_back({path.string(), 1, 1, "no *.yaml files in this folder"});
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string text_of(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

LintReport lint_files(const std::vector<std::filesystem::path>& files_or_dirs,
                      const HandlerCatalog& catalog, const std::vector<std::string>& known_roles) {
  LintReport report;
  std::vector<std::filesystem::path> folders;
  report.files = expand(files_or_dirs, report.problems, folders);
  for (const auto& file : report.files) {
    FormLoadResult result = load_form_file(file, catalog);
    if (result.ok()) {
      if (auto problem = registration_problem(*result.form, file, catalog))
        result.diagnostics.push_back(std::move(*problem));
    }
    const std::string text = text_of(file);
    for (Diagnostic& problem : unknown_roles(text, file, known_roles))
      result.diagnostics.push_back(std::move(problem));
    for (Diagnostic& problem : form_warnings(text, file))
      result.diagnostics.push_back(std::move(problem));
    std::stable_sort(result.diagnostics.begin(), result.diagnostics.end(),
                     [](const Diagnostic& a, const Diagnostic& b) {
                       return std::tie(a.file, a.line, a.column) <
                              std::tie(b.file, b.line, b.column);
                     });
    report.problems.insert(report.problems.end(), result.diagnostics.begin(),
                           result.diagnostics.end());
  }
  if (!folders.empty()) {
    for (Diagnostic& missing : missing_forms(catalog, folders.front(), report.files))
      report.problems.push_back(std::move(missing));
  }
  return report;
}

int lint_paths(const std::vector<std::filesystem::path>& files_or_dirs,
               const HandlerCatalog& catalog, std::ostream& out) {
  const LintReport report = lint_files(files_or_dirs, catalog);
  write_lint_text(report, out);
  return report.exit_code();
}

}  // namespace servicedesk::host
