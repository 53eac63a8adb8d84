// Which files of a catalog folder are forms, and which hold a form's test cases.
#pragma once

#include <filesystem>

namespace servicedesk::host {

/// `X.tests.yaml`: the test cases of the form `X.yaml` beside it (`servicedesk-host test`).
bool is_form_tests_file(const std::filesystem::path& file);

/// A `*.yaml` that is not a tests file: a catalog-item form.
bool is_form_file_name(const std::filesystem::path& file);

/// The form a tests file tests: `X.tests.yaml` -> `X.yaml` in the same folder.
std::filesystem::path form_file_of_tests(const std::filesystem::path& tests_file);

}  // namespace servicedesk::host
