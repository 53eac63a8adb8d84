// The form engine beyond the golden files: rule failures, exceptions, JSON shape.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "form_text.hpp"
#include "servicedesk/forms/form.hpp"
#include "test_catalog.hpp"

namespace servicedesk::forms_test {
namespace {

TEST(Engine, AThrowingRuleBecomesAFieldErrorNotACrash) {
  TestCatalog catalog;
  auto form = load_test_form(
      "id: x\nname: X\ncategory: C\nfields:\n  - { id: a, type: text, rules: [ { use: throws } ] "
      "}\n",
      catalog);
  ASSERT_TRUE(form);
  Submission submission = form->validate({{"a", "hello"}}, EvalContext{});
  EXPECT_FALSE(submission.ok);
  ASSERT_EQ(submission.errors.at("a").size(), 1u);
  // The exception's text is for the log, never for the requester.
  EXPECT_EQ(submission.errors.at("a")[0], kAnswerNotChecked);
}

TEST(Engine, EvaluationJsonHasOptionsOnlyForChoices) {
  TestCatalog catalog;
  // A choice's condition may only read fields above it.
  EXPECT_FALSE(
      load_form_text(
          "id: x\nname: X\ncategory: C\nfields:\n"
          "  - { id: a, type: choice, choices: [ { value: only, visible_when: \"b == 'y'\" } ] }\n"
          "  - { id: b, type: text }\n",
          "mem.yaml", catalog)
          .ok());
  auto form = load_test_form(
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: b, type: text }\n"
      "  - { id: a, type: choice, choices: [ { value: only, visible_when: \"b == 'y'\" } ] }\n",
      catalog);
  ASSERT_TRUE(form);
  nlohmann::json json = form->evaluate(nlohmann::json::object(), EvalContext{}).to_json();
  EXPECT_EQ(json["fields"]["a"]["options"], nlohmann::json::array());
  EXPECT_FALSE(json["fields"]["b"].contains("options"));
  EXPECT_FALSE(json.contains("form_errors"));
  json = form->evaluate({{"b", "y"}}, EvalContext{}).to_json();
  EXPECT_EQ(json["fields"]["a"]["options"],
            nlohmann::json::parse(R"([{"value":"only","label":"only"}])"));
}

TEST(Engine, WithoutADirectoryAccountsAreAcceptedButHaveNoKind) {
  TestCatalog catalog;
  auto form = load_test_form(
      "id: x\nname: X\ncategory: C\nfields:\n"
      "  - { id: account, type: directory_account }\n"
      "  - { id: phone, type: phone, visible_when: \"account.kind == 'person'\" }\n",
      catalog);
  ASSERT_TRUE(form);
  Evaluation evaluation = form->evaluate({{"account", "tuffytitan"}}, EvalContext{});
  EXPECT_TRUE(evaluation.valid);
  EXPECT_FALSE(evaluation.fields[1].second.visible);
  DemoDirectory directory;
  evaluation = form->evaluate({{"account", "tuffytitan"}}, EvalContext{&directory, "x"});
  EXPECT_TRUE(evaluation.fields[1].second.visible);
}

TEST(Engine, OverlongAnswersAreRefused) {
  TestCatalog catalog;
  auto form =
      load_test_form("id: x\nname: X\ncategory: C\nfields:\n  - { id: a, type: text }\n", catalog);
  ASSERT_TRUE(form);
  Submission submission = form->validate({{"a", std::string(5000, 'x')}}, EvalContext{});
  EXPECT_FALSE(submission.ok);
  EXPECT_EQ(submission.errors.at("a")[0], "This answer is too long (at most 4000 characters).");
}

// Evaluation speed is a benchmark's to measure (tests/bench/form_evaluation_bench.cpp, release
// build), not a timed unit test's: under a loaded machine a timed test fails on nothing.

}  // namespace
}  // namespace servicedesk::forms_test
