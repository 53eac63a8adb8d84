// The condition language: parsing, error columns, and evaluation semantics.
#include <gtest/gtest.h>

#include "condition.hpp"

namespace servicedesk::forms {
namespace {

/// Resolves `account` (with .kind), `request_type` and `note` as form fields 0..2.
ResolveResult resolve(std::string_view name, std::string_view attr) {
  Ref ref;
  if (name == "account") {
    ref.index = 0;
    if (attr == "kind")
      ref.attr = Ref::Attr::kind;
    else if (!attr.empty())
      return {std::nullopt, "bad attribute"};
    return {ref, {}};
  }
  if (name == "request_type")
    ref.index = 1;
  else if (name == "note")
    ref.index = 2;
  else
    return {std::nullopt, "unknown field '" + std::string(name) + "'"};
  if (!attr.empty()) return {std::nullopt, "no attributes"};
  return {ref, {}};
}

class Answers final : public ValueSource {
 public:
  std::string account_kind, request_type, note;
  Value lookup(const Ref& ref) const override {
    // Values are views: each branch must name storage that outlives the call (a ternary
    // of std::string and a literal would make a temporary).
    if (ref.index == 0) {
      return ref.attr == Ref::Attr::kind ? Value::of_text(account_kind) : Value::of_text("someone");
    }
    if (ref.index == 1) return Value::of_text(request_type);
    return Value::of_text(note);
  }
};

bool eval(std::string_view text, const Answers& answers) {
  std::vector<ConditionError> errors;
  Condition condition = Condition::compile(text, resolve, errors);
  EXPECT_TRUE(errors.empty()) << text << ": " << (errors.empty() ? "" : errors[0].message);
  return condition.eval(answers, false);
}

ConditionError first_error(std::string_view text) {
  std::vector<ConditionError> errors;
  Condition condition = Condition::compile(text, resolve, errors);
  EXPECT_FALSE(condition.present()) << text;
  EXPECT_FALSE(errors.empty()) << text;
  return errors.empty() ? ConditionError{} : errors[0];
}

TEST(ConditionLanguage, ComparesKindAndChoice) {
  Answers answers;
  answers.account_kind = "person";
  answers.request_type = "update";
  EXPECT_TRUE(eval("account.kind == 'person' and request_type in ['add', 'update']", answers));
  EXPECT_FALSE(eval("account.kind == 'administrative'", answers));
  EXPECT_TRUE(eval("account.kind != \"administrative\"", answers));
  EXPECT_TRUE(eval("request_type not in ['remove']", answers));
  EXPECT_FALSE(eval("request_type in []", answers));
}

TEST(ConditionLanguage, AndBindsTighterThanOrAndParenthesesRegroup) {
  Answers answers;
  answers.request_type = "add";
  EXPECT_TRUE(eval("request_type == 'add' or request_type == 'x' and false", answers));
  EXPECT_FALSE(eval("(request_type == 'add' or request_type == 'x') and false", answers));
  EXPECT_TRUE(eval("not not (request_type == 'add')", answers));
  EXPECT_FALSE(eval("not request_type == 'add'", answers));
}

TEST(ConditionLanguage, EmptyValuesCompareFalseBothWays) {
  Answers answers;  // nothing answered, account kind unknown
  EXPECT_FALSE(eval("account.kind == 'person'", answers));
  EXPECT_FALSE(eval("account.kind != 'person'", answers));
  EXPECT_FALSE(eval("request_type in ['add']", answers));
  EXPECT_FALSE(eval("request_type not in ['add']", answers));
  EXPECT_TRUE(eval("empty(request_type)", answers));
  EXPECT_TRUE(eval("request_type == ''", answers));
  EXPECT_FALSE(eval("request_type", answers));
  answers.note = "x";
  EXPECT_TRUE(eval("note", answers));
  EXPECT_FALSE(eval("empty(note)", answers));
}

TEST(ConditionLanguage, BooleanAndNumberLiterals) {
  Answers answers;
  answers.note = "10";
  EXPECT_TRUE(eval("true", answers));
  EXPECT_FALSE(eval("false or false", answers));
  EXPECT_TRUE(eval("note == 10", answers));
  EXPECT_TRUE(eval("note in [9, 10]", answers));
}

TEST(ConditionLanguage, SyntaxErrorsCarryTheirColumn) {
  ConditionError error = first_error("request_type == ");
  EXPECT_EQ(error.offset, 16u);
  EXPECT_NE(error.message.find("expected a field name"), std::string::npos) << error.message;
  EXPECT_EQ(first_error("request_type = 'add'").offset, 13u);
  EXPECT_EQ(first_error("(request_type == 'add'").offset, 22u);
  EXPECT_NE(first_error("(request_type == 'add'").message.find("expected ')'"), std::string::npos);
  EXPECT_EQ(first_error("request_type in 'add'").offset, 16u);
  EXPECT_EQ(first_error("request_type == 'add").offset, 16u);
  EXPECT_EQ(first_error("request_type == 'add' request_type").offset, 22u);
  EXPECT_EQ(first_error("empty request_type").offset, 6u);
  EXPECT_EQ(first_error("note # x").offset, 5u);
  EXPECT_EQ(first_error("   ").offset, 0u);
}

TEST(ConditionLanguage, UnknownReferencesPointAtTheName) {
  ConditionError error = first_error("request_type == 'add' and acount.kind == 'person'");
  EXPECT_EQ(error.offset, 26u);
  EXPECT_EQ(error.message, "unknown field 'acount'");
  EXPECT_EQ(first_error("account.kindd == 'x'").message, "bad attribute");
}

TEST(ConditionLanguage, KeepsItsTextForClients) {
  std::vector<ConditionError> errors;
  Condition condition = Condition::compile("request_type == 'add'", resolve, errors);
  Condition moved = std::move(condition);
  EXPECT_EQ(moved.text(), "request_type == 'add'");
  Answers answers;
  answers.request_type = "add";
  EXPECT_TRUE(moved.eval(answers, false));
  EXPECT_TRUE(Condition().eval(answers, true));
  EXPECT_FALSE(Condition().present());
}

}  // namespace
}  // namespace servicedesk::forms
