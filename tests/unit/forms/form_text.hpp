// Loading a form written inline in a test: the form, or the problems found with their lines.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/handler_catalog.hpp"

namespace servicedesk::forms_test {

/// The form in `yaml`, loaded with `catalog` (the test catalog when none is given). A form
/// that does not load fails the test with its first problem and yields null.
std::shared_ptr<const Form> load_test_form(const std::string& yaml);
std::shared_ptr<const Form> load_test_form(const std::string& yaml, const HandlerCatalog& catalog);

/// Each problem found loading `yaml`, as "line:column: message".
std::vector<std::string> load_problems(const std::string& yaml);
std::vector<std::string> load_problems(const std::string& yaml, const HandlerCatalog& catalog);

}  // namespace servicedesk::forms_test
