// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#include "catalog/lint.hpp"

#include <algorithm>

#include "catalog/item_registration.hpp"
#include "servicedesk/forms/form.hpp"

namespace servicedesk::host {
namespace {

/// The files to check: each file as given, each folder's `*.yaml` sorted. A folder
/// without any is a problem of its own.
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
      if (entry.is_regular_file() && entry.path().extension() == ".yaml")
        found.push_back(entry.path());
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) problems.push_back({path.string(), 1, 1, "no *.yaml files in this folder"});
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

}  // namespace

int lint_paths(const std::vector<std::filesystem::path>& files_or_dirs,
               const HandlerCatalog& catalog, std::ostream& out) {
  std::vector<Diagnostic> problems;
  std::vector<std::filesystem::path> folders;
  const std::vector<std::filesystem::path> files = expand(files_or_dirs, problems, folders);
  for (const auto& diagnostic : problems) out << diagnostic.to_string() << '\n';
  std::size_t count = problems.size();
  std::size_t bad_files = 0;
  for (const auto& file : files) {
    FormLoadResult result = load_form_file(file, catalog);
    if (result.ok()) {
      if (auto problem = registration_problem(*result.form, file, catalog))
        result.diagnostics.push_back(std::move(*problem));
    }
    for (const Diagnostic& diagnostic : result.diagnostics) out << diagnostic.to_string() << '\n';
    count += result.diagnostics.size();
    if (!result.diagnostics.empty()) ++bad_files;
  }
  if (!folders.empty()) {
    for (const Diagnostic& missing : missing_forms(catalog, folders.front(), files)) {
      out << missing.to_string() << '\n';
      ++count;
    }
  }
  if (count == 0) {
    out << "lint: " << plural(files.size(), "file") << " checked, no problems found\n";
    return 0;
  }
  out << "lint: " << plural(files.size(), "file") << " checked, " << plural(count, "problem")
      << " in " << plural(bad_files, "file") << "\n";
  return 1;
}

}  // namespace servicedesk::host
