// The standard `date_range` form rule shipped with the host: YAML alone, checked parameters,
// and no way around it with whitespace or answers to hidden fields.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "form_text.hpp"
#include "servicedesk/forms/form.hpp"
#include "servicedesk/forms/standard_rules.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

using namespace std::chrono;

// Students borrow for at most 14 days; staff have their own, longer, return field. The
// staff field is hidden for students, so a student's answer to it must count for nothing.
constexpr const char* kBorrowerLoanForm = R"(id: laptop-loan
name: Laptop loan
category: Tests
fields:
  - { id: borrower, type: choice, mandatory: true, choices: [ {value: student}, {value: staff} ] }
  - { id: loan_begin, type: date, mandatory: true }
  - { id: loan_end, type: date, mandatory: true, visible_when: "borrower == 'student'" }
  - { id: staff_loan_end, type: date, mandatory: true, visible_when: "borrower == 'staff'" }
validators:
  - { use: date_range, start: loan_begin, end: loan_end, max_days: 14 }
  - { use: date_range, start: loan_begin, end: staff_loan_end, max_days: 90,
      message: Staff loans last at most 90 days. }
)";

const FixedCalendar kToday{sys_days(2025y / March / 1)};

Submission submit(const Form& form, const nlohmann::json& answers) {
  return form.validate(answers, EvalContext{nullptr, "student1", nullptr, &kToday});
}

const nlohmann::json kTooLong = {
    "Choose a date at most 14 days after the start date (2025-03-17 "
    "or earlier)."};

TEST(DateRange, RefusesAnEndBeforeTheStartAndALoanLongerThanMaxDays) {
  auto form = load_test_form(kBorrowerLoanForm);
  ASSERT_TRUE(form);
  EXPECT_TRUE(
      submit(*form,
             {{"borrower", "student"}, {"loan_begin", "2025-03-03"}, {"loan_end", "2025-03-17"}})
          .ok)
      << "exactly 14 days";
  EXPECT_EQ(
      submit(*form,
             {{"borrower", "student"}, {"loan_begin", "2025-03-03"}, {"loan_end", "2025-03-18"}})
          .errors_json(),
      nlohmann::json({{"loan_end", kTooLong}}));
  EXPECT_EQ(
      submit(*form,
             {{"borrower", "student"}, {"loan_begin", "2025-03-03"}, {"loan_end", "2025-03-02"}})
          .errors_json(),
      nlohmann::json({{"loan_end", {"Choose a date on or after the start date (2025-03-03)."}}}));
  EXPECT_EQ(submit(*form, {{"borrower", "staff"},
                           {"loan_begin", "2025-03-03"},
                           {"staff_loan_end", "2025-07-01"}})
                .errors_json(),
            nlohmann::json({{"staff_loan_end", {"Staff loans last at most 90 days."}}}));
}

TEST(DateRange, WhitespaceAroundEitherDateCannotBypassIt) {
  auto form = load_test_form(kBorrowerLoanForm);
  ASSERT_TRUE(form);
  for (const auto& [begin, end] :
       std::vector<std::pair<std::string, std::string>>{{"2025-03-03 ", "2025-03-23"},
                                                        {"2025-03-03", "2025-03-23 "},
                                                        {"\t2025-03-03\n", " 2025-03-23\r\n"},
                                                        {"2025-03-03\u000b", "\f2025-03-23"}}) {
    Submission submission =
        submit(*form, {{"borrower", "student"}, {"loan_begin", begin}, {"loan_end", end}});
    EXPECT_FALSE(submission.ok) << begin << "|" << end;
    EXPECT_EQ(submission.errors_json(), nlohmann::json({{"loan_end", kTooLong}}))
        << begin << "|" << end;
  }
}

