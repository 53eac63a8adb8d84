// Compares what a form made of a case's answers with what the case expects.
#include "workbench/form_case_check.hpp"

#include <algorithm>

namespace servicedesk::host {
namespace {

const FieldState* state_at(const Evaluation& evaluation, const std::string& path) {
  for (const auto& [field, state] : evaluation.fields)
    if (field == path) return &state;
  return nullptr;
}

std::vector<std::string> strings_of(const nlohmann::json& list) {
  std::vector<std::string> out;
  for (const auto& item : list)
    out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

std::string all_errors(const std::map<std::string, std::vector<std::string>>& errors) {
  std::string out;
  for (const auto& [path, messages] : errors) {
    out += (out.empty() ? "" : "; ") + (path.empty() ? std::string("the form") : path) + ": " +
           quoted_list(messages);
  }
  return out.empty() ? "no errors" : out;
}

std::string run_outcome(const AnswerRun& run) {
  if (!run.available) return "not offered to this person";
  if (!run.refused.empty()) return "refused by a checkout guard: \"" + run.refused + "\"";
  if (run.valid()) return "valid";
  return "invalid (" + all_errors(run.errors()) + ")";
}

void check_errors(const CaseExpectations& expect, const AnswerRun& run,
                  std::vector<CaseFailure>& failures) {
  const auto actual = run.errors();
  for (const PathExpectation& wanted : expect.errors) {
    const std::vector<std::string> expected = strings_of(wanted.expected);
    auto it = actual.find(wanted.path);
    const std::vector<std::string> got =
        it == actual.end() ? std::vector<std::string>{} : it->second;
    auto sorted = [](std::vector<std::string> v) {
      std::sort(v.begin(), v.end());
      return v;
    };
    if (sorted(expected) != sorted(got)) {
      failures.push_back({wanted.line, "expected errors at '" + wanted.path + "': " +
                                           quoted_list(expected) + ", got " + quoted_list(got)});
    }
  }
  for (const auto& [path, messages] : actual) {
    const bool listed =
        std::any_of(expect.errors.begin(), expect.errors.end(),
                    [&path = path](const PathExpectation& e) { return e.path == path; });
    if (listed) continue;
    failures.push_back(
        {expect.errors_line, "expected no errors at '" + path + "', got " + quoted_list(messages)});
  }
}

void check_states(const CaseExpectations& expect, const AnswerRun& run,
                  std::vector<CaseFailure>& failures) {
  for (const PathExpectation& wanted : expect.choices) {
    const FieldState* state = state_at(run.live, wanted.path);
    if (state == nullptr || !state->has_options) {
      failures.push_back({wanted.line, "expected choices at '" + wanted.path + "', got " +
                                           (state == nullptr ? "no such field path in the form"
                                                             : "a field without choices")});
      continue;
    }
    std::vector<std::string> offered;
    for (const auto& [value, label] : state->options) offered.push_back(value);
    const std::vector<std::string> expected = strings_of(wanted.expected);
    if (offered != expected) {
      failures.push_back({wanted.line, "expected choices at '" + wanted.path +
                                           "': " + quoted_list(expected) + ", got " +
                                           quoted_list(offered)});
    }
  }
  for (const PathExpectation& wanted : expect.visible) {
    const FieldState* state = state_at(run.live, wanted.path);
    const bool visible = wanted.expected.get<bool>();
    const char* word = visible ? "visible" : "hidden";
    if (state == nullptr) {
      failures.push_back({wanted.line, "expected '" + wanted.path + "' " + word +
                                           ", got no such field path in the form"});
    } else if (state->visible != visible) {
      failures.push_back({wanted.line, "expected '" + wanted.path + "' " + word + ", got " +
                                           (state->visible ? "visible" : "hidden")});
    }
  }
}

void check_values(const CaseExpectations& expect, const AnswerRun& run,
                  std::vector<CaseFailure>& failures) {
  for (const PathExpectation& wanted : expect.values) {
    const std::string expected =
        wanted.expected.is_string() ? wanted.expected.get<std::string>() : wanted.expected.dump();
    const std::string head =
        "expected the value of '" + wanted.path + "' to be \"" + expected + "\", got ";
    if (!run.submitted.ok || !run.submitted.answers) {
      failures.push_back({wanted.line, head + "no values: the answers are " + run_outcome(run)});
      continue;
    }
    const nlohmann::json* value = value_at(*run.submitted.answers, wanted.path);
    if (value == nullptr) {
      failures.push_back(
          {wanted.line, head + "no value (the field is hidden or was not answered)"});
      continue;
    }
    const std::string got = value->is_string() ? value->get<std::string>() : value->dump();
    if (got != expected) failures.push_back({wanted.line, head + "\"" + got + "\""});
  }
}

}  // namespace

std::string quoted_list(const std::vector<std::string>& items) {
  if (items.empty()) return "none";
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "\"" : ", \"") + item + "\"";
  return out;
}

std::vector<CaseFailure> check_case(const FormCase& test, const AnswerRun& run) {
  std::vector<CaseFailure> failures;
  const CaseExpectations& expect = test.expect;
  if (expect.available && *expect.available != run.available) {
    failures.push_back({expect.available_line, std::string("expected available: ") +
                                                   (*expect.available ? "true" : "false") +
                                                   ", got " + (run.available ? "true" : "false") +
                                                   " for '" + test.as + "'"});
    return failures;
  }
  if (!run.available) {
    if (!expect.available) {
      failures.push_back({test.as_line, "expected the item to be offered to '" + test.as +
                                            "', got not offered (its available_for roles leave "
                                            "this person out)"});
    }
    return failures;
  }
  if (expect.refused && *expect.refused != run.refused) {
    failures.push_back(
        {expect.refused_line,
         "expected refused: \"" + *expect.refused + "\", got " +
             (run.refused.empty() ? std::string("not refused") : "\"" + run.refused + "\"")});
  } else if (!expect.refused && !run.refused.empty() && (expect.valid || expect.errors_given)) {
    failures.push_back({expect.valid ? expect.valid_line : expect.errors_line,
                        "expected no checkout guard to refuse, got \"" + run.refused + "\""});
  }
  if (expect.valid && *expect.valid != run.valid()) {
    failures.push_back({expect.valid_line, std::string("expected valid: ") +
                                               (*expect.valid ? "true" : "false") + ", got " +
                                               run_outcome(run)});
  }
  if (expect.errors_given) check_errors(expect, run, failures);
  check_states(expect, run, failures);
  check_values(expect, run, failures);
  return failures;
}

}  // namespace servicedesk::host
