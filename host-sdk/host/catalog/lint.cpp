// `servicedesk-host lint`: checks catalog-item YAML files and prints compiler-style errors.
#include "catalog/lint.hpp"

#include <algorithm>
#include <map>

#include "servicedesk/form.hpp"

namespace servicedesk::host {

int lint_paths(const std::vector<std::filesystem::path>& files_or_dirs,
               const HandlerCatalog& handlers, std::ostream& out) {
  std::vector<std::filesystem::path> files;
  std::size_t problems = 0;
  for (const auto& path : files_or_dirs) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_regular_file() && entry.path().extension() == ".yaml")
          found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        out << path.string() << ":1:1: no *.yaml files in this folder\n";
        ++problems;
      }
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(path);
    }
  }
  std::size_t bad_files = 0;
  std::map<std::string, std::filesystem::path> ids;
  for (const auto& file : files) {
    FormLoadResult result = load_form_file(file, handlers);
    if (result.ok()) {
      auto [it, inserted] = ids.emplace(result.form->header().id, file);
      if (!inserted) {
        result.diagnostics.push_back({file.string(), 1, 1,
                                      "item id '" + it->first + "' is already defined by " +
                                          it->second.string() + "; expected a unique id per file"});
      }
    }
    for (const Diagnostic& diagnostic : result.diagnostics) out << diagnostic.to_string() << '\n';
    problems += result.diagnostics.size();
    if (!result.diagnostics.empty()) ++bad_files;
  }
  const auto plural = [](std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
  };
  if (problems == 0) {
    out << "lint: " << plural(files.size(), "file") << " checked, no problems found\n";
    return 0;
  }
  out << "lint: " << plural(files.size(), "file") << " checked, " << plural(problems, "problem")
      << " in " << plural(bad_files, "file") << "\n";
  return 1;
}

}  // namespace servicedesk::host
