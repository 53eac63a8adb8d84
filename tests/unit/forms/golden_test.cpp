// Golden tests: each tests/data/forms/golden/<form>.yaml with <form>.cases.json of answers
// and the field states, errors and cleaned answers the engine must produce.
#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

nlohmann::json read_json(const std::filesystem::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

/// Every key written in `expected` must match the actual field state.
void expect_states(const nlohmann::json& expected, const nlohmann::json& actual,
                   const std::string& where) {
  for (const auto& [path, state] : expected.at("fields").items()) {
    ASSERT_TRUE(actual.at("fields").contains(path))
        << where << ": no state for path " << path << "\n"
        << actual.dump(2);
    const nlohmann::json& got = actual.at("fields").at(path);
    for (const auto& [key, value] : state.items()) {
      EXPECT_EQ(got.value(key, nlohmann::json()), value) << where << ": " << path << "." << key;
    }
  }
  for (const auto& path : expected.value("absent", nlohmann::json::array())) {
    EXPECT_FALSE(actual.at("fields").contains(path.get<std::string>()))
        << where << ": unexpected path " << path;
  }
  EXPECT_EQ(actual.at("valid"), expected.at("valid")) << where << "\n" << actual.dump(2);
  EXPECT_EQ(actual.value("form_errors", nlohmann::json::array()),
            expected.value("form_errors", nlohmann::json::array()))
      << where;
}

void expect_submission(const nlohmann::json& expected, const Submission& submission,
                       const std::string& where) {
  EXPECT_EQ(submission.ok, expected.at("ok").get<bool>())
      << where << ": " << submission.errors_json().dump(2);
  EXPECT_EQ(submission.errors_json(), expected.value("errors", nlohmann::json::object())) << where;
  if (expected.contains("answers")) {
    ASSERT_TRUE(submission.answers) << where;
    EXPECT_EQ(*submission.answers, expected.at("answers")) << where;
  }
  if (!submission.ok) {
    EXPECT_FALSE(submission.answers) << where;
  }
}

TEST(GoldenForms, EveryCaseMatchesItsExpectedStatesAndErrors) {
  TestCatalog catalog;
  DemoDirectory directory;
  std::size_t cases = 0;
  for (const auto& entry : std::filesystem::directory_iterator(data_path("golden"))) {
    if (entry.path().extension() != ".yaml") continue;
    auto cases_file = entry.path();
    cases_file.replace_extension(".cases.json");
    ASSERT_TRUE(std::filesystem::exists(cases_file)) << cases_file;
    FormLoadResult loaded = load_form_file(entry.path(), catalog);
    ASSERT_TRUE(loaded.ok()) << (loaded.diagnostics.empty() ? ""
                                                            : loaded.diagnostics[0].to_string());
    const nlohmann::json golden = read_json(cases_file);
    for (const auto& test_case : golden.at("cases")) {
      const std::string where =
          entry.path().filename().string() + " / " + test_case.at("name").get<std::string>();
      const std::string requester = test_case.value("requester", "tessatitan");
      EvalContext context{&directory, requester};
      SCOPED_TRACE(where);
      expect_states(test_case.at("evaluate"),
                    loaded.form->evaluate(test_case.at("answers"), context).to_json(), where);
      expect_submission(test_case.at("validate"),
                        loaded.form->validate(test_case.at("answers"), context), where);
      ++cases;
    }
    for (const auto& test_case : golden.value("checkout", nlohmann::json::array())) {
      const std::string where =
          entry.path().filename().string() + " / " + test_case.at("name").get<std::string>();
      EvalContext context{&directory, "dcoordinator"};
      expect_submission(test_case.at("expect"),
                        loaded.form->validate_checkout(test_case.at("answers"), context), where);
      ++cases;
    }
  }
  EXPECT_GE(cases, 10u);
}

}  // namespace
}  // namespace servicedesk::forms_test
