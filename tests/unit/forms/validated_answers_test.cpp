// Handlers see only validated answers; rule failures are reported, never shown; form rules
// run live in /evaluate; `field` parameters and typed getters are checked at load.
#include <mutex>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "form_text.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

/// Collects reports, as the host's failure log would receive them.
class RecordingSink final : public HandlerFailureSink {
 public:
  struct Entry {
    std::string kind, handler, plugin, item, path, what;
  };
  void report(const HandlerFailure& f) const noexcept override {
    std::lock_guard lock(mutex_);
    entries.push_back({std::string(f.kind), std::string(f.handler), std::string(f.plugin),
                       std::string(f.item), std::string(f.path), std::string(f.what)});
  }
  mutable std::vector<Entry> entries;

 private:
  mutable std::mutex mutex_;
};

// A loan form: the end date's rule reads the start (above it); `staff_start` is offered
// only to staff, so a student's answer to it must not count.
constexpr const char* kStaffOverrideLoanForm = R"(id: laptop-loan
name: Laptop loan
category: Tests
fields:
  - { id: borrower, type: choice, mandatory: true, choices: [ {value: student}, {value: staff} ] }
  - { id: loan_begin, type: text, mandatory: true, pattern: '^\d{4}-\d{2}-\d{2}$' }
  - { id: staff_start, type: text, visible_when: "borrower == 'staff'" }
  - id: loan_end
    type: text
    mandatory: true
    rules:
      - { use: loan_within, start_field: loan_begin, override_field: staff_start, max_days: 14 }
)";

TEST(ValidatedAnswers, TrailingSpaceOnTheStartCannotBypassTheCrossFieldRule) {
  TestCatalog catalog;
  auto form = load_test_form(kStaffOverrideLoanForm, catalog);
  ASSERT_TRUE(form);
  const nlohmann::json honest = {
      {"borrower", "student"}, {"loan_begin", "2025-03-03"}, {"loan_end", "2025-03-23"}};
  nlohmann::json padded = honest;
  padded["loan_begin"] = "2025-03-03 ";
  for (const auto& answers : {honest, padded}) {
    Submission submission = form->validate(answers, EvalContext{});
    EXPECT_FALSE(submission.ok) << answers.dump();
    EXPECT_EQ(submission.errors_json().value("loan_end", nlohmann::json()),
              nlohmann::json({"A loan lasts at most 14 days."}))
        << answers.dump();
  }
  padded["loan_end"] = " 2025-03-10\t";
  Submission ok = form->validate(padded, EvalContext{});
  ASSERT_TRUE(ok.ok) << ok.errors_json().dump();
  EXPECT_EQ((*ok.answers)["loan_begin"], "2025-03-03");
}

TEST(ValidatedAnswers, AnAnswerToAHiddenFieldCannotBypassTheCrossFieldRule) {
  TestCatalog catalog;
  auto form = load_test_form(kStaffOverrideLoanForm, catalog);
  ASSERT_TRUE(form);
  // A student sends a start for the staff-only field, hoping the rule reads it.
  const nlohmann::json trick = {{"borrower", "student"},
                                {"loan_begin", "2025-03-03"},
                                {"staff_start", "2025-03-20"},
                                {"loan_end", "2025-03-23"}};
  Submission submission = form->validate(trick, EvalContext{});
  EXPECT_FALSE(submission.ok);
  EXPECT_EQ(submission.errors_json().value("loan_end", nlohmann::json()),
            nlohmann::json({"A loan lasts at most 14 days."}));
  EXPECT_FALSE(form->evaluate(trick, EvalContext{}).valid);
  // For staff the field is shown, so its answer counts.
  nlohmann::json staff = trick;
  staff["borrower"] = "staff";
  EXPECT_TRUE(form->validate(staff, EvalContext{}).ok);
}

TEST(ValidatedAnswers, AFieldRuleReadingAFieldBelowItIsALoadError) {
  TestCatalog catalog;
  const std::string yaml =
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: loan_end, type: text, rules: [ { use: loan_within, start_field: loan_begin, "
      "max_days: 3 } ] }\n"
      "  - { id: loan_begin, type: text }\n";
  const auto found = load_problems(yaml, catalog);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0],
            "5:49: field rule 'loan_within' reads 'loan_begin', which is not above 'loan_end'; a "
            "field rule sees only the answers above it (declare the field higher, or check both "
            "in a form rule)");
}

