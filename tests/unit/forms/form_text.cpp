// Loading a form written inline in a test.
#include "form_text.hpp"

#include <gtest/gtest.h>

#include "test_catalog.hpp"

namespace servicedesk::forms_test {

std::shared_ptr<const Form> load_test_form(const std::string& yaml) {
  TestCatalog catalog;
  return load_test_form(yaml, catalog);
}

std::shared_ptr<const Form> load_test_form(const std::string& yaml, const HandlerCatalog& catalog) {
  FormLoadResult result = load_form_text(yaml, "mem.yaml", catalog);
  EXPECT_TRUE(result.ok()) << (result.diagnostics.empty() ? "" : result.diagnostics[0].to_string());
  return result.form;
}

std::vector<std::string> load_problems(const std::string& yaml) {
  TestCatalog catalog;
  return load_problems(yaml, catalog);
}

std::vector<std::string> load_problems(const std::string& yaml, const HandlerCatalog& catalog) {
  std::vector<std::string> out;
  for (const Diagnostic& d : load_form_text(yaml, "mem.yaml", catalog).diagnostics)
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message);
  return out;
}

}  // namespace servicedesk::forms_test
