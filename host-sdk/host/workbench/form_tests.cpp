// `servicedesk-host test`: runs every case of the `*.tests.yaml` files against the live forms.
#include "workbench/form_tests.hpp"

#include <algorithm>

#include "catalog/catalog_files.hpp"
#include "workbench/answer_run.hpp"
#include "workbench/form_case_check.hpp"
#include "workbench/form_cases.hpp"

namespace servicedesk::host {
namespace {

struct Totals {
  std::size_t passed = 0;
  std::size_t failed = 0;
};

/// The status of the form a tests file tests, or nullptr when the folder has no such file.
const FormFileStatus* status_of(const std::vector<FormFileStatus>& statuses,
                                const std::filesystem::path& form_file) {
  for (const auto& status : statuses) {
    std::error_code ec;
    if (std::filesystem::equivalent(status.file, form_file, ec)) return &status;
  }
  return nullptr;
}

void run_file(const std::filesystem::path& file, const std::vector<FormFileStatus>& statuses,
              const FormRepository& forms, const ItemSource& items, const LiveDirectory& directory,
              std::ostream& out, Totals& totals) {
  const FormCaseFile cases = read_form_cases(file);
  for (const Diagnostic& problem : cases.problems) out << problem.to_string() << '\n';
  if (!cases.problems.empty()) {
    totals.failed += std::max<std::size_t>(cases.cases.size(), 1);
    return;
  }
  const std::filesystem::path form_file = form_file_of_tests(file);
  const FormFileStatus* status = status_of(statuses, form_file);
  std::shared_ptr<const Form> form;
  if (status != nullptr && status->ok) form = forms.find(status->item_id);
  if (!form) {
    out << file.string() << ":1: the form " << form_file.string()
        << (status == nullptr ? " is missing" : " is refused; its problems:") << '\n';
    if (status != nullptr)
      for (const Diagnostic& problem : status->diagnostics)
        out << "  " << problem.to_string() << '\n';
    totals.failed += cases.cases.size();
    return;
  }
  for (const FormCase& test : cases.cases) {
    std::vector<CaseFailure> failures;
    if (directory.find(test.as) == nullptr) {
      failures.push_back({test.as_line, "expected 'as' to name a person of the directory, got '" +
                                            test.as + "', who is not in it"});
    } else {
      AnswerSetting setting{test.as, directory.roles(test.as), test.cart, test.checkout};
      for (const auto& item : test.cart) {
        if (!items.find(item))
          failures.push_back({test.line, "expected the cart's items to be live forms, got '" +
                                             item + "', which is not"});
      }
      if (failures.empty())
        failures = check_case(test, run_answers(*form, items, directory, setting, test.answers));
    }
    for (const CaseFailure& failure : failures) {
      out << file.string() << ':' << failure.line << ": case '" << test.name
          << "': " << failure.message << '\n';
    }
    ++(failures.empty() ? totals.passed : totals.failed);
  }
}

}  // namespace

std::vector<std::filesystem::path> find_tests_files(const std::vector<std::filesystem::path>& paths,
                                                    std::vector<Diagnostic>& problems) {
  std::vector<std::filesystem::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::filesystem::path> found;
      for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
        if (entry.is_regular_file(ec) && is_form_tests_file(entry.path()))
          found.push_back(entry.path());
      }
      std::sort(found.begin(), found.end());
      if (found.empty())
        problems.push_back({path.string(), 1, 1, "no *.tests.yaml files in this folder"});
      files.insert(files.end(), found.begin(), found.end());
      continue;
    }
    std::filesystem::path file = path;
    if (!is_form_tests_file(file) && file.extension() == ".yaml")
      file.replace_extension(".tests.yaml");
    if (!std::filesystem::is_regular_file(file, ec)) {
      problems.push_back({file.string(), 1, 1, "no such tests file"});
      continue;
    }
    files.push_back(file);
  }
  return files;
}

int run_form_tests(const std::vector<std::filesystem::path>& files, const FormRepository& forms,
                   const ItemSource& items, const LiveDirectory& directory, std::ostream& out) {
  Totals totals;
  const std::vector<FormFileStatus> statuses = forms.status();
  for (const auto& file : files) run_file(file, statuses, forms, items, directory, out, totals);
  out << totals.passed << " passed, " << totals.failed << " failed\n";
  return totals.failed == 0 && !files.empty() ? 0 : 1;
}

}  // namespace servicedesk::host