TEST(ValidatedAnswers, AFieldParameterNamingNoFieldIsALoadErrorAtItsValue) {
  TestCatalog catalog;
  const std::string yaml =
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: loan_begin, type: text }\n"
      "  - { id: loan_end, type: text, rules: [ { use: loan_within, start_field: loan_bgin, "
      "max_days: 3 } ] }\n";
  const auto found = load_problems(yaml, catalog);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0],
            "6:75: parameter 'start_field' of field rule 'loan_within' names field 'loan_bgin', "
            "which this form does not have; expected one of loan_begin, loan_end");
}

TEST(ValidatedAnswers, AGetterOfTheWrongTypeRefusesTheBindingAtLoad) {
  TestCatalog catalog;
  const auto found = load_problems(
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: note, type: text, rules: [ { use: misread, limit: '7' } ] }\n",
      catalog);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0],
            "5:45: field rule 'misread' refused its parameters: the handler reads parameter "
            "'limit' with a getter of another type than the declared text");
}

TEST(HandlerFailures, AThrowingFieldRuleIsReportedOnceAndAnsweredPlainly) {
  TestCatalog catalog;
  auto form = load_test_form(
      "id: x\nname: X\ncategory: C\nfields:\n  - { id: a, type: text, rules: [ { use: throws } ] "
      "}\n",
      catalog);
  ASSERT_TRUE(form);
  RecordingSink sink;
  EvalContext context;
  context.failures = &sink;
  Submission submission = form->validate({{"a", "hello"}}, context);
  EXPECT_FALSE(submission.ok);
  EXPECT_EQ(submission.errors_json(), nlohmann::json({{"a", {std::string(kAnswerNotChecked)}}}));
  ASSERT_EQ(sink.entries.size(), 1u);
  const auto& entry = sink.entries[0];
  EXPECT_EQ(entry.kind, "field rule");
  EXPECT_EQ(entry.handler, "throws");
  EXPECT_EQ(entry.plugin, "forms-test");
  EXPECT_EQ(entry.item, "x");
  EXPECT_EQ(entry.path, "a");
  EXPECT_EQ(entry.what, "boom");
}

TEST(HandlerFailures, AThrowingFormRuleIsAFormErrorInPlainWords) {
  TestCatalog catalog;
  auto form = load_test_form(
      "id: x\nname: X\ncategory: C\nfields:\n  - { id: a, type: text }\n"
      "validators: [ { use: throwing_form_rule } ]\n",
      catalog);
  ASSERT_TRUE(form);
  RecordingSink sink;
  EvalContext context;
  context.failures = &sink;
  const nlohmann::json json = form->evaluate({{"a", "x"}}, context).to_json();
  EXPECT_EQ(json["form_errors"], nlohmann::json({std::string(kAnswerNotChecked)}));
  ASSERT_EQ(sink.entries.size(), 1u);
  EXPECT_EQ(sink.entries[0].what, "map::at");
  EXPECT_EQ(sink.entries[0].kind, "form rule");
}

TEST(LiveFormRules, RunInEvaluateOnceTheFieldsTheyReadAreValidUnlessCostly) {
  TestCatalog catalog;
  auto form = load_test_form(
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: a, type: text, pattern: '^[a-z]+$' }\n"
      "  - { id: b, type: text, mandatory: true }\n"
      "validators: [ { use: echo_errors, field: a }, { use: costly_echo, field: b } ]\n",
      catalog);
  ASSERT_TRUE(form);
  // `a` is invalid: the rule reading it waits.
  nlohmann::json json = form->evaluate({{"a", "X1"}}, EvalContext{}).to_json();
  EXPECT_EQ(json["fields"]["a"]["errors"].size(), 1u);
  // `a` is valid though `b` is still missing: the rule reading `a` runs, trimmed value seen.
  json = form->evaluate({{"a", " abc "}}, EvalContext{}).to_json();
  EXPECT_EQ(json["fields"]["a"]["errors"], nlohmann::json({"Seen: 'abc'."}));
  // The costly rule never runs live, but does on submit.
  json = form->evaluate({{"a", "abc"}, {"b", "yes"}}, EvalContext{}).to_json();
  EXPECT_EQ(json["fields"]["b"]["errors"], nlohmann::json::array());
  Submission submission = form->validate({{"a", "abc"}, {"b", "yes"}}, EvalContext{});
  EXPECT_EQ(submission.errors_json().value("b", nlohmann::json()),
            nlohmann::json({"Seen: 'yes'."}));
}

}  // namespace
}  // namespace servicedesk::forms_test
