// The test cases of one form, read from `X.tests.yaml` (see docs/catalog-yaml.md, "Testing a
// form").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"

namespace servicedesk::host {

/// One expectation about a field path, with the line it is written on.
struct PathExpectation {
  std::string path;
  nlohmann::json expected;  ///< errors: list of sentences; choices: list of values; values: any
  int line = 0;
};

/// What must happen; each part is optional and checked only when written.
struct CaseExpectations {
  std::optional<bool> valid;
  int valid_line = 0;
  std::optional<bool> available;
  int available_line = 0;
  std::optional<std::string> refused;  ///< a checkout guard's message
  int refused_line = 0;
  bool errors_given = false;  ///< `errors:` lists every path with errors
  int errors_line = 0;
  std::vector<PathExpectation> errors;
  std::vector<PathExpectation> choices;
  std::vector<PathExpectation> visible;  ///< expected: true (visible) or false (hidden)
  std::vector<PathExpectation> values;
};

struct FormCase {
  std::string name;
  int line = 0;  ///< where the case starts
  std::string as;
  int as_line = 0;
  nlohmann::json answers = nlohmann::json::object();
  std::vector<std::string> cart;
  std::optional<nlohmann::json> checkout;
  CaseExpectations expect;
};

/// A tests file: its cases, or the problems that kept it from being read.
struct FormCaseFile {
  std::filesystem::path file;
  std::vector<FormCase> cases;
  std::vector<Diagnostic> problems;
};

/// Reads `X.tests.yaml`. Unknown keys, missing names and wrong shapes become problems at
/// their line ("did you mean ...?" for a near miss).
FormCaseFile read_form_cases(const std::filesystem::path& file);

}  // namespace servicedesk::host
