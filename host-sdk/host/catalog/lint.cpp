// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#include "catalog/lint.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

#include "catalog/catalog_files.hpp"
#include "catalog/form_repository.hpp"
#include "catalog/item_registration.hpp"
#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/form_checks.hpp"

namespace servicedesk::host {
namespace {

/// A folder's forms (`*.yaml`, not the test cases `*.tests.yaml`, which `servicedesk-host
/// test` checks), sorted; none when it cannot be read.
std::vector<std::filesystem::path> forms_in(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> found;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && is_form_file_name(entry.path())) found.push_back(entry.path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

/// The files to check: each file as given, each folder's forms, then those of its `drafts/`
/// (listed in `drafts` too). A folder without any form (drafts aside) is a problem of its own.
std::vector<std::filesystem::path> expand(const std::vector<std::filesystem::path>& paths,
                                          std::vector<Diagnostic>& problems,
                                          std::vector<std::filesystem::path>& folders,
                                          std::vector<std::filesystem::path>& drafts) {
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!std::filesystem::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    folders.push_back(path);
    const auto found = forms_in(path);
    if (found.empty()) problems.push_back({path.string(), 1, 1, "no *.yaml files in this folder"});
    files.insert(files.end(), found.begin(), found.end());
    const auto draft_files = forms_in(path / kDraftsFolder);
    files.insert(files.end(), draft_files.begin(), draft_files.end());
    drafts.insert(drafts.end(), draft_files.begin(), draft_files.end());
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
  report.files = expand(files_or_dirs, report.problems, folders, report.drafts);
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
    // A draft is not an item's form: the item still misses it until it is published.
    std::vector<std::filesystem::path> published;
    for (const auto& file : report.files)
      if (std::find(report.drafts.begin(), report.drafts.end(), file) == report.drafts.end())
        published.push_back(file);
    for (Diagnostic& missing : missing_forms(catalog, folders.front(), published))
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
