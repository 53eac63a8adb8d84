// Compares what a form made of a case's answers with what the case expects.
#pragma once

#include <string>
#include <vector>

#include "workbench/answer_run.hpp"
#include "workbench/form_cases.hpp"

namespace servicedesk::host {

/// One expectation that broke: its line in the tests file and "expected ..., got ...".
struct CaseFailure {
  int line = 0;
  std::string message;
};

/// Every expectation of `test` that `run` does not meet; empty when the case passes.
std::vector<CaseFailure> check_case(const FormCase& test, const AnswerRun& run);

/// `["a", "b"]` as a person reads it: `"a", "b"`, or `none`.
std::string quoted_list(const std::vector<std::string>& items);

}  // namespace servicedesk::host
