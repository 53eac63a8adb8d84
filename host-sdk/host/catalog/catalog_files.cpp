// Which files of a catalog folder are forms, and which hold a form's test cases.
#include "catalog/catalog_files.hpp"

#include <string>
#include <string_view>

namespace servicedesk::host {
namespace {

constexpr std::string_view kTestsSuffix = ".tests.yaml";

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() > suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_form_tests_file(const std::filesystem::path& file) {
  return ends_with(file.filename().string(), kTestsSuffix);
}

bool is_form_file_name(const std::filesystem::path& file) {
  return file.extension() == ".yaml" && !is_form_tests_file(file);
}

std::filesystem::path form_file_of_tests(const std::filesystem::path& tests_file) {
  const std::string name = tests_file.filename().string();
  return tests_file.parent_path() / (name.substr(0, name.size() - kTestsSuffix.size()) + ".yaml");
}

}  // namespace servicedesk::host