TEST(DateRange, AnAnswerToAHiddenFieldCannotBypassIt) {
  auto form = load_test_form(kBorrowerLoanForm);
  ASSERT_TRUE(form);
  // A student claims the staff return field as well as (or instead of) the student one.
  Submission both = submit(*form, {{"borrower", "student"},
                                   {"loan_begin", "2025-03-03"},
                                   {"loan_end", "2025-04-30"},
                                   {"staff_loan_end", "2025-03-05"}});
  EXPECT_EQ(both.errors_json(), nlohmann::json({{"loan_end", kTooLong}}));
  Submission instead = submit(
      *form,
      {{"borrower", "student"}, {"loan_begin", "2025-03-03"}, {"staff_loan_end", "2025-04-30"}});
  EXPECT_EQ(instead.errors_json(), nlohmann::json({{"loan_end", {"This field is required."}}}));
  // An honest student's answer is stored without the hidden one.
  Submission honest = submit(*form, {{"borrower", "student"},
                                     {"loan_begin", "2025-03-03"},
                                     {"loan_end", "2025-03-10"},
                                     {"staff_loan_end", "2025-06-01"}});
  ASSERT_TRUE(honest.ok) << honest.errors_json().dump();
  EXPECT_FALSE(honest.answers->contains("staff_loan_end"));
}

TEST(DateRange, RunsLiveInEvaluateOnceBothDatesAreValid) {
  auto form = load_test_form(kBorrowerLoanForm);
  ASSERT_TRUE(form);
  const EvalContext context{nullptr, "student1", nullptr, &kToday};
  nlohmann::json state =
      form->evaluate(
              {{"loan_begin", "2025-03-03"}, {"loan_end", "2025-03-30"}, {"borrower", "student"}},
              context)
          .to_json();
  EXPECT_EQ(state["fields"]["loan_end"]["errors"], kTooLong);
  state = form->evaluate(
                  {{"loan_begin", "2025-3-3"}, {"loan_end", "2025-03-30"}, {"borrower", "student"}},
                  context)
              .to_json();
  EXPECT_EQ(state["fields"]["loan_end"]["errors"], nlohmann::json::array())
      << "waits for a valid start";
}

TEST(DateRange, ItsParametersAreCheckedAtTheirLine) {
  const std::string head = R"(id: t
name: T
category: Tests
fields:
  - { id: from, type: date }
  - { id: until, type: date }
  - { id: note, type: text }
validators:
)";
  EXPECT_EQ(
      load_problems(head + "  - { use: date_range, start: from, end: until, max_days: two }\n"),
      std::vector<std::string>{"9:59: parameter 'max_days' of form rule 'date_range': "
                               "expected a whole number, found 'two'"});
  EXPECT_EQ(load_problems(head + "  - { use: date_range, start: from, end: note }\n"),
            std::vector<std::string>{"9:42: parameter 'end' of form rule 'date_range' names "
                                     "'note', a text field; expected a date field such as from, "
                                     "until"});
  EXPECT_EQ(load_problems(head + "  - { use: date_range, start: form, end: until }\n"),
            std::vector<std::string>{"9:31: parameter 'start' of form rule 'date_range' names "
                                     "field 'form', which this form does not have; expected one "
                                     "of from, until, note"});
  EXPECT_EQ(load_problems(head + "  - { use: date_range, start: from }\n"),
            std::vector<std::string>{"9:5: missing parameter 'end' for form rule 'date_range' (the "
                                     "id of a date field)"});
  const auto negative =
      load_problems(head + "  - { use: date_range, start: from, end: until, max_days: -1 }\n");
  ASSERT_EQ(negative.size(), 1u);
  EXPECT_NE(negative[0].find("refused its parameters: 'max_days' is negative"), std::string::npos)
      << negative[0];
}

TEST(DateRange, IsRegisteredByTheHostNotByAPlugin) {
  TestCatalog catalog;
  const auto* rule = catalog.find<FormRuleFn>("date_range");
  ASSERT_NE(rule, nullptr);
  EXPECT_EQ(rule->plugin, kStandardRulesOrigin);
  EXPECT_NE(catalog.table<FormRuleFn>().refusal("date_range"), "") << "a plugin cannot take it";
}

}  // namespace
}  // namespace servicedesk::forms_test
