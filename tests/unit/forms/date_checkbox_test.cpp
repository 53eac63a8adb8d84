// Field types `date` (ISO 8601, bounds absolute or relative to an injected today) and
// `checkbox` (a boolean): loader, engine, what handlers receive, and the client form.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "form_text.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

using namespace std::chrono;

constexpr const char* kLoanForm = R"(id: laptop-loan
name: Laptop loan
category: Tests
fields:
  - { id: pickup, type: date, label: Pick-up day, mandatory: true, min: today, max: +30d }
  - { id: return_by, type: date, min: 2026-01-01, max: 2026-12-31 }
  - { id: needs_charger, type: checkbox, label: I need a charger }
  - { id: charger_kind, type: text, visible_when: "needs_charger" }
  - { id: agree, type: checkbox, label: I accept the loan terms, mandatory: true }
)";

const FixedCalendar kMarch14{sys_days(2026y / March / 14)};

nlohmann::json errors_of(const Form& form, const nlohmann::json& answers) {
  return form.validate(answers, EvalContext{nullptr, "x", nullptr, &kMarch14}).errors_json();
}

TEST(DateField, AcceptsAnIsoDateWithinBoundsRelativeToTheInjectedToday) {
  auto form = load_test_form(kLoanForm);
  ASSERT_TRUE(form);
  const nlohmann::json answers = {{"pickup", " 2026-03-14\t"}, {"agree", true}};
  Submission ok = form->validate(answers, EvalContext{nullptr, "x", nullptr, &kMarch14});
  ASSERT_TRUE(ok.ok) << ok.errors_json().dump();
  EXPECT_EQ((*ok.answers)["pickup"], "2026-03-14") << "trimmed, stored as typed";

  EXPECT_EQ(errors_of(*form, {{"pickup", "2026-03-13"}, {"agree", true}})["pickup"],
            nlohmann::json({"Choose a date on or after 2026-03-14."}));
  EXPECT_EQ(errors_of(*form, {{"pickup", "2026-04-14"}, {"agree", true}})["pickup"],
            nlohmann::json({"Choose a date on or before 2026-04-13."}));
  // The same answer on another day: the bounds move with the calendar, not the wall clock.
  const FixedCalendar april1{sys_days(2026y / April / 1)};
  EXPECT_FALSE(
      form->validate({{"pickup", "2026-03-14"}, {"agree", true}}, {nullptr, "x", nullptr, &april1})
          .ok);
}

TEST(DateField, RefusesWhatIsNotACalendarDateInIsoForm) {
  auto form = load_test_form(kLoanForm);
  ASSERT_TRUE(form);
  for (const char* bad : {"14/03/2026", "2026-3-14", "2026-02-30", "2026-03-14T10:00", "tomorrow",
                          "0000-01-01", "2026-13-01"}) {
    EXPECT_EQ(errors_of(*form, {{"pickup", bad}, {"agree", true}})["pickup"],
              nlohmann::json({"Enter a date as YYYY-MM-DD, for example 2026-03-14."}))
        << bad;
  }
  EXPECT_EQ(errors_of(*form, {{"pickup", 20260314}, {"agree", true}})["pickup"],
            nlohmann::json({"Expected a date as text (YYYY-MM-DD)."}));
  EXPECT_EQ(errors_of(*form, {{"pickup", "2026-03-20"},
                              {"return_by", "2027-01-01"},
                              {"agree", true}})["return_by"],
            nlohmann::json({"Choose a date on or before 2026-12-31."}));
}

TEST(DateField, EvaluateSendsTodaysBoundsForTheNativeDateInput) {
  auto form = load_test_form(kLoanForm);
  ASSERT_TRUE(form);
  const nlohmann::json state =
      form->evaluate(nlohmann::json::object(), {nullptr, "x", nullptr, &kMarch14}).to_json();
  EXPECT_EQ(state["fields"]["pickup"]["min"], "2026-03-14");
  EXPECT_EQ(state["fields"]["pickup"]["max"], "2026-04-13");
  EXPECT_EQ(state["fields"]["return_by"]["min"], "2026-01-01");
  EXPECT_FALSE(state["fields"]["needs_charger"].contains("min"));
  // The client form keeps the bounds as written.
  const nlohmann::json& field = form->client_json()["fields"][0];
  EXPECT_EQ(field["type"], "date");
  EXPECT_EQ(field["min"], "today");
  EXPECT_EQ(field["max"], "+30d");
}

TEST(CheckboxField, IsABooleanHandedOnAsOneAndFalseWhenUnanswered) {
  auto form = load_test_form(kLoanForm);
  ASSERT_TRUE(form);
  Submission ok = form->validate({{"pickup", "2026-03-20"}, {"agree", true}},
                                 EvalContext{nullptr, "x", nullptr, &kMarch14});
  ASSERT_TRUE(ok.ok) << ok.errors_json().dump();
  EXPECT_EQ((*ok.answers)["needs_charger"], false);
  EXPECT_EQ((*ok.answers)["agree"], true);
  EXPECT_FALSE(ok.answers->contains("charger_kind")) << "hidden while unchecked";

  Submission checked = form->validate({{"pickup", "2026-03-20"},
                                       {"agree", true},
                                       {"needs_charger", true},
                                       {"charger_kind", " USB-C "}},
                                      EvalContext{nullptr, "x", nullptr, &kMarch14});
  ASSERT_TRUE(checked.ok) << checked.errors_json().dump();
  EXPECT_EQ((*checked.answers)["charger_kind"], "USB-C") << "a condition on the checkbox";
}

TEST(CheckboxField, RefusesAnythingButABooleanAndMandatoryMeansChecked) {
  auto form = load_test_form(kLoanForm);
  ASSERT_TRUE(form);
  for (const nlohmann::json& bad :
       {nlohmann::json("true"), nlohmann::json(1), nlohmann::json::array({true})}) {
    EXPECT_EQ(errors_of(*form, {{"pickup", "2026-03-20"},
                                {"agree", true},
                                {"needs_charger", bad}})["needs_charger"],
              nlohmann::json({"Expected true or false."}))
        << bad.dump();
  }
  EXPECT_EQ(errors_of(*form, {{"pickup", "2026-03-20"}, {"agree", false}})["agree"],
            nlohmann::json({"This field is required."}));
  EXPECT_EQ(errors_of(*form, {{"pickup", "2026-03-20"}})["agree"],
            nlohmann::json({"This field is required."}));
}

TEST(DateField, BadBoundsAndKeysAreLoadErrorsAtTheirLine) {
  const std::string head = "id: t\nname: T\ncategory: Tests\nfields:\n";
  EXPECT_EQ(load_problems(head + "  - { id: d, type: date, min: next week }\n"),
            std::vector<std::string>{
                "5:31: 'min' is 'next week'; expected a date such as 2026-03-14, 'today', or days "
                "from today such as '+14d' or '-1d'"});
  EXPECT_EQ(
      load_problems(head + "  - { id: d, type: date, min: +14d, max: today }\n"),
      std::vector<std::string>{"5:42: 'min' (+14d) is after 'max' (today); expected min <= max"});
  const auto pattern = load_problems(head + "  - { id: d, type: date, pattern: x }\n");
  ASSERT_FALSE(pattern.empty());
  EXPECT_NE(pattern[0].find("unknown key 'pattern'"), std::string::npos) << pattern[0];
  const auto rules =
      load_problems(head + "  - { id: c, type: checkbox, rules: [ {use: upper} ] }\n");
  ASSERT_FALSE(rules.empty());
  EXPECT_NE(rules[0].find("'rules'"), std::string::npos) << rules[0];
}

TEST(DateField, WorksAsAColumnOfRows) {
  auto form = load_test_form(R"(id: t
name: T
category: Tests
fields:
  - id: stops
    type: rows
    columns:
      - { id: on, type: date, mandatory: true, min: today }
      - { id: overnight, type: checkbox }
)");
  ASSERT_TRUE(form);
  const EvalContext context{nullptr, "x", nullptr, &kMarch14};
  Submission ok = form->validate({{"stops", {{{"on", "2026-03-15"}}}}}, context);
  ASSERT_TRUE(ok.ok) << ok.errors_json().dump();
  EXPECT_EQ((*ok.answers)["stops"],
            nlohmann::json::parse(R"([{"on":"2026-03-15","overnight":false}])"));
  EXPECT_EQ(form->validate({{"stops", {{{"on", "2026-03-01"}}}}}, context).errors_json(),
            nlohmann::json({{"stops[0].on", {"Choose a date on or after 2026-03-14."}}}));
}

}  // namespace
}  // namespace servicedesk::forms_test
